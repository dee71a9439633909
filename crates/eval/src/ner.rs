//! Entity mentions against two gold sets: ANERcorp (Arabic) and PEYMA (Persian).
//!
//! The gold gives one tag per whitespace token. Tokens are joined with single spaces into a
//! text (a PEYMA sentence, or a window of about 50 ANERcorp tokens, which has no sentence
//! breaks), khabar finds entities in it, and each predicted span is widened to the tokens it
//! touches: the gold tags whole tokens, clitics and all (`والصادرات`), while khabar leaves a
//! clitic out of its span. A mention counts when its first token, last token and type all
//! match a gold mention. See docs/ner-eval.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use model::{EntityEvidence, EntityKind, Lang};
use pipeline::entities::{Knowledge, Passage};

/// Tokens per ANERcorp window; a window never ends inside a gold mention.
const WINDOW_TOKENS: usize = 50;

/// Consecutive texts are passed to `entities::find` as the paragraphs of one document of at
/// least this many tokens (about a news article), so that a name given in full early on
/// links its short form later, as it does in a real article. Neither gold set marks where its
/// articles end, so a document may straddle two.
const DOC_TOKENS: usize = 400;

/// The types scored.
const TYPES: [&str; 3] = ["person", "location", "organization"];

/// A mention as a token range and a type index into `TYPES`.
type Mention = (usize, usize, usize);

/// One gold text: its tokens and their tags, mapped to khabar's types.
struct Sentence {
    tokens: Vec<String>,
    tags: Vec<String>,
}

/// Scores both gold sets and prints their figures. With `is_errors`, also lists every missed
/// (`FN`) and wrong (`FP`) mention of ANERcorp and of the PEYMA training set, scored too for
/// the purpose; the errors of the PEYMA test set are never listed, so that it stays held out.
pub(crate) fn run(shared: &Path, is_errors: bool) -> anyhow::Result<()> {
    let anercorp = crate::require(shared, "data/gold/ner/anercorp.txt")?;
    let peyma = crate::require(shared, "data/gold/ner/peyma/test.txt")?;
    let knowledge = Knowledge::builtin();
    println!("== ner: exact token-span matches, per type (precision / recall / F1, gold count)");
    let text = std::fs::read_to_string(&anercorp)?;
    let sentences = anercorp_windows(&text);
    print_scores("ANERcorp (ar)", &score(&sentences, Lang::Ar, &knowledge, is_errors));
    let text = std::fs::read_to_string(&peyma)?;
    let sentences = peyma_sentences(&text);
    print_scores("PEYMA test (fa)", &score(&sentences, Lang::Fa, &knowledge, false));
    if is_errors {
        let train = crate::require(shared, "data/gold/ner/peyma/train.txt")?;
        let text = std::fs::read_to_string(&train)?;
        let sentences = peyma_sentences(&text);
        print_scores("PEYMA train (fa)", &score(&sentences, Lang::Fa, &knowledge, true));
    }
    Ok(())
}

/// ANERcorp: `token TAG` lines with no sentence breaks, cut into windows.
fn anercorp_windows(text: &str) -> Vec<Sentence> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let Some((token, tag)) = line.trim().rsplit_once(' ') else { continue };
        if !token.is_empty() {
            pairs.push((token.to_owned(), tag.to_owned()));
        }
    }
    let mut res = Vec::new();
    let mut current = Sentence { tokens: Vec::new(), tags: Vec::new() };
    for (idx, (token, tag)) in pairs.iter().enumerate() {
        current.tokens.push(token.clone());
        current.tags.push(tag.clone());
        let next_continues = pairs.get(idx + 1).is_some_and(|(_, t)| t.starts_with("I"));
        if current.tokens.len() >= WINDOW_TOKENS && !next_continues {
            res.push(std::mem::replace(
                &mut current,
                Sentence { tokens: Vec::new(), tags: Vec::new() },
            ));
        }
    }
    if !current.tokens.is_empty() {
        res.push(current);
    }
    res
}

/// PEYMA: `token|TAG` lines, a blank line between sentences.
fn peyma_sentences(text: &str) -> Vec<Sentence> {
    let mut res = Vec::new();
    let mut current = Sentence { tokens: Vec::new(), tags: Vec::new() };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.tokens.is_empty() {
                res.push(std::mem::replace(
                    &mut current,
                    Sentence { tokens: Vec::new(), tags: Vec::new() },
                ));
            }
            continue;
        }
        let Some((token, tag)) = line.rsplit_once('|') else { continue };
        if !token.trim().is_empty() {
            current.tokens.push(token.trim().to_owned());
            current.tags.push(tag.to_owned());
        }
    }
    if !current.tokens.is_empty() {
        res.push(current);
    }
    res
}

/// The type index of a gold tag's type (`PERS`, `PER`, `LOC`, `ORG`), if scored.
fn gold_type(tag: &str) -> Option<usize> {
    match tag.get(2..)? {
        "PERS" | "PER" => Some(0),
        "LOC" => Some(1),
        "ORG" => Some(2),
        _ => None,
    }
}

/// Gold mentions from IOB tags (`B-X`/`I-X` or `B_X`/`I_X`); an `I` after another type or
/// after `O` opens a mention.
fn gold_mentions(tags: &[String]) -> BTreeSet<Mention> {
    let mut res = BTreeSet::new();
    let mut open: Option<(usize, usize)> = None;
    for (idx, tag) in tags.iter().enumerate() {
        let kind = gold_type(tag);
        let is_inside = tag.starts_with('I');
        match (open, kind) {
            (Some((start, t)), Some(k)) if is_inside && t == k => {
                let _ = start;
            }
            _ => {
                if let Some((start, t)) = open.take() {
                    res.insert((start, idx - 1, t));
                }
                if let Some(k) = kind {
                    open = Some((idx, k));
                }
            }
        }
    }
    if let Some((start, t)) = open {
        res.insert((start, tags.len() - 1, t));
    }
    res
}

