//! Dates and times: civil dates, the date and time mentions found in a text, and the publication date.
//!
//! These are plain data.
//! The only behaviour here is proleptic Gregorian day counting, which every other calendar
//! (in `pipeline::calendar`) converts through.

use crate::Span;

/// A day of the proleptic Gregorian calendar.
///
/// Invariant: `month` is 1..=12 and `day` is 1..=the month's length.
/// Build one with `CivilDate::new` (checked) or `CivilDate::from_days` (always valid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// The astronomical year: 1 BC is 0.
    pub year: i32,
    /// 1 for January to 12 for December.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

/// The number of days from 0000-03-01 to 1970-01-01, in the proleptic Gregorian calendar.
const DAYS_0000_03_01_TO_EPOCH: i64 = 719_468;
/// Days in a 400-year Gregorian cycle.
const DAYS_PER_ERA: i64 = 146_097;

impl CivilDate {
    /// The date `year-month-day`, or `None` if there is no such day.
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CivilDate { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    ///
    /// A `const fn`, so that calendar epochs can be constants.
    pub const fn to_days(self) -> i64 {
        // Count in years that start on 1 March, so that the leap day is the last day of a year.
        // `as` widens losslessly here; `From` is not callable in a `const fn`.
        let year = self.year as i64 - (self.month <= 2) as i64;
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_from_march = (self.month as i64 + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + self.day as i64 - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * DAYS_PER_ERA + day_of_era - DAYS_0000_03_01_TO_EPOCH
    }

    /// The date `days` days after 1970-01-01.
    ///
    /// Exact for every day whose year fits in an `i32`; beyond that the year saturates.
    pub fn from_days(days: i64) -> CivilDate {
        let shifted = days.saturating_add(DAYS_0000_03_01_TO_EPOCH);
        let era = shifted.div_euclid(DAYS_PER_ERA);
        let day_of_era = shifted - era * DAYS_PER_ERA;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        let year = i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX });
        // Both are in range by construction: month is 1..=12 and day 1..=31.
        CivilDate { year, month: month as u8, day: day as u8 }
    }

    /// The date `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i64) -> CivilDate {
        CivilDate::from_days(self.to_days().saturating_add(n))
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        Weekday::from_days(self.to_days())
    }
}

impl std::fmt::Display for CivilDate {
    /// ISO 8601: `2017-01-17`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The length of a Gregorian month in days; 0 for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// دوشنبه, الاثنين.
    Monday,
    /// سه‌شنبه, الثلاثاء.
    Tuesday,
    /// چهارشنبه, الأربعاء.
    Wednesday,
    /// پنج‌شنبه, الخميس.
    Thursday,
    /// جمعه, الجمعة.
    Friday,
    /// شنبه, السبت.
    Saturday,
    /// یکشنبه, الأحد.
    Sunday,
}

impl Weekday {
    /// Every weekday, Monday first (ISO 8601 order).
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday to 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    /// The weekday of the day `days` days after 1970-01-01, which was a Thursday.
    pub fn from_days(days: i64) -> Weekday {
        Weekday::ALL[(days + 3).rem_euclid(7) as usize]
    }

    /// The weekday `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i64) -> Weekday {
        Weekday::ALL[(i64::from(self.index()) + n.rem_euclid(7)).rem_euclid(7) as usize]
    }

    /// The English name, lowercase.
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
        }
    }
}

/// A time of day on a 24-hour clock, in whatever zone the surrounding value says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TimeOfDay {
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59; 0 when the text gives no seconds.
    pub second: u8,
}

impl TimeOfDay {
    /// Seconds since midnight.
    pub fn seconds(self) -> i64 {
        i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
    }
}

impl std::fmt::Display for TimeOfDay {
    /// `HH:MM`, or `HH:MM:SS` when there are seconds.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)?;
        if self.second != 0 {
            write!(f, ":{:02}", self.second)?;
        }
        Ok(())
    }
}

/// A date and a time of day with no zone attached: what the zone is, the owner says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The day.
    pub date: CivilDate,
    /// The time on that day.
    pub time: TimeOfDay,
}

impl DateTime {
    /// Seconds since 1970-01-01 00:00 in the same zone.
    pub fn seconds(self) -> i64 {
        self.date.to_days() * 86_400 + self.time.seconds()
    }

