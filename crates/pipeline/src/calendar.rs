//! Calendar arithmetic: Solar Hijri and lunar Hijri dates to and from Gregorian days, and zone offsets.
//!
//! Every conversion goes through a day count (days since 1970-01-01, as `CivilDate::to_days`).
//!
//! - Solar Hijri (Jalali): the 33-year arithmetic rule, a year being leap when `(25 y + 11) mod 33 < 8`.
//!   It agrees with the astronomical calendar Iran uses (and with `persiantools`) for every day
//!   from 1900 to 2100; outside those years it is arithmetic, not astronomical.
//! - Lunar Hijri: the Umm al-Qura table in `data/ummalqura.txt` for 1343–1500 AH
//!   (1924-08-01 to 2077-11-16), exact; outside it the tabular calendar, flagged approximate.
//!   The tabular months are counted outward from the table's edges, so the two join without a gap
//!   or an overlap: after the table this is the tabular calendar with the civil (Friday) epoch,
//!   before it the same calendar with the astronomical (Thursday) epoch.

use model::when::{Calendar, CivilDate, DateTime, Zone};

/// A date in some calendar: which one, the owner says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// The year in that calendar's era.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The Gregorian date of a date written in `calendar`, with the calendar that converted it.
///
/// For Hijri dates the returned calendar says whether the Umm al-Qura table (exact) or the
/// arithmetic calendar (approximate) did; `HijriUmmAlQura` and `HijriArithmetic` are both
/// accepted as input and mean "lunar Hijri".
/// `None` when there is no such day (`30 اسفند` of a common year, month 13, a date before 1 AH).
pub fn to_gregorian(calendar: Calendar, date: Ymd) -> Option<(CivilDate, Calendar)> {
    match calendar {
        Calendar::Gregorian => {
            CivilDate::new(date.year, date.month, date.day).map(|it| (it, Calendar::Gregorian))
        }
        Calendar::Jalali => {
            jalali_to_days(date).map(|days| (CivilDate::from_days(days), Calendar::Jalali))
        }
        Calendar::HijriUmmAlQura | Calendar::HijriArithmetic => {
            hijri_to_days(date).map(|(days, used)| (CivilDate::from_days(days), used))
        }
    }
}

/// A Gregorian date written in `calendar`, with the calendar that converted it (as `to_gregorian`).
///
/// `None` only for lunar Hijri dates before 1 Muharram 1 AH.
pub fn from_gregorian(calendar: Calendar, date: CivilDate) -> Option<(Ymd, Calendar)> {
    match calendar {
        Calendar::Gregorian => {
            Some((Ymd { year: date.year, month: date.month, day: date.day }, Calendar::Gregorian))
        }
        Calendar::Jalali => Some((days_to_jalali(date.to_days()), Calendar::Jalali)),
        Calendar::HijriUmmAlQura | Calendar::HijriArithmetic => days_to_hijri(date.to_days()),
    }
}

/// The number of days in a month of `calendar`, or `None` for a month outside 1..=12
/// (or a Hijri year before 1 AH).
pub fn month_len(calendar: Calendar, year: i32, month: u8) -> Option<u8> {
    if !(1..=12).contains(&month) {
        return None;
    }
    match calendar {
        Calendar::Gregorian => Some(model::when::days_in_month(year, month)),
        Calendar::Jalali => Some(jalali_month_len(year, month)),
        Calendar::HijriUmmAlQura | Calendar::HijriArithmetic => {
            hijri_month_len(year, month).map(|(len, _)| len)
        }
    }
}

// Solar Hijri (Jalali).

/// 1 Farvardin 1 AP: 622-03-21 in the proleptic Gregorian calendar, under the 33-year rule.
const JALALI_EPOCH: i64 = CivilDate { year: 622, month: 3, day: 21 }.to_days();
/// Days in a 33-year Jalali cycle: 33 × 365 + 8 leap days.
const JALALI_CYCLE_DAYS: i64 = 12_053;

/// Whether a Solar Hijri year has 366 days (30 Esfand), by the 33-year rule.
pub fn is_jalali_leap(year: i32) -> bool {
    (25 * i64::from(year) + 11).rem_euclid(33) < 8
}

/// The length of a Solar Hijri month: 31 days for Farvardin–Shahrivar, 30 for Mehr–Bahman,
/// 29 or 30 for Esfand; 0 for a month outside 1..=12.
pub fn jalali_month_len(year: i32, month: u8) -> u8 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        12 if is_jalali_leap(year) => 30,
        12 => 29,
        _ => 0,
    }
}

