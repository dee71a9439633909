//! Shared test helpers: the shipped configuration, built once, and whole-pipeline runs on
//! team-written texts.

use std::sync::OnceLock;

use model::{Document, InputFormat, RawArticle};

use crate::{Config, clean, dates, entities, events, lang, sources};

/// The configuration a plain `khabar process` run uses.
pub(crate) fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config {
        detector: lang::Detector::default(),
        dates: dates::Lexicon::default(),
        outlets: sources::Outlets::builtin(),
        knowledge: entities::Knowledge::builtin(),
        triggers: events::Triggers::builtin(),
    })
}

/// Runs every stage on a text page with an optional metadata publication date.
pub(crate) fn run(text: &str, published: Option<&str>) -> Document {
    let raw = RawArticle {
        origin: "test.txt".to_owned(),
        format: InputFormat::Text,
        url: None,
        title: None,
        published: published.map(str::to_owned),
        source: None,
        text: text.to_owned(),
        blocks: Vec::new(),
    };
    crate::process(&raw, config(), &clean::RepeatedLines::default()).doc
}