    /// The date and time `seconds` seconds after 1970-01-01 00:00.
    pub fn from_seconds(seconds: i64) -> DateTime {
        let days = seconds.div_euclid(86_400);
        let rest = seconds.rem_euclid(86_400);
        // `rest` is below 86,400, so every part fits in a `u8`.
        let time = TimeOfDay {
            hour: (rest / 3600) as u8,
            minute: (rest % 3600 / 60) as u8,
            second: (rest % 60) as u8,
        };
        DateTime { date: CivilDate::from_days(days), time }
    }

    /// The same instant in a zone `minutes` minutes further west (subtracts `minutes`).
    pub fn minus_minutes(self, minutes: i32) -> DateTime {
        DateTime::from_seconds(self.seconds() - i64::from(minutes) * 60)
    }
}

impl std::fmt::Display for DateTime {
    /// `2017-01-17 13:05`, with seconds when there are any.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.date, self.time)
    }
}

/// A time zone named or implied by a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Zone {
    /// A fixed offset east of UTC, in minutes: GMT is 0, Riyadh (بتوقيت مكة) is 180, `+03:30` is 210.
    Offset(i32),
    /// Iran (`به وقت تهران`): +03:30, one hour more under the daylight saving time of the
    /// years Iran observed it; see `pipeline::calendar::utc_offset`.
    Tehran,
    /// Syria (`توقيت دمشق`): +02:00 with daylight saving time until 2022, +03:00 since.
    Damascus,
    /// "Local time" (`بالتوقيت المحلي`, `به وقت محلی`): the zone of a place the text is about, offset unknown.
    Local,
}

/// A calendar a date is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Calendar {
    /// The (proleptic) Gregorian calendar, whatever the month names: مايو, أيار, جانفي, ژانویه, May.
    Gregorian,
    /// The Solar Hijri (Jalali) calendar of Iran: `28 دی 1395`, `1395/10/28`, `ه.ش`.
    Jalali,
    /// The lunar Hijri calendar as the Umm al-Qura table fixes it (1343–1500 AH): exact.
    HijriUmmAlQura,
    /// The lunar Hijri calendar outside the Umm al-Qura table, counted with the tabular
    /// (arithmetic) calendar: approximate, a day or two off the months as observed.
    HijriArithmetic,
}

impl Calendar {
    /// The lowercase name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Jalali => "jalali",
            Calendar::HijriUmmAlQura => "hijri-umm-al-qura",
            Calendar::HijriArithmetic => "hijri-arithmetic",
        }
    }
}

/// The parts of a date as the text writes them, in the date's own calendar.
///
/// Any part may be missing: `تیر ماه 1395` has no day, `20 آذر` no year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct WrittenDate {
    /// The year, with two-digit Solar Hijri years expanded (`94` → 1394).
    pub year: Option<i32>,
    /// 1 to 12, in the date's calendar: دی is 10, ذو الحجة is 12.
    pub month: Option<u8>,
    /// 1 to 31.
    pub day: Option<u8>,
}

impl WrittenDate {
    /// Whether year, month and day are all given.
    pub fn is_complete(self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }
}

/// What a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionKind {
    /// A calendar date: at least a year (`عام 2015`, `1436هـ`), a month with a day or year
    /// (`20 آذر`, `تیر ماه 1395`), or a numeric date (`1395/10/28`).
    Absolute,
    /// A time of day with no date: `16:35`.
    Time,
    /// A weekday with no date.
    /// `step` says which one: 0 when the text does not say (`الأحد`), -1 for the last one
    /// before the anchor (`الأحد الماضي`, `last Sunday`), +1 for the next one after it.
    Weekday {
        /// -1, 0 or +1.
        step: i8,
    },
    /// A day counted from the anchor: 0 for اليوم / امروز / today, -1 for أمس / دیروز, +1 for غدا / فردا.
    Relative {
        /// Days after the anchor's day (negative: before).
        days: i32,
    },
    /// A week counted from the anchor's week: -1 for "last week", الأسبوع الماضي, هفته گذشته.
    RelativeWeek {
        /// Weeks after the anchor's week (negative: before).
        weeks: i32,
    },
}