/// Days from 1970-01-01 to 1 Farvardin of `year`.
fn jalali_year_start(year: i32) -> i64 {
    let before = i64::from(year) - 1;
    // Leap years among 1..=n number floor((8 n + 29) / 33); the rule is periodic in 33 years,
    // so the same floor holds for n <= 0.
    JALALI_EPOCH + 365 * before + (8 * before + 29).div_euclid(33)
}

/// Days from the start of a Jalali year to the first of `month`.
fn jalali_days_before_month(month: u8) -> i64 {
    let before = i64::from(month) - 1;
    if before <= 6 { 31 * before } else { 186 + 30 * (before - 6) }
}

/// Days since 1970-01-01 of a Solar Hijri date, or `None` if there is no such day.
pub fn jalali_to_days(date: Ymd) -> Option<i64> {
    if date.day == 0 || date.day > jalali_month_len(date.year, date.month) {
        return None;
    }
    Some(
        jalali_year_start(date.year) + jalali_days_before_month(date.month) + i64::from(date.day)
            - 1,
    )
}

/// The Solar Hijri date of the day `days` days after 1970-01-01.
pub fn days_to_jalali(days: i64) -> Ymd {
    let estimate = (days - JALALI_EPOCH).div_euclid(JALALI_CYCLE_DAYS) * 33
        + ((days - JALALI_EPOCH).rem_euclid(JALALI_CYCLE_DAYS) * 33) / JALALI_CYCLE_DAYS
        + 1;
    let mut year = clamp_year(estimate);
    // The estimate is off by at most one year either way; step to the right one.
    while jalali_year_start(year) > days {
        year -= 1;
    }
    while jalali_year_start(year + 1) <= days {
        year += 1;
    }
    let day_of_year = days - jalali_year_start(year);
    let (month, day) = if day_of_year < 186 {
        (day_of_year / 31 + 1, day_of_year % 31 + 1)
    } else {
        ((day_of_year - 186) / 30 + 7, (day_of_year - 186) % 30 + 1)
    };
    // Both are small by construction: month 1..=12, day 1..=31.
    Ymd { year, month: month as u8, day: day as u8 }
}

fn clamp_year(year: i64) -> i32 {
    // Keep two years of headroom so that the stepping above cannot overflow.
    i32::try_from(year.clamp(i64::from(i32::MIN) + 2, i64::from(i32::MAX) - 2))
        .expect("clamped into i32")
}

// Lunar Hijri.

/// The Umm al-Qura table, parsed from `data/ummalqura.txt` at compile time.
struct UmmAlQura {
    /// The Hijri year of the table's first line.
    first_year: i32,
    /// How many years the table covers.
    n_years: usize,
    /// The Gregorian date of 1 Muharram of `first_year`.
    start: CivilDate,
    /// For month `k` of the table (0 for Muharram of `first_year`), the days from the table's
    /// first day to the month's first day; entry `12 * n_years` is the day after the table.
    month_starts: [u32; MAX_TABLE_MONTHS + 1],
}

const MAX_TABLE_MONTHS: usize = 12 * 200;

const TABLE: UmmAlQura = parse_table(include_bytes!("../data/ummalqura.txt"));

/// Reads the table's text format (see the file's header).
/// A malformed file is a compile error, since this runs in a constant.
const fn parse_table(bytes: &[u8]) -> UmmAlQura {
    let mut table = UmmAlQura {
        first_year: 0,
        n_years: 0,
        start: CivilDate { year: 0, month: 1, day: 1 },
        month_starts: [0; MAX_TABLE_MONTHS + 1],
    };
    let mut has_start = false;
    let mut idx = 0;
    let mut n_months = 0;
    while idx < bytes.len() {
        let line_start = idx;
        while idx < bytes.len() && bytes[idx] != b'\n' {
            idx += 1;
        }
        let line_end = idx;
        idx += 1;
        if line_end == line_start || bytes[line_start] == b'#' {
            continue;
        }
        if bytes[line_start] == b's' {
            // "start YYYY-MM-DD"
            let at = line_start + 6;
            assert!(line_end - line_start == 16, "start line must be `start YYYY-MM-DD`");
            let year = parse_number(bytes, at, at + 4);
            let month = parse_number(bytes, at + 5, at + 7);
            let day = parse_number(bytes, at + 8, at + 10);
            table.start = CivilDate { year: year as i32, month: month as u8, day: day as u8 };
            has_start = true;
            continue;
        }
        // "YYYY dddddddddddd"
        assert!(line_end - line_start == 17, "year line must be `YYYY` and 12 digits");
        let year = parse_number(bytes, line_start, line_start + 4) as i32;
        if table.n_years == 0 {
            table.first_year = year;
        }
        assert!(year == table.first_year + table.n_years as i32, "years must follow each other");
        let mut month = 0;
        while month < 12 {
            let digit = bytes[line_start + 5 + month];
            assert!(digit >= b'0' && digit <= b'3', "a month length is 28 plus 0..=3");
            assert!(n_months < MAX_TABLE_MONTHS, "table too long for MAX_TABLE_MONTHS");
            table.month_starts[n_months + 1] =
                table.month_starts[n_months] + 28 + (digit - b'0') as u32;
            n_months += 1;
            month += 1;
        }
        table.n_years += 1;
    }
    assert!(has_start && table.n_years > 0, "the table needs a start line and a year");
    table
}

