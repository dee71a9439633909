//! Tests for quotes: kind, speaker and span, on team-written reports.

use expect_test::{Expect, expect};

use crate::testing;

/// Prints each quote's kind, speaker (and the actor it links to), cue and text.
fn check(text: &str, expect: Expect) {
    let doc = testing::run(text, Some("2019-04-15"));
    let mut out = String::new();
    for quote in &doc.quotes {
        let speaker = quote.speaker.map_or("-".to_owned(), |idx| {
            let name = &text[doc.entities[idx].span.range()];
            let entity = &doc.entities[model::resolve(&doc.entities, idx)];
            format!("{name} ({})", entity.actor.as_deref().unwrap_or("new"))
        });
        let carried = if quote.is_speaker_in_sentence { "" } else { " carried" };
        let cue = quote.cue.map_or("-", |c| &text[c.range()]);
        out.push_str(&format!(
            "{} {speaker}{carried} [{cue}] {}\n",
            quote.kind.name(),
            &text[quote.text.range()]
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn arabic_reported_speech_takes_the_subject_after_its_titles_and_carries_it_on() {
    check(
        "وأكد وزير الخارجية الإيراني محمد جواد ظريف أن طهران مستعدة للحوار مع جيرانها. وأضاف أن المنطقة تحتاج إلى الاستقرار والتعاون.",
        expect![[r#"
            reported محمد جواد ظريف (zarif_mohammad_javad) [وأكد] طهران مستعدة للحوار مع جيرانها
            reported محمد جواد ظريف (zarif_mohammad_javad) carried [وأضاف] المنطقة تحتاج إلى الاستقرار والتعاون
        "#]],
    );
}

#[test]
fn arabic_direct_speech_is_the_words_between_the_marks() {
    check(
        "وقال ظريف في مؤتمر صحفي: «لن نقبل أي شروط مسبقة للحوار».",
        expect![[r#"
            direct ظريف (zarif_mohammad_javad) [وقال] لن نقبل أي شروط مسبقة للحوار
        "#]],
    );
}

#[test]
fn a_participle_speaks_for_the_subject_of_its_sentence() {
    check(
        "وأعرب اللواء علي مملوك عن سعادته بالزيارة مؤكدا أن التعاون بين البلدين سيستمر.",
        expect![[r#"
            reported علي مملوك (mamlouk_ali) [مؤكدا] التعاون بين البلدين سيستمر
        "#]],
    );
}

#[test]
fn persian_speech_after_a_colon_is_reported_and_an_office_speaks_for_its_holder() {
    check(
        "علی شمخانی دبیر شورای عالی امنیت ملی امروز با وزیر خارجه سوریه دیدار کرد.\n\nدبیر شورای عالی امنیت ملی در این دیدار گفت: همکاری سه کشور در مبارزه با تروریسم ادامه خواهد یافت.\n\nوی افزود: دشمنان نباید از آتش‌بس سوءاستفاده کنند.",
        expect![[r#"
            reported علی شمخانی (shamkhani_ali) [گفت] همکاری سه کشور در مبارزه با تروریسم ادامه خواهد یافت
            reported وی (shamkhani_ali) [افزود] دشمنان نباید از آتش‌بس سوءاستفاده کنند
        "#]],
    );
}

#[test]
fn marks_around_a_name_with_no_speech_verb_are_no_quote() {
    check("درباره «برجام» در این نشست گفت‌وگویی نشد.", expect![[""]]);
}

#[test]
fn english_quotes_take_the_speaker_before_or_after_the_verb() {
    check(
        "\"We will not negotiate under pressure,\" Rouhani said. Khamenei said that he did not trust the United States.",
        expect![[r#"
            direct Rouhani (rouhani_hassan) [said] We will not negotiate under pressure
            reported Khamenei (khamenei_ali) [said] he did not trust the United States
        "#]],
    );
}

#[test]
fn an_english_apposition_does_not_take_the_speakers_place() {
    check(
        "French President Emmanuel Macron, the first foreign leader to visit Lebanon since the blast, told residents that aid would reach the people directly.",
        expect![[r#"
            reported Emmanuel Macron (macron_emmanuel) [told] aid would reach the people directly
        "#]],
    );
}
