//! The words of date expressions: month, weekday, relative-day, era and zone names in Arabic, Persian and English.
//!
//! Entries are written as they are spelled; `Lexicon::build` folds them the way the scanner folds
//! text (see `scan::fold`), so one entry covers `الأربعاء` and `الاربعاء`, or `سه‌شنبه`, `سه شنبه`
//! and the `سهشنبه` that lost its ZWNJ.
//! An entry written with a space or ZWNJ may match across words; any other entry matches one word.

use model::when::{Weekday, Zone};

use super::scan::fold_str;
use crate::script::WordSet;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum MonthSet {
    Gregorian,
    Jalali,
    Hijri,
}

/// A calendar an era marker names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Era {
    Gregorian,
    Jalali,
    Hijri,
}

/// What a lexicon word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Lex {
    /// A month name; `is_latin` for English names, which put the day after the month.
    Month {
        set: MonthSet,
        month: u8,
        is_latin: bool,
    },
    Weekday(Weekday),
    /// اليوم 0, أمس -1, غدا +1.
    Relative(i32),
    /// الأسبوع الماضي -1.
    RelativeWeek(i32),
    /// Which weekday of several: الماضي / last -1, المقبل / next +1.
    Direction(i8),
    /// A spelled-out era: هجري, ميلادي, شمسی.
    Era(Era),
    /// A one-letter abbreviation whose meaning depends on what precedes it:
    /// `ه` `ق` `ش` `م` after a year are eras, `م` `ص` after a time are pm and am,
    /// and `ق.ظ` / `ب.ظ` are the Persian am and pm.
    Letter(char),
    /// بتوقيت, به وقت: a zone name follows.
    ZoneIntro,
    /// A zone's place name; only GMT-like names stand without a `ZoneIntro`.
    Place(Zone),
    /// ماه, "month", after a Persian month name.
    MonthWord,
    /// سال, عام: "year", before a year number; `is_persian` for سال, which puts a bare 13xx
    /// year in the Solar Hijri calendar.
    YearWord {
        is_persian: bool,
    },
    /// الساعة, ساعت, "at": may stand between a date and its time.
    At,
    /// am (false) or pm (true), spelled out.
    Meridiem(bool),
    /// `st`, `nd`, `rd`, `th` after an English day number.
    Ordinal,
    /// A spelled-out day of the month: التاسع, الحادي عشر, بیست و هشتم.
    OrdinalDay(u8),
    /// من, "of", between a day and its month: `الأول من مايو`.
    Of,
    /// شهر, "the month of", between `من` and a month name: `من شهر رمضان`.
    MonthOf,
    /// الموافق, برابر با: the next date is the same day in another calendar.
    Equivalent,
}

