//! Normalized text for matching and search, with a map back to the original bytes.
//!
//! The normalized form folds what Arabic and Persian writers, keyboards and scrapers vary on:
//! letter variants (ك/ک, ي/ى/ی, أ/إ/آ/ٱ, ة, ۀ), diacritics and shadda, tatweel, the three digit
//! systems, Arabic punctuation, quotes, every kind of space, invisible format characters, and
//! Latin case. For Persian it also joins the pieces that a zero-width non-joiner (ZWNJ) binds,
//! so that `سه‌شنبه`, `سه شنبه` and `سهشنبه` all become `سهشنبه`.
//!
//! **Invariant:** `normalize(normalize(x)) == normalize(x)`, and every normalized char maps to a
//! char boundary of the original text (checked by property tests).

use model::{Lang, Span};

/// Normalized text with its map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormText {
    text: String,
    /// `(offset in text, offset in original)` for each char of `text`, then `(text.len(), end)`.
    map: Vec<(u32, u32)>,
}

impl NormText {
    /// The normalized string.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The char map, as documented on `model::Paragraph::norm_map`.
    pub fn map(&self) -> &[(u32, u32)] {
        &self.map
    }

    /// Splits into the normalized string and its map.
    pub fn into_parts(self) -> (String, Vec<(u32, u32)>) {
        (self.text, self.map)
    }

    /// Maps a byte range of the normalized text to the original text.
    pub fn to_original(&self, span: Span) -> Span {
        model::norm_to_original(&self.map, span)
    }
}

/// What one original char becomes.
#[derive(Clone, Copy)]
enum Fold {
    Keep(char),
    Drop,
    Space,
    Lower(char),
}

fn fold(c: char) -> Fold {
    // The Arabic block, most of the text, from a table.
    let offset = (c as u32).wrapping_sub(0x0600);
    if offset < 256 {
        return ARABIC_BLOCK_FOLDS[offset as usize];
    }
    match c {
        // Fast path: plain ASCII needs no table lookups.
        'a'..='z' | '0'..='9' => Fold::Keep(c),
        // Soft hyphen, zero-width and bidi format characters, byte order mark.
        '\u{00AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Fold::Drop,
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' => Fold::Keep('"'),
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′' => Fold::Keep('\''),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => Fold::Keep('-'),
        '…' => Fold::Keep('.'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Fold::Space,
        c if c.is_whitespace() => Fold::Space,
        c if c.is_control() => Fold::Drop,
        c if c.is_uppercase() => Fold::Lower(c),
        c => Fold::Keep(c),
    }
}

/// How each char of the Arabic block (U+0600–U+06FF) folds.
const ARABIC_BLOCK_FOLDS: [Fold; 256] = {
    let mut table = [Fold::Drop; 256];
    let mut offset = 0u32;
    while offset < 256 {
        if let Some(c) = char::from_u32(0x0600 + offset) {
            table[offset as usize] = fold_arabic_block(c);
        }
        offset += 1;
    }
    table
};

/// `fold` for a char of the Arabic block, by cases.
const fn fold_arabic_block(c: char) -> Fold {
    match c {
        // Harakat, tanwin, shadda, sukun, hamza marks, superscript alef, Quranic annotation
        // marks, tatweel.
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}' => Fold::Drop,
        'ك' | 'ک' | 'ڪ' => Fold::Keep('ك'),
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ے' => Fold::Keep('ي'),
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::Keep('ا'),
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ۂ' | 'ۃ' => Fold::Keep('ه'),
        '٠'..='٩' => Fold::Keep((b'0' + (c as u32 - 0x0660) as u8) as char),
        '۰'..='۹' => Fold::Keep((b'0' + (c as u32 - 0x06F0) as u8) as char),
        '،' | '٬' => Fold::Keep(','),
        '؛' => Fold::Keep(';'),
        '؟' => Fold::Keep('?'),
        '٪' => Fold::Keep('%'),
        '٫' | '۔' => Fold::Keep('.'),
        c => Fold::Keep(c),
    }
}