const fn parse_number(bytes: &[u8], from: usize, to: usize) -> u32 {
    let mut acc = 0;
    let mut idx = from;
    while idx < to {
        let digit = bytes[idx];
        assert!(digit >= b'0' && digit <= b'9', "expected a digit");
        acc = acc * 10 + (digit - b'0') as u32;
        idx += 1;
    }
    acc
}

impl UmmAlQura {
    fn last_year(&self) -> i32 {
        // The table has at most 200 years, so this fits.
        self.first_year + self.n_years as i32 - 1
    }

    fn start_days(&self) -> i64 {
        self.start.to_days()
    }

    /// Days since 1970-01-01 of the day after the table's last day.
    fn end_days(&self) -> i64 {
        self.start_days() + i64::from(self.month_starts[12 * self.n_years])
    }

    fn month_index(&self, year: i32, month: u8) -> Option<usize> {
        if year < self.first_year || year > self.last_year() {
            return None;
        }
        let years = usize::try_from(year - self.first_year).ok()?;
        Some(years * 12 + usize::from(month) - 1)
    }

    fn month_len(&self, idx: usize) -> u8 {
        // At most 31 by construction.
        (self.month_starts[idx + 1] - self.month_starts[idx]) as u8
    }
}

/// Whether a year of the tabular Hijri calendar has 355 days: years 2, 5, 7, 10, 13, 16, 18,
/// 21, 24, 26 and 29 of each 30-year cycle.
pub fn is_tabular_hijri_leap(year: i32) -> bool {
    (14 + 11 * i64::from(year)).rem_euclid(30) < 11
}

fn tabular_month_len(year: i32, month: u8) -> u8 {
    if month % 2 == 1 || (month == 12 && is_tabular_hijri_leap(year)) { 30 } else { 29 }
}

/// Days from 1 Muharram 1 AH to a date of the tabular calendar.
fn tabular_days(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year);
    let months_before = i64::from(month) - 1;
    (year - 1) * 354
        + (3 + 11 * year).div_euclid(30)
        + (59 * months_before + 1) / 2
        + i64::from(day)
        - 1
}

/// The tabular date `n` days after 1 Muharram 1 AH (`n >= 0`).
fn tabular_date(n: i64) -> Ymd {
    // A 30-year cycle has 10,631 days.
    let mut year = clamp_year((30 * n + 10_646).div_euclid(10_631));
    while tabular_days(year, 1, 1) > n {
        year -= 1;
    }
    while tabular_days(year + 1, 1, 1) <= n {
        year += 1;
    }
    let mut month = 12;
    while month > 1 && tabular_days(year, month, 1) > n {
        month -= 1;
    }
    // The day is 1..=30 once the month is right.
    let day = (n - tabular_days(year, month, 1) + 1) as u8;
    Ymd { year, month, day }
}

/// The length of a lunar Hijri month and the calendar that fixes it:
/// `HijriUmmAlQura` inside the table, `HijriArithmetic` outside.
/// `None` for a month outside 1..=12 or a year before 1 AH.
pub fn hijri_month_len(year: i32, month: u8) -> Option<(u8, Calendar)> {
    if !(1..=12).contains(&month) || year < 1 {
        return None;
    }
    match TABLE.month_index(year, month) {
        Some(idx) => Some((TABLE.month_len(idx), Calendar::HijriUmmAlQura)),
        None => Some((tabular_month_len(year, month), Calendar::HijriArithmetic)),
    }
}

/// Days since 1970-01-01 of a lunar Hijri date, with the calendar that converted it.
/// `None` if there is no such day.
pub fn hijri_to_days(date: Ymd) -> Option<(i64, Calendar)> {
    let (len, calendar) = hijri_month_len(date.year, date.month)?;
    if date.day == 0 || date.day > len {
        return None;
    }
    if let Some(idx) = TABLE.month_index(date.year, date.month) {
        let days =
            TABLE.start_days() + i64::from(TABLE.month_starts[idx]) + i64::from(date.day) - 1;
        return Some((days, calendar));
    }
    let n = tabular_days(date.year, date.month, date.day);
    let days = if date.year < TABLE.first_year {
        TABLE.start_days() - (tabular_days(TABLE.first_year, 1, 1) - n)
    } else {
        TABLE.end_days() + (n - tabular_days(TABLE.last_year() + 1, 1, 1))
    };
    Some((days, calendar))
}

