//! `khabar actors`: the persons a corpus names that the knowledge base does not know, as TSV.

use std::collections::HashMap;
use std::io::{self, Write as _};

use anyhow::Context as _;
use model::{EntityKind, Lang};

use crate::process::{self, Options, Outcome};

/// Bytes of text shown on each side of a mention as its example context.
const CONTEXT_BYTES: usize = 60;

/// What is known of one new actor across the corpus.
#[derive(Debug, Default)]
struct Tally {
    /// The name as first written.
    name: String,
    n_mentions: usize,
    /// Country → mentions that gave it; sector → mentions that gave it.
    countries: HashMap<String, usize>,
    sectors: HashMap<String, usize>,
    context: String,
}

/// Processes the inputs and prints one TSV row per new person, most mentioned first:
/// `name`, `count`, `country`, `sector` and an example context.
pub(crate) fn run(options: &Options) -> anyhow::Result<Outcome> {
    let cfg = process::config(options)?;
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let outcome = process::each_document(options, &cfg, &mut |processed| {
        let doc = &processed.doc;
        for entity in doc.entities.iter().filter(|e| e.is_new && e.kind == EntityKind::Person) {
            // Short forms and pronouns count for the full name they refer to.
            let named = match entity.antecedent {
                Some(idx) => doc.entities.get(idx).unwrap_or(entity),
                None => entity,
            };
            let name = &doc.text[named.span.range()];
            let key = pipeline::normalize::normalize(name, 0, Lang::Unknown).into_parts().0;
            let tally = tallies.entry(key).or_insert_with(|| Tally {
                name: name.to_owned(),
                context: context(&doc.text, entity.span.range()),
                ..Tally::default()
            });
            tally.n_mentions += 1;
            if let Some(country) = &entity.country {
                *tally.countries.entry(country.clone()).or_default() += 1;
            }
            if let Some(sector) = &entity.sector {
                *tally.sectors.entry(sector.clone()).or_default() += 1;
            }
        }
        Ok(())
    })?;
    let mut rows: Vec<&Tally> = tallies.values().collect();
    rows.sort_by(|a, b| b.n_mentions.cmp(&a.n_mentions).then_with(|| a.name.cmp(&b.name)));
    let mut out = io::BufWriter::new(io::stdout().lock());
    writeln!(out, "name\tcount\tcountry\tsector\tcontext").context("writing the table")?;
    for tally in rows {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            tally.name,
            tally.n_mentions,
            most_frequent(&tally.countries),
            most_frequent(&tally.sectors),
            tally.context
        )
        .context("writing the table")?;
    }
    out.flush().context("writing the table")?;
    if !options.quiet {
        process::report(&outcome.summary());
    }
    Ok(outcome)
}

/// The value given most often (ties to the smallest), or empty.
fn most_frequent(counts: &HashMap<String, usize>) -> String {
    let mut pairs: Vec<(&String, &usize)> = counts.iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    pairs.first().map(|(value, _)| (*value).clone()).unwrap_or_default()
}

/// The text around a mention on its line, with tabs turned to spaces.
fn context(text: &str, range: std::ops::Range<usize>) -> String {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    let mut start = range.start.saturating_sub(CONTEXT_BYTES).max(line_start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (range.end + CONTEXT_BYTES).min(line_end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Whole words only.
    if start > line_start {
        start = text[start..range.start].find(' ').map_or(range.start, |i| start + i + 1);
    }
    if end < line_end {
        end = text[range.end..end].rfind(' ').map_or(range.end, |i| range.end + i);
    }
    text[start..end].replace('\t', " ").trim().to_owned()
}
