//! Who published a story and whom it cites, and the outlet's own news code and category.
//!
//! Outlets come from a team-written table (`data/outlets.tsv`), which a user may extend with a
//! file of their own in the same format. Names are matched on normalized text, so one spelling
//! per normalized form is enough.
//!
//! A name of two words or more, or in Latin script, is specific enough to be found anywhere.
//! A bare Arabic-script name (`فارس`, `مهر`, `العالم`) is also an everyday word, so it counts
//! only where the text says a source follows: after `المصدر:`, `منبع:`, `به گزارش`, `به نقل از`,
//! `نقلا عن`, `according to`; inside brackets (`(رويترز)`); or opening a short label line
//! (`العالم - ايران`). The publisher is the outlet of the URL's host or of the source metadata,
//! else the outlet a label line names.

use model::{Field, Lang, Paragraph, SourceEvidence, SourceMention, SourceRole, Span};

use crate::normalize::{self, NormText};
use crate::script::{self, WordMap, WordSet};

/// The team's outlets table, compiled in.
const BUILTIN: &str = include_str!("../data/outlets.tsv");

/// The most words an outlet name may have.
const MAX_NAME_WORDS: usize = 8;

/// One outlet or agency.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outlet {
    id: String,
    country: String,
    name: String,
}

/// The outlets table, indexed for matching.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    outlets: Vec<Outlet>,
    /// Normalized name → (outlet index, whether the name may match without a cue).
    by_name: WordMap<String, (usize, bool)>,
    /// Host name (lowercase, no `www.`) → outlet index.
    by_domain: WordMap<String, usize>,
    /// The first word of every name: most words of a text are none, and are passed over.
    first_words: WordSet<String>,
}

impl Outlets {
    /// The team's table, as shipped.
    pub fn builtin() -> Outlets {
        let mut res = Outlets::default();
        res.add_tsv(BUILTIN).expect("the shipped outlets table parses (checked by a test)");
        res
    }

    /// Adds the outlets of a TSV text in the shipped format (header line, `#` comments).
    /// Later lines win over earlier ones for a name or domain they share.
    /// An error names the line and what is wrong with it.
    pub fn add_tsv(&mut self, tsv: &str) -> Result<usize, String> {
        let mut columns: Option<Vec<&str>> = None;
        let mut n_added = 0;
        for (line_idx, line) in tsv.lines().enumerate() {
            let line_no = line_idx + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let Some(header) = &columns else {
                columns = Some(fields);
                continue;
            };
            if fields.len() != header.len() {
                return Err(format!(
                    "line {line_no}: {} fields where the header has {}",
                    fields.len(),
                    header.len()
                ));
            }
            let field = |name: &str| {
                header.iter().position(|h| *h == name).map_or("", |idx| fields[idx].trim())
            };
            let id = field("id");
            if id.is_empty() {
                return Err(format!("line {line_no}: no id"));
            }
            let names: Vec<&str> = ["names_en", "names_ar", "names_fa"]
                .iter()
                .flat_map(|column| field(column).split('|'))
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            let outlet_idx = self.outlets.len();
            self.outlets.push(Outlet {
                id: id.to_owned(),
                country: field("country").to_owned(),
                name: names.first().copied().unwrap_or(id).to_owned(),
            });
            for name in names {
                let key = normalize::normalize(name, 0, Lang::Unknown).into_parts().0;
                let n_words = key.split(' ').count();
                let is_latin = key.is_ascii();
                let is_specific = n_words >= 2 || (is_latin && key.len() >= 5);
                if !key.is_empty() && n_words <= MAX_NAME_WORDS {
                    self.first_words.insert(key[..script::word_end(&key, 0)].to_owned());
                    self.by_name.insert(key, (outlet_idx, is_specific));
                }
            }
            for domain in field("domains").split('|').map(str::trim).filter(|d| !d.is_empty()) {
                self.by_domain
                    .insert(domain.trim_start_matches("www.").to_ascii_lowercase(), outlet_idx);
            }
            n_added += 1;
        }
        if columns.is_none() {
            return Err("no header line".to_owned());
        }
        Ok(n_added)
    }

