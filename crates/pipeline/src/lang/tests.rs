//! Tests for language identification, on short and hard cases.

use std::sync::OnceLock;

use expect_test::{Expect, expect};

use super::{Detector, detect};

fn detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(Detector::default)
}

fn check(text: &str, expect: Expect) {
    let guess = detect(text, detector());
    expect.assert_eq(guess.lang.code());
}

#[test]
fn arabic_title_written_with_persian_letters_is_arabic() {
    check("شمخانی: نقف الى جانب سوریا وسنواصل دعمنا لها حتى نهایة الازمة", expect!["ar"]);
}

#[test]
fn persian_written_with_arabic_kaf_and_yeh_is_persian() {
    check("ارائه خدمات بر خط بانكي در دفاتر ICT روستايي امكان پذير مي شود", expect!["fa"]);
    check("وزير امور خارجه روسيه", expect!["fa"]);
}

#[test]
fn short_titles() {
    check("شمخاني يلتقي رئيس مكتب الأمن الوطني السوري", expect!["ar"]);
    check("به دشمنان سوریه اجازه استفاده از فرصت آتشبس را ندهیم", expect!["fa"]);
    check("Iran's security chief meets Syrian prime minister", expect!["en"]);
}

#[test]
fn an_english_sentence_of_names_and_titles_is_english() {
    check(
        "Japanese Prime Minister Shinzo Abe met Iranian President Hassan Rouhani in Tehran.",
        expect!["en"],
    );
    check(
        "Le Premier ministre japonais Shinzo Abe a rencontré le président iranien Hassan Rohani à Téhéran.",
        expect!["other"],
    );
    check(
        "Der japanische Premierminister Shinzo Abe traf in Teheran den iranischen Präsidenten Hassan Rohani.",
        expect!["other"],
    );
}

#[test]
fn other_scripts_and_languages() {
    check(
        "Die Bundesregierung hat am Dienstag die neuen Regeln für die Banken beschlossen.",
        expect!["other"],
    );
    check("Президент России встретился с секретарём совета", expect!["other"]);
    check("109-3", expect!["und"]);
}

#[test]
fn confidence_is_high_for_a_clear_paragraph() {
    let guess = detect(
        "وأفادت وكالة مهر للأنباء أن شمخاني التقى اليوم الأحد في العاصمة السورية دمشق بالرئيس السوري.",
        detector(),
    );
    assert!(guess.confidence > 0.9, "confidence {}", guess.confidence);
}

#[test]
fn document_context_settles_a_short_paragraph_with_thin_evidence() {
    let text = "موجز دوليات";
    let weighed = super::weigh(text, detector());
    assert_eq!(weighed.settled(), None, "two words settle nothing by themselves");
    let in_persian = super::decide(text, &weighed, detector(), Some(model::Lang::Fa));
    let in_arabic = super::decide(text, &weighed, detector(), Some(model::Lang::Ar));
    assert_eq!((in_persian.lang.code(), in_arabic.lang.code()), ("fa", "ar"));
    // Context never overrides a paragraph's own settled evidence.
    let persian = "وی در این دیدار گفت که همکاری‌های دو کشور ادامه خواهد یافت";
    let weighed = super::weigh(persian, detector());
    assert_eq!(
        super::decide(persian, &weighed, detector(), Some(model::Lang::Ar)).lang.code(),
        "fa"
    );
}
