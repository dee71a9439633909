//! Tests for normalization: small cases through `check`, invariants through proptest.

use expect_test::{Expect, expect};
use model::{Lang, Span};
use proptest::prelude::*;

use super::normalize;

fn check(lang: Lang, input: &str, expect: Expect) {
    expect.assert_eq(normalize(input, 0, lang).as_str());
}

#[test]
fn folds_letter_variants() {
    check(
        Lang::Ar,
        "كتاب کتاب يوسف یوسف مصطفى أحمد إسلام آية ٱلله مدرسة",
        expect!["كتاب كتاب يوسف يوسف مصطفي احمد اسلام ايه الله مدرسه"],
    );
    check(Lang::Fa, "خانۀ ما", expect!["خانه ما"]);
}

#[test]
fn drops_diacritics_shadda_and_tatweel() {
    check(Lang::Ar, "مُحَمَّدٌ الـــرئيس", expect!["محمد الرئيس"]);
}

#[test]
fn folds_digits_punctuation_and_space() {
    check(
        Lang::Ar,
        "٢٣ مايو ٢٠١٧، الساعة ۱۶:۳۵؟\u{00A0}\u{00A0}«نعم»",
        expect![[r#"23 مايو 2017, الساعه 16:35? "نعم""#]],
    );
    check(Lang::En, "  The  U.S.\tSaid  ", expect!["the u.s. said"]);
}

#[test]
fn persian_zwnj_forms_meet() {
    let forms = ["سه‌شنبه", "سه شنبه", "سهشنبه", "سه‌ شنبه"];
    for form in forms {
        check(Lang::Fa, form, expect!["سهشنبه"]);
    }
    check(
        Lang::Fa,
        "می‌کنند گروه‌های تروریستی بزرگ‌ترین",
        expect!["ميكنند گروههاي تروريستي بزرگترين"],
    );
    check(Lang::Fa, "می کنند گروه های", expect!["ميكنند گروههاي"]);
    for form in ["کرده‌اند", "کرده اند", "کردهاند"] {
        check(Lang::Fa, form, expect!["كردهاند"]);
    }
}

#[test]
fn arabic_keeps_words_that_persian_would_join() {
    check(Lang::Ar, "مي زيادة ها هنا", expect!["مي زياده ها هنا"]);
}

#[test]
fn maps_back_to_original_bytes() {
    let original = "قال: «مُحَمَّد» سه‌شنبه";
    let norm = normalize(original, 0, Lang::Fa);
    assert_eq!(norm.as_str(), "قال: \"محمد\" سهشنبه");
    let word_start = norm.as_str().find("محمد").expect("present");
    let span = norm.to_original(Span::new(word_start, word_start + "محمد".len()));
    // The mapped span takes in the diacritics that normalization dropped.
    assert_eq!(&original[span.range()], "مُحَمَّد");
    let day_start = norm.as_str().find("سهشنبه").expect("present");
    let span = norm.to_original(Span::new(day_start, norm.as_str().len()));
    assert_eq!(&original[span.range()], "سه‌شنبه");
}

#[test]
fn base_offset_shifts_the_map() {
    let norm = normalize("ab", 10, Lang::En);
    assert_eq!(norm.map(), &[(0, 10), (1, 11), (2, 12)]);
}

fn persian_words() -> impl Strategy<Value = String> {
    let pieces = [
        "می", "نمی", "ها", "های", "سه", "شنبه", "\u{200C}", " ", "کتاب", "تر", "ترین", "اند",
        "ايد", "ك", "ي", "ة", "َ",
    ];
    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..12)
        .prop_map(|v| v.concat())
}

fn any_lang() -> impl Strategy<Value = Lang> {
    proptest::sample::select(vec![Lang::Ar, Lang::Fa, Lang::En, Lang::Other, Lang::Unknown])
}

fn check_invariants(text: &str, lang: Lang) -> Result<(), TestCaseError> {
    let base = 3usize;
    let once = normalize(text, base, lang);
    let twice = normalize(once.as_str(), 0, lang);
    prop_assert_eq!(once.as_str(), twice.as_str(), "not idempotent");
    let map = once.map();
    prop_assert_eq!(map.last().map(|&(n, _)| n as usize), Some(once.as_str().len()));
    let mut previous = (0u32, base as u32);
    for &(n, o) in map {
        prop_assert!(n >= previous.0 && o >= previous.1, "map not monotonic");
        prop_assert!(once.as_str().is_char_boundary(n as usize));
        let local = o as usize - base;
        prop_assert!(
            local <= text.len() && text.is_char_boundary(local),
            "offset {} off a char boundary",
            o
        );
        previous = (n, o);
    }
    Ok(())
}

proptest! {
    #[test]
    fn idempotent_and_in_bounds_on_any_unicode(text in "\\PC{0,64}", lang in any_lang()) {
        check_invariants(&text, lang)?;
    }

    #[test]
    fn idempotent_and_in_bounds_on_arabic_script(text in "[\u{0600}-\u{06FF}\u{200C}\u{00A0} ]{0,48}", lang in any_lang()) {
        check_invariants(&text, lang)?;
    }

    #[test]
    fn idempotent_on_persian_joining_words(text in persian_words()) {
        check_invariants(&text, Lang::Fa)?;
    }
}
