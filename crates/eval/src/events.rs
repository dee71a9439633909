//! Sentence-level event detection against the Arabic PROTEST and ASSAULT gold standard, and
//! how often khabar's actors and recipients overlap the gold source and target tokens.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use model::{Document, EventKind, InputFormat, Lang, RawArticle};
use pipeline::clean::RepeatedLines;

/// Runs both event types and prints their figures; with `is_errors`, also every false
/// positive and false negative.
pub(crate) fn run(shared: &Path, is_errors: bool) -> anyhow::Result<()> {
    println!("== events (gold/events-ar: sentence detection and participant overlap)");
    let cfg = crate::config();
    for (kind, name) in [(EventKind::Protest, "protest"), (EventKind::Assault, "assault")] {
        let csv_path = crate::require(shared, &format!("data/gold/events-ar/{name}_gsr.csv"))?;
        let csv = std::fs::read_to_string(&csv_path)
            .with_context(|| format!("reading {}", csv_path.display()))?;
        print!("{}", detection(kind, &csv, &cfg, is_errors)?);
        let spans_path = crate::require(shared, &format!("data/gold/events-ar/{name}_spans.json"))?;
        let spans = std::fs::read_to_string(&spans_path)
            .with_context(|| format!("reading {}", spans_path.display()))?;
        print!("{}", overlap(kind, &spans, &cfg)?);
    }
    Ok(())
}

/// Runs khabar on one sentence.
fn process(text: &str, cfg: &pipeline::Config) -> Document {
    let raw = RawArticle {
        origin: "gold".to_owned(),
        format: InputFormat::Text,
        url: None,
        title: None,
        published: None,
        source: None,
        text: text.to_owned(),
        blocks: Vec::new(),
    };
    pipeline::process(&raw, cfg, &RepeatedLines::default()).doc
}

/// Whether khabar finds an event of `kind` in a document that it reports as done: not negated,
/// not future, intended or possible, as the annotators accepted only events that happened.
fn detects(doc: &Document, kind: EventKind) -> bool {
    doc.events.iter().any(|e| e.kind == kind && !e.is_negated && e.modality.is_none())
}

/// Precision, recall and F1 of sentence-level detection.
fn detection(
    kind: EventKind,
    csv: &str,
    cfg: &pipeline::Config,
    is_errors: bool,
) -> anyhow::Result<String> {
    let rows = parse_csv(csv);
    let header = rows.first().context("the gold csv is empty")?;
    let column = |name: &str| {
        header.iter().position(|h| h == name).with_context(|| format!("no {name} column"))
    };
    let (label_col, text_col) = (column("label")?, column("text")?);
    let (mut tp, mut fp, mut fn_, mut skipped) = (0u32, 0u32, 0u32, 0u32);
    // False positives on "difficult no" rows, where at least one annotator accepted the event.
    let mut fp_difficult = 0u32;
    // Trigger words of the false positives, to show where precision goes.
    let mut fp_triggers: BTreeMap<String, u32> = BTreeMap::new();
    let mut errors = String::new();
    for row in &rows[1..] {
        let (Some(label), Some(text)) = (row.get(label_col), row.get(text_col)) else {
            anyhow::bail!("a gold row has too few fields: {row:?}");
        };
        let is_gold = match label.as_str() {
            "yes" => true,
            "easy no" | "difficult no" => false,
            _ => {
                skipped += 1;
                continue;
            }
        };
        let doc = process(text, cfg);
        let is_found = detects(&doc, kind);
        match (is_gold, is_found) {
            (true, true) => tp += 1,
            (false, true) => {
                fp += 1;
                fp_difficult += u32::from(label == "difficult no");
                for event in doc.events.iter().filter(|e| e.kind == kind && !e.is_negated) {
                    *fp_triggers.entry(doc.text[event.trigger.range()].to_owned()).or_default() +=
                        1;
                }
            }
            (true, false) => fn_ += 1,
            (false, false) => {}
        }
        if is_errors && is_gold != is_found {
            let _ = writeln!(
                errors,
                "  {} {} [{}] {}",
                kind.name(),
                if is_found { "FP" } else { "FN" },
                event_list(&doc),
                text.replace('\n', " ")
            );
        }
    }
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + fn_);
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {:<8} detection: P {p:.3} R {r:.3} F1 {f1:.3} (tp {tp}, fp {fp}, fn {fn_}; {skipped} ambiguous rows left out)",
        kind.name()
    );
    // The same against the unanimous rejections only, to tell errors from split votes.
    let p_easy = ratio(tp, tp + fp - fp_difficult);
    let f1_easy = if p_easy + r > 0.0 { 2.0 * p_easy * r / (p_easy + r) } else { 0.0 };
    let _ = writeln!(
        out,
        "  {:<8} without the {fp_difficult} false positives on \"difficult no\" rows: P {p_easy:.3} F1 {f1_easy:.3}",
        kind.name()
    );
    let mut top: Vec<(&String, &u32)> = fp_triggers.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = top.iter().take(12).map(|(t, n)| format!("{t} {n}")).collect();
    let _ = writeln!(out, "  {:<8} false-positive triggers: {}", kind.name(), top.join(", "));
    out.push_str(&errors);
    Ok(out)
}

