//! Scanning: text to atoms (numbers, lexicon words, punctuation, spaces), atoms to pieces, pieces to expressions.
//!
//! Folding makes spellings meet: the three digit systems become ASCII, letter variants one letter
//! (`ی ى`→`ي`, `ک`→`ك`, `أ إ آ ٱ`→`ا`, `ة ۀ`→`ه`), and diacritics, tatweel, ZWNJ and bidi marks
//! disappear, so `سه‌شنبه` and `سهشنبه` are the same word.
//! Every atom keeps the byte range of its source in the original text.

use model::when::{Calendar, TimeOfDay, Weekday, WrittenDate, Zone};

use super::lexicon::{Era, Lex, Lexicon, MonthSet};

/// The folded form of one char, or `None` for a char that folding drops.
#[inline]
pub(super) fn fold(c: char) -> Option<char> {
    // The Arabic block, most of the text, from a table built from `fold_slow` itself.
    let offset = (c as u32).wrapping_sub(0x0600);
    if offset < 256 {
        return char::from_u32(ARABIC_BLOCK_FOLDS[offset as usize]);
    }
    fold_slow(c)
}

/// What `fold_slow` gives each char of the Arabic block; `u32::MAX` (no char) where it drops
/// the char.
const ARABIC_BLOCK_FOLDS: [u32; 256] = {
    let mut table = [u32::MAX; 256];
    let mut offset = 0u32;
    while offset < 256 {
        if let Some(c) = char::from_u32(0x0600 + offset)
            && let Some(folded) = fold_slow(c)
        {
            table[offset as usize] = folded as u32;
        }
        offset += 1;
    }
    table
};

/// `fold` by cases.
const fn fold_slow(c: char) -> Option<char> {
    Some(match c {
        // Arabic-Indic and Persian digits.
        '\u{0660}'..='\u{0669}' => (b'0' + (c as u32 - 0x0660) as u8) as char,
        '\u{06F0}'..='\u{06F9}' => (b'0' + (c as u32 - 0x06F0) as u8) as char,
        'ی' | 'ى' | 'ې' => 'ي',
        'ک' | 'ڪ' => 'ك',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' | 'ۀ' | 'ە' => 'ه',
        '،' | '٬' => ',',
        '٫' => '.',
        '–' | '—' | '‐' | '‑' | '−' => '-',
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => {
            return None;
        }
        '\u{FEFF}' => return None,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => '\n',
        // Fast path: the rest of the Arabic block needs no whitespace table lookup.
        '\u{0600}'..='\u{06FF}' => c,
        c if c.is_whitespace() => ' ',
        c => c.to_ascii_lowercase(),
    })
}

/// Whether a dropped char belongs to the letter before it (a diacritic or tatweel), so that
/// spans take it in.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Folds a whole string; used to fold the lexicon's spellings.
pub(super) fn fold_str(text: &str) -> String {
    text.chars().filter_map(fold).collect()
}

/// One folded char and where its source stands in the original text.
#[derive(Debug, Clone, Copy)]
struct Unit {
    c: char,
    /// Byte offsets, as `u32` to keep the unit small: documents are far below 4 GiB.
    start: u32,
    end: u32,
    /// `c.is_alphabetic()`, computed once: the Unicode table lookup is the scanner's hot spot.
    is_letter: bool,
}

fn is_letter(c: char) -> bool {
    crate::script::is_letter(c)
}

/// What an atom is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AtomKind {
    /// A run of digits: its value (saturating) and how many digits it has.
    Number { value: u32, digits: u8 },
    /// A word or words of the lexicon.
    Lex(Lex),
    /// Any other word.
    Word,
    /// One punctuation char, folded.
    Punct(char),
    /// A run of whitespace.
    Space { is_newline: bool },
}

/// A token of the scanned text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Atom {
    pub(super) kind: AtomKind,
    /// Byte offsets into the original text.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether the word starts with the Arabic article `ال`.
    pub(super) starts_with_al: bool,
}

