//! Tests for event places and dates, on team-written reports.

use expect_test::{Expect, expect};

use crate::testing;

/// Prints each event's type, trigger, place and date.
fn check(text: &str, published: Option<&str>, expect: Expect) {
    let doc = testing::run(text, published);
    let mut out = String::new();
    for event in &doc.events {
        let place = event.place.map_or("-".to_owned(), |p| {
            let e = &doc.entities[p.entity];
            format!(
                "{} {} {}",
                &text[e.span.range()],
                e.country.as_deref().unwrap_or("-"),
                p.how.name()
            )
        });
        let date = event.date.map_or("-".to_owned(), |d| {
            format!(
                "{} {} {}",
                d.day.map_or("-".to_owned(), |d| d.to_string()),
                d.weekday.map_or("-", |w| w.name()),
                d.how.name()
            )
        });
        out.push_str(&format!(
            "{} [{}] at {place} on {date}\n",
            event.kind.name(),
            &text[event.trigger.range()]
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn a_locative_beside_the_trigger_places_the_event_and_a_day_in_the_sentence_dates_it() {
    check(
        "التقى وزير الخارجية الإيراني محمد جواد ظريف اليوم الاثنين في العاصمة السورية دمشق الرئيس السوري بشار الأسد.",
        Some("2019-04-15"),
        expect![[r#"
            CONSULT [التقى] at دمشق SYR sentence on 2019-04-15 monday sentence
        "#]],
    );
}

#[test]
fn a_country_that_a_topic_names_is_no_place() {
    check(
        "وبحث الجانبان الأوضاع الراهنة في سوريا والعراق.",
        Some("2019-04-15"),
        expect![[r#"
            CONSULT [وبحث الجانبان] at - on 2019-04-15 monday published
        "#]],
    );
}

#[test]
fn a_later_sentence_about_the_meeting_gives_its_place_and_day() {
    check(
        "استقبل الرئيس السوري بشار الأسد وزير الخارجية الإيراني محمد جواد ظريف. وجرى اللقاء أمس الأحد في دمشق بحضور عدد من المسؤولين.",
        Some("2019-04-15"),
        expect![[r#"
            CONSULT [استقبل] at دمشق SYR linked on 2019-04-14 sunday linked
        "#]],
    );
}

#[test]
fn a_visit_with_a_destination_places_a_meeting_of_the_same_visitor() {
    check(
        "عماد خمیس نخست وزیر سوریه امروز با علی شمخانی دیدار کرد.\n\nعماد خمیس برای نخستین بار به تهران سفر کرده است.",
        Some("2017-01-17"),
        expect![[r#"
            CONSULT [دیدار کرد] at تهران IRN linked on 2017-01-17 tuesday sentence
            CONSULT [سفر کرده است] at تهران IRN sentence on 2017-01-17 tuesday published
        "#]],
    );
}

#[test]
fn the_dateline_places_what_the_text_does_not() {
    check(
        "النجف - التقى البابا فرنسيس المرجع الديني علي السيستاني.",
        Some("2021-03-06"),
        expect![[r#"
            CONSULT [التقى] at النجف IRQ dateline on 2021-03-06 saturday published
        "#]],
    );
}

#[test]
fn without_a_publication_date_a_named_weekday_is_all_the_date_there_is() {
    check(
        "Japanese Prime Minister Shinzo Abe met Iranian President Hassan Rouhani in Tehran on Wednesday.",
        None,
        expect![[r#"
            CONSULT [met] at Tehran IRN sentence on - wednesday sentence
        "#]],
    );
}
