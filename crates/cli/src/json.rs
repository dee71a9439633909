//! The JSON Lines output of `khabar process`: one `DocumentJson` a line, documented in
//! docs/schema.md. These types own the wire format; `model` stays free of serde.

use model::{Chrome, Diagnostic, Document, Paragraph, Sentence, Span};
use serde::Serialize;

/// The schema name and version written in every record.
pub(crate) const SCHEMA: &str = "khabar.document/1";

#[derive(Debug, Serialize)]
pub(crate) struct DocumentJson<'a> {
    schema: &'static str,
    id: &'a str,
    origin: &'a str,
    format: &'static str,
    url: Option<&'a str>,
    published_meta: Option<&'a str>,
    source_meta: Option<&'a str>,
    title: Option<TitleJson<'a>>,
    lang: LangJson,
    paragraphs: Vec<ParagraphJson<'a>>,
    chrome: Vec<ChromeJson<'a>>,
    diagnostics: Vec<DiagnosticJson<'a>>,
    text: &'a str,
}

#[derive(Debug, Serialize)]
struct TitleJson<'a> {
    text: &'a str,
    span: Option<[u32; 2]>,
}

#[derive(Debug, Serialize)]
struct LangJson {
    code: &'static str,
    confidence: f32,
}

#[derive(Debug, Serialize)]
struct ParagraphJson<'a> {
    span: [u32; 2],
    lang: LangJson,
    is_heading: bool,
    text: &'a str,
    norm: &'a str,
    sentences: Vec<SentenceJson>,
}

#[derive(Debug, Serialize)]
struct SentenceJson {
    span: [u32; 2],
    norm_span: [u32; 2],
}

#[derive(Debug, Serialize)]
struct ChromeJson<'a> {
    span: [u32; 2],
    kind: &'static str,
    reason: &'static str,
    text: &'a str,
}

#[derive(Debug, Serialize)]
struct DiagnosticJson<'a> {
    stage: &'static str,
    code: &'static str,
    message: &'a str,
    span: Option<[u32; 2]>,
}

fn span(span: Span) -> [u32; 2] {
    [span.start, span.end]
}

/// Rounds a confidence to three decimals so that output is stable and short.
fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

impl<'a> DocumentJson<'a> {
    pub(crate) fn new(doc: &'a Document, diagnostics: &'a [Diagnostic]) -> DocumentJson<'a> {
        let text = doc.text.as_str();
        DocumentJson {
            schema: SCHEMA,
            id: &doc.id,
            origin: &doc.origin,
            format: doc.format.name(),
            url: doc.url.as_deref(),
            published_meta: doc.published.as_deref(),
            source_meta: doc.source.as_deref(),
            title: doc
                .title
                .as_deref()
                .map(|t| TitleJson { text: t, span: doc.title_span.map(span) }),
            lang: LangJson { code: doc.lang.lang.code(), confidence: round(doc.lang.confidence) },
            paragraphs: doc.paragraphs.iter().map(|p| ParagraphJson::new(p, text)).collect(),
            chrome: doc.chrome.iter().map(|c| ChromeJson::new(c, text)).collect(),
            diagnostics: diagnostics
                .iter()
                .map(|d| DiagnosticJson {
                    stage: d.stage,
                    code: d.code,
                    message: &d.message,
                    span: d.span.map(span),
                })
                .collect(),
            text,
        }
    }
}

impl<'a> ParagraphJson<'a> {
    fn new(paragraph: &'a Paragraph, text: &'a str) -> ParagraphJson<'a> {
        ParagraphJson {
            span: span(paragraph.span),
            lang: LangJson {
                code: paragraph.lang.lang.code(),
                confidence: round(paragraph.lang.confidence),
            },
            is_heading: paragraph.is_heading,
            text: &text[paragraph.span.range()],
            norm: &paragraph.norm,
            sentences: paragraph.sentences.iter().map(SentenceJson::new).collect(),
        }
    }
}

impl SentenceJson {
    fn new(sentence: &Sentence) -> SentenceJson {
        SentenceJson { span: span(sentence.span), norm_span: span(sentence.norm_span) }
    }
}

impl<'a> ChromeJson<'a> {
    fn new(chrome: &'a Chrome, text: &'a str) -> ChromeJson<'a> {
        ChromeJson {
            span: span(chrome.span),
            kind: chrome.kind.name(),
            reason: chrome.reason,
            text: &text[chrome.span.range()],
        }
    }
}