/// Turns text into atoms, looking words up in the lexicon.
pub(super) fn atoms(text: &str, lexicon: &Lexicon) -> Vec<Atom> {
    let units = units(text);
    let mut acc: Vec<Atom> = Vec::with_capacity(units.len() / 3);
    // The units of each atom, `first..end`, so that words need no search for their chars.
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(units.len() / 3);
    let mut idx = 0;
    while idx < units.len() {
        let c = units[idx].c;
        // The end of the run of units like this one (plain loops: this is the scanner's
        // hottest code, and a closure behind `dyn` kept it from being inlined).
        let mut end = idx + 1;
        if c.is_ascii_digit() {
            while end < units.len() && units[end].c.is_ascii_digit() {
                end += 1;
            }
            let mut value: u32 = 0;
            for unit in &units[idx..end] {
                value = value.saturating_mul(10).saturating_add(unit.c as u32 - '0' as u32);
            }
            let digits = u8::try_from(end - idx).unwrap_or(u8::MAX);
            acc.push(atom(AtomKind::Number { value, digits }, &units[idx..end]));
        } else if units[idx].is_letter {
            while end < units.len() && units[end].is_letter {
                end += 1;
            }
            acc.push(atom(AtomKind::Word, &units[idx..end]));
        } else if c == ' ' || c == '\n' {
            while end < units.len() && matches!(units[end].c, ' ' | '\n') {
                end += 1;
            }
            let is_newline = units[idx..end].iter().any(|u| u.c == '\n');
            acc.push(atom(AtomKind::Space { is_newline }, &units[idx..end]));
        } else {
            acc.push(atom(AtomKind::Punct(c), &units[idx..end]));
        }
        ranges.push((idx, end));
        idx = end;
    }
    look_up_words(text, &units, acc, &ranges, lexicon)
}

fn atom(kind: AtomKind, units: &[Unit]) -> Atom {
    let start = units.first().map_or(0, |u| u.start as usize);
    let end = units.last().map_or(start, |u| u.end as usize);
    let starts_with_al = units.len() > 2 && units[0].c == 'ا' && units[1].c == 'ل';
    Atom { kind, start, end, starts_with_al }
}

/// Folds the text char by char; dropped marks widen the preceding unit.
fn units(text: &str) -> Vec<Unit> {
    let mut acc: Vec<Unit> = Vec::with_capacity(text.len() / 2);
    for (start, c) in text.char_indices() {
        let (start, end) = (start as u32, (start + c.len_utf8()) as u32);
        match fold(c) {
            Some(folded) => acc.push(Unit { c: folded, start, end, is_letter: is_letter(folded) }),
            None => {
                if let Some(last) = acc.last_mut().filter(|u| u.end == start && is_mark(c)) {
                    last.end = end;
                }
            }
        }
    }
    acc
}

