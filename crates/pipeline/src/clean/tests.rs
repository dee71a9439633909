//! Golden tests for cleaning, one file a case under `test_data/clean/`.
//!
//! Each case is a page as a scraper delivers it; its `.golden` file lists every line's verdict:
//! `title`, `body` (or `heading`), or the furniture kind and reason, with the line's text.

#![allow(clippy::disallowed_methods, reason = "tests read their fixture files")]

use std::fmt::Write as _;
use std::path::Path;

use expect_test::expect_file;
use model::{InputFormat, RawArticle};

use super::{RepeatedLines, clean};

fn dump(raw: &RawArticle) -> String {
    let cleaned = clean(raw, &RepeatedLines::default());
    let mut rows: Vec<(u32, String)> = Vec::new();
    if let Some(title) = &cleaned.title {
        let at = title.span.map_or(0, |s| s.start);
        rows.push((at, format!("title    {}", title.text)));
    }
    for block in &cleaned.body {
        let label = if block.is_heading { "heading " } else { "body    " };
        rows.push((
            block.span.start,
            format!("{label} {}", excerpt(&raw.text[block.span.range()])),
        ));
    }
    for chrome in &cleaned.chrome {
        let text = excerpt(&raw.text[chrome.span.range()]);
        rows.push((
            chrome.span.start,
            format!("chrome   {} ({}): {text}", chrome.kind.name(), chrome.reason),
        ));
    }
    rows.sort();
    let mut out = String::new();
    for (at, row) in rows {
        // The title has no line of its own when it comes from metadata; it sorts first then.
        let _ = writeln!(out, "{at:>5} {row}");
    }
    out
}

/// The first eight words of a line, so that golden files stay readable.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 { words.join(" ") } else { format!("{} …", words[..8].join(" ")) }
}

#[test]
fn golden_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/clean");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("test_data/clean exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 3, "expected the clean fixtures, found {}", cases.len());
    for case in cases {
        let text = std::fs::read_to_string(&case).expect("fixture is UTF-8");
        let raw = RawArticle {
            origin: case.display().to_string(),
            format: InputFormat::Text,
            url: None,
            title: None,
            published: None,
            source: None,
            text,
            blocks: Vec::new(),
        };
        expect_file![case.with_extension("golden")].assert_eq(&dump(&raw));
    }
}

#[test]
fn repeated_lines_need_five_documents_of_one_source() {
    let page = |origin: &str, footer: &str| RawArticle {
        origin: origin.to_owned(),
        format: InputFormat::Text,
        url: None,
        title: None,
        published: None,
        source: Some("paper".to_owned()),
        text: format!(
            "وقال الوزير في مؤتمر صحفي عقده اليوم إن المحادثات كانت مثمرة وبناءة للغاية.\n{footer}\nوأضاف أن الجانبين اتفقا على مواصلة المشاورات في الأسابيع المقبلة بشكل منتظم."
        ),
        blocks: Vec::new(),
    };
    let mut repeated = RepeatedLines::default();
    for n in 0..4 {
        repeated.observe(&page(&format!("a{n}"), "تابعونا على تويتر"));
    }
    let kinds = |repeated: &RepeatedLines| -> Vec<&str> {
        clean(&page("z", "تابعونا على تويتر"), repeated)
            .chrome
            .iter()
            .map(|c| c.kind.name())
            .collect()
    };
    assert_eq!(kinds(&repeated), Vec::<&str>::new(), "four documents are not many");
    repeated.observe(&page("a4", "تابعونا على تويتر"));
    assert_eq!(kinds(&repeated), vec!["repeated"]);
}

#[test]
fn a_page_of_short_lines_keeps_them_as_body() {
    let raw = RawArticle {
        origin: "short.txt".to_owned(),
        format: InputFormat::Text,
        url: None,
        title: Some("وصول الوزير".to_owned()),
        published: None,
        source: None,
        text: "وصول الوزير\n\nوصل الوزير إلى الرياض\nفي زيارة رسمية\n".to_owned(),
        blocks: Vec::new(),
    };
    let cleaned = clean(&raw, &RepeatedLines::default());
    let body: Vec<&str> = cleaned.body_spans().map(|s| &raw.text[s.range()]).collect();
    assert_eq!(body, vec!["وصل الوزير إلى الرياض", "في زيارة رسمية"]);
}

#[test]
fn lists_fact_boxes_and_subheadings_inside_the_article_stay() {
    let text = "عنوان المقال\n\
        بدأت الحكومة اليوم تطبيق خطة جديدة لدعم الصناعات المحلية في المنطقة الشرقية.\n\
        الأزمة الإسبانية\n\
        * المنصب الرسمي: وكيلة وزير الخارجية\n\
        3 - المعادن الثمينة.\n\
        7 - فيلم الباحثون (1956)\n\
        وأضاف الوزير أن الخطة ستشمل قطاعات المعادن والطاقة والنقل خلال الأعوام المقبلة.\n";
    let raw = RawArticle {
        origin: "facts.txt".to_owned(),
        format: InputFormat::Text,
        url: None,
        title: None,
        published: None,
        source: None,
        text: text.to_owned(),
        blocks: Vec::new(),
    };
    let cleaned = clean(&raw, &RepeatedLines::default());
    let body: Vec<&str> = cleaned.body_spans().map(|s| &raw.text[s.range()]).collect();
    assert_eq!(body.len(), 6, "body: {body:#?}, chrome: {:#?}", cleaned.chrome());
}

proptest::proptest! {
    #[test]
    fn any_text_cleans_into_spans_that_never_overlap(text in "(\\PC{0,30}\n{0,2}){0,12}") {
        let raw = RawArticle {
            origin: "fuzz.txt".to_owned(),
            format: InputFormat::Text,
            url: None,
            title: None,
            published: None,
            source: None,
            text,
            blocks: Vec::new(),
        };
        let cleaned = clean(&raw, &RepeatedLines::default());
        let mut spans: Vec<model::Span> = cleaned.body_spans().chain(cleaned.chrome().iter().map(|c| c.span)).collect();
        spans.sort();
        for pair in spans.windows(2) {
            proptest::prop_assert!(pair[0].end <= pair[1].start, "overlap {:?}", pair);
        }
        for span in spans {
            proptest::prop_assert!(raw.text.is_char_boundary(span.start as usize) && raw.text.is_char_boundary(span.end as usize));
        }
    }
}