    /// The number of outlets.
    pub fn len(&self) -> usize {
        self.outlets.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty()
    }

    fn mention(
        &self,
        idx: usize,
        role: SourceRole,
        evidence: SourceEvidence,
        span: Option<Span>,
    ) -> SourceMention {
        let outlet = &self.outlets[idx];
        SourceMention {
            outlet: outlet.id.clone(),
            name: outlet.name.clone(),
            country: outlet.country.clone(),
            role,
            evidence,
            span,
        }
    }

    /// The outlet of a URL's host, trying the host and then each parent domain.
    fn by_url(&self, url: &str) -> Option<usize> {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = rest.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
        let mut host = host.trim_start_matches("www.");
        loop {
            if let Some(&idx) = self.by_domain.get(host) {
                return Some(idx);
            }
            host = host.split_once('.')?.1;
            if !host.contains('.') {
                return None;
            }
        }
    }
}

/// What the sources stage found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The publisher first, then cited outlets, once each.
    pub sources: Vec<SourceMention>,
    /// The news code.
    pub news_code: Option<Field>,
    /// The category values.
    pub categories: Vec<Field>,
}

/// Cues after which a source name follows, in normalized spelling, with the evidence they give.
const CUES: &[(&str, SourceEvidence)] = &[
    ("المصدر :", SourceEvidence::SourceLine),
    ("المصدر:", SourceEvidence::SourceLine),
    ("منبع :", SourceEvidence::SourceLine),
    ("منبع:", SourceEvidence::SourceLine),
    ("source:", SourceEvidence::SourceLine),
    ("به گزارش", SourceEvidence::Attribution),
    ("به نقل از", SourceEvidence::Attribution),
    ("نقلا عن", SourceEvidence::Attribution),
    ("بحسب", SourceEvidence::Attribution),
    ("حسب", SourceEvidence::Attribution),
    ("وفقا ل", SourceEvidence::Attribution),
    ("according to", SourceEvidence::Attribution),
    ("told", SourceEvidence::Attribution),
];

/// Labels of the outlet's news code line, normalized.
const CODE_LABELS: &[&str] =
    &["كد خبر", "كد مطلب", "شناسه خبر", "رمز الخبر", "رقم الخبر", "news id", "news code"];

/// Labels of the outlet's category line, normalized.
const CATEGORY_LABELS: &[&str] =
    &["دسته بندي", "دستهبندي", "سرويس", "گروه", "القسم", "التصنيف", "category", "section"];

/// A stretch of normalized text, its map to the original and its word spans if known.
type Segment<'a> = (&'a str, &'a [(u32, u32)], Option<&'a [(usize, usize)]>);

