//! Sentence segmentation over normalized paragraph text.
//!
//! Splitting runs on the normalized form, where `؟`, `۔` and `…` have already become ASCII,
//! and each sentence is mapped back to the original bytes through the paragraph's char map.

use model::{Sentence, Span};

use crate::normalize::NormText;

/// Lowercase English abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "st", "jr", "sr",
    "vs", "etc", "inc", "ltd", "co", "corp", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
];

/// Splits one normalized paragraph into sentences.
pub fn sentences(norm: &NormText) -> Vec<Sentence> {
    let text = norm.as_str();
    let bytes = text.as_bytes();
    let mut acc = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !matches!(b, b'.' | b'!' | b'?') {
            i += 1;
            continue;
        }
        // Take the whole run of terminators and closing quotes or brackets.
        let mut end = i + 1;
        while end < bytes.len()
            && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']')
        {
            end += 1;
        }
        let is_boundary = end == bytes.len() || bytes[end] == b' ';
        if is_boundary && !(b == b'.' && is_abbreviation(&text[start..i])) {
            push(norm, &mut acc, start, end);
            start = end;
        }
        i = end;
    }
    push(norm, &mut acc, start, text.len());
    acc
}

fn push(norm: &NormText, acc: &mut Vec<Sentence>, start: usize, end: usize) {
    let text = norm.as_str();
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let norm_span = Span::new(start + lead, start + lead + trimmed.len());
    acc.push(Sentence { span: norm.to_original(norm_span), norm_span });
}

/// Whether the text before a period ends with an abbreviation or a single-letter initial.
fn is_abbreviation(before: &str) -> bool {
    let last = before.rsplit(' ').next().unwrap_or("");
    let mut chars = last.chars();
    let is_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_ascii_alphabetic());
    is_initial || ABBREVIATIONS.contains(&last)
}

#[cfg(test)]
mod tests;
