//! Tests for date extraction and the publication date, through `check` and `check_published`.

use expect_test::{Expect, expect};
use model::when::{
    CivilDate, DateAnchor, DateMention, MentionKind, Moment, Published, Weekday, Zone,
};
use proptest::prelude::*;

use super::{extract, published};

fn show_mention(text: &str, m: &DateMention) -> String {
    let kind = match m.kind {
        MentionKind::Absolute => "absolute".to_owned(),
        MentionKind::Time => "time".to_owned(),
        MentionKind::Weekday { step } => format!("weekday({step:+})"),
        MentionKind::Relative { days } => format!("relative({days:+})"),
        MentionKind::RelativeWeek { weeks } => format!("week({weeks:+})"),
    };
    let part = |it: Option<i64>| it.map_or_else(|| "?".to_owned(), |v| v.to_string());
    let mut line = format!("{:?} {kind}", &text[m.span.range()]);
    if m.written != Default::default() {
        line.push_str(&format!(
            " {} {}-{}-{}",
            m.calendar.name(),
            part(m.written.year.map(i64::from)),
            part(m.written.month.map(i64::from)),
            part(m.written.day.map(i64::from))
        ));
    }
    if let Some(day) = m.gregorian {
        line.push_str(&format!(" = {day}"));
    }
    if let Some(weekday) = m.weekday {
        line.push_str(&format!(" {}", weekday.name()));
    }
    if let Some(time) = m.time {
        line.push_str(&format!(" {time}"));
    }
    if let Some(zone) = m.zone {
        line.push_str(&format!(" {zone:?}"));
    }
    if m.is_approximate {
        line.push_str(" approximate");
    }
    if m.is_year_inferred {
        line.push_str(" year-inferred");
    }
    line
}

/// Extracts with an optional anchor and dumps one line a mention, then one line a diagnostic.
fn check_with(text: &str, anchor: Option<DateAnchor>, expect: Expect) {
    let (mentions, diagnostics) = extract(text, anchor);
    let mut lines: Vec<String> = mentions.iter().map(|m| show_mention(text, m)).collect();
    for d in &diagnostics {
        let at = d.span.map_or_else(String::new, |s| format!(" {:?}", &text[s.range()]));
        lines.push(format!("! {}{at}: {}", d.code, d.message));
    }
    expect.assert_eq(&lines.join("\n"));
}

fn check(text: &str, expect: Expect) {
    check_with(text, None, expect);
}

fn on(year: i32, month: u8, day: u8) -> Option<DateAnchor> {
    Some(DateAnchor::Date(CivilDate::new(year, month, day).unwrap()))
}

fn show_published(p: Option<Published>) -> String {
    let Some(p) = p else {
        return "none".to_owned();
    };
    let moment = match p.moment {
        Moment::Utc { utc, local, zone } => format!("utc {utc} (local {local} {zone:?})"),
        Moment::Local(local) => format!("local {local}"),
        Moment::Day(day) => format!("day {day} {}", day.weekday().name()),
        Moment::Partial(partial) => {
            let part = |it: Option<i64>| it.map_or_else(|| "?".to_owned(), |v| v.to_string());
            let weekday = partial.weekday.map_or("?", Weekday::name);
            format!(
                "partial {} {}-{}-{} {weekday}",
                partial.calendar.name(),
                part(partial.written.year.map(i64::from)),
                part(partial.written.month.map(i64::from)),
                part(partial.written.day.map(i64::from))
            )
        }
    };
    format!("{moment} [{}] {:?}", p.provenance.name(), p.original)
}

fn check_published(meta: Option<&str>, text: &str, zone: Option<Zone>, expect: Expect) {
    expect.assert_eq(&show_published(published(meta, text, zone)));
}

// Lines written by the team in the manner of the seed pages, not copied from them.

const ALALAM_LIKE: &str = "عنوان الخبر هنا\n\nعنوان الخبر هنا\nالثلاثاء ٢٣ مايو ٢٠١٧ - ٠٤:٥٩ بتوقيت غرينتش\n\nالتقى الوزير نظيره اليوم في العاصمة.\n";
const ALALAM_LIKE_SUNDAY: &str = "عنوان آخر\n\nعنوان آخر\nالأحد ٠٨ يناير ٢٠١٧ - ٠٣:٤٦ بتوقيت غرينتش\n\nوخلال اللقاء الذي جرى اليوم الأحد في دمشق بحث الجانبان القضايا.\n";
const TASNIM_LIKE: &str = "عنوان الخبر\n\nوأفادت الوكالة أن المسؤول استقبل ظهر اليوم الأحد الضيف الذي كان يشارك أمس في المراسم.\n";
const MEHR_LIKE: &str = "وأفادت وكالة للأنباء أن المسؤول التقى اليوم الأحد في العاصمة بالرئيس.\n";
const PERSIAN_LIKE: &str = "تیتر خبر درباره دیدار\n\n16:35 - 28 دی 1395\nکد خبر: ۱۲۳۴۵۶\nبه گزارش گروه سیاسی، وزیر بعد از ظهر امروز (سهشنبه) با مهمان دیدار کرد.\nوی در تیر ماه 1395 منصوب شد.\n";