const GREGORIAN_MONTHS: &[(&str, u8)] = &[
    // Egyptian and Gulf usage.
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("إبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونية", 6),
    ("يوليو", 7),
    ("يولية", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Levantine and Iraqi usage.
    ("كانون الثاني", 1),
    ("كانون ثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين أول", 10),
    ("تشرين الثاني", 11),
    ("تشرين ثاني", 11),
    ("كانون الأول", 12),
    ("كانون أول", 12),
    // Maghrebi usage.
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("جويلة", 7),
    ("أوت", 8),
    // Persian names of Gregorian months.
    ("ژانویه", 1),
    ("فوریه", 2),
    ("آوریل", 4),
    ("آپریل", 4),
    ("مه", 5),
    ("می", 5),
    ("ژوئن", 6),
    ("ژوئیه", 7),
    ("جولای", 7),
    ("اوت", 8),
    ("آگوست", 8),
    ("سپتامبر", 9),
    ("اکتبر", 10),
    ("نوامبر", 11),
    ("دسامبر", 12),
];

const ENGLISH_MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const JALALI_MONTHS: &[(&str, u8)] = &[
    ("فروردین", 1),
    ("اردیبهشت", 2),
    ("خرداد", 3),
    ("تیر", 4),
    ("مرداد", 5),
    ("امرداد", 5),
    ("شهریور", 6),
    ("مهر", 7),
    ("آبان", 8),
    ("آذر", 9),
    ("دی", 10),
    ("بهمن", 11),
    ("اسفند", 12),
];

const HIJRI_MONTHS: &[(&str, u8)] = &[
    ("محرم", 1),
    ("المحرم", 1),
    ("محرم الحرام", 1),
    ("صفر", 2),
    ("صفر المظفر", 2),
    ("ربيع الأول", 3),
    ("ربيع أول", 3),
    ("ربیع‌الاول", 3),
    ("ربيع الآخر", 4),
    ("ربيع الثاني", 4),
    ("ربيع ثاني", 4),
    ("ربیع‌الثانی", 4),
    ("جمادى الأولى", 5),
    ("جمادى الأول", 5),
    ("جمادی‌الاول", 5),
    ("جمادى الآخرة", 6),
    ("جمادى الآخر", 6),
    ("جمادى الثانية", 6),
    ("جمادی‌الثانی", 6),
    ("رجب", 7),
    ("رجب المرجب", 7),
    ("شعبان", 8),
    ("شعبان المعظم", 8),
    ("رمضان", 9),
    ("رمضان المبارك", 9),
    ("شوال", 10),
    ("ذو القعدة", 11),
    ("ذي القعدة", 11),
    ("ذی‌قعده", 11),
    ("ذو الحجة", 12),
    ("ذي الحجة", 12),
    ("ذی‌حجه", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("الاثنين", Weekday::Monday),
    ("الإثنين", Weekday::Monday),
    ("الأثنين", Weekday::Monday),
    ("دوشنبه", Weekday::Monday),
    ("دو شنبه", Weekday::Monday),
    ("monday", Weekday::Monday),
    ("الثلاثاء", Weekday::Tuesday),
    ("الثلثاء", Weekday::Tuesday),
    ("سه‌شنبه", Weekday::Tuesday),
    ("tuesday", Weekday::Tuesday),
    ("الأربعاء", Weekday::Wednesday),
    ("الإربعاء", Weekday::Wednesday),
    ("چهارشنبه", Weekday::Wednesday),
    ("چهار شنبه", Weekday::Wednesday),
    ("wednesday", Weekday::Wednesday),
    ("الخميس", Weekday::Thursday),
    ("پنج‌شنبه", Weekday::Thursday),
    ("thursday", Weekday::Thursday),
    ("الجمعة", Weekday::Friday),
    ("جمعه", Weekday::Friday),
    ("friday", Weekday::Friday),
    ("السبت", Weekday::Saturday),
    ("شنبه", Weekday::Saturday),
    ("saturday", Weekday::Saturday),
    ("الأحد", Weekday::Sunday),
    ("یکشنبه", Weekday::Sunday),
    ("یک شنبه", Weekday::Sunday),
    ("sunday", Weekday::Sunday),
];

const RELATIVE_DAYS: &[(&str, i32)] = &[
    ("اليوم", 0),
    ("امروز", 0),
    ("today", 0),
    ("أمس", -1),
    ("بالأمس", -1),
    ("يوم أمس", -1),
    ("البارحة", -1),
    ("دیروز", -1),
    ("yesterday", -1),
    ("غدا", 1),
    ("غد", 1),
    ("يوم غد", 1),
    ("فردا", 1),
    ("tomorrow", 1),
    ("أول أمس", -2),
    ("أول من أمس", -2),
    ("أمس الأول", -2),
    ("پریروز", -2),
    ("بعد غد", 2),
    ("پس‌فردا", 2),
];

const RELATIVE_WEEKS: &[(&str, i32)] = &[
    ("الأسبوع الماضي", -1),
    ("الأسبوع المنصرم", -1),
    ("الأسبوع الفائت", -1),
    ("هفته گذشته", -1),
    ("هفته پیش", -1),
    ("هفته قبل", -1),
    ("last week", -1),
    ("هذا الأسبوع", 0),
    ("الأسبوع الجاري", 0),
    ("الأسبوع الحالي", 0),
    ("این هفته", 0),
    ("هفته جاری", 0),
    ("this week", 0),
    ("الأسبوع المقبل", 1),
    ("الأسبوع القادم", 1),
    ("هفته آینده", 1),
    ("هفته بعد", 1),
    ("next week", 1),
];

const DIRECTIONS: &[(&str, i8)] = &[
    ("الماضي", -1),
    ("الماضية", -1),
    ("المنصرم", -1),
    ("الفائت", -1),
    ("گذشته", -1),
    ("last", -1),
    ("المقبل", 1),
    ("المقبلة", 1),
    ("القادم", 1),
    ("القادمة", 1),
    ("آینده", 1),
    ("next", 1),
];

const ERAS: &[(&str, Era)] = &[
    ("هجري", Era::Hijri),
    ("هجرية", Era::Hijri),
    ("للهجرة", Era::Hijri),
    ("قمری", Era::Hijri),
    ("هجری قمری", Era::Hijri),
    ("شمسی", Era::Jalali),
    ("هجری شمسی", Era::Jalali),
    ("خورشیدی", Era::Jalali),
    ("ميلادي", Era::Gregorian),
    ("ميلادية", Era::Gregorian),
    ("للميلاد", Era::Gregorian),
];

const LETTERS: &[char] = &['ه', 'ق', 'ش', 'م', 'ص', 'ظ', 'ب', 'a', 'p', 'm'];

const ZONE_INTROS: &[&str] = &["بتوقيت", "توقيت", "بالتوقيت", "به وقت", "وقت"];

const PLACES: &[(&str, Zone)] = &[
    ("غرينتش", Zone::Offset(0)),
    ("غرينيتش", Zone::Offset(0)),
    ("جرينتش", Zone::Offset(0)),
    ("جرينيتش", Zone::Offset(0)),
    ("گرینویچ", Zone::Offset(0)),
    ("gmt", Zone::Offset(0)),
    ("utc", Zone::Offset(0)),
    ("تهران", Zone::Tehran),
    ("طهران", Zone::Tehran),
    ("دمشق", Zone::Damascus),
    ("مكة المكرمة", Zone::Offset(180)),
    ("مكة", Zone::Offset(180)),
    ("الرياض", Zone::Offset(180)),
    ("السعودية", Zone::Offset(180)),
    ("المحلي", Zone::Local),
    ("محلی", Zone::Local),
];

/// Arabic ordinal days 1 to 10, and the units used in 21 to 29 (`الحادي والعشرين`).
const ARABIC_ORDINALS: &[&str] = &[
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// Persian ordinal days 1 to 9 (`یکم` or `اول`), then 10 to 19.
const PERSIAN_UNITS: &[&str] =
    &["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"];
const PERSIAN_TEENS: &[&str] = &[
    "دهم",
    "یازدهم",
    "دوازدهم",
    "سیزدهم",
    "چهاردهم",
    "پانزدهم",
    "شانزدهم",
    "هفدهم",
    "هجدهم",
    "نوزدهم",
];

/// Every spelled-out day of the month, 1 to 31, in Arabic and Persian.
fn ordinal_days() -> Vec<(String, u8)> {
    let mut acc: Vec<(String, u8)> = Vec::new();
    for (idx, &unit) in ARABIC_ORDINALS.iter().enumerate() {
        // At most 10.
        acc.push((unit.to_owned(), idx as u8 + 1));
    }
    acc.push(("الاول".to_owned(), 1));
    // 11 and 12 have their own unit forms; 13 to 19 reuse the ordinals.
    acc.push(("الحادي عشر".to_owned(), 11));
    acc.push(("الثاني عشر".to_owned(), 12));
    for (idx, &unit) in ARABIC_ORDINALS.iter().enumerate().take(9).skip(2) {
        acc.push((format!("{unit} عشر"), idx as u8 + 11));
    }
    for (tens, base) in [("العشرين", 20), ("العشرون", 20), ("الثلاثين", 30), ("الثلاثون", 30)]
    {
        acc.push((tens.to_owned(), base));
    }
    for (tens, base, last) in [("العشرين", 20, 9), ("العشرون", 20, 9), ("الثلاثين", 30, 1)]
    {
        let bare = tens.trim_start_matches("ال");
        for unit in 1..=last {
            let name = if unit == 1 { "الحادي" } else { ARABIC_ORDINALS[unit - 1] };
            acc.push((format!("{name} وال{bare}"), base + unit as u8));
        }
    }
    acc.push(("اول".to_owned(), 1));
    for (idx, &unit) in PERSIAN_UNITS.iter().enumerate() {
        acc.push((unit.to_owned(), idx as u8 + 1));
    }
    for (idx, &teen) in PERSIAN_TEENS.iter().enumerate() {
        acc.push((teen.to_owned(), idx as u8 + 10));
    }
    acc.push(("هیجدهم".to_owned(), 18));
    acc.push(("بیستم".to_owned(), 20));
    acc.push(("سی‌ام".to_owned(), 30));
    acc.push(("سی ام".to_owned(), 30));
    for (idx, &unit) in PERSIAN_UNITS.iter().enumerate() {
        acc.push((format!("بیست و {unit}"), idx as u8 + 21));
    }
    acc.push(("سی و یکم".to_owned(), 31));
    acc
}

const OTHERS: &[(&str, Lex)] = &[
    ("من", Lex::Of),
    ("شهر", Lex::MonthOf),
    ("ماه", Lex::MonthWord),
    ("سال", Lex::YearWord { is_persian: true }),
    ("عام", Lex::YearWord { is_persian: false }),
    ("العام", Lex::YearWord { is_persian: false }),
    ("سنة", Lex::YearWord { is_persian: false }),
    ("السنة", Lex::YearWord { is_persian: false }),
    ("الساعة", Lex::At),
    ("ساعت", Lex::At),
    ("at", Lex::At),
    ("صباحا", Lex::Meridiem(false)),
    ("صباحاً", Lex::Meridiem(false)),
    ("am", Lex::Meridiem(false)),
    ("مساء", Lex::Meridiem(true)),
    ("مساءً", Lex::Meridiem(true)),
    ("مساءا", Lex::Meridiem(true)),
    ("ظهرا", Lex::Meridiem(true)),
    ("pm", Lex::Meridiem(true)),
    ("st", Lex::Ordinal),
    ("nd", Lex::Ordinal),
    ("rd", Lex::Ordinal),
    ("th", Lex::Ordinal),
    ("الموافق", Lex::Equivalent),
    ("برابر با", Lex::Equivalent),
    ("مطابق با", Lex::Equivalent),
];

/// The length of the key prefixes `Lexicon::may_start` checks.
const PREFIX: usize = 4;

/// One folded key.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// The folded spelling with spaces and ZWNJs removed.
    pub(super) key: String,
    /// Whether the spelling had a space or ZWNJ, so may match across words.
    pub(super) is_multiword: bool,
    /// The meaning.
    pub(super) lex: Lex,
}

/// Every entry, folded and sorted by key for binary search.
#[derive(Debug)]
pub(super) struct Lexicon {
    entries: Vec<Entry>,
    /// Every prefix of one to four chars of every key, padded with `'\0'`, sorted: most words
    /// of a text start no key, and are passed over without building their folded form.
    prefixes: Vec<[char; PREFIX]>,
    /// Every folded word that `get` or `has_longer_multiword` answers for: each key, and each
    /// char prefix of a multi-word key. A word outside it starts no match.
    candidates: WordSet<String>,
}

impl Lexicon {
    /// Folds and sorts the tables; build it once per run (see `dates::Lexicon`).
    pub(super) fn build() -> Lexicon {
        let mut entries = Vec::with_capacity(400);
        let mut add = |spelling: &str, lex: Lex| {
            entries.push(Entry {
                key: fold_str(spelling).chars().filter(|&c| c != ' ').collect(),
                is_multiword: spelling.contains([' ', '\u{200C}']),
                lex,
            });
        };
        for &(spelling, month) in GREGORIAN_MONTHS {
            add(spelling, Lex::Month { set: MonthSet::Gregorian, month, is_latin: false });
        }
        for &(spelling, month) in ENGLISH_MONTHS {
            add(spelling, Lex::Month { set: MonthSet::Gregorian, month, is_latin: true });
        }
        for &(spelling, month) in JALALI_MONTHS {
            add(spelling, Lex::Month { set: MonthSet::Jalali, month, is_latin: false });
        }
        for &(spelling, month) in HIJRI_MONTHS {
            add(spelling, Lex::Month { set: MonthSet::Hijri, month, is_latin: false });
        }
        for &(spelling, weekday) in WEEKDAYS {
            add(spelling, Lex::Weekday(weekday));
        }
        for &(spelling, days) in RELATIVE_DAYS {
            add(spelling, Lex::Relative(days));
        }
        for &(spelling, weeks) in RELATIVE_WEEKS {
            add(spelling, Lex::RelativeWeek(weeks));
        }
        for &(spelling, step) in DIRECTIONS {
            add(spelling, Lex::Direction(step));
        }
        for &(spelling, era) in ERAS {
            add(spelling, Lex::Era(era));
        }
        for &letter in LETTERS {
            add(letter.encode_utf8(&mut [0; 4]), Lex::Letter(letter));
        }
        for &spelling in ZONE_INTROS {
            add(spelling, Lex::ZoneIntro);
        }
        for &(spelling, zone) in PLACES {
            add(spelling, Lex::Place(zone));
        }
        for &(spelling, lex) in OTHERS {
            add(spelling, lex);
        }
        for (spelling, day) in ordinal_days() {
            add(&spelling, Lex::OrdinalDay(day));
        }
        entries.sort_by(|a, b| a.key.cmp(&b.key).then(b.is_multiword.cmp(&a.is_multiword)));
        // Spellings that fold alike and mean the same are kept once. The multi-word one wins:
        // any entry matches a single word, but only a multi-word one matches across words.
        entries.dedup_by(|later, earlier| later.key == earlier.key && later.lex == earlier.lex);
        let mut prefixes: Vec<[char; PREFIX]> = Vec::with_capacity(entries.len() * PREFIX);
        for entry in &entries {
            let mut prefix = ['\0'; PREFIX];
            for (i, c) in entry.key.chars().take(PREFIX).enumerate() {
                prefix[i] = c;
                prefixes.push(prefix);
            }
        }
        prefixes.sort_unstable();
        prefixes.dedup();
        let mut candidates = WordSet::default();
        for entry in &entries {
            if entry.is_multiword {
                for (end, _) in entry.key.char_indices().skip(1) {
                    candidates.insert(entry.key[..end].to_owned());
                }
            }
            candidates.insert(entry.key.clone());
        }
        Lexicon { entries, prefixes, candidates }
    }

    /// Whether a word whose folded form starts with `chars` (its first four or fewer) can
    /// be a key or the first word of a multi-word key.
    pub(super) fn may_start(&self, chars: impl Iterator<Item = char>) -> bool {
        let mut prefix = ['\0'; PREFIX];
        for (i, c) in chars.take(PREFIX).enumerate() {
            prefix[i] = c;
        }
        self.prefixes.binary_search(&prefix).is_ok()
    }

    /// Whether a whole folded word can start a match: exactly the words for which `get` or
    /// `has_longer_multiword` answer.
    pub(super) fn is_candidate(&self, word: &str) -> bool {
        self.candidates.contains(word)
    }

    /// The entry whose key is exactly `key`.
    pub(super) fn get(&self, key: &str) -> Option<&Entry> {
        let idx = self.entries.partition_point(|e| e.key.as_str() < key);
        self.entries.get(idx).filter(|e| e.key == key)
    }

    /// Whether some multi-word entry's key starts with `prefix` and is longer than it.
    pub(super) fn has_longer_multiword(&self, prefix: &str) -> bool {
        let idx = self.entries.partition_point(|e| e.key.as_str() <= prefix);
        self.entries[idx..].iter().take_while(|e| e.key.starts_with(prefix)).any(|e| e.is_multiword)
    }

    /// Every entry, for tests.
    #[cfg(test)]
    pub(super) fn entries(&self) -> &[Entry] {
        &self.entries
    }
}
