//! `khabar events`: the events of a corpus as PLOVER JSON Lines, a GDELT-style table, CSV or
//! JSON, one record per event, each with the offsets of its evidence. docs/exports.md has
//! every column.

use std::fmt::Write as _;

use model::{Document, Entity, Event, QuadClass};
use serde::Serialize;

use crate::json::resolved;
use crate::process::{self, Options, Outcome, Sink};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// PLOVER-style JSON Lines: id, date, actor, recipient, event, mode, context, event_loc,
    /// event_text, text_info.
    Plover,
    /// A tab-separated table with GDELT 2.0 event and mention column names, for GDELT loaders.
    Gdelt,
    /// Comma-separated values (RFC 4180) with a header, one event a row.
    Csv,
    /// One JSON array of the same flat records as the CSV, empty cells as null.
    Json,
}

/// The flat columns of the CSV and JSON formats, in order.
const FLAT_COLUMNS: &[&str] = &[
    "event_id",
    "doc_id",
    "date",
    "weekday",
    "date_how",
    "type",
    "mode",
    "cameo",
    "quad_class",
    "actor",
    "actor_id",
    "actor_country",
    "actor_sector",
    "recipient",
    "recipient_id",
    "recipient_country",
    "recipient_sector",
    "place",
    "place_id",
    "place_country",
    "place_how",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence_start",
    "sentence_end",
    "is_negated",
    "modality",
    "context",
    "confidence",
    "lang",
    "url",
    "origin",
    "sentence",
];

/// The GDELT 2.0 columns the table fills, in GDELT's order (events, then mentions), then
/// khabar's own evidence columns.
const GDELT_COLUMNS: &[&str] = &[
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "DATEADDED",
    "SOURCEURL",
    "MentionType",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "PloverType",
    "PloverMode",
    "Negated",
    "Modality",
    "EvidenceByteStart",
    "EvidenceByteEnd",
    "TriggerByteStart",
    "TriggerByteEnd",
];

pub(crate) fn run(
    options: &Options,
    format: Format,
    include_negated: bool,
) -> anyhow::Result<Outcome> {
    let cfg = process::config(options)?;
    let mut sink = Sink::create(options.out.as_deref())?;
    match format {
        Format::Csv => sink.write_bytes(csv_row(FLAT_COLUMNS.iter().copied()).as_bytes())?,
        Format::Gdelt => sink.write_bytes(tsv_row(GDELT_COLUMNS.iter().copied()).as_bytes())?,
        Format::Json => sink.write_bytes(b"[")?,
        Format::Plover => {}
    }
    let mut n_json = 0usize;
    let outcome = process::each_document(options, &cfg, &mut |processed| {
        let doc = &processed.doc;
        for (n, event) in doc.events.iter().enumerate() {
            if event.is_negated && !include_negated {
                continue;
            }
            let record = Record::new(doc, n, event);
            match format {
                Format::Plover => {
                    let mut line = serde_json::to_vec(&record.plover())?;
                    line.push(b'\n');
                    sink.write_bytes(&line)?;
                }
                Format::Gdelt => sink.write_bytes(tsv_row(record.gdelt()).as_bytes())?,
                Format::Csv => {
                    sink.write_bytes(csv_row(record.flat().iter().map(String::as_str)).as_bytes())?
                }
                Format::Json => {
                    let sep: &[u8] = if n_json == 0 { b"\n" } else { b",\n" };
                    sink.write_bytes(sep)?;
                    sink.write_bytes(json_object(&record.flat()).as_bytes())?;
                    n_json += 1;
                }
            }
        }
        Ok(())
    })?;
    if format == Format::Json {
        sink.write_bytes(b"\n]\n")?;
    }
    sink.finish()?;
    if !options.quiet {
        process::report(&outcome.summary());
    }
    Ok(outcome)
}

