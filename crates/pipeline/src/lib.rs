//! The pure core of khabar: every stage from a `RawArticle` to a `Document`.
//!
//! Entry point: `process`, which chains `clean::clean` → `lang::decide` → `normalize::normalize`
//! → `segment::sentences` → `dates::scan_text`, `dates::published_scanned` and
//! `dates::resolve_all` → `entities::find` → `events::find`. Each stage is a module
//! with one entry function; `calendar` holds the calendar arithmetic the dates stage uses.
//!
//! **Architecture Invariant:** this crate does no IO and reads no clock, environment or global
//! state; problems come back as `model::Diagnostic` values, never as panics or errors.
//! It depends on `model` and on `lingua`'s embedded n-gram models, nothing else.

pub mod calendar;
pub mod clean;
pub mod dates;
pub mod entities;
pub mod events;
pub mod lang;
pub mod normalize;
mod script;
pub mod segment;
pub mod situate;
pub mod sources;
#[cfg(test)]
mod testing;

use model::{Diagnostic, Document, LangGuess, Paragraph, RawArticle};

/// Validated settings and prepared tables for a run. Build it once and share it across articles.
#[derive(Debug)]
pub struct Config {
    /// The language model used where lexical evidence is thin.
    pub detector: lang::Detector,
    /// The date expression tables.
    pub dates: dates::Lexicon,
    /// The outlets and agencies table.
    pub outlets: sources::Outlets,
    /// The actor knowledge base the entities stage links to.
    pub knowledge: entities::Knowledge,
    /// The event trigger and cue lexicon.
    pub triggers: events::Triggers,
}

/// A processed article and what went wrong with it.
#[derive(Debug, Clone)]
pub struct Processed {
    /// The document, always produced, even for an empty page.
    pub doc: Document,
    /// Problems found on the way, in stage order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Body bytes under which the title's language counts in the document's.
const TITLE_VOTES_BELOW: usize = 400;

/// What the text stages (clean, lang, normalize, segment) make of an article: the body, the
/// furniture, the languages, the normalized paragraphs and their sentences.
///
/// `process` runs them first; they are also a public step so that a benchmark can time them
/// on their own.
#[derive(Debug)]
pub struct Read {
    cleaned: clean::Cleaned,
    paragraphs: Vec<Paragraph>,
    lang: LangGuess,
    diagnostics: Vec<Diagnostic>,
}

/// Runs the text stages on one article.
pub fn read(raw: &RawArticle, cfg: &Config, repeated: &clean::RepeatedLines) -> Read {
    let mut diagnostics = Vec::new();
    let cleaned = clean::clean(raw, repeated);
    let text = raw.text.as_str();

    // Weigh every paragraph first, so that short ones can lean on what the document settles.
    let weighed: Vec<lang::Weighed> = cleaned
        .body
        .iter()
        .map(|block| lang::weigh(&text[block.span.range()], &cfg.detector))
        .collect();
    let context = settled_language(&cleaned.body, &weighed);
    let mut paragraphs = Vec::with_capacity(cleaned.body.len());
    let mut weighted: Vec<(LangGuess, usize)> = Vec::with_capacity(cleaned.body.len() + 1);
    for (block, weighed) in cleaned.body.iter().zip(&weighed) {
        let piece = &text[block.span.range()];
        let guess = lang::decide(piece, weighed, &cfg.detector, context);
        weighted.push((guess, piece.len()));
        let norm = normalize::normalize(piece, block.span.start as usize, guess.lang);
        let sentences = segment::sentences(&norm);
        let (norm, norm_map) = norm.into_parts();
        paragraphs.push(Paragraph {
            span: block.span,
            lang: guess,
            is_heading: block.is_heading,
            norm,
            norm_map,
            sentences,
        });
    }
    let title = cleaned.title.as_ref();
    let body_bytes: usize = weighted.iter().map(|&(_, len)| len).sum();
    if let Some(title) = title
        && body_bytes < TITLE_VOTES_BELOW
    {
        // With little or no body the title is the only clue; otherwise its few words add
        // nothing the paragraphs have not said, and detecting short text is the costly case.
        weighted.push((lang::detect(&title.text, &cfg.detector), title.text.len()));
    }
    let lang = lang::combine(&weighted);

    if paragraphs.is_empty() {
        diagnostics.push(Diagnostic {
            stage: "clean",
            code: "no-body",
            message: "no article text was found: every line was empty or furniture".to_owned(),
            span: None,
        });
    }
    if lang.lang == model::Lang::Unknown && !paragraphs.is_empty() {
        diagnostics.push(Diagnostic {
            stage: "lang",
            code: "unknown-language",
            message: "the body has too few letters to tell its language".to_owned(),
            span: None,
        });
    }

    Read { cleaned, paragraphs, lang, diagnostics }
}

/// The word spans of each paragraph's normalized text, split once for the stages that read
/// words (`sources`, `events`).
pub fn paragraph_words(paragraphs: &[Paragraph]) -> Vec<Vec<(usize, usize)>> {
    paragraphs.iter().map(|p| script::word_spans(&p.norm)).collect()
}

/// Runs every stage on one article.
pub fn process(raw: &RawArticle, cfg: &Config, repeated: &clean::RepeatedLines) -> Processed {
    let Read { cleaned, paragraphs, lang, mut diagnostics } = read(raw, cfg, repeated);
    let text = raw.text.as_str();
    let title = cleaned.title.as_ref();

    let labels: Vec<model::Span> = cleaned
        .chrome
        .iter()
        .filter(|c| c.kind == model::ChromeKind::Label)
        .map(|c| c.span)
        .collect();
    let words = paragraph_words(&paragraphs);
    let found = sources::find(
        text,
        raw.url.as_deref(),
        raw.source.as_deref(),
        &labels,
        &paragraphs,
        &words,
        &cfg.outlets,
    );

    // Dates read the whole original text: a dateline removed as furniture still dates the body.
    // A time without a zone takes the publisher's country's zone; without a known publisher,
    // a Persian document's time is taken as Tehran time, which Persian news mostly is.
    let publisher_country = found
        .sources
        .iter()
        .find(|s| s.role == model::SourceRole::Publisher)
        .map(|s| s.country.as_str());
    let implied_zone = publisher_country
        .and_then(country_zone)
        .or_else(|| (lang.lang == model::Lang::Fa).then_some(model::when::Zone::Tehran));
    let scanned = dates::scan_text(text, &cfg.dates);
    let published =
        dates::published_scanned(raw.published.as_deref(), text, implied_zone, &scanned);
    let anchor = published.as_ref().and_then(|p| p.anchor());
    let (dates, date_diagnostics) = dates::resolve_all(text, &scanned, anchor);
    diagnostics.extend(date_diagnostics);

    // Entities read the body only: furniture names outlets and sections, not actors.
    let passages: Vec<entities::Passage<'_>> = paragraphs
        .iter()
        .zip(&words)
        .map(|(p, words)| entities::Passage {
            norm: &p.norm,
            map: &p.norm_map,
            lang: p.lang.lang,
            words: Some(words),
        })
        .collect();
    let year = published.as_ref().and_then(|p| match p.anchor() {
        Some(model::when::DateAnchor::Date(date)) => Some(date.year),
        _ => None,
    });
    let entities = entities::find(&passages, year, &cfg.knowledge);
    let prepared = events::prepare(&paragraphs, &words, &cfg.triggers);
    let quotes = events::quotes::find(&prepared, &entities);
    let mut events = events::find(&prepared, &entities, &quotes, &cfg.triggers, &cfg.knowledge);
    situate::situate(
        text,
        &paragraphs,
        &entities,
        &dates,
        published.as_ref(),
        &quotes,
        &mut events,
    );

    let id = document_id(title.map(|t| t.text.as_str()), &paragraphs, lang.lang);
    let doc = Document {
        id,
        origin: raw.origin.clone(),
        format: raw.format,
        url: raw.url.clone(),
        published_meta: raw.published.clone(),
        published,
        dates,
        source: raw.source.clone(),
        sources: found.sources,
        news_code: found.news_code,
        categories: found.categories,
        text: raw.text.clone(),
        title: title.map(|t| t.text.clone()),
        title_span: title.and_then(|t| t.span),
        lang,
        paragraphs,
        chrome: cleaned.chrome,
        entities,
        events,
        quotes,
    };
    Processed { doc, diagnostics }
}

/// Processes a window of articles from one run: counts their short lines as possible source
/// furniture first, then runs every stage on each.
///
/// Each article runs in isolation: a panic (a bug) becomes an `Err` with its message for that
/// article, and the window goes on.
pub fn process_window(
    raws: &[RawArticle],
    cfg: &Config,
    repeated: &mut clean::RepeatedLines,
) -> Vec<Result<Processed, String>> {
    for raw in raws {
        repeated.observe(raw);
    }
    raws.iter().map(|raw| process_isolated(raw, cfg, repeated)).collect()
}

/// Runs every stage on one article in isolation: a panic (a bug) becomes an `Err` with its
/// message, so that a batch runner can record the article as failed and go on.
pub fn process_isolated(
    raw: &RawArticle,
    cfg: &Config,
    repeated: &clean::RepeatedLines,
) -> Result<Processed, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(raw, cfg, repeated))).map_err(
        |payload| {
            payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_owned())
        },
    )
}