/// Replaces words (and runs of words) that the lexicon knows by `Lex` atoms.
fn look_up_words(
    text: &str,
    units: &[Unit],
    atoms: Vec<Atom>,
    ranges: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Vec<Atom> {
    let text_of = |idx: usize| -> String {
        let (first, last) = ranges[idx];
        units[first..last].iter().map(|u| u.c).collect()
    };
    let mut acc = Vec::with_capacity(atoms.len());
    // The folded word, built in one buffer for the whole text.
    let mut word = String::new();
    let mut idx = 0;
    while idx < atoms.len() {
        let atom = atoms[idx];
        if atom.kind != AtomKind::Word {
            acc.push(atom);
            idx += 1;
            continue;
        }
        // Most words can start no entry, alone or after a joined و/ف, and end in no month
        // glued to ماه: pass them over. A prefix test on the first chars drops most of them
        // before their folded form is built; the rest are looked up whole.
        let (first, last) = ranges[idx];
        let chars = &units[first..last];
        let has_conjunction = chars.len() > 1 && matches!(chars[0].c, 'و' | 'ف');
        let has_month_word =
            chars.len() > 3 && chars[chars.len() - 3..].iter().map(|u| u.c).eq("ماه".chars());
        let may_start = lexicon.may_start(chars.iter().map(|u| u.c))
            || (has_conjunction && lexicon.may_start(chars[1..].iter().map(|u| u.c)));
        if !may_start && !has_month_word {
            acc.push(atom);
            idx += 1;
            continue;
        }
        word.clear();
        word.extend(chars.iter().map(|u| u.c));
        let rest = &word[word.chars().next().map_or(0, char::len_utf8)..];
        let is_candidate =
            lexicon.is_candidate(&word) || (has_conjunction && lexicon.is_candidate(rest));
        if !is_candidate && !has_month_word {
            acc.push(atom);
            idx += 1;
            continue;
        }
        if let Some((lex, end_idx)) = longest_match(&atoms, idx, &word, lexicon, &text_of) {
            // English month names are capitalized; lowercase `may`, `march` are other words.
            let is_lowercase_english = matches!(lex, Lex::Month { is_latin: true, .. })
                && text[atom.start..].starts_with(|c: char| c.is_ascii_lowercase());
            if !is_lowercase_english {
                acc.push(Atom { kind: AtomKind::Lex(lex), end: atoms[end_idx - 1].end, ..atom });
                idx = end_idx;
                continue;
            }
        }
        // `تیرماه`, `مهرماه`: a Persian month glued to ماه ("month").
        if let Some(stem) = word.strip_suffix("ماه").filter(|s| !s.is_empty())
            && let Some(entry) = lexicon.get(stem).filter(|e| matches!(e.lex, Lex::Month { .. }))
        {
            let split = start_of_nth_char(units, atom.start, stem.chars().count());
            acc.push(Atom { kind: AtomKind::Lex(entry.lex), end: split, ..atom });
            acc.push(Atom { kind: AtomKind::Lex(Lex::MonthWord), start: split, ..atom });
            idx += 1;
            continue;
        }
        // The Arabic conjunctions و and ف are written joined to the next word: `وأمس`, `فاليوم`.
        if word.chars().count() >= 3 && (word.starts_with('و') || word.starts_with('ف')) {
            let rest = &word[word.chars().next().map_or(0, char::len_utf8)..];
            if let Some((lex, end_idx)) = longest_match(&atoms, idx, rest, lexicon, &text_of) {
                let start = start_of_nth_char(units, atom.start, 1);
                let starts_with_al = rest.starts_with("ال");
                acc.push(Atom {
                    kind: AtomKind::Lex(lex),
                    start,
                    end: atoms[end_idx - 1].end,
                    starts_with_al,
                });
                idx = end_idx;
                continue;
            }
        }
        acc.push(atom);
        idx += 1;
    }
    acc
}

/// The byte offset where the `n`th unit after the one starting at `start` begins.
fn start_of_nth_char(units: &[Unit], start: usize, n: usize) -> usize {
    let first = units.partition_point(|u| (u.start as usize) < start);
    units.get(first + n).map_or(start, |u| u.start as usize)
}

/// The longest lexicon match starting with `word` (the text of `atoms[idx]`), possibly running
/// over further words separated by spaces: its meaning and the atom index after it.
fn longest_match(
    atoms: &[Atom],
    idx: usize,
    word: &str,
    lexicon: &Lexicon,
    text_of: &dyn Fn(usize) -> String,
) -> Option<(Lex, usize)> {
    let mut best = lexicon.get(word).map(|e| (e.lex, idx + 1));
    let mut key = word.to_owned();
    let mut next = idx + 1;
    while lexicon.has_longer_multiword(&key) {
        // The next word, across one run of spaces on the same line.
        let is_space =
            matches!(atoms.get(next), Some(a) if a.kind == AtomKind::Space { is_newline: false });
        let is_word = matches!(atoms.get(next + 1), Some(a) if a.kind == AtomKind::Word);
        if !is_space || !is_word {
            break;
        }
        key.push_str(&text_of(next + 1));
        next += 2;
        if let Some(entry) = lexicon.get(&key).filter(|e| e.is_multiword) {
            best = Some((entry.lex, next));
        }
    }
    best
}

/// A part of a date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PieceKind {
    /// A date; `calendar` is nominal for Hijri (`HijriUmmAlQura`).
    Date {
        calendar: Calendar,
        written: WrittenDate,
    },
    Time(TimeOfDay),
    Zone(Zone),
    Weekday {
        weekday: Weekday,
        step: i8,
    },
    Relative(i32),
    RelativeWeek(i32),
}

/// A piece and the atoms it covers, `first..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Piece {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) kind: PieceKind,
}

/// The grammar of pieces over a document's atoms.
pub(super) struct Parser<'a> {
    atoms: &'a [Atom],
    /// Whether a year like 1395 without a marker is Solar Hijri (Persian text) or lunar Hijri.
    is_persian: bool,
}

/// Whether the text reads as Persian rather than Arabic: letters and digits only Persian uses
/// (پ چ ژ گ ی ک, ۰–۹) against the Arabic-only ة and Arabic-Indic digits.
/// Persian text typed with Arabic ي and ك still has پ چ ژ گ.
///
/// It reads the UTF-8 bytes: each of these chars is two bytes whose lead (`D8`–`DB`) never
/// occurs inside another char, so a pair test is exact and skips decoding every char.
pub(super) fn is_persian(text: &str) -> bool {
    let mut score: i64 = 0;
    for pair in text.as_bytes().windows(2) {
        match (pair[0], pair[1]) {
            // پ چ ژ گ ی ک, and ۰–۹.
            (0xD9, 0xBE) | (0xDA, 0x86 | 0x98 | 0xAF | 0xA9) | (0xDB, 0x8C | 0xB0..=0xB9) => {
                score += 1;
            }
            // ة, and ٠–٩.
            (0xD8, 0xA9) | (0xD9, 0xA0..=0xA9) => score -= 1,
            _ => {}
        }
    }
    score > 0
}