/// A date or time expression found in a text, with what it resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The expression's bytes in the text given to `pipeline::dates::extract`.
    /// One mention covers a whole expression: `الثلاثاء ٢٣ مايو ٢٠١٧ - ٠٤:٥٩ بتوقيت غرينتش` is one.
    pub span: Span,
    /// What kind of expression it is.
    pub kind: MentionKind,
    /// The calendar of the written date; `Gregorian` when the expression writes no date.
    /// For Hijri dates, says whether the Umm al-Qura table or the arithmetic calendar converted it.
    pub calendar: Calendar,
    /// The date's parts as written, in `calendar`.
    pub written: WrittenDate,
    /// The day the expression means, when the text (with the anchor) fixes one.
    pub gregorian: Option<CivilDate>,
    /// The weekday the text names; when it names none, the weekday of `gregorian`,
    /// or the one counted from a weekday-only anchor.
    /// A named weekday that disagrees with `gregorian` stays as named, and a `weekday-conflict`
    /// diagnostic reports it.
    pub weekday: Option<Weekday>,
    /// The time of day, as written (not converted to UTC).
    pub time: Option<TimeOfDay>,
    /// The zone the text gives for `time`.
    pub zone: Option<Zone>,
    /// Whether `gregorian` came through an approximate calendar (arithmetic Hijri).
    pub is_approximate: bool,
    /// Whether the text gave no year and `gregorian` took the year nearest the anchor.
    pub is_year_inferred: bool,
}

/// What is known about "today" when reading a text: relative expressions count from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateAnchor {
    /// The day, in the publisher's local calendar.
    Date(CivilDate),
    /// Only the weekday is known: "a Sunday".
    Weekday(Weekday),
}

/// Where a publication date came from, from most to least direct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Provenance {
    /// A metadata field (`RawArticle::published`, a JSON field, a feed).
    Metadata,
    /// A line at the top of the text that is only a date and time: `16:35 - 28 دی 1395`.
    HeaderLine,
    /// The date in a dateline that opens the body: `بريدة 25 شوال 1436 هـ ... واس`.
    Dateline,
    /// Read off a relative expression: `اليوم الأحد` says the article came out on a Sunday.
    Inferred,
}

impl Provenance {
    /// The lowercase name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Provenance::Metadata => "metadata",
            Provenance::HeaderLine => "header-line",
            Provenance::Dateline => "dateline",
            Provenance::Inferred => "inferred",
        }
    }
}

/// Less than a whole day: what a text says short of a full date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The calendar of `written`.
    pub calendar: Calendar,
    /// The parts given; at most two of year, month and day.
    pub written: WrittenDate,
    /// The weekday, when known.
    pub weekday: Option<Weekday>,
}

/// How much of a publication moment is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Moment {
    /// A date and time whose zone is known: `utc` is the instant in UTC, `local` as written in `zone`.
    Utc {
        /// The instant, UTC.
        utc: DateTime,
        /// The same instant on the publisher's clock, as written.
        local: DateTime,
        /// The zone of `local`.
        zone: Zone,
    },
    /// A date and time whose zone is unknown (or whose offset that year is not modelled): never shifted.
    Local(DateTime),
    /// A whole day, without a time of day.
    Day(CivilDate),
    /// Less than a day: for example only a weekday.
    Partial(PartialDate),
}

/// When a document was published, and on what evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// What is known of the moment.
    pub moment: Moment,
    /// Where it came from.
    pub provenance: Provenance,
    /// The string it was read from, as written: the metadata value, or the text of the mention.
    pub original: String,
    /// Where `original` stands in the text; `None` for metadata.
    pub span: Option<Span>,
}

impl Published {
    /// The anchor that relative expressions in the same document count from:
    /// the publisher's local day, or only its weekday.
    pub fn anchor(&self) -> Option<DateAnchor> {
        match self.moment {
            Moment::Utc { local, .. } => Some(DateAnchor::Date(local.date)),
            Moment::Local(local) => Some(DateAnchor::Date(local.date)),
            Moment::Day(date) => Some(DateAnchor::Date(date)),
            Moment::Partial(partial) => partial.weekday.map(DateAnchor::Weekday),
        }
    }
}