/// The zone of an outlet's country, where one zone covers it and its rules are modelled.
fn country_zone(iso3: &str) -> Option<model::when::Zone> {
    use model::when::Zone;
    match iso3 {
        "IRN" => Some(Zone::Tehran),
        "SYR" => Some(Zone::Damascus),
        // Arabia Standard Time, with no daylight saving time in these years.
        "SAU" | "IRQ" | "KWT" | "QAT" | "BHR" | "YEM" => Some(Zone::Offset(180)),
        // Gulf Standard Time.
        "ARE" | "OMN" => Some(Zone::Offset(240)),
        _ => None,
    }
}

/// The language that the paragraphs with settled evidence agree on, by at least four to one
/// in bytes, if any.
fn settled_language(body: &[clean::BodyBlock], weighed: &[lang::Weighed]) -> Option<model::Lang> {
    let mut ar = 0usize;
    let mut fa = 0usize;
    for (block, weighed) in body.iter().zip(weighed) {
        match weighed.settled() {
            Some(model::Lang::Ar) => ar += block.span.len(),
            Some(model::Lang::Fa) => fa += block.span.len(),
            _ => {}
        }
    }
    match (ar, fa) {
        (ar, fa) if ar > 0 && ar >= 4 * fa => Some(model::Lang::Ar),
        (ar, fa) if fa > 0 && fa >= 4 * ar => Some(model::Lang::Fa),
        _ => None,
    }
}

/// A stable id from the normalized title and body: the same article read from a text page,
/// an HTML page or a JSON line, with different furniture, gets the same id.
fn document_id(title: Option<&str>, paragraphs: &[Paragraph], lang: model::Lang) -> String {
    let mut key = String::new();
    if let Some(title) = title {
        key.push_str(normalize::normalize(title, 0, lang).as_str());
    }
    for paragraph in paragraphs {
        key.push('\n');
        key.push_str(&paragraph.norm);
    }
    format!("{:016x}", clean::fnv1a(key.as_bytes()))
}
