//! Tests for calendar arithmetic: known days through `check`, round trips through proptest.

use expect_test::{Expect, expect};
use model::when::{Calendar, CivilDate, DateTime, TimeOfDay, Weekday, Zone};
use proptest::prelude::*;

use super::{
    Ymd, days_to_hijri, days_to_jalali, from_gregorian, hijri_to_days, jalali_to_days,
    to_gregorian, umm_al_qura_range, utc_offset,
};

/// Converts `y-m-d` of `calendar` to Gregorian and shows the day, its weekday and the calendar used.
fn check(calendar: Calendar, date: &str, expect: Expect) {
    let parts: Vec<i32> = date.split('-').map(|it| it.parse().unwrap()).collect();
    let ymd = Ymd { year: parts[0], month: parts[1] as u8, day: parts[2] as u8 };
    let got = match to_gregorian(calendar, ymd) {
        Some((day, used)) => format!("{day} {} {}", day.weekday().name(), used.name()),
        None => "none".to_owned(),
    };
    expect.assert_eq(&got);
}

/// Converts a Gregorian `y-m-d` into `calendar`.
fn check_back(calendar: Calendar, date: &str, expect: Expect) {
    let parts: Vec<i32> = date.split('-').map(|it| it.parse().unwrap()).collect();
    let day = CivilDate::new(parts[0], parts[1] as u8, parts[2] as u8).unwrap();
    let got = match from_gregorian(calendar, day) {
        Some((ymd, used)) => format!("{ymd} {}", used.name()),
        None => "none".to_owned(),
    };
    expect.assert_eq(&got);
}

#[test]
fn jalali_known_days() {
    check(Calendar::Jalali, "1395-10-28", expect!["2017-01-17 tuesday jalali"]);
    check(Calendar::Jalali, "1396-01-01", expect!["2017-03-21 tuesday jalali"]);
    check(Calendar::Jalali, "1278-10-11", expect!["1900-01-01 monday jalali"]);
    check(Calendar::Jalali, "1479-10-10", expect!["2100-12-31 friday jalali"]);
    check_back(Calendar::Jalali, "2015-07-21", expect!["1394-04-30 jalali"]);
}

#[test]
fn jalali_leap_esfand() {
    check(Calendar::Jalali, "1395-12-30", expect!["2017-03-20 monday jalali"]);
    check(Calendar::Jalali, "1396-12-30", expect!["none"]);
    check(Calendar::Jalali, "1396-13-01", expect!["none"]);
    check(Calendar::Jalali, "1396-07-31", expect!["none"]);
}

#[test]
fn hijri_inside_the_table_is_umm_al_qura() {
    check(Calendar::HijriUmmAlQura, "1436-10-25", expect!["2015-08-10 monday hijri-umm-al-qura"]);
    check(Calendar::HijriUmmAlQura, "1343-01-01", expect!["1924-08-01 friday hijri-umm-al-qura"]);
    check(Calendar::HijriUmmAlQura, "1500-12-30", expect!["2077-11-16 tuesday hijri-umm-al-qura"]);
    // The table keeps a 28-day Ramadan in 1343.
    check(Calendar::HijriUmmAlQura, "1343-09-28", expect!["1925-04-23 thursday hijri-umm-al-qura"]);
    check(Calendar::HijriUmmAlQura, "1343-09-29", expect!["none"]);
    check_back(Calendar::HijriUmmAlQura, "2017-05-23", expect!["1438-08-27 hijri-umm-al-qura"]);
    let (first, last) = umm_al_qura_range();
    assert_eq!(
        (first.to_string(), last.to_string()),
        ("1924-08-01".to_owned(), "2077-11-16".to_owned())
    );
}

#[test]
fn hijri_outside_the_table_is_arithmetic_and_joins_its_edges() {
    check(Calendar::HijriUmmAlQura, "1342-12-29", expect!["1924-07-31 thursday hijri-arithmetic"]);
    check(Calendar::HijriUmmAlQura, "1501-01-01", expect!["2077-11-17 wednesday hijri-arithmetic"]);
    check(Calendar::HijriArithmetic, "1-01-01", expect!["0622-07-18 thursday hijri-arithmetic"]);
    check(Calendar::HijriArithmetic, "0-12-29", expect!["none"]);
    check_back(Calendar::HijriArithmetic, "0622-07-17", expect!["none"]);
    check_back(Calendar::HijriArithmetic, "1900-01-01", expect!["1317-08-29 hijri-arithmetic"]);
}

#[test]
fn gregorian_is_checked() {
    check(Calendar::Gregorian, "2016-02-29", expect!["2016-02-29 monday gregorian"]);
    check(Calendar::Gregorian, "2017-02-29", expect!["none"]);
    check(Calendar::Gregorian, "1900-02-29", expect!["none"]);
}

fn offset(zone: Zone, local: &str) -> String {
    let (date, time) = local.split_once(' ').unwrap();
    let parts: Vec<i32> = date.split('-').map(|it| it.parse().unwrap()).collect();
    let (hour, minute) = time.split_once(':').unwrap();
    let local = DateTime {
        date: CivilDate::new(parts[0], parts[1] as u8, parts[2] as u8).unwrap(),
        time: TimeOfDay { hour: hour.parse().unwrap(), minute: minute.parse().unwrap(), second: 0 },
    };
    match utc_offset(zone, local) {
        Some(minutes) => format!("{local} {minutes:+} -> {}", local.minus_minutes(minutes)),
        None => format!("{local} unknown"),
    }
}

fn check_offsets(zone: Zone, locals: &[&str], expect: Expect) {
    let got: Vec<String> = locals.iter().map(|it| offset(zone, it)).collect();
    expect.assert_eq(&got.join("\n"));
}