#[test]
fn seed_like_alalam_header_is_utc() {
    check_published(
        None,
        ALALAM_LIKE,
        Some(Zone::Tehran),
        expect![[
            r#"utc 2017-05-23 04:59 (local 2017-05-23 04:59 Offset(0)) [header-line] "الثلاثاء ٢٣ مايو ٢٠١٧ - ٠٤:٥٩ بتوقيت غرينتش""#
        ]],
    );
    check_published(
        None,
        ALALAM_LIKE_SUNDAY,
        Some(Zone::Tehran),
        expect![[
            r#"utc 2017-01-08 03:46 (local 2017-01-08 03:46 Offset(0)) [header-line] "الأحد ٠٨ يناير ٢٠١٧ - ٠٣:٤٦ بتوقيت غرينتش""#
        ]],
    );
    check(
        ALALAM_LIKE_SUNDAY,
        expect![[r#"
        "الأحد ٠٨ يناير ٢٠١٧ - ٠٣:٤٦ بتوقيت غرينتش" absolute gregorian 2017-1-8 = 2017-01-08 sunday 03:46 Offset(0)
        "اليوم الأحد" relative(+0) sunday"#]],
    );
}

#[test]
fn seed_like_persian_header_is_tehran_time() {
    check_published(
        None,
        PERSIAN_LIKE,
        Some(Zone::Tehran),
        expect![[
            r#"utc 2017-01-17 13:05 (local 2017-01-17 16:35 Tehran) [header-line] "16:35 - 28 دی 1395""#
        ]],
    );
    check_with(
        PERSIAN_LIKE,
        on(2017, 1, 17),
        expect![[r#"
        "16:35 - 28 دی 1395" absolute jalali 1395-10-28 = 2017-01-17 tuesday 16:35
        "امروز (سهشنبه)" relative(+0) = 2017-01-17 tuesday
        "تیر ماه 1395" absolute jalali 1395-4-?"#]],
    );
}

#[test]
fn seed_like_today_sunday_has_no_absolute_date() {
    check_published(
        None,
        TASNIM_LIKE,
        Some(Zone::Tehran),
        expect![[r#"partial gregorian ?-?-? sunday [inferred] "اليوم الأحد""#]],
    );
    check_published(
        None,
        MEHR_LIKE,
        Some(Zone::Tehran),
        expect![[r#"partial gregorian ?-?-? sunday [inferred] "اليوم الأحد""#]],
    );
    check(
        TASNIM_LIKE,
        expect![[r#"
        "اليوم الأحد" relative(+0) sunday
        "أمس" relative(-1)"#]],
    );
    // With only the weekday as anchor, yesterday is a Saturday.
    check_with(
        TASNIM_LIKE,
        Some(DateAnchor::Weekday(Weekday::Sunday)),
        expect![[r#"
        "اليوم الأحد" relative(+0) sunday
        "أمس" relative(-1) saturday"#]],
    );
}

#[test]
fn arabic_month_names_in_every_tradition() {
    check(
        "٢٣ مايو ٢٠١٧ و23 أيار 2017 و23 ايار 2017",
        expect![[r#"
        "٢٣ مايو ٢٠١٧" absolute gregorian 2017-5-23 = 2017-05-23 tuesday
        "23 أيار 2017" absolute gregorian 2017-5-23 = 2017-05-23 tuesday
        "23 ايار 2017" absolute gregorian 2017-5-23 = 2017-05-23 tuesday"#]],
    );
    check(
        "5 كانون الثاني 2017، 5 يناير 2017، 5 جانفي 2017، 12 تشرين الأول 2016",
        expect![[r#"
        "5 كانون الثاني 2017" absolute gregorian 2017-1-5 = 2017-01-05 thursday
        "5 يناير 2017" absolute gregorian 2017-1-5 = 2017-01-05 thursday
        "5 جانفي 2017" absolute gregorian 2017-1-5 = 2017-01-05 thursday
        "12 تشرين الأول 2016" absolute gregorian 2016-10-12 = 2016-10-12 wednesday"#]],
    );
    check(
        "في 23 أيار/مايو 2017 وفي 24 أيار (مايو) 2017",
        expect![[r#"
        "23 أيار/مايو 2017" absolute gregorian 2017-5-23 = 2017-05-23 tuesday
        "24 أيار (مايو) 2017" absolute gregorian 2017-5-24 = 2017-05-24 wednesday"#]],
    );
    check(
        "أوت 2015 وجويلية 2015 و14 فيفري",
        expect![[r#"
        "أوت 2015" absolute gregorian 2015-8-?
        "جويلية 2015" absolute gregorian 2015-7-?
        "14 فيفري" absolute gregorian ?-2-14"#]],
    );
}

#[test]
fn persian_names_of_gregorian_months() {
    check(
        "۱۷ ژانویه ۲۰۱۷ و ۲۰ مارس ۲۰۱۷",
        expect![[r#"
        "۱۷ ژانویه ۲۰۱۷" absolute gregorian 2017-1-17 = 2017-01-17 tuesday
        "۲۰ مارس ۲۰۱۷" absolute gregorian 2017-3-20 = 2017-03-20 monday"#]],
    );
}

#[test]
fn english_dates() {
    check(
        "Tuesday, May 23, 2017 at 4:59 pm GMT",
        expect![[
            r#""Tuesday, May 23, 2017 at 4:59 pm GMT" absolute gregorian 2017-5-23 = 2017-05-23 tuesday 16:59 Offset(0)"#
        ]],
    );
    check(
        "on 23 May 2017, on Jan. 8 and on the 3rd March 2016",
        expect![[r#"
        "23 May 2017" absolute gregorian 2017-5-23 = 2017-05-23 tuesday
        "Jan. 8" absolute gregorian ?-1-8
        "3rd March 2016" absolute gregorian 2016-3-3 = 2016-03-03 thursday"#]],
    );
    check("They may 5 times", expect![]);
}

#[test]
fn solar_hijri_dates() {
    check(
        "28 دی 1395 و ۲۸ دی ۱۳۹۵ و 1395/10/28 و ۲۸ دی‌ماه ۱۳۹۵ ه.ش",
        expect![[r#"
        "28 دی 1395" absolute jalali 1395-10-28 = 2017-01-17 tuesday
        "۲۸ دی ۱۳۹۵" absolute jalali 1395-10-28 = 2017-01-17 tuesday
        "1395/10/28" absolute jalali 1395-10-28 = 2017-01-17 tuesday
        "۲۸ دی\u{200c}ماه ۱۳۹۵ ه.ش" absolute jalali 1395-10-28 = 2017-01-17 tuesday"#]],
    );
    check(
        "۲۸ دی ماه سال ۱۳۹۵ و 12 بهمن 92 و تیرماه ۱۳۹۵ و مرداد ماه",
        expect![[r#"
        "۲۸ دی ماه سال ۱۳۹۵" absolute jalali 1395-10-28 = 2017-01-17 tuesday
        "12 بهمن 92" absolute jalali 1392-11-12 = 2014-02-01 saturday
        "تیرماه ۱۳۹۵" absolute jalali 1395-4-?
        "مرداد ماه" absolute jalali ?-5-?"#]],
    );
    check(
        "30 اسفند 1395 ولی 30 اسفند 1396",
        expect![[r#"
        "30 اسفند 1395" absolute jalali 1395-12-30 = 2017-03-20 monday
        "30 اسفند 1396" absolute jalali 1396-12-30
        ! invalid-date "30 اسفند 1396": "30 اسفند 1396" writes 1396-12-30, which is no day of the jalali calendar"#]],
    );
}

#[test]
fn a_bare_13xx_year_follows_the_language() {
    check(
        "تاریخ: 1395/10/28",
        expect![[r#""1395/10/28" absolute jalali 1395-10-28 = 2017-01-17 tuesday"#]],
    );
    check(
        "التاريخ: 1436/10/25",
        expect![[r#""1436/10/25" absolute hijri-umm-al-qura 1436-10-25 = 2015-08-10 monday"#]],
    );
    check(
        "سال 1395 و عام 2015 و سنة 1436 هـ و در سال 87",
        expect![[r#"
        "سال 1395" absolute jalali 1395-?-?
        "عام 2015" absolute gregorian 2015-?-?
        "سنة 1436 هـ" absolute hijri-umm-al-qura 1436-?-?
        "سال 87" absolute jalali 1387-?-?"#]],
    );
}

#[test]
fn lunar_hijri_dates() {
    check(
        "25 شوال 1436 هـ و15 رمضان 1436هـ و10 ذي الحجة 1436 و10 ذو الحجة 1436 ق",
        expect![[r#"
        "25 شوال 1436 هـ" absolute hijri-umm-al-qura 1436-10-25 = 2015-08-10 monday
        "15 رمضان 1436هـ" absolute hijri-umm-al-qura 1436-9-15 = 2015-07-02 thursday
        "10 ذي الحجة 1436" absolute hijri-umm-al-qura 1436-12-10 = 2015-09-23 wednesday
        "10 ذو الحجة 1436 ق" absolute hijri-umm-al-qura 1436-12-10 = 2015-09-23 wednesday"#]],
    );
    check(
        "يوم الاثنين ٤-١٠-١٤٣٦ الموافق ٢٠-٧-٢٠١٥م",
        expect![[r#"
        "الاثنين ٤-١٠-١٤٣٦" absolute hijri-umm-al-qura 1436-10-4 = 2015-07-20 monday
        "٢٠-٧-٢٠١٥م" absolute gregorian 2015-7-20 = 2015-07-20 monday"#]],
    );
    // Outside the Umm al-Qura table the arithmetic calendar answers, flagged approximate.
    check(
        "1 محرم 1300 هـ و1 محرم 1600 هـ",
        expect![[r#"
        "1 محرم 1300 هـ" absolute hijri-arithmetic 1300-1-1 = 1882-11-11 saturday approximate
        "1 محرم 1600 هـ" absolute hijri-arithmetic 1600-1-1 = 2173-12-06 monday approximate"#]],
    );
    check(
        "۱۵ ربیع‌الاول ۱۴۳۸ ه.ق و ۱۰ ذی‌الحجه ۱۴۳۷ قمری",
        expect![[r#"
        "۱۵ ربیع\u{200c}الاول ۱۴۳۸ ه.ق" absolute hijri-umm-al-qura 1438-3-15 = 2016-12-14 wednesday
        "۱۰ ذی\u{200c}الحجه ۱۴۳۷ قمری" absolute hijri-umm-al-qura 1437-12-10 = 2016-09-11 sunday"#]],
    );
}

#[test]
fn spelled_out_days() {
    check(
        "التاسع من يوليو 2015 والأول من مايو والـ12 من مايو 2017",
        expect![[r#"
        "التاسع من يوليو 2015" absolute gregorian 2015-7-9 = 2015-07-09 thursday
        "الأول من مايو" absolute gregorian ?-5-1
        "12 من مايو 2017" absolute gregorian 2017-5-12 = 2017-05-12 friday"#]],
    );
    check(
        "السادس والعشرين من شهر رمضان 1436هـ والحادي عشر من سبتمبر 2001",
        expect![[r#"
        "السادس والعشرين من شهر رمضان 1436هـ" absolute hijri-umm-al-qura 1436-9-26 = 2015-07-13 monday
        "الحادي عشر من سبتمبر 2001" absolute gregorian 2001-9-11 = 2001-09-11 tuesday"#]],
    );
    check(
        "بیست و هشتم دی ۱۳۹۵، اول مهر و سی‌ام اسفند 1395",
        expect![[r#"
        "بیست و هشتم دی ۱۳۹۵" absolute jalali 1395-10-28 = 2017-01-17 tuesday
        "اول مهر" absolute jalali ?-7-1
        "سی\u{200c}ام اسفند 1395" absolute jalali 1395-12-30 = 2017-03-20 monday"#]],
    );
    check("في الخامس من الشهر والثاني من الفريق واليوم الأول", expect![]);
}

#[test]
fn digits_mix_within_one_number() {
    check(
        "۲3 مايو ٢0١٧ - ۰4:5٩",
        expect![[
            r#""۲3 مايو ٢0١٧ - ۰4:5٩" absolute gregorian 2017-5-23 = 2017-05-23 tuesday 04:59"#
        ]],
    );
}

#[test]
fn weekday_spellings_and_lost_zwnj() {
    check(
        "الاثنين الإثنين الأربعاء الاربعاء",
        expect![[r#"
        "الاثنين" weekday(+0) monday
        "الإثنين" weekday(+0) monday
        "الأربعاء" weekday(+0) wednesday
        "الاربعاء" weekday(+0) wednesday"#]],
    );
    check(
        "سهشنبه سه‌شنبه سه شنبه پنجشنبه پنج‌شنبه یکشنبه دوشنبه شنبه جمعه",
        expect![[r#"
        "سهشنبه" weekday(+0) tuesday
        "سه\u{200c}شنبه" weekday(+0) tuesday
        "سه شنبه" weekday(+0) tuesday
        "پنجشنبه" weekday(+0) thursday
        "پنج\u{200c}شنبه" weekday(+0) thursday
        "یکشنبه" weekday(+0) sunday
        "دوشنبه" weekday(+0) monday
        "شنبه" weekday(+0) saturday
        "جمعه" weekday(+0) friday"#]],
    );
}

#[test]
fn times_and_zones() {
    check(
        "الساعة 10:30 م بتوقيت دمشق و16:35 و٠٤:٥٩ بتوقيت غرينتش",
        expect![[r#"
        "10:30 م بتوقيت دمشق" time 22:30 Damascus
        "16:35" time 16:35
        "٠٤:٥٩ بتوقيت غرينتش" time 04:59 Offset(0)"#]],
    );
    check(
        "ساعت ۱۰:۳۰ به وقت تهران، 10:00 بتوقيت مكة المكرمة، 04:59 GMT، 9:15 ق.ظ",
        expect![[r#"
        "۱۰:۳۰ به وقت تهران" time 10:30 Tehran
        "10:00 بتوقيت مكة المكرمة" time 10:00 Offset(180)
        "04:59 GMT" time 04:59 Offset(0)
        "9:15 ق.ظ" time 09:15"#]],
    );
    check("نتيجة المباراة 2:1 وسعر 3.14", expect![]);
}

#[test]
fn relative_days_resolve_against_the_anchor() {
    check_with(
        "اليوم وأمس وغدا وأول أمس",
        on(2017, 5, 23),
        expect![[r#"
        "اليوم" relative(+0) = 2017-05-23 tuesday
        "أمس" relative(-1) = 2017-05-22 monday
        "غدا" relative(+1) = 2017-05-24 wednesday
        "أول أمس" relative(-2) = 2017-05-21 sunday"#]],
    );
    check_with(
        "امروز، دیروز، فردا و پس‌فردا",
        on(2017, 1, 17),
        expect![[r#"
        "امروز" relative(+0) = 2017-01-17 tuesday
        "دیروز" relative(-1) = 2017-01-16 monday
        "فردا" relative(+1) = 2017-01-18 wednesday
        "پس\u{200c}فردا" relative(+2) = 2017-01-19 thursday"#]],
    );
    check_with(
        "today, yesterday and last week",
        on(2017, 5, 23),
        expect![[r#"
        "today" relative(+0) = 2017-05-23 tuesday
        "yesterday" relative(-1) = 2017-05-22 monday
        "last week" week(-1)"#]],
    );
}

#[test]
fn relative_day_with_conflicting_weekday_is_a_diagnostic() {
    // 2015-07-21 was a Tuesday: the text was written on the Monday and read a day later.
    check_with(
        "حدد رئيس الوزراء، اليوم (الاثنين)، ملامح استراتيجية",
        on(2015, 7, 21),
        expect![[r#"
        "اليوم (الاثنين)" relative(+0) = 2015-07-21 monday
        ! weekday-conflict "اليوم (الاثنين)": "اليوم (الاثنين)" names a monday, but 2015-07-21 is a tuesday"#]],
    );
    check_with(
        "حدد رئيس الوزراء، اليوم (الاثنين)، ملامح استراتيجية",
        on(2015, 7, 20),
        expect![[r#""اليوم (الاثنين)" relative(+0) = 2015-07-20 monday"#]],
    );
    check_with(
        "وكان قد وصل أمس الأحد",
        on(2015, 7, 20),
        expect![[r#""أمس الأحد" relative(-1) = 2015-07-19 sunday"#]],
    );
    check_with(
        "اليوم الاثنين 4/10/1436",
        on(2015, 7, 21),
        expect![[r#"
        "اليوم الاثنين 4/10/1436" relative(+0) hijri-umm-al-qura 1436-10-4 = 2015-07-20 monday
        ! date-conflict "اليوم الاثنين 4/10/1436": "اليوم الاثنين 4/10/1436" writes 2015-07-20, but counted from 2015-07-21 it is 2015-07-21"#]],
    );
}

#[test]
fn written_date_with_wrong_weekday_is_a_diagnostic() {
    check(
        "الأربعاء ٢٣ مايو ٢٠١٧",
        expect![[r#"
        "الأربعاء ٢٣ مايو ٢٠١٧" absolute gregorian 2017-5-23 = 2017-05-23 wednesday
        ! weekday-conflict "الأربعاء ٢٣ مايو ٢٠١٧": "الأربعاء ٢٣ مايو ٢٠١٧" names a wednesday, but 2017-05-23 is a tuesday"#]],
    );
}

#[test]
fn linked_dates_in_two_calendars_must_agree() {
    check(
        "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس",
        expect![[r#"
        "25 شوال 1436 هـ" absolute hijri-umm-al-qura 1436-10-25 = 2015-08-10 monday
        "10 اغسطس 2015 م" absolute gregorian 2015-8-10 = 2015-08-10 monday"#]],
    );
    check(
        "25 شوال 1436 هـ الموافق 11 اغسطس 2015 م",
        expect![[r#"
        "25 شوال 1436 هـ" absolute hijri-umm-al-qura 1436-10-25 = 2015-08-10 monday
        "11 اغسطس 2015 م" absolute gregorian 2015-8-11 = 2015-08-11 tuesday
        ! date-conflict "25 شوال 1436 هـ الموافق 11 اغسطس 2015 م": "11 اغسطس 2015 م" is given as the same day as "25 شوال 1436 هـ", but they are 2015-08-10 and 2015-08-11"#]],
    );
}

#[test]
fn dates_without_a_year_take_the_nearest_year_with_an_anchor() {
    check_with(
        "20 آذر و 5 فروردین",
        on(2017, 1, 17),
        expect![[r#"
        "20 آذر" absolute jalali ?-9-20 = 2016-12-10 saturday year-inferred
        "5 فروردین" absolute jalali ?-1-5 = 2017-03-25 saturday year-inferred"#]],
    );
    check_with(
        "25 December",
        on(2017, 1, 3),
        expect![[r#""25 December" absolute gregorian ?-12-25 = 2016-12-25 sunday year-inferred"#]],
    );
}

#[test]
fn weekday_with_direction_resolves_with_an_anchor() {
    check_with(
        "الأحد الماضي والأحد المقبل والأحد",
        on(2017, 5, 23),
        expect![[r#"
        "الأحد الماضي" weekday(-1) = 2017-05-21 sunday
        "الأحد المقبل" weekday(+1) = 2017-05-28 sunday
        "الأحد" weekday(+0) sunday"#]],
    );
    check_with(
        "شنبه گذشته و last Sunday و next Tuesday",
        on(2017, 5, 23),
        expect![[r#"
        "شنبه گذشته" weekday(-1) = 2017-05-20 saturday
        "last Sunday" weekday(-1) = 2017-05-21 sunday
        "next Tuesday" weekday(+1) = 2017-05-30 tuesday"#]],
    );
}

#[test]
fn words_that_only_look_like_dates() {
    check("اليوم الوطني واليوم الأول وعين اليوم", expect![[r#""اليوم" relative(+0)"#]]);
    check("التقى رمضان أحمد وصفر الكأس ودي ميستورا", expect![]);
    check("على بعد 500 م من 1.900.000 زائر", expect![]);
}

#[test]
fn published_from_metadata() {
    let text = "نص بلا تاريخ";
    check_published(
        Some("2015-07-21 02:51:32"),
        text,
        Some(Zone::Offset(180)),
        expect![[
            r#"utc 2015-07-20 23:51:32 (local 2015-07-21 02:51:32 Offset(180)) [metadata] "2015-07-21 02:51:32""#
        ]],
    );
    check_published(
        Some("2015-07-21 02:51:32"),
        text,
        None,
        expect![[r#"local 2015-07-21 02:51:32 [metadata] "2015-07-21 02:51:32""#]],
    );
    check_published(
        Some("2019-10-16T08:00:00+03:30"),
        text,
        None,
        expect![[
            r#"utc 2019-10-16 04:30 (local 2019-10-16 08:00 Offset(210)) [metadata] "2019-10-16T08:00:00+03:30""#
        ]],
    );
    check_published(
        Some("Tue, 23 May 2017 04:59:00 GMT"),
        text,
        None,
        expect![[
            r#"utc 2017-05-23 04:59 (local 2017-05-23 04:59 Offset(0)) [metadata] "Tue, 23 May 2017 04:59:00 GMT""#
        ]],
    );
    check_published(
        Some("2017-05-23"),
        text,
        Some(Zone::Tehran),
        expect![[r#"day 2017-05-23 tuesday [metadata] "2017-05-23""#]],
    );
    check_published(
        Some("٢٠١٧-٠٥-٢٣ ٠٤:٥٩"),
        text,
        Some(Zone::Offset(0)),
        expect![[
            r#"utc 2017-05-23 04:59 (local 2017-05-23 04:59 Offset(0)) [metadata] "٢٠١٧-٠٥-٢٣ ٠٤:٥٩""#
        ]],
    );
    check_published(
        Some("yesterday"),
        "اليوم الأحد",
        None,
        expect![[r#"partial gregorian ?-?-? sunday [inferred] "اليوم الأحد""#]],
    );
}

#[test]
fn published_header_in_tehran_time_follows_daylight_saving() {
    // 1390 observed daylight saving time, 1385 and 1402 did not.
    check_published(
        None,
        "تیتر\n10:00 - 1 تیر 1390\nمتن",
        Some(Zone::Tehran),
        expect![[
            r#"utc 2011-06-22 05:30 (local 2011-06-22 10:00 Tehran) [header-line] "10:00 - 1 تیر 1390""#
        ]],
    );
    check_published(
        None,
        "تیتر\n10:00 - 1 تیر 1385\nمتن",
        Some(Zone::Tehran),
        expect![[
            r#"utc 2006-06-22 06:30 (local 2006-06-22 10:00 Tehran) [header-line] "10:00 - 1 تیر 1385""#
        ]],
    );
    check_published(
        None,
        "تیتر\n10:00 - 1 تیر 1402\nمتن",
        Some(Zone::Tehran),
        expect![[
            r#"utc 2023-06-22 06:30 (local 2023-06-22 10:00 Tehran) [header-line] "10:00 - 1 تیر 1402""#
        ]],
    );
    check_published(
        None,
        "تیتر\n10:00 - 1 تیر 1390\nمتن",
        None,
        expect![[r#"local 2011-06-22 10:00 [header-line] "10:00 - 1 تیر 1390""#]],
    );
    check_published(
        None,
        "تاريخ النشر: 23/05/2017\nنص",
        None,
        expect![[r#"day 2017-05-23 tuesday [header-line] "23/05/2017""#]],
    );
}

#[test]
fn published_from_a_dateline() {
    check_published(
        None,
        "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\nيواصل المهرجان فعالياته.",
        None,
        expect![[r#"day 2015-08-10 monday [dateline] "25 شوال 1436 هـ""#]],
    );
    check_published(
        None,
        "LONDON, May 23 (Reuters) - The minister said on Tuesday",
        None,
        expect![[r#"partial gregorian ?-5-23 ? [dateline] "May 23""#]],
    );
    // A date inside a sentence or title is no dateline.
    check_published(None, "همایش اصلاح‌طلبان پایتخت 30 بهمن برگزار می‌شود", None, expect!["none"]);
}

#[test]
fn published_inferred_keeps_only_what_the_text_says() {
    check_published(
        None,
        "وكان الوفد قد وصل أمس السبت إلى المدينة",
        None,
        expect![[r#"partial gregorian ?-?-? sunday [inferred] "أمس السبت""#]],
    );
    check_published(
        None,
        "این مراسم فردا (جمعه 28 شهریور ماه) برگزار می‌شود",
        None,
        expect![[r#"partial jalali ?-6-27 thursday [inferred] "فردا (جمعه 28 شهریور ماه)""#]],
    );
    check_published(
        None,
        "نشست امروز (چهارشنبه 9 دی ماه) برگزار شد",
        None,
        expect![[r#"partial jalali ?-10-9 wednesday [inferred] "امروز (چهارشنبه 9 دی ماه)""#]],
    );
    check_published(None, "قال الوزير اليوم إن الاتفاق قريب", None, expect!["none"]);
}

#[test]
fn lexicon_spellings_do_not_collide() {
    let lexicon = super::lexicon::Lexicon::build();
    let entries = lexicon.entries();
    assert!(entries.len() > 200, "only {} entries", entries.len());
    for pair in entries.windows(2) {
        assert!(
            pair[0].key != pair[1].key,
            "{:?} means both {:?} and {:?}",
            pair[0].key,
            pair[0].lex,
            pair[1].lex
        );
        assert!(!pair[0].key.is_empty());
    }
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    let pieces = [
        "اليوم",
        "أمس",
        "امروز",
        "(",
        ")",
        "الاثنين",
        "سه",
        "شنبه",
        "\u{200C}",
        " ",
        "\n",
        "23",
        "٢٣",
        "۲۸",
        "مايو",
        "دی",
        "1395",
        "٢٠١٧",
        "/",
        "-",
        ":",
        "هـ",
        ".",
        "ش",
        "م",
        "بتوقيت",
        "غرينتش",
        "الموافق",
        "رمضان",
        "12",
        "ـ",
        "ً",
        "é",
        "a",
        "May",
        "pm",
        "ماه",
    ];
    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..24)
        .prop_map(|v| v.concat())
}

const JALALI_NAMES: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// Writes `n` in ASCII, Arabic-Indic or Persian digits, chosen digit by digit by `mix`.
fn digits(n: u32, mix: u32) -> String {
    n.to_string()
        .chars()
        .enumerate()
        .map(|(idx, c)| {
            let d = c as u32 - '0' as u32;
            match (mix >> (2 * idx)) % 3 {
                0 => c,
                1 => char::from_u32(0x0660 + d).unwrap(),
                _ => char::from_u32(0x06F0 + d).unwrap(),
            }
        })
        .collect()
}

proptest! {
    #[test]
    fn extract_never_panics_and_spans_are_sound(text in arbitrary_text(), anchor_days in 0i64..30_000) {
        let anchor = Some(DateAnchor::Date(CivilDate::from_days(anchor_days)));
        let (mentions, diagnostics) = extract(&text, anchor);
        let mut last_end = 0;
        for m in &mentions {
            prop_assert!(m.span.start <= m.span.end && m.span.range().end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.range().start) && text.is_char_boundary(m.span.range().end));
            prop_assert!(m.span.range().start >= last_end, "mentions overlap");
            last_end = m.span.range().end;
        }
        for d in &diagnostics {
            prop_assert!(d.span.is_some_and(|s| s.range().end <= text.len()));
        }
        let _ = published(Some(&text), &text, Some(Zone::Tehran));
    }

    #[test]
    fn written_jalali_dates_read_back_in_any_digits(days in 0i64..60_000, mix in 0u32..u32::MAX) {
        let day = CivilDate::from_days(days);
        let (ymd, _) = crate::calendar::from_gregorian(model::when::Calendar::Jalali, day).unwrap();
        let text = format!(
            "در {} {} {} برگزار شد",
            digits(u32::from(ymd.day), mix),
            JALALI_NAMES[usize::from(ymd.month) - 1],
            digits(ymd.year as u32, mix >> 8)
        );
        let (mentions, diagnostics) = extract(&text, None);
        prop_assert!(diagnostics.is_empty());
        prop_assert_eq!(mentions.len(), 1);
        prop_assert_eq!(mentions[0].gregorian, Some(day));
        prop_assert_eq!(mentions[0].weekday, Some(day.weekday()));
    }

    #[test]
    fn today_with_a_weekday_conflicts_only_when_it_is_another_day(days in 0i64..60_000, idx in 0usize..7) {
        const NAMES: [&str; 7] = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];
        let anchor = CivilDate::from_days(days);
        let text = format!("وصل اليوم ({}) إلى المدينة", NAMES[idx]);
        let (mentions, diagnostics) = extract(&text, Some(DateAnchor::Date(anchor)));
        prop_assert_eq!(mentions.len(), 1);
        prop_assert_eq!(mentions[0].gregorian, Some(anchor));
        let is_conflict = diagnostics.iter().any(|d| d.code == "weekday-conflict");
        prop_assert_eq!(is_conflict, Weekday::ALL[idx] != anchor.weekday());
        // Yesterday's weekday is one before today's, whatever today is.
        let (mentions, _) = extract("أمس", Some(DateAnchor::Weekday(Weekday::ALL[idx])));
        prop_assert_eq!(mentions[0].weekday, Some(Weekday::ALL[idx].add_days(-1)));
    }
}

#[test]
fn solar_hijri_metadata_date_is_converted() {
    // Iranian feeds put Solar Hijri dates in their date fields, in the ISO shape.
    check_published(
        Some("1397/12/06 23:15"),
        "متن خبر",
        Some(Zone::Tehran),
        expect![[
            r#"utc 2019-02-25 19:45 (local 2019-02-25 23:15 Tehran) [metadata] "1397/12/06 23:15""#
        ]],
    );
}

proptest::proptest! {
    #[test]
    fn is_persian_by_bytes_agrees_with_a_count_by_chars(
        text in "[ -~\u{0600}-\u{06FF}\u{0750}-\u{077F}\u{200C}\u{00C0}-\u{00FF}]{0,80}"
    ) {
        let mut score = 0i64;
        for c in text.chars() {
            match c {
                'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' | '\u{06F0}'..='\u{06F9}' => score += 1,
                'ة' | '\u{0660}'..='\u{0669}' => score -= 1,
                _ => {}
            }
        }
        proptest::prop_assert_eq!(super::scan::is_persian(&text), score > 0);
    }
}