/// One participant or place, as exports name it.
struct Who<'a> {
    text: &'a str,
    id: &'a str,
    country: &'a str,
    sector: &'a str,
    span: [u32; 2],
    is_country: bool,
}

impl<'a> Who<'a> {
    fn new(doc: &'a Document, idx: usize) -> Option<Who<'a>> {
        let mention = doc.entities.get(idx)?;
        let target: &Entity = resolved(&doc.entities, idx).unwrap_or(mention);
        Some(Who {
            text: &doc.text[mention.span.range()],
            id: target.actor.as_deref().unwrap_or(""),
            country: target.country.as_deref().or(mention.country.as_deref()).unwrap_or(""),
            sector: target.sector.as_deref().or(mention.sector.as_deref()).unwrap_or(""),
            span: [mention.span.start, mention.span.end],
            is_country: target.is_country(),
        })
    }

    /// The participants of one side: the entities `idxs`, then the unnamed `group` if any.
    fn all(doc: &'a Document, idxs: &[usize], group: Option<model::Span>) -> Vec<Who<'a>> {
        idxs.iter()
            .filter_map(|&i| Who::new(doc, i))
            .chain(group.map(|g| Who::group(doc, g)))
            .collect()
    }

    /// An unnamed group (`المتظاهرون`, `gunmen`): its words, no actor id, country or sector.
    fn group(doc: &'a Document, span: model::Span) -> Who<'a> {
        Who {
            text: &doc.text[span.range()],
            id: "",
            country: "",
            sector: "",
            span: [span.start, span.end],
            is_country: false,
        }
    }

    /// The CAMEO-style actor code: country and sector (`IRNGOV`), as GDELT writes it.
    fn code(&self) -> String {
        format!("{}{}", self.country, self.sector)
    }
}

#[derive(Serialize)]
struct PloverActor<'a> {
    text: &'a str,
    actor_id: Option<&'a str>,
    country: Option<&'a str>,
    sector: Option<&'a str>,
    span: [u32; 2],
}

impl<'a> From<&Who<'a>> for PloverActor<'a> {
    fn from(who: &Who<'a>) -> PloverActor<'a> {
        let some = |s: &'a str| (!s.is_empty()).then_some(s);
        PloverActor {
            text: who.text,
            actor_id: some(who.id),
            country: some(who.country),
            sector: some(who.sector),
            span: who.span,
        }
    }
}

#[derive(Serialize)]
struct PloverLoc<'a> {
    name: &'a str,
    place_id: Option<&'a str>,
    country: Option<&'a str>,
    span: [u32; 2],
    how: &'static str,
}

#[derive(Serialize)]
struct PloverTextInfo<'a> {
    doc_id: &'a str,
    url: Option<&'a str>,
    origin: &'a str,
    lang: &'static str,
    published: Option<String>,
    start: u32,
    end: u32,
    trigger_start: u32,
    trigger_end: u32,
    trigger_text: &'a str,
}

#[derive(Serialize)]
struct PloverRecord<'a> {
    id: String,
    date: Option<String>,
    date_weekday: Option<&'static str>,
    date_how: Option<&'static str>,
    actor: Option<PloverActor<'a>>,
    recipient: Option<PloverActor<'a>>,
    actors: Vec<PloverActor<'a>>,
    recipients: Vec<PloverActor<'a>>,
    event: &'static str,
    mode: Option<&'a str>,
    /// The PLOVER contexts khabar codes: `negation`, `future`, `hypothetical`, `historical`.
    context: Vec<&'static str>,
    cameo: &'a str,
    quad_class: &'static str,
    is_negated: bool,
    modality: Option<&'static str>,
    confidence: f32,
    event_loc: Option<PloverLoc<'a>>,
    event_text: &'a str,
    text_info: PloverTextInfo<'a>,
}

/// One event with what every format needs.
struct Record<'a> {
    doc: &'a Document,
    event: &'a Event,
    id: String,
    actors: Vec<Who<'a>>,
    recipients: Vec<Who<'a>>,
    place: Option<(Who<'a>, &'static str)>,
}

