//! `khabar actors`: the persons a corpus names that the knowledge base does not know, as a
//! review list or as a persons table to edit and pass back with `--actors`.

use std::collections::HashMap;
use std::io::{self, Write as _};

use anyhow::Context as _;
use model::{EntityKind, Lang};

use crate::process::{self, Options, Outcome};

/// Bytes of text shown on each side of a mention as its example context.
const CONTEXT_BYTES: usize = 60;

/// What is known of one new actor across the corpus.
#[derive(Debug)]
struct Tally {
    /// The name as first written.
    name: String,
    n_mentions: usize,
    /// Country → mentions that gave it; sector → mentions that gave it.
    countries: HashMap<String, usize>,
    sectors: HashMap<String, usize>,
    context: String,
    /// The language the name is written in, for the persons table's name column.
    lang: Lang,
    /// `office@COUNTRY` → the publication years of the mentions that gave it.
    offices: HashMap<String, Vec<i32>>,
}

/// What `khabar actors` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// A review list: name, count, country, sector and an example context.
    Review,
    /// A persons table in the format of `crates/pipeline/data/actors/persons.tsv`, ready to
    /// edit (give each row a lasting id) and pass back with `--actors`.
    Persons,
}

/// Processes the inputs and prints one TSV row per new person, most mentioned first:
/// `name`, `count`, `country`, `sector` and an example context.
pub(crate) fn run(options: &Options, format: Format) -> anyhow::Result<Outcome> {
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
            let lang = doc
                .paragraphs
                .iter()
                .find(|p| p.span.start <= named.span.start && named.span.end <= p.span.end)
                .map_or(doc.lang.lang, |p| p.lang.lang);
            let tally = tallies.entry(key).or_insert_with(|| Tally {
                name: name.to_owned(),
                n_mentions: 0,
                countries: HashMap::new(),
                sectors: HashMap::new(),
                context: context(&doc.text, entity.span.range()),
                lang,
                offices: HashMap::new(),
            });
            tally.n_mentions += 1;
            if let (Some(office), Some(country)) = (&entity.office, &entity.country) {
                let years = tally.offices.entry(format!("{office}@{country}")).or_default();
                if let Some(year) = publication_year(doc) {
                    years.push(year);
                }
            }
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
    match format {
        Format::Review => write_review(&mut out, &rows)?,
        Format::Persons => write_persons(&mut out, &rows)?,
    }
    out.flush().context("writing the table")?;
    if !options.quiet {
        process::report(&outcome.summary());
    }
    Ok(outcome)
}

fn write_review(out: &mut impl io::Write, rows: &[&Tally]) -> anyhow::Result<()> {
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
    Ok(())
}

/// The persons table: a comment with the count and context above each row, a provisional id
/// (`new_` and a hash of the normalized name, stable across runs), the name in the column of
/// its language, and each office the texts gave with the years they were published in.
fn write_persons(out: &mut impl io::Write, rows: &[&Tally]) -> anyhow::Result<()> {
    writeln!(
        out,
        "# Persons khabar found that the knowledge base does not know. Review each row, give it a\n\
         # lasting id, fix the names and offices, then pass this file with --actors FILE.\n\
         id\tnames_en\tnames_ar\tnames_fa\toffices\twikidata"
    )
    .context("writing the table")?;
    for tally in rows {
        let key = pipeline::normalize::normalize(&tally.name, 0, Lang::Unknown).into_parts().0;
        let column = |lang: Lang| if tally.lang == lang { tally.name.as_str() } else { "" };
        let mut offices: Vec<String> = tally
            .offices
            .iter()
            .map(|(office, years)| match (years.iter().min(), years.iter().max()) {
                (Some(first), Some(last)) => format!("{office}:{first}-{last}"),
                _ => office.clone(),
            })
            .collect();
        offices.sort();
        writeln!(
            out,
            "# {} mentions: {}\nnew_{:08x}\t{}\t{}\t{}\t{}\t",
            tally.n_mentions,
            tally.context,
            fnv32(&key),
            column(Lang::En),
            // Names in another script or language go with the Arabic ones.
            if matches!(tally.lang, Lang::En | Lang::Fa) { "" } else { tally.name.as_str() },
            column(Lang::Fa),
            offices.join("|"),
        )
        .context("writing the table")?;
    }
    Ok(())
}

/// The year a document was published in, when its date is known.
fn publication_year(doc: &model::Document) -> Option<i32> {
    match doc.published.as_ref()?.anchor()? {
        model::when::DateAnchor::Date(date) => Some(date.year),
        model::when::DateAnchor::Weekday(_) => None,
    }
}

/// A 32-bit FNV-1a hash, for provisional ids.
fn fnv32(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
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