/// The lunar Hijri date of the day `days` days after 1970-01-01, with the calendar that
/// converted it; `None` before 1 Muharram 1 AH.
pub fn days_to_hijri(days: i64) -> Option<(Ymd, Calendar)> {
    let start = TABLE.start_days();
    let end = TABLE.end_days();
    if (start..end).contains(&days) {
        let offset = days - start;
        let n_months = 12 * TABLE.n_years;
        // The last month whose start is at or before `offset`.
        let idx = TABLE.month_starts[..n_months].partition_point(|&s| i64::from(s) <= offset) - 1;
        let year = TABLE.first_year + (idx / 12) as i32;
        let month = (idx % 12) as u8 + 1;
        let day = (offset - i64::from(TABLE.month_starts[idx]) + 1) as u8;
        return Some((Ymd { year, month, day }, Calendar::HijriUmmAlQura));
    }
    let n = if days < start {
        tabular_days(TABLE.first_year, 1, 1) - (start - days)
    } else {
        tabular_days(TABLE.last_year() + 1, 1, 1) + (days - end)
    };
    if n < 0 {
        return None;
    }
    Some((tabular_date(n), Calendar::HijriArithmetic))
}

/// The first and last Gregorian days the Umm al-Qura table covers.
pub fn umm_al_qura_range() -> (CivilDate, CivilDate) {
    (TABLE.start, CivilDate::from_days(TABLE.end_days() - 1))
}

// Zones.

/// Iran's standard offset since 1979: +03:30.
const TEHRAN_STANDARD: i32 = 210;

/// The offset east of UTC, in minutes, of a local date and time in `zone`; `None` where the
/// zone's rules for that date are not modelled (or the zone is `Local`).
///
/// - Tehran: +03:30, and +04:30 from 1 Farvardin 24:00 to 30 Shahrivar 24:00 in the Solar Hijri
///   years 1371–1384 and 1387–1401 (1992–2005, 2008–2022); in 1370 (1991) from 13 Ordibehesht.
///   No daylight saving time in 1385–1386 (2006–2007), or from 1402 (2023), when it was abolished.
///   Dates before 1360 (1981), when Iran's offsets moved about, give `None`.
/// - Damascus: +02:00, and +03:00 from the last Friday of March 00:00 to the last Friday of
///   October 00:00, for 2012–2021; +03:00 from the last Friday of March 2022 on.
///   Earlier years, whose rules changed year by year, give `None`.
///
/// A local time that a spring change skips is read with the standard offset;
/// one that the autumn change repeats is read as its first occurrence (daylight saving time).
pub fn utc_offset(zone: Zone, local: DateTime) -> Option<i32> {
    match zone {
        Zone::Offset(minutes) => Some(minutes),
        Zone::Local => None,
        Zone::Tehran => tehran_offset(local),
        Zone::Damascus => damascus_offset(local),
    }
}

fn tehran_offset(local: DateTime) -> Option<i32> {
    let date = days_to_jalali(local.date.to_days());
    if date.year < 1360 {
        return None;
    }
    let dst_start = match date.year {
        1370 => (2, 13),
        1371..=1384 | 1387..=1401 => (1, 2),
        _ => return Some(TEHRAN_STANDARD),
    };
    let month_day = (date.month, date.day);
    let is_dst = month_day >= dst_start
        && month_day <= (6, 30)
        && !(month_day == dst_start && local.time.hour == 0);
    Some(if is_dst { TEHRAN_STANDARD + 60 } else { TEHRAN_STANDARD })
}

fn damascus_offset(local: DateTime) -> Option<i32> {
    let year = local.date.year;
    if year < 2012 {
        return None;
    }
    let date = local.date;
    let dst_start = last_friday(year, 3);
    let is_skipped_hour = date == dst_start && local.time.hour == 0;
    if year > 2022 || (year == 2022 && date >= dst_start && !is_skipped_hour) {
        return Some(180);
    }
    let dst_end = last_friday(year, 10);
    let is_dst = date >= dst_start && date < dst_end && !is_skipped_hour;
    Some(if is_dst { 180 } else { 120 })
}

/// The last Friday of a Gregorian month.
fn last_friday(year: i32, month: u8) -> CivilDate {
    let last = CivilDate { year, month, day: model::when::days_in_month(year, month) };
    let back = (i64::from(last.weekday().index()) - 4).rem_euclid(7);
    last.add_days(-back)
}

#[cfg(test)]
mod tests;