impl<'a> Record<'a> {
    fn new(doc: &'a Document, n: usize, event: &'a Event) -> Record<'a> {
        Record {
            doc,
            event,
            id: format!("{}-{n}", doc.id),
            actors: Who::all(doc, &event.actors, event.actor_group),
            recipients: Who::all(doc, &event.recipients, event.recipient_group),
            place: event.place.and_then(|p| Some((Who::new(doc, p.entity)?, p.how.name()))),
        }
    }

    /// The recipient to name beside the first actor: for a symmetric event, which lists the
    /// same participants on both sides, the first one that is not that actor.
    fn other_side(&self) -> Option<&Who<'a>> {
        let actor = self.actors.first();
        self.recipients.iter().find(|r| actor.is_none_or(|a| a.span != r.span))
    }

    fn day(&self) -> Option<model::when::CivilDate> {
        self.event.date.and_then(|d| d.day)
    }

    /// The event's PLOVER contexts, counted from the publisher's day.
    fn contexts(&self) -> Vec<&'static str> {
        let day = self.doc.published.as_ref().and_then(model::when::Published::anchor);
        let day = match day {
            Some(model::when::DateAnchor::Date(date)) => Some(date),
            _ => None,
        };
        self.event.contexts(day)
    }

    fn published(&self) -> Option<String> {
        use model::when::Moment;
        self.doc.published.as_ref().and_then(|p| match p.moment {
            Moment::Utc { utc, .. } => Some(format!("{}T{}Z", utc.date, utc.time)),
            Moment::Local(local) => Some(format!("{}T{}", local.date, local.time)),
            Moment::Day(date) => Some(date.to_string()),
            Moment::Partial(_) => None,
        })
    }

    fn plover(&self) -> PloverRecord<'_> {
        let text = self.doc.text.as_str();
        let event = self.event;
        PloverRecord {
            id: self.id.clone(),
            date: self.day().map(|d| d.to_string()),
            date_weekday: event.date.and_then(|d| d.weekday).map(|w| w.name()),
            date_how: event.date.map(|d| d.how.name()),
            actor: self.actors.first().map(PloverActor::from),
            recipient: self.other_side().map(PloverActor::from),
            actors: self.actors.iter().map(PloverActor::from).collect(),
            recipients: self.recipients.iter().map(PloverActor::from).collect(),
            event: event.kind.name(),
            mode: event.mode.as_deref(),
            context: self.contexts(),
            cameo: &event.cameo,
            quad_class: event.quad.name(),
            is_negated: event.is_negated,
            modality: event.modality.map(model::Modality::name),
            confidence: (event.confidence * 100.0).round() / 100.0,
            event_loc: self.place.as_ref().map(|(who, how)| PloverLoc {
                name: who.text,
                place_id: (!who.id.is_empty()).then_some(who.id),
                country: (!who.country.is_empty()).then_some(who.country),
                span: who.span,
                how,
            }),
            event_text: &text[event.sentence.range()],
            text_info: PloverTextInfo {
                doc_id: &self.doc.id,
                url: self.doc.url.as_deref(),
                origin: &self.doc.origin,
                lang: self.doc.lang.lang.code(),
                published: self.published(),
                start: event.sentence.start,
                end: event.sentence.end,
                trigger_start: event.trigger.start,
                trigger_end: event.trigger.end,
                trigger_text: &text[event.trigger.range()],
            },
        }
    }

    fn flat(&self) -> Vec<String> {
        let text = self.doc.text.as_str();
        let event = self.event;
        let join = |who: &[Who<'_>], f: &dyn Fn(&Who<'_>) -> String| {
            who.iter().map(f).collect::<Vec<_>>().join("; ")
        };
        let place = self.place.as_ref();
        vec![
            self.id.clone(),
            self.doc.id.clone(),
            self.day().map(|d| d.to_string()).unwrap_or_default(),
            event.date.and_then(|d| d.weekday).map(|w| w.name().to_owned()).unwrap_or_default(),
            event.date.map(|d| d.how.name().to_owned()).unwrap_or_default(),
            event.kind.name().to_owned(),
            event.mode.clone().unwrap_or_default(),
            event.cameo.clone(),
            event.quad.name().to_owned(),
            join(&self.actors, &|w| w.text.to_owned()),
            join(&self.actors, &|w| w.id.to_owned()),
            join(&self.actors, &|w| w.country.to_owned()),
            join(&self.actors, &|w| w.sector.to_owned()),
            join(&self.recipients, &|w| w.text.to_owned()),
            join(&self.recipients, &|w| w.id.to_owned()),
            join(&self.recipients, &|w| w.country.to_owned()),
            join(&self.recipients, &|w| w.sector.to_owned()),
            place.map(|(w, _)| w.text.to_owned()).unwrap_or_default(),
            place.map(|(w, _)| w.id.to_owned()).unwrap_or_default(),
            place.map(|(w, _)| w.country.to_owned()).unwrap_or_default(),
            place.map(|(_, how)| (*how).to_owned()).unwrap_or_default(),
            text[event.trigger.range()].to_owned(),
            event.trigger.start.to_string(),
            event.trigger.end.to_string(),
            event.sentence.start.to_string(),
            event.sentence.end.to_string(),
            event.is_negated.to_string(),
            event.modality.map(|m| m.name().to_owned()).unwrap_or_default(),
            self.contexts().join("; "),
            format!("{:.2}", event.confidence),
            self.doc.lang.lang.code().to_owned(),
            self.doc.url.clone().unwrap_or_default(),
            self.doc.origin.clone(),
            text[event.sentence.range()].to_owned(),
        ]
    }

    fn gdelt(&self) -> Vec<String> {
        let text = self.doc.text.as_str();
        let event = self.event;
        let chars = |byte: u32| text[..byte as usize].chars().count().to_string();
        let day = self.day();
        let actor1 = self.actors.first();
        // A symmetric event lists the same participants on both sides: the second is the other.
        let actor2 = self.other_side();
        let side = |who: Option<&Who<'_>>| -> [String; 4] {
            who.map_or_else(Default::default, |w| {
                [w.code(), w.text.to_owned(), w.country.to_owned(), w.sector.to_owned()]
            })
        };
        let [a1_code, a1_name, a1_country, a1_type] = side(actor1);
        let [a2_code, a2_name, a2_country, a2_type] = side(actor2);
        let quad = match event.quad {
            QuadClass::VerbalCooperation => "1",
            QuadClass::MaterialCooperation => "2",
            QuadClass::VerbalConflict => "3",
            QuadClass::MaterialConflict => "4",
        };
        let (geo_type, geo_name, geo_country) = match &self.place {
            // GDELT's types: 1 a country, 4 a world city or place.
            Some((w, _)) => {
                (if w.is_country { "1" } else { "4" }, w.text.to_owned(), w.country.to_owned())
            }
            None => ("0", String::new(), String::new()),
        };
        let date_added = self
            .published()
            .map(|p| p.chars().filter(char::is_ascii_digit).take(14).collect::<String>());
        let sentence_id = self
            .doc
            .paragraphs
            .iter()
            .flat_map(|p| &p.sentences)
            .position(|s| s.span == event.sentence)
            .map_or(String::new(), |i| (i + 1).to_string());
        vec![
            gdelt_id(&self.id).to_string(),
            day.map(|d| format!("{:04}{:02}{:02}", d.year, d.month, d.day)).unwrap_or_default(),
            day.map(|d| format!("{:04}{:02}", d.year, d.month)).unwrap_or_default(),
            day.map(|d| d.year.to_string()).unwrap_or_default(),
            a1_code,
            a1_name,
            a1_country,
            a1_type,
            a2_code,
            a2_name,
            a2_country,
            a2_type,
            "1".to_owned(),
            event.cameo.clone(),
            event.cameo.clone(),
            event.cameo.clone(),
            quad.to_owned(),
            "1".to_owned(),
            "1".to_owned(),
            "1".to_owned(),
            geo_type.to_owned(),
            geo_name,
            geo_country,
            date_added.unwrap_or_default(),
            self.doc.url.clone().unwrap_or_else(|| self.doc.origin.clone()),
            // MentionType 1 is a web document.
            "1".to_owned(),
            self.doc.url.clone().unwrap_or_else(|| self.doc.origin.clone()),
            sentence_id,
            actor1.map(|w| chars(w.span[0])).unwrap_or_else(|| "-1".to_owned()),
            actor2.map(|w| chars(w.span[0])).unwrap_or_else(|| "-1".to_owned()),
            chars(event.trigger.start),
            "1".to_owned(),
            format!("{}", (event.confidence * 100.0).round()),
            text.chars().count().to_string(),
            event.kind.name().to_owned(),
            event.mode.clone().unwrap_or_default(),
            if event.is_negated { "1" } else { "0" }.to_owned(),
            event.modality.map(|m| m.name().to_owned()).unwrap_or_default(),
            event.sentence.start.to_string(),
            event.sentence.end.to_string(),
            event.trigger.start.to_string(),
            event.trigger.end.to_string(),
        ]
    }
}