/// True positives, predicted and gold counts per type.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    n_true: usize,
    n_predicted: usize,
    n_gold: usize,
}

fn score(
    sentences: &[Sentence],
    lang: Lang,
    knowledge: &Knowledge,
    is_errors: bool,
) -> [Counts; 3] {
    let mut res = [Counts::default(); 3];
    let mut doc_start = 0;
    while doc_start < sentences.len() {
        let mut doc_end = doc_start;
        let mut n_tokens = 0;
        while doc_end < sentences.len() && (doc_end == doc_start || n_tokens < DOC_TOKENS) {
            n_tokens += sentences[doc_end].tokens.len();
            doc_end += 1;
        }
        score_document(&sentences[doc_start..doc_end], lang, knowledge, is_errors, &mut res);
        doc_start = doc_end;
    }
    res
}

/// Scores consecutive texts passed to `entities::find` as the paragraphs of one document.
fn score_document(
    sentences: &[Sentence],
    lang: Lang,
    knowledge: &Knowledge,
    is_errors: bool,
    res: &mut [Counts; 3],
) {
    // Each text is one paragraph; its tokens' byte ranges are offsets into the document.
    let mut paragraphs = Vec::with_capacity(sentences.len());
    let mut token_spans: Vec<Vec<(usize, usize)>> = Vec::with_capacity(sentences.len());
    let mut offset = 0;
    for sentence in sentences {
        let text = sentence.tokens.join(" ");
        paragraphs.push(pipeline::normalize::normalize(&text, offset, lang).into_parts());
        let mut spans = Vec::with_capacity(sentence.tokens.len());
        for token in &sentence.tokens {
            spans.push((offset, offset + token.len()));
            offset += token.len() + 1;
        }
        token_spans.push(spans);
    }
    let passages: Vec<Passage<'_>> =
        paragraphs.iter().map(|(norm, map)| Passage { norm, map, lang, words: None }).collect();
    let entities = pipeline::entities::find(&passages, None, knowledge);
    // Each predicted mention with the evidence khabar found it by, for the error list.
    let mut predicted = vec![BTreeMap::new(); sentences.len()];
    for entity in &entities {
        let kind = match entity.kind {
            EntityKind::Person if entity.evidence != EntityEvidence::Pronoun => 0,
            EntityKind::Place => 1,
            EntityKind::Organization => 2,
            _ => continue,
        };
        let (start, end) = (entity.span.start as usize, entity.span.end as usize);
        let Some(sentence_idx) =
            token_spans.iter().position(|spans| spans.last().is_some_and(|&(_, e)| start < e))
        else {
            continue;
        };
        let spans = &token_spans[sentence_idx];
        let first = spans.iter().position(|&(s, e)| s <= start && start < e.max(s + 1));
        let last = spans.iter().rposition(|&(s, _)| s < end);
        if let (Some(first), Some(last)) = (first, last) {
            predicted[sentence_idx].insert((first, last.max(first), kind), entity.evidence.name());
        }
    }
    for (sentence, predicted) in sentences.iter().zip(&predicted) {
        let gold = gold_mentions(&sentence.tags);
        if is_errors {
            // The mention in brackets, with up to four tokens of context on each side.
            let show = |m: &Mention| {
                let before = &sentence.tokens[m.0.saturating_sub(4)..m.0];
                let after = &sentence.tokens[m.1 + 1..(m.1 + 5).min(sentence.tokens.len())];
                let mention = sentence.tokens[m.0..=m.1].join(" ");
                format!("{}\t{} [{mention}] {}", mention, before.join(" "), after.join(" "))
            };
            // An error that overlaps a mention of the same type on the other side is a
            // `boundary` error, else `spurious` or `missed`; a wrong mention also says what
            // khabar found it by.
            let overlaps = |m: &Mention, other: &mut dyn Iterator<Item = &Mention>| {
                other.filter(|o| o.2 == m.2 && o.0 <= m.1 && m.0 <= o.1).count() > 0
            };
            for (m, evidence) in predicted.iter().filter(|(m, _)| !gold.contains(m)) {
                let class = if overlaps(m, &mut gold.iter()) { "boundary" } else { "spurious" };
                println!("{lang:?} FP {} {class} {}\t{evidence}", TYPES[m.2], show(m));
            }
            for m in gold.iter().filter(|m| !predicted.contains_key(m)) {
                let class = if overlaps(m, &mut predicted.keys()) { "boundary" } else { "missed" };
                println!("{lang:?} FN {} {class} {}", TYPES[m.2], show(m));
            }
        }
        for (type_idx, counts) in res.iter_mut().enumerate() {
            counts.n_predicted += predicted.keys().filter(|m| m.2 == type_idx).count();
            counts.n_gold += gold.iter().filter(|m| m.2 == type_idx).count();
            counts.n_true +=
                predicted.keys().filter(|m| m.2 == type_idx && gold.contains(m)).count();
        }
    }
}

fn print_scores(name: &str, counts: &[Counts; 3]) {
    println!("  {name}");
    for (type_name, c) in TYPES.iter().zip(counts) {
        let precision = ratio(c.n_true, c.n_predicted);
        let recall = ratio(c.n_true, c.n_gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        println!(
            "    {type_name:<12} P {precision:.3}  R {recall:.3}  F1 {f1:.3}  (gold {}, predicted {}, correct {})",
            c.n_gold, c.n_predicted, c.n_true
        );
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}
