//! Tests for outlets and agencies, news codes and categories.

use std::sync::OnceLock;

use expect_test::{Expect, expect};
use model::Span;

use super::{Outlets, find};

fn outlets() -> &'static Outlets {
    static OUTLETS: OnceLock<Outlets> = OnceLock::new();
    OUTLETS.get_or_init(Outlets::builtin)
}

fn check(text: &str, url: Option<&str>, labels: &[&str], expect: Expect) {
    let label_spans: Vec<Span> = labels
        .iter()
        .map(|l| {
            let at = text.find(l).expect("label in text");
            Span::new(at, at + l.len())
        })
        .collect();
    let found = find(text, url, None, &label_spans, &[], &[], outlets());
    let mut out = String::new();
    for s in &found.sources {
        let at = s.span.map_or("-".to_owned(), |span| text[span.range()].to_owned());
        out.push_str(&format!(
            "{:?} {} ({}) {:?}: {at}\n",
            s.role, s.outlet, s.country, s.evidence
        ));
    }
    if let Some(code) = &found.news_code {
        out.push_str(&format!("code {} at {:?}\n", code.value, &text[code.span.range()]));
    }
    for category in &found.categories {
        out.push_str(&format!(
            "category {:?} at {:?}\n",
            category.value,
            &text[category.span.range()]
        ));
    }
    expect.assert_eq(&out);
}

#[test]
fn the_shipped_table_parses() {
    assert!(outlets().len() > 150, "{} outlets", outlets().len());
}

#[test]
fn agencies_cited_in_arabic_running_text_and_source_lines() {
    check(
        "وأفادت وكالة تسنيم الدولية للأنباء أن الوزير التقى نظيره.\nالمصدر : فارس\n",
        None,
        &[],
        expect![[r#"
            Cited tasnim (IRN) Attribution: وكالة تسنيم الدولية للأنباء
            Cited fars (IRN) SourceLine: فارس
        "#]],
    );
}

#[test]
fn a_label_line_names_the_publisher_and_bare_names_need_a_cue() {
    check(
        "عنوان\nالعالم - ايران\nوقال إن فارس الفرسان وصل، نقلا عن إرنا.\nالمصدر: إرنا\n",
        None,
        &["العالم - ايران"],
        expect![[r#"
            Publisher alalam (IRN) Label: العالم
            Cited irna (IRN) Attribution: إرنا
        "#]],
    );
}

#[test]
fn persian_attribution_brackets_and_url_hosts() {
    check(
        "به گزارش ایرنا، وزیر امروز گفت که (رويترز) نیز خبر داد.\n",
        Some("https://www.tasnimnews.com/fa/news/1"),
        &[],
        expect![[r#"
            Publisher tasnim (IRN) UrlHost: -
            Cited irna (IRN) Attribution: ایرنا
            Cited reuters (GBR) Parenthetical: رويترز
        "#]],
    );
}

#[test]
fn news_code_and_category_lines() {
    check(
        "تیتر\n16:35 - 28 دی 1395\nکد خبر: ۲۶۸۸۱۲\nدسته بندی: سیاست ، عمومی\nمتن خبر که گروه: نیست\n",
        None,
        &[],
        expect![[r#"
            code 268812 at "۲۶۸۸۱۲"
            category "سیاست" at "سیاست"
            category "عمومی" at "عمومی"
        "#]],
    );
}

#[test]
fn a_user_table_adds_outlets_and_reports_bad_lines() {
    let mut table = Outlets::default();
    let tsv = "id\tkind\tcountry\tdomains\tnames_en\tnames_ar\tnames_fa\nmypaper\tsite\tIRQ\tmypaper.example\tMy Paper\tجريدتي اليومية\t\n";
    assert_eq!(table.add_tsv(tsv), Ok(1));
    let found = find("ذكرت جريدتي اليومية أن", None, None, &[], &[], &[], &table);
    assert_eq!(
        found.sources.iter().map(|s| s.outlet.as_str()).collect::<Vec<_>>(),
        vec!["mypaper"]
    );
    assert_eq!(
        table.add_tsv("id\tkind\nx\ty\tz\n"),
        Err("line 2: 3 fields where the header has 2".to_owned())
    );
    assert_eq!(table.add_tsv("# only a comment\n"), Err("no header line".to_owned()));
}