/// The flat columns whose values are numbers or booleans in the JSON format.
const JSON_NUMBERS: &[&str] =
    &["trigger_start", "trigger_end", "sentence_start", "sentence_end", "confidence", "is_negated"];

/// One flat record as a JSON object, columns in order; empty cells become null.
fn json_object(values: &[String]) -> String {
    let mut object = String::from("{");
    for (i, (column, value)) in FLAT_COLUMNS.iter().zip(values).enumerate() {
        if i > 0 {
            object.push(',');
        }
        let json = if value.is_empty() {
            "null".to_owned()
        } else if JSON_NUMBERS.contains(column) {
            value.clone()
        } else {
            serde_json::Value::String(value.clone()).to_string()
        };
        let _ = write!(object, "\"{column}\":{json}");
    }
    object.push('}');
    object
}

/// A GDELT-style integer event id: a 63-bit FNV-1a hash of khabar's event id, stable across
/// runs.
fn gdelt_id(id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash >> 1
}

/// One CSV row, quoted as RFC 4180 asks: a field with a comma, quote or line break is put in
/// quotes, and its quotes doubled.
fn csv_row<'s>(fields: impl Iterator<Item = &'s str>) -> String {
    let mut row = String::new();
    for (i, field) in fields.enumerate() {
        if i > 0 {
            row.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            let _ = write!(row, "\"{}\"", field.replace('"', "\"\""));
        } else {
            row.push_str(field);
        }
    }
    row.push_str("\r\n");
    row
}

/// One tab-separated row; tabs and line breaks inside a field become spaces, as GDELT's own
/// files have none.
fn tsv_row<S: AsRef<str>>(fields: impl IntoIterator<Item = S>) -> String {
    let cells: Vec<String> =
        fields.into_iter().map(|f| f.as_ref().replace(['\t', '\n', '\r'], " ")).collect();
    let mut row = cells.join("\t");
    row.push('\n');
    row
}

#[cfg(test)]
mod tests {
    use super::{csv_row, tsv_row};

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let row = csv_row(["plain", "a,b", "say \"no\"", "two\nlines", "شمخاني"].into_iter());
        assert_eq!(row, "plain,\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",شمخاني\r\n");
    }

    #[test]
    fn tsv_cells_never_break_the_row() {
        assert_eq!(tsv_row(["a\tb", "c\nd", ""]), "a b\tc d\t\n");
    }
}