/// Normalizes `text`, a piece of the original text that starts at byte `base` of it.
///
/// `lang` switches on the Persian joining rules (`Lang::Fa` only): Arabic has no ZWNJ,
/// and its words `مي` and `ها` must stay words. Leading and trailing space is dropped and
/// runs of space become one ASCII space.
pub fn normalize(text: &str, base: usize, lang: Lang) -> NormText {
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<(u32, u32)> = Vec::with_capacity(text.len() / 2 + 1);
    let mut pending_space: Option<u32> = None;
    let offset = |i: usize| u32::try_from(base + i).unwrap_or(u32::MAX);
    for (i, c) in text.char_indices() {
        let folded = fold(c);
        if let Fold::Space = folded {
            if !out.is_empty() && pending_space.is_none() {
                pending_space = Some(offset(i));
            }
            continue;
        }
        if let Fold::Drop = folded {
            continue;
        }
        if let Some(space_at) = pending_space.take() {
            map.push((out.len() as u32, space_at));
            out.push(' ');
        }
        match folded {
            Fold::Keep(k) => {
                map.push((out.len() as u32, offset(i)));
                out.push(k);
            }
            Fold::Lower(u) => {
                for l in u.to_lowercase() {
                    // A lowercase form can itself be a char we fold (e.g. U+0130 gives a combining dot).
                    map.push((out.len() as u32, offset(i)));
                    out.push(l);
                }
            }
            Fold::Space | Fold::Drop => {}
        }
    }
    let end = offset(text.trim_end().len());
    let mut res = NormText { text: out, map };
    if lang == Lang::Fa {
        res = join_persian(res);
    }
    res.map.push((res.text.len() as u32, end));
    res
}

/// Persian verbal prefixes that a ZWNJ binds to the verb (`می‌کنند`), in normalized letters.
const JOIN_PREFIXES: &[&str] = &["مي", "نمي"];
/// Persian suffixes that a ZWNJ binds to the word before (`گروه‌های`, `بزرگ‌ترین`, `کرده‌اند`).
const JOIN_SUFFIXES: &[&str] = &[
    "ها",
    "هاي",
    "هايي",
    "هايم",
    "هايت",
    "هايش",
    "هايمان",
    "هايتان",
    "هايشان",
    "تر",
    "ترين",
    "اند",
    "ايم",
    "ايد",
];
/// Numerals that form weekday names with `شنبه` (`سه‌شنبه`, `پنج‌شنبه`).
const WEEKDAY_NUMERALS: &[&str] = &["يك", "دو", "سه", "چهار", "پنج"];

/// Removes the spaces that stand where Persian writes a ZWNJ, so that the spelled-out,
/// ZWNJ and lost-ZWNJ forms of one word meet.
fn join_persian(norm: NormText) -> NormText {
    let text = &norm.text;
    if !text.contains(' ') {
        return norm;
    }
    // Word boundaries are the single spaces left after collapsing.
    let words: Vec<(usize, usize)> = {
        let mut acc = Vec::new();
        let mut start = 0;
        for (i, b) in text.bytes().enumerate() {
            if b == b' ' {
                acc.push((start, i));
                start = i + 1;
            }
        }
        acc.push((start, text.len()));
        acc
    };
    let mut drop_space_at: Vec<usize> = Vec::new();
    for pair in words.windows(2) {
        let (before, after) = (&text[pair[0].0..pair[0].1], &text[pair[1].0..pair[1].1]);
        let is_join = JOIN_PREFIXES.contains(&before)
            || JOIN_SUFFIXES.contains(&after)
            || (after == "شنبه" && WEEKDAY_NUMERALS.contains(&before));
        if is_join && !before.is_empty() && !after.is_empty() {
            drop_space_at.push(pair[1].0 - 1);
        }
    }
    if drop_space_at.is_empty() {
        return norm;
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(norm.map.len());
    let mut drops = drop_space_at.iter().peekable();
    for &(n, o) in &norm.map {
        let n = n as usize;
        if drops.peek() == Some(&&n) {
            drops.next();
            continue;
        }
        let c = text[n..].chars().next().expect("map entries start chars");
        map.push((out.len() as u32, o));
        out.push(c);
    }
    NormText { text: out, map }
}

#[cfg(test)]
mod tests;
