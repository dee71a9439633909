//! Main-text extraction on real pages, scored the way trafilatura scores itself.
//!
//! For each page, every `with` segment found in khabar's body text is a true positive and every
//! missing one a false negative; every `without` segment found is a false positive.
//! Segments and text are compared with whitespace collapsed.

use std::io::Read as _;
use std::path::Path;
use std::time::Instant;

use pipeline::clean::RepeatedLines;
use serde_json::Value;

pub(crate) fn run(shared: &Path) -> anyhow::Result<()> {
    let dir = crate::require(shared, "data/gold/html-extraction")?;
    let expectations = std::fs::read_to_string(dir.join("expectations.jsonl"))?;
    let cfg = crate::config();
    let repeated = RepeatedLines::default();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut n_pages = 0usize;
    let mut n_bytes = 0usize;
    let mut seconds = 0.0f64;
    let mut worst: Vec<(usize, String)> = Vec::new();
    // Why each missed segment was missed: where it stands in the page text, if anywhere.
    let mut causes: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut false_positives: Vec<String> = Vec::new();
    let mut missed_examples: Vec<String> = Vec::new();
    for line in expectations.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line)?;
        let file =
            case["file"].as_str().ok_or_else(|| anyhow::anyhow!("an expectation has no file"))?;
        let mut bytes = Vec::new();
        flate2::read::MultiGzDecoder::new(std::fs::File::open(dir.join(file))?)
            .read_to_end(&mut bytes)?;
        n_pages += 1;
        n_bytes += bytes.len();
        let started = Instant::now();
        let raw = ingest::read_page(&bytes, file, true)?;
        let processed = pipeline::process(&raw, &cfg, &repeated);
        seconds += started.elapsed().as_secs_f64();
        let doc = &processed.doc;
        let body: Vec<&str> = doc.paragraphs.iter().map(|p| &doc.text[p.span.range()]).collect();
        let output = collapse(&body.join("\n"));
        let segments = |key: &str| -> Vec<String> {
            case[key]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).map(collapse).collect())
                .unwrap_or_default()
        };
        let mut misses = 0usize;
        for segment in segments("with") {
            if output.contains(&segment) {
                tp += 1;
            } else {
                fn_ += 1;
                misses += 1;
                let cause = miss_cause(doc, &segment);
                if missed_examples.len() < EXAMPLES {
                    missed_examples.push(format!("{file}: [{cause}] {segment}"));
                }
                *causes.entry(cause).or_insert(0) += 1;
            }
        }
        for segment in segments("without") {
            if output.contains(&segment) {
                fp += 1;
                misses += 1;
                if false_positives.len() < EXAMPLES {
                    false_positives.push(format!("{file}: {segment}"));
                }
            }
        }
        if misses > 0 {
            worst.push((misses, file.to_owned()));
        }
    }
    if n_pages == 0 {
        anyhow::bail!("no pages in {}", dir.display());
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
    let mb_per_s = n_bytes as f64 / 1e6 / seconds;
    println!("== main-text extraction ({n_pages} pages, {:.1} MB of HTML)", n_bytes as f64 / 1e6);
    println!("  true positives {tp}, false negatives {fn_}, false positives {fp}");
    println!("  precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}");
    println!(
        "  speed {mb_per_s:.1} MB/s on one core (decode, parse, choose container, clean, whole pipeline)"
    );
    let mut causes: Vec<(usize, String)> =
        causes.into_iter().map(|(cause, n)| (n, cause)).collect();
    causes.sort_by(|a, b| b.cmp(a));
    println!("  missed segments, by where they stand:");
    for (n, cause) in causes.iter().take(12) {
        println!("    {n:>4}  {cause}");
    }
    println!("  missed segments, first {EXAMPLES}:");
    for example in &missed_examples {
        println!("    {example}");
    }
    println!("  kept furniture, first {EXAMPLES}:");
    for example in &false_positives {
        println!("    {example}");
    }
    worst.sort_by(|a, b| b.cmp(a));
    let examples: Vec<&str> = worst.iter().take(5).map(|(_, f)| f.as_str()).collect();
    println!("  pages with most errors: {}", examples.join(" "));
    Ok(())
}

/// How many missed and kept-furniture segments to show.
const EXAMPLES: usize = 25;

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a missed segment stands: not in the page text at all, across blocks, or in one
/// removed block (with the reason it was removed).
fn miss_cause(doc: &model::Document, segment: &str) -> String {
    if !collapse(&doc.text).contains(segment) {
        return "not in the page text (parsing or layout)".to_owned();
    }
    for chrome in &doc.chrome {
        if collapse(&doc.text[chrome.span.range()]).contains(segment) {
            return format!("removed: {} ({})", chrome.kind.name(), chrome.reason);
        }
    }
    for paragraph in &doc.paragraphs {
        if collapse(&doc.text[paragraph.span.range()]).contains(segment) {
            return "in a body paragraph (matching)".to_owned();
        }
    }
    "across several blocks".to_owned()
}
