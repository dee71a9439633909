//! Tests for sentence splitting.

use expect_test::{Expect, expect};
use model::Lang;

use crate::normalize::normalize;

fn check(lang: Lang, text: &str, expect: Expect) {
    let norm = normalize(text, 0, lang);
    let got: Vec<&str> = super::sentences(&norm).iter().map(|s| &text[s.span.range()]).collect();
    expect.assert_eq(&got.join(" | "));
}

#[test]
fn splits_arabic_and_persian_terminators() {
    check(
        Lang::Ar,
        "التقى الرئيس بنظيره. وبحثا العلاقات؟ نعم!",
        expect!["التقى الرئيس بنظيره. | وبحثا العلاقات؟ | نعم!"],
    );
    check(Lang::Fa, "وی افزود: این کار شد. سپس رفت", expect!["وی افزود: این کار شد. | سپس رفت"]);
}

#[test]
fn keeps_abbreviations_initials_and_decimals() {
    check(
        Lang::En,
        "Mr. Smith met the U.S. envoy at 3.5 p.m. today. J. Doe left.",
        expect!["Mr. Smith met the U.S. envoy at 3.5 p.m. today. | J. Doe left."],
    );
}

#[test]
fn closing_quote_stays_with_its_sentence() {
    check(Lang::Ar, "وقال: «سنواصل دعمنا.» ثم غادر.", expect!["وقال: «سنواصل دعمنا.» | ثم غادر."]);
}