/// Every event of a document as `TYPE:trigger`, with `!` for a negated one and its modality.
fn event_list(doc: &Document) -> String {
    let list: Vec<String> = doc
        .events
        .iter()
        .map(|e| {
            format!(
                "{}:{}{}{}",
                e.kind.name(),
                &doc.text[e.trigger.range()],
                if e.is_negated { "!" } else { "" },
                e.modality.map_or(String::new(), |m| format!("~{}", m.name()))
            )
        })
        .collect();
    list.join(", ")
}

/// How often the actors and recipients of khabar's events of `kind` overlap the gold source
/// and target tokens, over the gold spans that give them.
fn overlap(kind: EventKind, json: &str, cfg: &pipeline::Config) -> anyhow::Result<String> {
    let records: Vec<serde_json::Value> =
        serde_json::from_str(json).context("the span file is not a JSON array")?;
    let (mut sources, mut source_found, mut source_hit) = (0u32, 0u32, 0u32);
    let (mut targets, mut target_found, mut target_hit) = (0u32, 0u32, 0u32);
    for record in &records {
        let text = record["text"].as_str().context("a span record has no text")?;
        let Some(spans) = record["spans"].as_array() else {
            continue;
        };
        let doc = process(text, cfg);
        let events: Vec<_> = doc.events.iter().filter(|e| e.kind == kind).collect();
        let words_of = |idxs: &[usize]| -> Vec<String> {
            idxs.iter().flat_map(|&idx| words(&doc.text[doc.entities[idx].span.range()])).collect()
        };
        // An unnamed group (`المتظاهرون`) stands in for the entities where there are none.
        let group_words = |group: Option<model::Span>| {
            group.map(|g| words(&doc.text[g.range()])).unwrap_or_default()
        };
        let actor_words: Vec<String> = events
            .iter()
            .flat_map(|e| words_of(&e.actors).into_iter().chain(group_words(e.actor_group)))
            .collect();
        let recipient_words: Vec<String> = events
            .iter()
            .flat_map(|e| words_of(&e.recipients).into_iter().chain(group_words(e.recipient_group)))
            .collect();
        for span in spans {
            let gold = |key: &str| -> Vec<String> {
                span[key]
                    .as_array()
                    .map(|a| a.iter().filter_map(|t| t.as_str()).flat_map(words).collect())
                    .unwrap_or_default()
            };
            let (source, target) = (gold("source_actor"), gold("target_actor"));
            if !source.is_empty() {
                sources += 1;
                source_found += u32::from(!actor_words.is_empty());
                source_hit += u32::from(overlaps(&source, &actor_words));
            }
            if !target.is_empty() {
                targets += 1;
                target_found += u32::from(!recipient_words.is_empty());
                target_hit += u32::from(overlaps(&target, &recipient_words));
            }
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {:<8} actors: {source_hit} of {sources} gold sources overlapped ({:.3}); khabar gave an actor for {source_found}",
        kind.name(),
        ratio(source_hit, sources)
    );
    let _ = writeln!(
        out,
        "  {:<8} recipients: {target_hit} of {targets} gold targets overlapped ({:.3}); khabar gave a recipient for {target_found}",
        kind.name(),
        ratio(target_hit, targets)
    );
    Ok(out)
}

/// Whether a gold word and a khabar word are the same, allowing an Arabic clitic on either.
fn overlaps(gold: &[String], found: &[String]) -> bool {
    gold.iter().any(|g| {
        found.iter().any(|f| {
            g == f
                || (f.chars().count() >= 3 && g.ends_with(f.as_str()))
                || (g.chars().count() >= 3 && f.ends_with(g.as_str()))
        })
    })
}

/// The normalized words of a text.
fn words(text: &str) -> Vec<String> {
    let norm = pipeline::normalize::normalize(text, 0, Lang::Ar).into_parts().0;
    norm.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn ratio(num: u32, den: u32) -> f64 {
    if den == 0 { 0.0 } else { f64::from(num) / f64::from(den) }
}

/// Parses RFC 4180 CSV: fields in double quotes may hold commas, line breaks and `""`.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut is_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, is_quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => is_quoted = false,
            ('"', false) if field.is_empty() => is_quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