impl<'a> Parser<'a> {
    pub(super) fn new(atoms: &'a [Atom], is_persian: bool) -> Parser<'a> {
        Parser { atoms, is_persian }
    }

    /// Every piece, left to right, none overlapping.
    pub(super) fn pieces(&self) -> Vec<Piece> {
        let mut acc = Vec::new();
        let mut idx = 0;
        while idx < self.atoms.len() {
            match self.piece_at(idx) {
                Some(piece) => {
                    idx = piece.end.max(idx + 1);
                    acc.push(piece);
                }
                None => idx += 1,
            }
        }
        acc
    }

    fn kind(&self, idx: usize) -> Option<AtomKind> {
        self.atoms.get(idx).map(|a| a.kind)
    }

    fn lex(&self, idx: usize) -> Option<Lex> {
        match self.kind(idx) {
            Some(AtomKind::Lex(lex)) => Some(lex),
            _ => None,
        }
    }

    fn number(&self, idx: usize) -> Option<(u32, u8)> {
        match self.kind(idx) {
            Some(AtomKind::Number { value, digits }) => Some((value, digits)),
            _ => None,
        }
    }

    fn punct(&self, idx: usize) -> Option<char> {
        match self.kind(idx) {
            Some(AtomKind::Punct(c)) => Some(c),
            _ => None,
        }
    }

    /// The index after any spaces at `idx` that stay on the same line.
    fn skip_space(&self, idx: usize) -> usize {
        match self.kind(idx) {
            Some(AtomKind::Space { is_newline: false }) => idx + 1,
            _ => idx,
        }
    }

    fn piece_at(&self, idx: usize) -> Option<Piece> {
        let piece = |end: usize, kind: PieceKind| Some(Piece { first: idx, end, kind });
        match self.kind(idx)? {
            AtomKind::Number { .. } => self.number_piece(idx),
            AtomKind::Lex(Lex::Month { .. }) => self.month_piece(idx),
            AtomKind::Lex(Lex::OrdinalDay(day)) => self.ordinal_date(idx, day),
            AtomKind::Lex(Lex::YearWord { is_persian }) => self.year_after_word(idx, is_persian),
            AtomKind::Lex(Lex::Weekday(weekday)) => {
                let next = self.skip_space(idx + 1);
                match self.lex(next) {
                    Some(Lex::Direction(step)) => {
                        piece(next + 1, PieceKind::Weekday { weekday, step })
                    }
                    _ => piece(idx + 1, PieceKind::Weekday { weekday, step: 0 }),
                }
            }
            AtomKind::Lex(Lex::Direction(step)) => {
                let next = self.skip_space(idx + 1);
                match self.lex(next) {
                    Some(Lex::Weekday(weekday)) => {
                        piece(next + 1, PieceKind::Weekday { weekday, step })
                    }
                    _ => None,
                }
            }
            AtomKind::Lex(Lex::Relative(days)) => {
                // `اليوم الوطني`, `اليوم الأول`: "the national day", "the first day", not "today".
                let next = &self.atoms.get(self.skip_space(idx + 1));
                let is_the_day = days == 0
                    && self.atoms[idx].starts_with_al
                    && next.is_some_and(|a| {
                        a.starts_with_al && !matches!(a.kind, AtomKind::Lex(Lex::Weekday(_)))
                    });
                if is_the_day { None } else { piece(idx + 1, PieceKind::Relative(days)) }
            }
            AtomKind::Lex(Lex::RelativeWeek(weeks)) => {
                piece(idx + 1, PieceKind::RelativeWeek(weeks))
            }
            AtomKind::Lex(Lex::ZoneIntro) => {
                let next = self.skip_space(idx + 1);
                match self.lex(next) {
                    Some(Lex::Place(zone)) => piece(next + 1, PieceKind::Zone(zone)),
                    _ => None,
                }
            }
            AtomKind::Lex(Lex::Place(zone @ Zone::Offset(0))) => {
                piece(idx + 1, PieceKind::Zone(zone))
            }
            _ => None,
        }
    }

    /// A numeric date, a time, a day and month name, or a year with an era.
    fn number_piece(&self, idx: usize) -> Option<Piece> {
        let (value, digits) = self.number(idx)?;
        // Not the tail of a longer number or numeric chain: `3.14`, `1/2/3`.
        let is_tail = idx >= 2
            && matches!(self.punct(idx - 1), Some('.' | '/' | '-' | ':' | ','))
            && self.number(idx - 2).is_some();
        if is_tail {
            return None;
        }
        if let Some(piece) = self.numeric_date(idx) {
            return Some(piece);
        }
        if let Some(piece) = self.time(idx) {
            return Some(piece);
        }
        if digits <= 2 && (1..=31).contains(&value) {
            let mut next = self.skip_space(idx + 1);
            if self.lex(next) == Some(Lex::Ordinal) {
                next = self.skip_space(next + 1);
            }
            // `الـ12 من مايو`, `12 من شهر رمضان`.
            let is_of = self.lex(next) == Some(Lex::Of);
            if is_of {
                next = self.skip_space(next + 1);
            }
            // `day` is at most 31.
            if let Some(piece) = self.day_month(idx, value as u8, next, is_of) {
                return Some(piece);
            }
        }
        if digits == 4 {
            let (era, end) = self.era(self.skip_space(idx + 1))?;
            if !is_plausible_year(era, value) {
                return None;
            }
            let year = i32::try_from(value).ok();
            let written = WrittenDate { year, ..WrittenDate::default() };
            let kind = PieceKind::Date { calendar: era_calendar(era), written };
            return Some(Piece { first: idx, end, kind });
        }
        None
    }

    /// A month, and perhaps a year, after a day that stands at `first`: `next` is the atom after
    /// the day (and after `من` when `is_after_of`, which may be followed by `شهر`).
    fn day_month(&self, first: usize, day: u8, next: usize, is_after_of: bool) -> Option<Piece> {
        let mut next = next;
        if is_after_of && self.lex(next) == Some(Lex::MonthOf) {
            next = self.skip_space(next + 1);
        }
        let Some(Lex::Month { .. }) = self.lex(next) else {
            return None;
        };
        let (set, month, end) = self.month(next)?;
        let (year, end) = match self.year_after(end, set) {
            Some((year, end)) => (Some(year), end),
            None => (None, end),
        };
        let written = WrittenDate { year, month: Some(month), day: Some(day) };
        Some(Piece { first, end, kind: PieceKind::Date { calendar: calendar_of(set), written } })
    }

    /// A spelled-out day: `التاسع من يوليو 2015` (Arabic ordinals need `من`),
    /// `بیست و هشتم دی 1395` (Persian ordinals stand right before the month).
    fn ordinal_date(&self, idx: usize, day: u8) -> Option<Piece> {
        let next = self.skip_space(idx + 1);
        if self.atoms[idx].starts_with_al {
            if self.lex(next) != Some(Lex::Of) {
                return None;
            }
            return self.day_month(idx, day, self.skip_space(next + 1), true);
        }
        self.day_month(idx, day, next, false)
    }

    /// `1395/10/28`, `28/10/1395`, `2015-07-21`, `٤-١٠-١٤٣٦`, with an optional era after.
    fn numeric_date(&self, idx: usize) -> Option<Piece> {
        let (a, a_digits) = self.number(idx)?;
        let sep = self.punct(idx + 1).filter(|c| matches!(c, '/' | '-' | '.'))?;
        let (b, b_digits) = self.number(idx + 2)?;
        if self.punct(idx + 3) != Some(sep) {
            return None;
        }
        let (c, c_digits) = self.number(idx + 4)?;
        let is_longer = self.punct(idx + 5) == Some(sep) && self.number(idx + 6).is_some();
        if is_longer || b_digits > 2 {
            return None;
        }
        let (year, month, day) = if a_digits == 4 && c_digits <= 2 {
            (a, b, c)
        } else if c_digits == 4 && a_digits <= 2 {
            // Day first, as in the region; month first only when day first cannot be.
            if b <= 12 { (c, b, a) } else { (c, a, b) }
        } else {
            return None;
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let (era, end) = match self.era(self.skip_space(idx + 5)) {
            Some((era, end)) => (Some(era), end),
            None => (None, idx + 5),
        };
        let calendar = match era {
            Some(era) => era_calendar(era),
            None => self.calendar_of_year(year)?,
        };
        let written = WrittenDate {
            year: i32::try_from(year).ok(),
            month: Some(month as u8),
            day: Some(day as u8),
        };
        Some(Piece { first: idx, end, kind: PieceKind::Date { calendar, written } })
    }

    /// `16:35`, `٠٤:٥٩`, `4:30:15 pm`, `10:30 م`.
    fn time(&self, idx: usize) -> Option<Piece> {
        let (hour, hour_digits) = self.number(idx)?;
        if self.punct(idx + 1) != Some(':') {
            return None;
        }
        let (minute, minute_digits) = self.number(idx + 2)?;
        if hour_digits > 2 || hour > 23 || minute_digits != 2 || minute > 59 {
            return None;
        }
        let mut end = idx + 3;
        let mut second = 0;
        if self.punct(end) == Some(':')
            && let Some((value, 2)) = self.number(end + 1).filter(|&(v, _)| v <= 59)
        {
            second = value;
            end += 2;
        }
        let mut hour = hour;
        if let Some((is_pm, after)) = self.meridiem(self.skip_space(end))
            && hour <= 12
        {
            if is_pm && hour < 12 {
                hour += 12;
            } else if !is_pm && hour == 12 {
                hour = 0;
            }
            end = after;
        }
        // All three are below 60 here.
        let time = TimeOfDay { hour: hour as u8, minute: minute as u8, second: second as u8 };
        Some(Piece { first: idx, end, kind: PieceKind::Time(time) })
    }

    /// am or pm after a time: `am`, `p.m.`, `صباحا`, `م`, `ق.ظ`.
    fn meridiem(&self, idx: usize) -> Option<(bool, usize)> {
        match self.lex(idx)? {
            Lex::Meridiem(is_pm) => Some((is_pm, idx + 1)),
            Lex::Letter('ص') => Some((false, idx + 1)),
            Lex::Letter('م') => Some((true, idx + 1)),
            // `ق.ظ` and `ب.ظ`: Persian "before noon" and "after noon".
            Lex::Letter(first @ ('ق' | 'ب')) => {
                let is_match =
                    self.punct(idx + 1) == Some('.') && self.lex(idx + 2) == Some(Lex::Letter('ظ'));
                is_match.then_some((first == 'ب', idx + 3))
            }
            // `a.m.` and `p.m.`.
            Lex::Letter(first @ ('a' | 'p')) => {
                let is_match =
                    self.punct(idx + 1) == Some('.') && self.lex(idx + 2) == Some(Lex::Letter('m'));
                if !is_match {
                    return None;
                }
                let end = if self.punct(idx + 3) == Some('.') { idx + 4 } else { idx + 3 };
                Some((first == 'p', end))
            }
            _ => None,
        }
    }

    /// A month name at `idx`, with a second name for the same month (`أيار/مايو`, `أيار (مايو)`)
    /// and a following `ماه`: its set, number and the index after it.
    fn month(&self, idx: usize) -> Option<(MonthSet, u8, usize)> {
        let Some(Lex::Month { set, month, .. }) = self.lex(idx) else {
            return None;
        };
        let mut end = idx + 1;
        let after = self.skip_space(end);
        if let Some(open @ ('/' | '(')) = self.punct(after) {
            let second = self.skip_space(after + 1);
            if let Some(Lex::Month { set: second_set, month: second_month, .. }) = self.lex(second)
                && second_set == set
                && second_month == month
            {
                end = second + 1;
                let close = self.skip_space(end);
                if open == '(' && self.punct(close) == Some(')') {
                    end = close + 1;
                }
            }
        }
        let after = self.skip_space(end);
        if self.lex(after) == Some(Lex::MonthWord) {
            end = after + 1;
        }
        Some((set, month, end))
    }

    /// A year after a month: `1395`, `سال 1395`, `, 2017`, `94` (Solar Hijri only), with an era.
    fn year_after(&self, idx: usize, set: MonthSet) -> Option<(i32, usize)> {
        let mut next = self.skip_space(idx);
        if self.punct(next) == Some(',') {
            next = self.skip_space(next + 1);
        }
        if let Some(Lex::YearWord { .. }) = self.lex(next) {
            next = self.skip_space(next + 1);
        }
        let (value, digits) = self.number(next)?;
        // A time (`28 دی 16:35`) or a longer number is not a year.
        if matches!(self.punct(next + 1), Some(':' | '.' | '/')) && self.number(next + 2).is_some()
        {
            return None;
        }
        let year = match digits {
            4 => i32::try_from(value).ok()?,
            2 if set == MonthSet::Jalali && (60..=99).contains(&value) => 1300 + value as i32,
            _ => return None,
        };
        // An era marker after the year belongs to the date; the month name already says which.
        match self.era(self.skip_space(next + 1)) {
            Some((_, end)) => Some((year, end)),
            None => Some((year, next + 1)),
        }
    }

    /// `سال 1395`, `عام 2015`, `العام 1436 هـ`: a year alone.
    fn year_after_word(&self, idx: usize, is_persian_word: bool) -> Option<Piece> {
        let next = self.skip_space(idx + 1);
        let (value, digits) = self.number(next)?;
        if matches!(self.punct(next + 1), Some(':' | '.' | '/' | '-'))
            && self.number(next + 2).is_some()
        {
            return None;
        }
        let (era, end) = match self.era(self.skip_space(next + 1)) {
            Some((era, end)) => (Some(era), end),
            None => (None, next + 1),
        };
        let year = match (digits, era) {
            (4, _) => value,
            (2, None) if (self.is_persian || is_persian_word) && (60..=99).contains(&value) => {
                1300 + value
            }
            _ => return None,
        };
        let calendar = match era {
            Some(era) if is_plausible_year(era, year) => era_calendar(era),
            Some(_) => return None,
            None if is_persian_word && (1300..=1499).contains(&year) => Calendar::Jalali,
            None => self.calendar_of_year(year)?,
        };
        let written = WrittenDate { year: i32::try_from(year).ok(), ..WrittenDate::default() };
        Some(Piece { first: idx, end, kind: PieceKind::Date { calendar, written } })
    }

    /// An English month with the day after it (`May 23, 2017`), a month and year
    /// (`مايو 2017`, `رمضان 1436هـ`, `تیر ماه 1395`), or a Persian month with `ماه` (`مرداد ماه`).
    fn month_piece(&self, idx: usize) -> Option<Piece> {
        let Some(Lex::Month { is_latin, .. }) = self.lex(idx) else {
            return None;
        };
        let (set, month, end) = self.month(idx)?;
        let mut day = None;
        let mut after_day = end;
        if is_latin {
            let mut next = self.skip_space(end);
            if self.punct(next) == Some('.') {
                next = self.skip_space(next + 1);
            }
            if let Some((value, 1..=2)) = self.number(next).filter(|&(v, _)| (1..=31).contains(&v))
            {
                let is_time = self.punct(next + 1) == Some(':');
                if !is_time {
                    day = Some(value as u8);
                    after_day = next + 1;
                    if self.lex(after_day) == Some(Lex::Ordinal) {
                        after_day += 1;
                    }
                }
            }
        }
        let (year, end) = match self.year_after(after_day, set) {
            Some((year, end)) => (Some(year), end),
            None => (None, after_day),
        };
        let has_month_word = end > idx + 1 && self.lex(end - 1) == Some(Lex::MonthWord);
        if year.is_none() && day.is_none() && !has_month_word {
            return None;
        }
        let written = WrittenDate { year, month: Some(month), day };
        let kind = PieceKind::Date { calendar: calendar_of(set), written };
        Some(Piece { first: idx, end, kind })
    }

    /// An era marker at `idx`: `هـ`, `ه.ش`, `ه.ق`, `ق`, `ش`, `م`, `هجري`, `میلادی`…
    fn era(&self, idx: usize) -> Option<(Era, usize)> {
        match self.lex(idx)? {
            Lex::Era(era) => Some((era, idx + 1)),
            Lex::Letter('ه') => {
                // `ه.ش` / `ه.ق` / `ه ش`.
                let mut second = idx + 1;
                if self.punct(second) == Some('.') {
                    second += 1;
                } else {
                    second = self.skip_space(second);
                }
                match self.lex(second) {
                    Some(Lex::Letter('ش')) => Some((Era::Jalali, second + 1)),
                    Some(Lex::Letter('ق')) => Some((Era::Hijri, second + 1)),
                    _ => Some((Era::Hijri, idx + 1)),
                }
            }
            Lex::Letter('ق') => Some((Era::Hijri, idx + 1)),
            Lex::Letter('ش') => Some((Era::Jalali, idx + 1)),
            Lex::Letter('م') => Some((Era::Gregorian, idx + 1)),
            _ => None,
        }
    }

    /// The calendar a four-digit year without a marker is in: 1300–1499 is Solar Hijri in
    /// Persian text and lunar Hijri otherwise, 1800–2199 is Gregorian, anything else no date.
    fn calendar_of_year(&self, year: u32) -> Option<Calendar> {
        match year {
            1300..=1499 if self.is_persian => Some(Calendar::Jalali),
            1300..=1499 => Some(Calendar::HijriUmmAlQura),
            1800..=2199 => Some(Calendar::Gregorian),
            _ => None,
        }
    }
}

/// Whether a four-digit number with an era marker is a year rather than, say, `500 م` (metres).
fn is_plausible_year(era: Era, value: u32) -> bool {
    match era {
        Era::Gregorian => (1000..=2199).contains(&value),
        Era::Jalali => (1000..=1599).contains(&value),
        Era::Hijri => (1000..=1699).contains(&value),
    }
}

fn era_calendar(era: Era) -> Calendar {
    match era {
        Era::Gregorian => Calendar::Gregorian,
        Era::Jalali => Calendar::Jalali,
        Era::Hijri => Calendar::HijriUmmAlQura,
    }
}

/// A month name's calendar; the name wins over any era marker after the year.
fn calendar_of(set: MonthSet) -> Calendar {
    match set {
        MonthSet::Gregorian => Calendar::Gregorian,
        MonthSet::Jalali => Calendar::Jalali,
        MonthSet::Hijri => Calendar::HijriUmmAlQura,
    }
}

/// One date or time expression: consecutive pieces joined by spaces, dashes, commas or brackets.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Expression {
    /// Byte offsets into the original text.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) date: Option<(Calendar, WrittenDate)>,
    pub(super) time: Option<TimeOfDay>,
    pub(super) zone: Option<Zone>,
    pub(super) weekday: Option<(Weekday, i8)>,
    pub(super) relative: Option<i32>,
    pub(super) relative_week: Option<i32>,
    /// Whether `الموافق` (or `برابر با`) links it to the expression before: the same day.
    pub(super) is_equivalent_of_previous: bool,
    first_atom: usize,
    end_atom: usize,
    last_piece: Option<PieceKind>,
}

impl Expression {
    /// Adds a piece if the expression has no piece of its kind yet and the order fits.
    fn absorb(&mut self, piece: &Piece) -> bool {
        let is_empty = self.last_piece.is_none();
        let fits = match piece.kind {
            // A date without a day (`عام 2023`, `تیر ماه`) stays apart from a day word.
            PieceKind::Date { calendar, written }
                if self.date.is_none()
                    && self.relative_week.is_none()
                    && (written.day.is_some()
                        || (self.relative.is_none() && self.weekday.is_none())) =>
            {
                self.date = Some((calendar, written));
                true
            }
            PieceKind::Time(time) if self.time.is_none() && self.relative_week.is_none() => {
                self.time = Some(time);
                true
            }
            PieceKind::Zone(zone)
                if self.zone.is_none() && matches!(self.last_piece, Some(PieceKind::Time(_))) =>
            {
                self.zone = Some(zone);
                true
            }
            PieceKind::Weekday { weekday, step }
                if self.weekday.is_none() && self.relative_week.is_none() =>
            {
                self.weekday = Some((weekday, step));
                true
            }
            // A relative word opens its expression: `اليوم الأحد`, `امروز (سه‌شنبه)`.
            PieceKind::Relative(days) if is_empty => {
                self.relative = Some(days);
                true
            }
            PieceKind::RelativeWeek(weeks) if is_empty => {
                self.relative_week = Some(weeks);
                true
            }
            _ => false,
        };
        if fits {
            self.last_piece = Some(piece.kind);
            self.end_atom = piece.end;
            if is_empty {
                self.first_atom = piece.first;
            }
        }
        fits
    }
}

impl Parser<'_> {
    /// Joins pieces into expressions.
    pub(super) fn expressions(&self, pieces: &[Piece]) -> Vec<Expression> {
        let mut acc: Vec<Expression> = Vec::new();
        let mut current = Expression::default();
        for piece in pieces {
            let is_joinable = current.last_piece.is_some()
                && self.is_joinable_gap(current.end_atom, piece.first)
                && current.clone().absorb(piece);
            if is_joinable {
                current.absorb(piece);
                continue;
            }
            if current.last_piece.is_some() {
                acc.push(self.finish(current, acc.last()));
            }
            current = Expression::default();
            current.absorb(piece);
        }
        if current.last_piece.is_some() {
            acc.push(self.finish(current, acc.last()));
        }
        acc
    }