/// Finds the publisher, the cited outlets, the news code and the category of one document.
///
/// `labels` are the spans `clean` removed as outlet or section labels. `body` are the
/// document's paragraphs, whose normalized forms are read as they are, with their word spans
/// `body_words` (`crate::paragraph_words`); the text between them (furniture, the title) is
/// normalized here. With no paragraphs the whole text is.
pub fn find(
    text: &str,
    url: Option<&str>,
    source_meta: Option<&str>,
    labels: &[Span],
    body: &[Paragraph],
    body_words: &[Vec<(usize, usize)>],
    outlets: &Outlets,
) -> Found {
    let mut res = Found::default();
    let publisher = url
        .and_then(|u| outlets.by_url(u).map(|idx| (idx, SourceEvidence::UrlHost)))
        .or_else(|| {
            source_meta.and_then(|s| by_meta(s, outlets)).map(|idx| (idx, SourceEvidence::Metadata))
        });
    if let Some((idx, evidence)) = publisher {
        res.sources.push(outlets.mention(idx, SourceRole::Publisher, evidence, None));
    }

    // The text in order: the paragraphs' own normalized forms, and the gaps between them
    // normalized here.
    let mut gaps: Vec<NormText> = Vec::new();
    let mut at = 0usize;
    for paragraph in body {
        let start = paragraph.span.start as usize;
        if start > at && text.get(at..start).is_some_and(|gap| !gap.trim().is_empty()) {
            gaps.push(normalize::normalize(&text[at..start], at, Lang::Unknown));
        }
        at = at.max(paragraph.span.end as usize);
    }
    if at < text.len() && !text[at..].trim().is_empty() {
        gaps.push(normalize::normalize(&text[at..], at, Lang::Unknown));
    }
    // Each segment with its word spans where the paragraph already has them.
    let mut segments: Vec<Segment<'_>> = body
        .iter()
        .zip(body_words.iter().map(|w| Some(w.as_slice())).chain(std::iter::repeat(None)))
        .map(|(p, words)| (p.norm.as_str(), p.norm_map.as_slice(), words))
        .chain(gaps.iter().map(|g| (g.as_str(), g.map(), None)))
        .filter(|(norm, _, _)| !norm.is_empty())
        .collect();
    segments.sort_by_key(|&(_, map, _)| map.first().map_or(0, |&(_, o)| o));

    // A label line that opens with an outlet's name names the publisher.
    for &label in labels {
        let Some(&(norm_text, map, _)) = segments.iter().find(|&&(_, map, _)| {
            map.first().is_some_and(|&(_, o)| o <= label.start)
                && map.last().is_some_and(|&(_, o)| label.start < o)
        }) else {
            continue;
        };
        let first = norm_span_of(norm_text, map, label);
        let line = &norm_text[first.range()];
        let head = line.split([' ']).next().unwrap_or("");
        let head_len = line.find([' ', '-']).unwrap_or(line.len());
        if let Some(&(idx, _)) = outlets.by_name.get(head.trim_end_matches(['-', ':'])) {
            let span = model::norm_to_original(
                map,
                Span::new(first.start as usize, first.start as usize + head_len),
            );
            let role = publisher_or_cited(&res);
            push_once(
                &mut res.sources,
                outlets.mention(idx, role, SourceEvidence::Label, Some(span)),
            );
        }
    }

    // Specific names anywhere; bare names after a cue or in brackets.
    for (norm_text, map, words) in segments {
        let spans = match words {
            Some(words) => std::borrow::Cow::Borrowed(words),
            None => std::borrow::Cow::Owned(script::word_spans(norm_text)),
        };
        let words: Vec<usize> = spans.iter().map(|&(start, _)| start).collect();
        for (word_idx, &(start, word_end)) in spans.iter().enumerate() {
            if !outlets.first_words.contains(&norm_text[start..word_end]) {
                continue;
            }
            let Some((idx, end, is_specific)) =
                longest_name(norm_text, &words[word_idx..], outlets)
            else {
                continue;
            };
            let cue = cue_before(norm_text, start);
            let is_bracketed = norm_text[..start].ends_with('(');
            let is_closed_bracket = is_bracketed && norm_text[end..].starts_with(')');
            let evidence = match (cue, is_closed_bracket, is_specific) {
                (Some(evidence), _, _) => evidence,
                (None, true, _) => SourceEvidence::Parenthetical,
                (None, false, true) => SourceEvidence::Attribution,
                (None, false, false) => continue,
            };
            let span = model::norm_to_original(map, Span::new(start, end));
            push_once(
                &mut res.sources,
                outlets.mention(idx, SourceRole::Cited, evidence, Some(span)),
            );
        }
    }

    res.news_code = labelled_value(text, CODE_LABELS).and_then(|(norm_value, _)| {
        let digits: String = norm_value.as_str().chars().take_while(char::is_ascii_digit).collect();
        let span = norm_value.to_original(Span::new(0, digits.len()));
        (!digits.is_empty()).then_some(Field { value: digits, span })
    });
    if let Some((norm_value, _)) = labelled_value(text, CATEGORY_LABELS) {
        res.categories = split_categories(text, &norm_value);
    }
    res
}

/// The role a label-line outlet takes: publisher unless the URL or metadata already gave one.
fn publisher_or_cited(found: &Found) -> SourceRole {
    if found.sources.iter().any(|s| s.role == SourceRole::Publisher) {
        SourceRole::Cited
    } else {
        SourceRole::Publisher
    }
}

