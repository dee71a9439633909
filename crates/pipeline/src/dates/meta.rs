//! Metadata date strings: ISO 8601 and its SQL-like variants, and RFC 2822.

use model::when::{CivilDate, TimeOfDay, Zone};

use super::scan::fold;

/// A parsed metadata date: the day, the time when given, and the zone when given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct MetaDate {
    pub(super) date: CivilDate,
    pub(super) time: Option<TimeOfDay>,
    pub(super) zone: Option<Zone>,
}

/// Reads `2015-07-21 02:51:32`, `2019-10-16T08:00:00+03:30`, `2017-05-23`, `2017/05/23 04:59`,
/// `Tue, 23 May 2017 04:59:00 GMT` and the like; `None` for anything else.
pub(super) fn parse(meta: &str) -> Option<MetaDate> {
    // Metadata sometimes comes with Persian or Arabic-Indic digits.
    let folded: String = meta.trim().chars().filter_map(fold).collect();
    let mut cursor = Cursor { bytes: folded.as_bytes(), pos: 0 };
    if let Some(parsed) = cursor.iso() {
        return Some(parsed);
    }
    let mut cursor = Cursor { bytes: folded.as_bytes(), pos: 0 };
    cursor.rfc2822()
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn is_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let is_match = self.peek() == Some(byte);
        if is_match {
            self.pos += 1;
        }
        is_match
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }

    /// Between `min` and `max` ASCII digits, as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.pos;
        let mut value: u32 = 0;
        while self.pos - start < max {
            match self.peek() {
                Some(b @ b'0'..=b'9') => {
                    value = value * 10 + u32::from(b - b'0');
                    self.pos += 1;
                }
                _ => break,
            }
        }
        if self.pos - start < min {
            return None;
        }
        Some(value)
    }

    /// A run of ASCII letters, lowercased.
    fn word(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_alphabetic()) {
            self.pos += 1;
        }
        self.bytes[start..self.pos].iter().map(|b| char::from(b.to_ascii_lowercase())).collect()
    }

    /// `YYYY-MM-DD` or `YYYY/MM/DD`, then optionally `T` or spaces, a time and a zone.
    fn iso(&mut self) -> Option<MetaDate> {
        let year = self.digits(4, 4)?;
        let sep = self.peek().filter(|b| matches!(b, b'-' | b'/'))?;
        self.pos += 1;
        let month = self.digits(1, 2)?;
        if !self.eat(sep) {
            return None;
        }
        let day = self.digits(1, 2)?;
        // Iranian feeds write Solar Hijri dates in the same shape (`1397/12/06 23:15`); no
        // news metadata carries a Gregorian year in 1200–1500.
        let date = if (1200..=1500).contains(&year) {
            let ymd = crate::calendar::Ymd {
                year: i32::try_from(year).ok()?,
                month: u8::try_from(month).ok()?,
                day: u8::try_from(day).ok()?,
            };
            crate::calendar::to_gregorian(model::when::Calendar::Jalali, ymd)?.0
        } else {
            civil(year, month, day)?
        };
        if self.is_end() {
            return Some(MetaDate { date, time: None, zone: None });
        }
        if !self.eat(b'T') && !self.eat(b't') {
            self.skip_spaces();
        }
        let time = self.time()?;
        self.skip_spaces();
        let zone = if self.is_end() { None } else { Some(self.zone()?) };
        self.skip_spaces();
        self.is_end().then_some(MetaDate { date, time: Some(time), zone })
    }

    /// `[Tue, ]23 May 2017[ 04:59[:00] GMT]`.
    fn rfc2822(&mut self) -> Option<MetaDate> {
        let start = self.pos;
        let weekday = self.word();
        if weekday.is_empty() {
            self.pos = start;
        } else if !self.eat(b',') {
            return None;
        }
        self.skip_spaces();
        let day = self.digits(1, 2)?;
        self.skip_spaces();
        let month = month_number(&self.word())?;
        self.skip_spaces();
        let year = self.digits(4, 4)?;
        let date = civil(year, month, day)?;
        self.skip_spaces();
        if self.is_end() {
            return Some(MetaDate { date, time: None, zone: None });
        }
        let time = self.time()?;
        self.skip_spaces();
        let zone = if self.is_end() { None } else { Some(self.zone()?) };
        self.skip_spaces();
        self.is_end().then_some(MetaDate { date, time: Some(time), zone })
    }

    /// `HH:MM[:SS[.fraction]]`.
    fn time(&mut self) -> Option<TimeOfDay> {
        let hour = self.digits(1, 2)?;
        if !self.eat(b':') {
            return None;
        }
        let minute = self.digits(2, 2)?;
        let mut second = 0;
        if self.eat(b':') {
            second = self.digits(2, 2)?;
            if self.eat(b'.') || self.eat(b',') {
                self.digits(1, 9)?;
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        // A leap second reads as the last second of the minute; all three fit in a `u8`.
        Some(TimeOfDay { hour: hour as u8, minute: minute as u8, second: second.min(59) as u8 })
    }

    /// `Z`, `+03:30`, `+0330`, `+03`, `GMT`, `UTC`, `UT`, or a North American zone name.
    fn zone(&mut self) -> Option<Zone> {
        if let Some(sign @ (b'+' | b'-')) = self.peek() {
            self.pos += 1;
            let hours = self.digits(2, 2)?;
            self.eat(b':');
            let minutes = self.digits(2, 2).unwrap_or(0);
            if hours > 14 || minutes > 59 {
                return None;
            }
            // At most 14 × 60 + 59, so it fits.
            let offset = (hours * 60 + minutes) as i32;
            return Some(Zone::Offset(if sign == b'-' { -offset } else { offset }));
        }
        let hours = match self.word().as_str() {
            "z" | "gmt" | "utc" | "ut" => 0,
            "edt" => -4,
            "est" | "cdt" => -5,
            "cst" | "mdt" => -6,
            "mst" | "pdt" => -7,
            "pst" => -8,
            _ => return None,
        };
        Some(Zone::Offset(hours * 60))
    }
}

fn civil(year: u32, month: u32, day: u32) -> Option<CivilDate> {
    CivilDate::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

fn month_number(name: &str) -> Option<u32> {
    let months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let prefix = name.get(..3)?;
    let idx = months.iter().position(|&m| m == prefix)?;
    // Full names must be real month names, not any word that starts like one.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let is_known = name.len() == 3 || full[idx] == name || (idx == 8 && name == "sept");
    // `idx` is below 12.
    is_known.then_some(idx as u32 + 1)
}
