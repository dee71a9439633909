//! Tests for the HTML reader: layout, metadata and markup hints.

use expect_test::{Expect, expect};
use model::InputFormat;

use super::{attr, read};

fn check(html: &str, expect: Expect) {
    let raw = read(html, "page.html", InputFormat::Html, None);
    let mut out = format!(
        "title: {:?}\npublished: {:?}\nurl: {:?}\nsite: {:?}\n",
        raw.title, raw.published, raw.url, raw.source
    );
    for block in &raw.blocks {
        let hints: Vec<String> = block.hints.iter().map(|h| format!("{h:?}")).collect();
        out.push_str(&format!(
            "{:?} links={} [{}] {}\n",
            block.kind,
            block.link_bytes,
            hints.join(","),
            &raw.text[block.span.range()]
        ));
    }
    expect.assert_eq(&out);
}

const PAGE: &str = r##"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Site | عنوان الخبر</title>
<meta property="og:title" content="وزير الخارجية يلتقي نظيره &quot;الروسي&quot;">
<meta property="article:published_time" content="2019-12-30T10:15:00+03:00">
<meta property="og:site_name" content="الوكالة">
<link rel="canonical" href="https://example.org/news/1">
<script>var x = "<p>not text</p>";</script><style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li></ul></nav>
<div class="wrapper"><article><h1>وزير الخارجية يلتقي نظيره الروسي</h1>
<p>التقى وزير الخارجية اليوم في موسكو نظيره الروسي، وبحث معه العلاقات الثنائية والتطورات في المنطقة.</p>
<p>وقال الوزير إن <a href="/x">المحادثات</a> كانت بناءة، مؤكدا ضرورة مواصلة التشاور بين البلدين.<br>وأضاف أن الجانبين اتفقا على لقاء جديد.</p>
<figure><img src="a.jpg"><figcaption>الوزيران خلال اللقاء</figcaption></figure>
<!-- a comment with <p>markup</p> -->
<div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">خبر أول</a></li></ul></aside>
<form><label>تعليقك</label><textarea>hidden</textarea><button>إرسال</button></form>
</div><footer>&copy; 2019 الوكالة &amp; شركاؤها</footer></body></html>"##;