/// Adds a mention unless the same outlet is already there in the same role.
fn push_once(sources: &mut Vec<SourceMention>, mention: SourceMention) {
    if !sources.iter().any(|s| s.outlet == mention.outlet && s.role == mention.role) {
        sources.push(mention);
    }
}

/// An outlet named by a metadata source field: its id, a domain or a name.
fn by_meta(source: &str, outlets: &Outlets) -> Option<usize> {
    let lower = source.trim().to_ascii_lowercase();
    if let Some(idx) = outlets.outlets.iter().position(|o| o.id == lower) {
        return Some(idx);
    }
    if let Some(&idx) = outlets.by_domain.get(lower.trim_start_matches("www.")) {
        return Some(idx);
    }
    let key = normalize::normalize(source, 0, Lang::Unknown).into_parts().0;
    outlets.by_name.get(&key).map(|&(idx, _)| idx)
}

/// The normalized span of an original span (the first and last chars that fall inside it).
fn norm_span_of(norm: &str, map: &[(u32, u32)], original: Span) -> Span {
    let start = map.iter().find(|&&(_, o)| o >= original.start).map_or(0, |&(n, _)| n);
    let end = map.iter().rev().find(|&&(_, o)| o < original.end).map_or(start, |&(n, _)| {
        let c_len = norm[n as usize..].chars().next().map_or(0, char::len_utf8);
        n + c_len as u32
    });
    Span { start, end: end.max(start) }
}

/// The cue that ends right before `start`, if any.
fn cue_before(text: &str, start: usize) -> Option<SourceEvidence> {
    let before = text[..start].trim_end();
    CUES.iter()
        .find(|(cue, _)| {
            before.ends_with(cue)
                && before[..before.len() - cue.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !script::is_alphanumeric(c))
        })
        .map(|&(_, evidence)| evidence)
}

/// The longest outlet name starting at `starts[0]`: its outlet, end offset and specificity.
fn longest_name(text: &str, starts: &[usize], outlets: &Outlets) -> Option<(usize, usize, bool)> {
    let start = *starts.first()?;
    let mut best = None;
    for n_words in 1..=MAX_NAME_WORDS.min(starts.len()) {
        let end = script::word_end(text, starts[n_words - 1]);
        let candidate = &text[start..end];
        if candidate.contains('\n') {
            break;
        }
        if let Some(&(idx, is_specific)) = outlets.by_name.get(candidate) {
            best = Some((idx, end, is_specific));
        }
    }
    best
}

/// The value after a label and a colon on a short line of the original text: the value's
/// normalized form (mapping back to the original), and the same for the line.
fn labelled_value(text: &str, labels: &[&str]) -> Option<(NormText, NormText)> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        if line.len() > 240 || line.split_whitespace().count() > 12 {
            continue;
        }
        let norm = normalize::normalize(line, line_start, Lang::Unknown);
        let norm_line = norm.as_str();
        let Some(label) = labels.iter().find(|label| norm_line.starts_with(**label)) else {
            continue;
        };
        let Some(value) = norm_line[label.len()..].trim_start().strip_prefix(':') else { continue };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let value_start = norm_line.len() - norm_line[label.len()..].trim_start().len() + 1;
        let value_start = value_start
            + (norm_line[value_start..].len() - norm_line[value_start..].trim_start().len());
        let original = norm.to_original(Span::new(value_start, value_start + value.len()));
        let value_norm =
            normalize::normalize(&text[original.range()], original.start as usize, Lang::Unknown);
        return Some((value_norm, norm));
    }
    None
}

/// Category values split at commas, slashes and bars, each as written, with its span.
fn split_categories(text: &str, value: &NormText) -> Vec<Field> {
    let mut acc = Vec::new();
    let mut offset = 0;
    let value_text = value.as_str();
    for part in value_text.split([',', '/', '|']) {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let start = offset + lead;
            let span = value.to_original(Span::new(start, start + trimmed.len()));
            acc.push(Field { value: text[span.range()].trim().to_owned(), span });
        }
        offset += part.len() + 1;
    }
    acc
}

#[cfg(test)]
mod tests;