    /// Whether the atoms `from..to` may stand inside one expression: spaces on one line,
    /// a few separators, `الساعة` / `ساعت` / "at".
    fn is_joinable_gap(&self, from: usize, to: usize) -> bool {
        if to < from || to - from > 6 {
            return false;
        }
        let mut n_punct = 0;
        for atom in &self.atoms[from..to] {
            match atom.kind {
                AtomKind::Space { is_newline: false } | AtomKind::Lex(Lex::At) => {}
                AtomKind::Punct('-' | ',' | '(' | ')' | '/' | '|') => n_punct += 1,
                _ => return false,
            }
        }
        n_punct <= 3
    }

    /// Sets the byte range, takes in a closing bracket, and marks a `الموافق` link.
    fn finish(&self, mut expression: Expression, previous: Option<&Expression>) -> Expression {
        let inside = &self.atoms[expression.first_atom..expression.end_atom];
        let n_open = inside.iter().filter(|a| a.kind == AtomKind::Punct('(')).count();
        let n_close = inside.iter().filter(|a| a.kind == AtomKind::Punct(')')).count();
        if n_open > n_close {
            let close = self.skip_space(expression.end_atom);
            if self.punct(close) == Some(')') {
                expression.end_atom = close + 1;
            }
        }
        expression.start = self.atoms[expression.first_atom].start;
        expression.end = self.atoms[expression.end_atom - 1].end;
        if let Some(previous) = previous {
            expression.is_equivalent_of_previous =
                self.is_equivalence_gap(previous.end_atom, expression.first_atom);
        }
        expression
    }

    /// Whether the atoms between two expressions are only `الموافق` with spaces and brackets.
    fn is_equivalence_gap(&self, from: usize, to: usize) -> bool {
        if to < from || to - from > 6 {
            return false;
        }
        let mut n_links = 0;
        for atom in &self.atoms[from..to] {
            match atom.kind {
                AtomKind::Lex(Lex::Equivalent) => n_links += 1,
                AtomKind::Space { is_newline: false } | AtomKind::Punct('(' | ',' | '-' | ')') => {}
                _ => return false,
            }
        }
        n_links == 1
    }
}