#[test]
fn lays_out_blocks_with_markup_hints() {
    check(
        PAGE,
        expect![[r#"
        title: Some("وزير الخارجية يلتقي نظيره \"الروسي\"")
        published: Some("2019-12-30T10:15:00+03:00")
        url: Some("https://example.org/news/1")
        site: Some("الوكالة")
        ListItem links=16 [Navigation,OutsideMain] الرئيسية
        ListItem links=10 [Navigation,OutsideMain] سياسة
        Heading(1) links=0 [] وزير الخارجية يلتقي نظيره الروسي
        Paragraph links=0 [] التقى وزير الخارجية اليوم في موسكو نظيره الروسي، وبحث معه العلاقات الثنائية والتطورات في المنطقة.
        Paragraph links=18 [] وقال الوزير إن المحادثات كانت بناءة، مؤكدا ضرورة مواصلة التشاور بين البلدين.
        Paragraph links=0 [] وأضاف أن الجانبين اتفقا على لقاء جديد.
        Caption links=0 [] الوزيران خلال اللقاء
        Paragraph links=22 [BoilerplateClass] فيسبوك تويتر
        Heading(3) links=0 [Aside,OutsideMain] الأكثر قراءة
        ListItem links=13 [Aside,OutsideMain] خبر أول
        Paragraph links=0 [Form,OutsideMain] تعليقك
        Paragraph links=0 [Form,OutsideMain] إرسال
        Paragraph links=0 [Footer,OutsideMain] © 2019 الوكالة & شركاؤها
    "#]],
    );
}

#[test]
fn survives_broken_markup() {
    check(
        "<p>one <b>two</p> three</i></div><p>four &bogus; &#1587;&#x644;",
        expect![[r#"
        title: None
        published: None
        url: None
        site: None
        Paragraph links=0 [] one two
        Paragraph links=0 [] three
        Paragraph links=0 [] four &bogus; سل
    "#]],
    );
    check(
        "<p>a < b and <3 <",
        expect![[r#"
        title: None
        published: None
        url: None
        site: None
        Paragraph links=0 [] a < b and <3 <
    "#]],
    );
}

#[test]
fn reads_attributes_in_any_quoting() {
    assert_eq!(attr(r#" class="a b" id='x' data-n=5 hidden"#, "id"), Some("x"));
    assert_eq!(attr(r#" class="a b" id='x' data-n=5 hidden"#, "data-n"), Some("5"));
    assert_eq!(attr(r#" CLASS="a b""#, "class"), Some("a b"));
    assert_eq!(attr(r#" hidden"#, "hidden"), Some(""));
    assert_eq!(attr(r#" alt="x > y""#, "title"), None);
}

#[test]
fn a_stray_quote_in_an_unquoted_value_does_not_swallow_the_page() {
    check(
        "<p><a href=it's>one</a> two</p><p>three</p>",
        expect![[r#"
        title: None
        published: None
        url: None
        site: None
        Paragraph links=3 [] one two
        Paragraph links=0 [] three
    "#]],
    );
}

#[test]
fn layout_classes_on_the_page_and_content_heavy_sidebars_are_not_furniture() {
    let paragraph = "Ein langer Absatz mit genug Text, damit er als laufender Text gilt, und noch ein paar Worte mehr dazu.";
    let html = format!(
        r#"<body class="right-sidebar has-sidebar"><div class="main-sidebar-wrap"><div class="entry"><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div></div><div class="sidebar"><ul><li><a href="/">Link</a></li></ul></div></body>"#
    );
    let raw = read(&html, "page.html", InputFormat::Html, None);
    let hints: Vec<String> = raw.blocks.iter().map(|b| format!("{:?}", b.hints)).collect();
    assert_eq!(hints, vec!["[]", "[]", "[]", "[]", "[]", "[BoilerplateClass, OutsideMain]"]);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_blocks_tile_the_text(html in "(<[a-z/!?-]{0,8}( [a-z]{1,5}(=[\"']?[a-z<>]{0,4}[\"']?)?){0,2}/?>|&[a-z#0-9]{0,6};?|[a-zا-ي <>&\"']{0,12}){0,40}") {
        let raw = read(&html, "fuzz.html", InputFormat::Html, None);
        let mut previous_end = 0;
        for block in &raw.blocks {
            proptest::prop_assert!(block.span.start as usize >= previous_end);
            proptest::prop_assert!(raw.text.is_char_boundary(block.span.start as usize));
            proptest::prop_assert!(raw.text.is_char_boundary(block.span.end as usize));
            proptest::prop_assert!(block.link_bytes as usize <= block.span.len());
            previous_end = block.span.end as usize;
        }
    }
}

#[test]
fn a_tag_cut_off_by_the_end_of_the_page_is_not_a_panic() {
    // Found by the property test: a multi-byte char right where `>` should be.
    check(
        "<aا",
        expect![[r#"
        title: None
        published: None
        url: None
        site: None
    "#]],
    );
}

/// Each block's hints, in page order, for pages where only the hints matter.
fn hints(html: &str) -> Vec<String> {
    let raw = read(html, "page.html", InputFormat::Html, None);
    raw.blocks.iter().map(|b| format!("{:?}", b.hints)).collect()
}

const RUNNING: &str = "Ein langer Absatz mit genug Text, damit er als laufender Text gilt, und noch ein paar Worte mehr dazu.";

#[test]
fn a_sidebar_of_running_text_outside_the_article_stays_furniture() {
    let article = format!("<article>{}</article>", format!("<p>{RUNNING}</p>").repeat(7));
    let sidebar = format!(
        r#"<div class="sidebar"><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p></div>"#
    );
    let found = hints(&format!("<body>{article}{sidebar}</body>"));
    assert_eq!(found[..7], vec!["[]"; 7]);
    assert_eq!(found[7..], vec!["[BoilerplateClass, OutsideMain]"; 5]);
}

#[test]
fn an_author_bio_inside_the_article_stays_furniture() {
    let body = format!("<p>{RUNNING}</p>").repeat(16);
    let bio = format!(
        r#"<div class="author-box"><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p></div>"#
    );
    let found = hints(&format!(
        r#"<body><article><div class="entry share">{body}</div>{bio}</article></body>"#
    ));
    assert_eq!(found[..16], vec!["[]"; 16]);
    assert_eq!(found[16..], vec!["[BoilerplateClass]"; 4]);
}

#[test]
fn related_comment_and_author_words_name_furniture_next_to_article_words() {
    let found = hints(&format!(
        r#"<body><article>{}<ul class="related_post"><li>Ein anderer Beitrag</li></ul><div class="PostComments"><p>Schöner Text!</p></div><div class="entry-author-bio"><p>Sie schreibt über Reisen.</p></div><figure><div class="wp-caption-text">Ein Bild. Foto: Agentur</div></figure></article></body>"#,
        format!("<p>{RUNNING}</p>").repeat(4)
    ));
    assert_eq!(found[..4], vec!["[]"; 4]);
    assert_eq!(found[4..], vec!["[BoilerplateClass]"; 4]);
}

#[test]
fn camel_case_splits_class_words() {
    assert_eq!(
        super::split_camel_case("relatedItemBox PopularPosts"),
        "related-item-box popular-posts"
    );
    assert_eq!(super::split_camel_case("HTML5-player"), "html5-player");
}

#[test]
fn text_in_a_figure_is_a_caption_unless_quote_or_table() {
    check(
        r#"<figure><img src="a.jpg"><figcaption><p>Der Minister am Montag.</p></figcaption><div>Foto: Agentur</div></figure><figure><blockquote>Ein Zitat, das bleibt.</blockquote></figure><figure><table><tr><td>Zelle</td></tr></table></figure>"#,
        expect![[r#"
            title: None
            published: None
            url: None
            site: None
            Caption links=0 [] Der Minister am Montag.
            Caption links=0 [] Foto: Agentur
            Quote links=0 [] Ein Zitat, das bleibt.
            TableCell links=0 [] Zelle
        "#]],
    );
}

#[test]
fn a_teaser_is_furniture_only_when_it_links_elsewhere() {
    let found = hints(&format!(
        r#"<body><article><p class="article-teaser">Der Vorspann fasst den Artikel zusammen.</p>{}<div class="teaser"><h3><a href="/b">Ein anderer Artikel</a></h3><p>Kurz gesagt.</p></div></article></body>"#,
        format!("<p>{RUNNING}</p>").repeat(4)
    ));
    assert_eq!(found[..5], vec!["[]"; 5]);
    assert_eq!(found[5..], vec!["[BoilerplateClass]"; 2]);
}

#[test]
fn furniture_inside_a_furniture_named_wrapper_of_the_article_stays_furniture() {
    let found = hints(&format!(
        r#"<body><div class="sidebar-wrapper"><article>{}<div class="related"><p>Lesen Sie auch dies.</p></div></article></div><div class="sidebar"><p>Werbung</p></div></body>"#,
        format!("<p>{RUNNING}</p>").repeat(5)
    ));
    assert_eq!(found[..5], vec!["[]"; 5]);
    assert_eq!(found[5..], vec!["[BoilerplateClass]", "[BoilerplateClass, OutsideMain]"]);
}

#[test]
fn the_page_charset_comes_from_a_meta_tag_not_a_script() {
    let page = br#"<html><head><script src="a.js" charset="utf-8"></script><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>"#;
    assert_eq!(super::sniff_charset(page).as_deref(), Some("gb2312"));
    assert_eq!(
        super::sniff_charset(br#"<meta charset='ISO-8859-2'>"#).as_deref(),
        Some("iso-8859-2")
    );
    assert_eq!(super::sniff_charset(br#"<script charset="utf-8"></script>"#), None);
}

#[test]
fn soft_hyphens_and_ruby_readings_leave_no_text() {
    check(
        "<p>Ver&shy;nat\u{AD}sch</p><p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を<ruby>読<rt>よ</ruby>む</p>",
        expect![[r#"
            title: None
            published: None
            url: None
            site: None
            Paragraph links=0 [] Vernatsch
            Paragraph links=0 [] 漢字を読む
        "#]],
    );
}

#[test]
fn a_long_comment_is_not_the_article() {
    let comment = format!(
        r#"<li class="comment"><div class="comment-body"><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p></div></li>"#
    );
    let found = hints(&format!(
        r#"<body><div class="post"><h2>Die Regeln</h2><p>Kurz und gut, so fängt es an.</p><ol><li>Erstens, höflich bleiben, auch beim Widerspruch.</li><li>Zweitens, beim Thema bleiben, bitte sehr.</li></ol></div><div id="comments"><ol class="commentlist">{comment}</ol></div></body>"#
    ));
    assert_eq!(found[..4], vec!["[]"; 4]);
    assert_eq!(found[4..], vec!["[BoilerplateClass, OutsideMain]"; 5]);
}

#[test]
fn aside_navigation_call_to_action_and_overlay_classes_are_furniture() {
    let found = hints(&format!(
        r#"<body><article>{}</article><div class="main-aside"><p>{RUNNING}</p></div><div id="navigation"><p>{RUNNING}</p></div><div id="cta"><p>{RUNNING}</p></div><div class="popup-overlay"><p>{RUNNING}</p></div><div class="news-slider"><p>{RUNNING}</p></div></body>"#,
        format!("<p>{RUNNING}</p>").repeat(6)
    ));
    assert_eq!(found[6..], vec!["[BoilerplateClass, OutsideMain]"; 5]);
}

#[test]
fn taxonomy_classes_name_topics_not_furniture() {
    let found = hints(&format!(
        r#"<body><div class="post category-kommentar tag-share">{}<p class="postmetadata">Veröffentlicht am Montag unter Allgemein.</p><div class="legend">Ein Bild vom Ufer.</div><section id="kommentare"><p>Keine Kommentare</p></section></div></body>"#,
        format!("<p>{RUNNING}</p>").repeat(4)
    ));
    assert_eq!(found[..4], vec!["[]"; 4]);
    assert_eq!(found[4..], vec!["[BoilerplateClass]"; 3]);
}

#[test]
fn a_long_author_bio_and_teaser_cards_are_furniture() {
    let body = format!("<p>{RUNNING}</p>").repeat(3);
    let bio = format!(
        r#"<div id="author-description"><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p><p>{RUNNING}</p></div>"#
    );
    let card = r#"<article class="teaser"><h2><a href="/c">Noch ein Artikel</a></h2></article>"#;
    let found = hints(&format!(r#"<body><div class="post">{body}{bio}{card}</div></body>"#));
    assert_eq!(found[..3], vec!["[]"; 3]);
    assert_eq!(found[3..], vec!["[BoilerplateClass]"; 5]);
}

#[test]
fn an_article_in_wrapped_sections_is_read_whole() {
    let deep = |n: usize| {
        format!(
            r#"<div class="part"><div class="row"><div class="col"><div class="inner">{}</div></div></div></div>"#,
            format!("<p>{RUNNING}</p>").repeat(n)
        )
    };
    let found = hints(&format!(
        r#"<body><div id="page"><div id="middle"><div class="lead">{}</div>{}{}{}</div><div class="links"><ul><li><a href="/">Start</a></li></ul></div></div></body>"#,
        format!("<p>{RUNNING}</p>").repeat(5),
        deep(2),
        deep(2),
        deep(2)
    ));
    assert!(found[..found.len() - 1].iter().all(|h| h == "[]"), "{found:?}");
    assert_eq!(found[found.len() - 1], "[OutsideMain]");
}

#[test]
fn in_a_gallery_the_captions_are_the_article() {
    let slide = |n: usize| {
        format!(
            r#"<figure class="slide"><img src="{n}.jpg"><figcaption class="slide-caption"><p>Bild {n}: Ein Kostüm aus Hut, falschen Wimpern und weißer Kleidung, leicht nachzumachen.</p></figcaption></figure>"#
        )
    };
    let page = format!(
        r#"<body><article class="gallery"><h1>Zehn Kostüme</h1><p>Ideen für den Abend, schnell gemacht, günstig, bequem, und mit Dingen aus dem eigenen Schrank.</p>{}{}{}{}</article></body>"#,
        slide(1),
        slide(2),
        slide(3),
        slide(4)
    );
    let raw = read(&page, "page.html", InputFormat::Html, None);
    let found: Vec<String> =
        raw.blocks.iter().map(|b| format!("{:?} {:?}", b.kind, b.hints)).collect();
    assert_eq!(found[2..], vec!["Paragraph []"; 4]);
}