#[test]
fn tehran_daylight_saving_years() {
    check_offsets(
        Zone::Tehran,
        &[
            "2017-01-17 16:35",
            "2017-03-21 23:59",
            "2017-03-22 00:30",
            "2017-03-22 01:00",
            "2017-09-21 23:30",
            "2017-09-22 00:00",
            "2006-06-01 12:00",
            "2007-06-01 12:00",
            "2008-06-01 12:00",
            "2005-06-01 12:00",
            "1991-05-02 12:00",
            "1991-05-03 12:00",
            "2022-06-01 12:00",
            "2023-06-01 12:00",
            "1980-06-01 12:00",
        ],
        expect![[r#"
            2017-01-17 16:35 +210 -> 2017-01-17 13:05
            2017-03-21 23:59 +210 -> 2017-03-21 20:29
            2017-03-22 00:30 +210 -> 2017-03-21 21:00
            2017-03-22 01:00 +270 -> 2017-03-21 20:30
            2017-09-21 23:30 +270 -> 2017-09-21 19:00
            2017-09-22 00:00 +210 -> 2017-09-21 20:30
            2006-06-01 12:00 +210 -> 2006-06-01 08:30
            2007-06-01 12:00 +210 -> 2007-06-01 08:30
            2008-06-01 12:00 +270 -> 2008-06-01 07:30
            2005-06-01 12:00 +270 -> 2005-06-01 07:30
            1991-05-02 12:00 +210 -> 1991-05-02 08:30
            1991-05-03 12:00 +270 -> 1991-05-03 07:30
            2022-06-01 12:00 +270 -> 2022-06-01 07:30
            2023-06-01 12:00 +210 -> 2023-06-01 08:30
            1980-06-01 12:00 unknown"#]],
    );
}

#[test]
fn damascus_and_fixed_offsets() {
    check_offsets(
        Zone::Damascus,
        &[
            "2017-01-08 10:00",
            "2017-05-23 10:00",
            "2017-10-26 23:30",
            "2017-10-27 00:30",
            "2011-06-01 12:00",
            "2023-01-01 12:00",
        ],
        expect![[r#"
            2017-01-08 10:00 +120 -> 2017-01-08 08:00
            2017-05-23 10:00 +180 -> 2017-05-23 07:00
            2017-10-26 23:30 +180 -> 2017-10-26 20:30
            2017-10-27 00:30 +120 -> 2017-10-26 22:30
            2011-06-01 12:00 unknown
            2023-01-01 12:00 +180 -> 2023-01-01 09:00"#]],
    );
    check_offsets(
        Zone::Offset(0),
        &["2017-05-23 04:59"],
        expect!["2017-05-23 04:59 +0 -> 2017-05-23 04:59"],
    );
    check_offsets(Zone::Local, &["2017-05-23 04:59"], expect!["2017-05-23 04:59 unknown"]);
}

proptest! {
    #[test]
    fn civil_days_round_trip(days in -1_000_000i64..3_000_000) {
        let date = CivilDate::from_days(days);
        prop_assert_eq!(date.to_days(), days);
        prop_assert_eq!(CivilDate::new(date.year, date.month, date.day), Some(date));
        prop_assert_eq!(date.add_days(1).to_days(), days + 1);
    }

    #[test]
    fn weekday_repeats_every_seven_days(days in -1_000_000i64..3_000_000, n in -1000i64..1000) {
        let date = CivilDate::from_days(days);
        prop_assert_eq!(date.add_days(7).weekday(), date.weekday());
        prop_assert_eq!(date.add_days(1).weekday(), date.weekday().add_days(1));
        prop_assert_eq!(date.add_days(n).weekday(), date.weekday().add_days(n));
    }

    #[test]
    fn jalali_ymd_round_trip(year in 1i32..4000, month in 1u8..=12, day in 1u8..=31) {
        let ymd = Ymd { year, month, day };
        match jalali_to_days(ymd) {
            Some(days) => prop_assert_eq!(days_to_jalali(days), ymd),
            None => prop_assert!(day > super::jalali_month_len(year, month)),
        }
    }

    #[test]
    fn jalali_days_round_trip(days in -400_000i64..1_000_000) {
        let ymd = days_to_jalali(days);
        prop_assert_eq!(jalali_to_days(ymd), Some(days));
        // Consecutive days are consecutive dates.
        let next = days_to_jalali(days + 1);
        let is_next_day = next == Ymd { day: ymd.day + 1, ..ymd };
        let is_next_month = next.day == 1 && (next.month == ymd.month + 1 || (next.month == 1 && next.year == ymd.year + 1));
        prop_assert!(is_next_day || is_next_month);
    }

    #[test]
    fn hijri_ymd_round_trip(year in 1i32..3000, month in 1u8..=12, day in 1u8..=31) {
        let ymd = Ymd { year, month, day };
        match hijri_to_days(ymd) {
            Some((days, used)) => prop_assert_eq!(days_to_hijri(days), Some((ymd, used))),
            None => prop_assert!(day > super::hijri_month_len(year, month).unwrap().0),
        }
    }

    #[test]
    fn hijri_days_round_trip(days in -492_000i64..1_000_000) {
        let (ymd, used) = days_to_hijri(days).unwrap();
        prop_assert_eq!(hijri_to_days(ymd), Some((days, used)));
        let (first, last) = umm_al_qura_range();
        let is_in_table = (first.to_days()..=last.to_days()).contains(&days);
        prop_assert_eq!(used == Calendar::HijriUmmAlQura, is_in_table);
    }

    #[test]
    fn weekday_names_cycle(idx in 0usize..7) {
        let day = Weekday::ALL[idx];
        prop_assert_eq!(day.add_days(7), day);
        prop_assert_eq!(day.add_days(-1).add_days(1), day);
    }
}
