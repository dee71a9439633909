//! Separates the article from the page furniture around it.
//!
//! The input is a page's text, laid out one block a line (plain text as it came; HTML as
//! `ingest` laid it out, with markup hints). Each line is judged on general signals that
//! hold on sites we have never seen:
//! - its shape: word count, sentence punctuation, a `key: value` form, digits and times,
//!   a bare code of digits and dashes, a word between slashes, a trailing required-field `*`;
//! - its place: before the first or after the last line of running text;
//! - its relation to the rest: a repetition of the title, a caption made only of names the
//!   article already uses, a line that many documents of the same source also carry;
//! - for HTML, its markup: navigation, footer, aside, form, furniture classes, link density,
//!   and whether it lies outside the container the reader chose as the article.
//!
//! **Invariant:** a line that reads as running text (eight words or more that end in sentence
//! punctuation) is never removed on shape or place alone.

use std::collections::HashMap;

use model::{
    Block, BlockKind, Chrome, ChromeKind, InputFormat, Lang, MarkupHint, RawArticle, Span,
};

use crate::{normalize, script};

/// The cleaned page: a title, the body blocks and the removed furniture.
///
/// Only this stage constructs it, so the later stages can rely on it having run.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub(crate) title: Option<Title>,
    pub(crate) body: Vec<BodyBlock>,
    pub(crate) chrome: Vec<Chrome>,
}

/// The title: its text and, when it stands in the original text, its span.
#[derive(Debug, Clone)]
pub(crate) struct Title {
    pub(crate) text: String,
    pub(crate) span: Option<Span>,
}

/// A block of the article body.
#[derive(Debug, Clone, Copy)]
pub struct BodyBlock {
    pub(crate) span: Span,
    pub(crate) is_heading: bool,
}

impl Cleaned {
    /// The body blocks' spans, in order.
    pub fn body_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.body.iter().map(|it| it.span)
    }

    /// The removed furniture, in order of position.
    pub fn chrome(&self) -> &[Chrome] {
        &self.chrome
    }
}

/// Lines that recur across many documents of one source, found by `RepeatedLines::observe`.
///
/// The batch runner feeds it every article of a run, a window at a time, before processing
/// that window; its memory is bounded by `RepeatedLines::MAX_KEYS`.
#[derive(Debug, Default, Clone)]
pub struct RepeatedLines {
    /// `(source, line key)` → number of documents seen with that line.
    counts: HashMap<(u64, u64), u32>,
}

impl RepeatedLines {
    /// Documents that must carry a line before it counts as the source's furniture.
    pub const MIN_DOCUMENTS: u32 = 5;
    /// Most keys kept; past it, keys seen only once are forgotten.
    pub const MAX_KEYS: usize = 1 << 21;

    /// Counts the short lines of one article under its source.
    pub fn observe(&mut self, raw: &RawArticle) {
        let source = source_key(raw);
        let mut keys: Vec<u64> =
            lines(raw).iter().filter_map(|line| line.repeat_key(&raw.text)).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            *self.counts.entry((source, key)).or_insert(0) += 1;
        }
        if self.counts.len() > Self::MAX_KEYS {
            self.counts.retain(|_, n| *n > 1);
        }
    }

    fn is_repeated(&self, source: u64, key: u64) -> bool {
        self.counts.get(&(source, key)).is_some_and(|&n| n >= Self::MIN_DOCUMENTS)
    }
}

/// The source an article's boilerplate is counted under: its outlet, else its URL's host,
/// else the folder it was read from.
fn source_key(raw: &RawArticle) -> u64 {
    let name = match (&raw.source, &raw.url) {
        (Some(source), _) => source.as_str(),
        (None, Some(url)) => url_host(url),
        (None, None) => raw.origin.rsplit_once('/').map_or("", |(dir, _)| dir),
    };
    fnv1a(name.as_bytes())
}

fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// 64-bit FNV-1a: small, stable across versions and platforms, good enough for keys.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// One line of the page, with what the reader said of it.
#[derive(Debug, Clone)]
struct Line<'a> {
    span: Span,
    kind: Option<BlockKind>,
    link_bytes: u32,
    hints: &'a [MarkupHint],
}

impl Line<'_> {
    fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }

    /// The key under which a short line is counted across documents; long lines get none.
    fn repeat_key(&self, text: &str) -> Option<u64> {
        let line = self.text(text);
        // Twelve words never take more than a few hundred bytes: skip the count for long lines.
        if line.len() > 480 {
            return None;
        }
        let n_words = words(line).count();
        if n_words == 0 || n_words > 12 {
            return None;
        }
        Some(fnv1a(normalize::normalize(line, 0, Lang::Unknown).as_str().as_bytes()))
    }
}

/// The page's lines: HTML blocks as the reader laid them out, other text split at line breaks.
fn lines(raw: &RawArticle) -> Vec<Line<'_>> {
    if !raw.blocks.is_empty() {
        return raw
            .blocks
            .iter()
            .filter_map(|block: &Block| {
                let span = trim_span(&raw.text, block.span)?;
                Some(Line {
                    span,
                    kind: Some(block.kind),
                    link_bytes: block.link_bytes,
                    hints: &block.hints,
                })
            })
            .collect();
    }
    let mut acc = Vec::new();
    let mut start = 0;
    for piece in raw.text.split_inclusive('\n') {
        let end = start + piece.len();
        if let Some(span) = trim_span(&raw.text, Span::new(start, end)) {
            acc.push(Line { span, kind: None, link_bytes: 0, hints: &[] });
        }
        start = end;
    }
    acc
}

/// Shrinks a span to exclude surrounding whitespace and invisible format characters.
fn trim_span(text: &str, span: Span) -> Option<Span> {
    let piece = &text[span.range()];
    let is_blank = |c: char| c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}');
    let trimmed_start = piece.len() - piece.trim_start_matches(is_blank).len();
    let trimmed = piece.trim_matches(is_blank);
    if trimmed.is_empty() {
        return None;
    }
    let start = span.start as usize + trimmed_start;
    Some(Span::new(start, start + trimmed.len()))
}

/// Words: maximal runs of letters, digits and joiners.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(script::is_alphanumeric(c) || is_word_joiner(c)))
        .filter(|w| !w.is_empty())
}

fn is_word_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// How a line reads, from its text alone.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// Words, counted up to 31: no rule asks about more than 30.
    n_words: usize,
    /// Ends with `.`, `!`, `?`, `؟`, `…`, a closing quote or bracket after such, or `:`.
    ends_sentence: bool,
    /// Sentence punctuation anywhere in the line.
    has_sentence_punct: bool,
}

impl Shape {
    fn of(line: &str) -> Shape {
        // No rule asks about more than 30 words: counting stops after 31.
        let n_words = words(line).take(31).count();
        let tail = line.trim_end_matches(['"', '\'', '»', '”', ')', ']', ' ']);
        let ends_sentence = tail.ends_with(['.', '!', '?', '؟', '…', ':', '。', '۔']);
        let has_sentence_punct = line.contains(['.', '!', '?', '؟', '…', '۔', '،', ',', '؛', ';']);
        Shape { n_words, ends_sentence, has_sentence_punct }
    }

    /// Running text: a sentence long enough that no furniture rule may touch it.
    fn is_running_text(self) -> bool {
        self.n_words >= 8 && (self.ends_sentence || self.has_sentence_punct)
    }

    /// Long enough to be body on its own.
    fn is_long(self) -> bool {
        self.n_words >= 8
    }
}

/// Cleans one page.
pub fn clean(raw: &RawArticle, repeated: &RepeatedLines) -> Cleaned {
    let text = raw.text.as_str();
    let all = lines(raw);
    let mut verdicts: Vec<Option<(ChromeKind, &'static str)>> = vec![None; all.len()];
    let mut chrome_extra: Vec<Chrome> = Vec::new();
    let mut spans: Vec<Span> = all.iter().map(|l| l.span).collect();
    let mut shapes: Vec<Shape> = spans.iter().map(|s| Shape::of(&text[s.range()])).collect();

    let title = find_title(raw, &all, &mut verdicts);

    // Markup, link density and cross-document repetition.
    let source = source_key(raw);
    for (idx, line) in all.iter().enumerate() {
        if verdicts[idx].is_some() {
            continue;
        }
        let shape = shapes[idx];
        let link_share = line.link_bytes as f32 / line.span.len().max(1) as f32;
        // Articles split over sibling sections leave running text outside the one container
        // the reader chose: a long, unlinked paragraph with no other furniture sign stays.
        let is_stray_running_text = line.hints == [MarkupHint::OutsideMain]
            && shape.n_words >= STRAY_TEXT_WORDS
            && shape.ends_sentence
            && link_share < 0.2;
        if let Some(hint) = line.hints.first()
            && !is_stray_running_text
        {
            verdicts[idx] = Some((ChromeKind::Markup, hint_reason(*hint)));
            continue;
        }
        if line.kind == Some(BlockKind::Caption) {
            verdicts[idx] = Some((ChromeKind::Caption, "a figure caption"));
            continue;
        }
        if line.kind.is_some() && link_share > 0.3 && !shape.is_running_text() {
            verdicts[idx] = Some((ChromeKind::LinkDense, "mostly link text"));
            continue;
        }
        if let Some(key) = line.repeat_key(text)
            && !shape.is_running_text()
            && repeated.is_repeated(source, key)
        {
            verdicts[idx] =
                Some((ChromeKind::Repeated, "carried by many documents of this source"));
        }
    }

    // Where running text begins and ends, judged on shape alone: the zone where lines are
    // presumed to be the article's.
    let is_running = |idx: usize| shapes[idx].is_running_text() && verdicts[idx].is_none();
    let first_running = (0..all.len()).find(|&i| is_running(i));
    let last_running = (0..all.len()).rfind(|&i| is_running(i));
    let is_inside = |idx: usize| {
        first_running.is_some_and(|f| idx > f) && last_running.is_some_and(|l| idx < l)
    };

    // Shape rules, line by line.
    let mut after_end_marker = false;
    for (idx, line) in all.iter().enumerate() {
        if after_end_marker && verdicts[idx].is_none() {
            let line_text = line.text(text);
            verdicts[idx] = shape_verdict(line_text, shapes[idx], is_inside(idx));
            if verdicts[idx].is_none() && !shapes[idx].is_running_text() {
                verdicts[idx] = Some((ChromeKind::Navigation, "after the end marker"));
            }
            continue;
        }
        if verdicts[idx].is_some() {
            continue;
        }
        let line_text = line.text(text);
        if is_end_marker(line_text) {
            verdicts[idx] = Some((ChromeKind::EndMarker, "a word between slashes"));
            after_end_marker = true;
            continue;
        }
        if let Some(marker_len) = trailing_end_marker(line_text) {
            let cut = line.span.end as usize - marker_len;
            chrome_extra.push(Chrome {
                span: Span::new(cut, line.span.end as usize),
                kind: ChromeKind::EndMarker,
                reason: "a word between slashes",
            });
            spans[idx] =
                trim_span(text, Span::new(line.span.start as usize, cut)).unwrap_or(line.span);
            shapes[idx] = Shape::of(&text[spans[idx].range()]);
            after_end_marker = true;
            continue;
        }
        verdicts[idx] = shape_verdict(line_text, shapes[idx], is_inside(idx));
    }

    // Place rules: short unpunctuated lines before the first or after the last running text.
    let is_body: Vec<bool> =
        (0..all.len()).map(|i| verdicts[i].is_none() && shapes[i].is_long()).collect();
    let first_body = is_body.iter().position(|&b| b);
    let last_body = is_body.iter().rposition(|&b| b);
    let body_lines: Vec<&str> =
        (0..all.len()).filter(|&i| is_body[i]).map(|i| &text[spans[i].range()]).collect();
    for idx in 0..all.len() {
        if verdicts[idx].is_some() {
            continue;
        }
        let line_text = &text[spans[idx].range()];
        let shape = shapes[idx];
        if shape.is_long() {
            continue;
        }
        let is_after = last_body.is_some_and(|last| idx > last);
        let is_before = first_body.is_some_and(|first| idx < first);
        // In HTML every block after the last running paragraph is short by construction:
        // share prompts and rating questions end in `?` as sentences do.
        let is_html = all[idx].kind.is_some();
        let keeps_after = shape.ends_sentence && shape.n_words >= 4 && !is_html;
        if is_after && !keeps_after {
            verdicts[idx] = Some((ChromeKind::Navigation, "short line after the article"));
            continue;
        }
        if all[idx].kind == Some(BlockKind::Paragraph)
            && shape.n_words <= 3
            && !shape.has_sentence_punct
        {
            verdicts[idx] =
                Some((ChromeKind::Label, "a short unpunctuated block (ad label, credit, name)"));
            continue;
        }
        if shape.ends_sentence || shape.n_words > 5 {
            continue;
        }
        if is_label(line_text) {
            verdicts[idx] = Some((ChromeKind::Label, "short label with a separator"));
            continue;
        }
        let is_markup_heading = matches!(all[idx].kind, Some(BlockKind::Heading(_)));
        if is_before && shape.n_words <= 3 && !shape.has_sentence_punct && !is_markup_heading {
            verdicts[idx] =
                Some((ChromeKind::Label, "a short line before the article (byline or label)"));
            continue;
        }
        if shape.n_words > 4 || is_before {
            continue;
        }
        // A photo caption repeats a name as the article writes it, word for word; a subheading
        // ("الأزمة الإسبانية", "6. تطبيق «إنستغرام»") does not, or carries digits and quotes.
        let is_plain = !line_text
            .contains(|c: char| script::is_digit(c) || matches!(c, '«' | '»' | '"' | '(' | ')'));
        if is_plain && body_lines.iter().any(|line| line.contains(line_text)) {
            verdicts[idx] = Some((ChromeKind::Caption, "repeats names from the article"));
        }
    }

    // A heading over nothing but furniture ("Related articles", "Most read") is furniture too.
    for idx in 0..all.len() {
        if verdicts[idx].is_some() || !is_heading_line(all[idx].kind, shapes[idx]) {
            continue;
        }
        let next = (idx + 1..all.len())
            .find(|&i| verdicts[i].is_none() || !is_heading_line(all[i].kind, shapes[i]));
        let heads_furniture = match next {
            Some(next) => verdicts[next].is_some_and(|(kind, _)| kind != ChromeKind::Title),
            None => false,
        };
        let runs_to_furniture_or_end = heads_furniture
            && (next.unwrap_or(idx) + 1..all.len())
                .take_while(|&i| !is_heading_line(all[i].kind, shapes[i]))
                .all(|i| verdicts[i].is_some());
        if runs_to_furniture_or_end {
            verdicts[idx] = Some((ChromeKind::Navigation, "a heading over furniture"));
        }
    }

    let mut chrome = chrome_extra;
    let mut body = Vec::new();
    for (idx, verdict) in verdicts.iter().enumerate() {
        match verdict {
            // The title has its own field; only its repetitions are listed as furniture.
            Some((ChromeKind::Title, TITLE)) => {}
            Some((kind, reason)) => chrome.push(Chrome { span: spans[idx], kind: *kind, reason }),
            None => {
                let shape = shapes[idx];
                let is_heading = matches!(all[idx].kind, Some(BlockKind::Heading(_)))
                    || (!shape.ends_sentence && !shape.has_sentence_punct && shape.n_words <= 12);
                body.push(BodyBlock { span: spans[idx], is_heading });
            }
        }
    }
    chrome.sort_by_key(|c| (c.span.start, c.span.end));
    Cleaned { title, body, chrome }
}

/// Words a paragraph outside the chosen container needs to be kept as article text.
const STRAY_TEXT_WORDS: usize = 10;

/// A heading: a markup heading, or a short unpunctuated line in plain text.
fn is_heading_line(kind: Option<BlockKind>, shape: Shape) -> bool {
    match kind {
        Some(BlockKind::Heading(_)) => true,
        Some(_) => false,
        None => !shape.has_sentence_punct && shape.n_words <= 8,
    }
}

/// The verdict reason of the title line itself, which is not listed as furniture.
const TITLE: &str = "the title";

fn hint_reason(hint: MarkupHint) -> &'static str {
    match hint {
        MarkupHint::Navigation => "inside navigation markup",
        MarkupHint::Footer => "inside a footer",
        MarkupHint::Aside => "inside an aside",
        MarkupHint::Form => "inside a form",
        MarkupHint::BoilerplateClass => "inside a furniture class (share, related, comments, ads)",
        MarkupHint::OutsideMain => "outside the article container",
    }
}

/// Picks the title and marks every line that repeats it.
///
/// A metadata title wins. Otherwise, for plain text, the first line is the title when it is
/// short and does not end like a sentence; a page that opens with running text has no title.
fn find_title(
    raw: &RawArticle,
    all: &[Line<'_>],
    verdicts: &mut [Option<(ChromeKind, &'static str)>],
) -> Option<Title> {
    let text = raw.text.as_str();
    let key = |s: &str| normalize::normalize(s, 0, Lang::Unknown).as_str().to_owned();
    let mut title = match raw.title.as_deref().map(str::trim) {
        Some(given) if !given.is_empty() => Some(Title { text: given.to_owned(), span: None }),
        _ => None,
    };
    let title_key = match &title {
        Some(t) => key(&t.text),
        None => {
            let first = all.first()?;
            let first_text = first.text(text);
            let shape = Shape::of(first_text);
            let is_heading_block = matches!(first.kind, Some(BlockKind::Heading(_)));
            let is_title_shaped = shape.n_words >= 2 && shape.n_words <= 30 && !shape.ends_sentence;
            if raw.format != InputFormat::Text && !is_heading_block || !is_title_shaped {
                return None;
            }
            title = Some(Title { text: first_text.to_owned(), span: Some(first.span) });
            verdicts[0] = Some((ChromeKind::Title, TITLE));
            key(first_text)
        }
    };
    if title_key.is_empty() {
        return title;
    }
    for (idx, line) in all.iter().enumerate() {
        if verdicts[idx].is_some() || line.span.len() > 4 * title_key.len() + 64 {
            continue;
        }
        let line_key = key(line.text(text));
        if line_key == title_key {
            let is_first_sighting = title.as_ref().is_some_and(|t| t.span.is_none());
            if is_first_sighting {
                if let Some(t) = title.as_mut() {
                    t.span = Some(line.span);
                }
                verdicts[idx] = Some((ChromeKind::Title, TITLE));
            } else {
                verdicts[idx] = Some((ChromeKind::Title, "repeats the title"));
            }
        }
    }
    title
}

/// Furniture decided by the line's shape alone, or `None` for "maybe body".
fn shape_verdict(line: &str, shape: Shape, is_inside: bool) -> Option<(ChromeKind, &'static str)> {
    if is_code(line) {
        return Some((ChromeKind::Code, "digits and punctuation only"));
    }
    if line.trim_end().ends_with('*') && !shape.is_running_text() || line.trim_end().ends_with(" *")
    {
        return Some((ChromeKind::Form, "a required-field mark"));
    }
    if shape.is_running_text() {
        return None;
    }
    // Between the first and last running text, date and `key: value` lines are mostly the
    // article's own (a list of films with years, a fact box); only a clock time marks a dateline.
    if is_date_line(line) && (!is_inside || has_clock_time(line)) {
        return Some((ChromeKind::Metadata, "a date or time line"));
    }
    if is_label(line) {
        return Some((ChromeKind::Label, "short label with a separator"));
    }
    if is_key_value(line) && !is_inside {
        return Some((ChromeKind::Metadata, "a short key: value line"));
    }
    None
}

/// `/انتهى/`, `(end)`, `-30-`: one or two words between a pair of slashes, brackets or dashes;
/// also `انتهای پیام/`, the Persian agencies' form with a closing slash only.
fn is_end_marker(line: &str) -> bool {
    let line = line.trim();
    if let Some(inner) = line.strip_suffix('/')
        && !inner.contains('/')
        && (1..=2).contains(&words(inner).count())
        && inner.chars().count() <= 16
        && inner.chars().all(|c| script::is_letter(c) || c == ' ' || is_word_joiner(c))
    {
        return true;
    }
    let inner = match (line.chars().next(), line.chars().last()) {
        (Some('/'), Some('/'))
        | (Some('('), Some(')'))
        | (Some('['), Some(']'))
        | (Some('-'), Some('-')) => {
            let open = line.chars().next().map_or(0, char::len_utf8);
            let close = line.chars().last().map_or(0, char::len_utf8);
            if line.len() < open + close {
                return false;
            }
            &line[open..line.len() - close]
        }
        _ => return false,
    };
    let n_words = words(inner).count();
    (1..=2).contains(&n_words) && inner.chars().count() <= 16 && !inner.contains(['/', '(', ')'])
}

/// The byte length of an end marker such as `/انتهى/` closing a line of text, if any.
fn trailing_end_marker(line: &str) -> Option<usize> {
    let body = line.strip_suffix('/')?;
    let open = body.rfind('/')?;
    let inner = &body[open + 1..];
    let n_words = words(inner).count();
    let is_marker = (1..=2).contains(&n_words)
        && inner.chars().count() <= 16
        && inner.chars().all(|c| script::is_letter(c) || c == ' ' || is_word_joiner(c));
    // A marker needs text before it: a line that is only the marker is handled whole.
    let is_marker = is_marker && !line[..open].trim().is_empty();
    is_marker.then(|| line.len() - open)
}

/// A bare code: digits and punctuation, at most a short run, such as `109-3` or `#4512`.
fn is_code(line: &str) -> bool {
    let line = line.trim();
    let n_digits = line.chars().filter(|&c| script::is_digit(c)).count();
    line.chars().count() <= 24
        && n_digits > 0
        && line.chars().all(|c| script::is_digit(c) || c.is_ascii_punctuation() || c == ' ')
        && !line.contains(':')
}

/// A date or time line: at most twelve words, with a clock time or a year, and mostly numbers
/// and month or weekday names rather than prose.
fn is_date_line(line: &str) -> bool {
    let n_words = words(line).take(13).count();
    if n_words > 12 {
        return false;
    }
    let has_time = has_clock_time(line);
    let numbers: Vec<u32> = words(line).filter_map(parse_number).collect();
    let has_year =
        numbers.iter().any(|&n| (1300..=1500).contains(&n) || (1900..=2100).contains(&n));
    let numeric_share = numbers.len() as f32 / n_words.max(1) as f32;
    let is_sentence = line.trim_end().ends_with('.');
    !is_sentence && ((has_time || has_year) && numeric_share >= 0.3 || has_time && has_year)
}

/// `16:35`, `٠٤:٥٩`: one or two digits, a colon, two digits.
fn has_clock_time(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        c == ':'
            && i >= 1
            && script::is_digit(chars[i - 1])
            && chars.get(i + 1).is_some_and(|&c| script::is_digit(c))
            && chars.get(i + 2).is_some_and(|&c| script::is_digit(c))
            && !chars.get(i + 3).is_some_and(|&c| script::is_digit(c))
    })
}

/// Parses a word of digits in any of the three digit systems.
fn parse_number(word: &str) -> Option<u32> {
    let mut value: u32 = 0;
    for c in word.chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '٠'..='٩' => c as u32 - '٠' as u32,
            '۰'..='۹' => c as u32 - '۰' as u32,
            _ => return None,
        };
        value = value.checked_mul(10)?.checked_add(digit)?;
    }
    (!word.is_empty()).then_some(value)
}

/// `کد خبر: ۲۶۸۸۱۲`, `المصدر : فارس`: a key of one or two words, a colon, a short value.
fn is_key_value(line: &str) -> bool {
    let Some((key, value)) = line.split_once(':') else {
        return false;
    };
    let n_key = words(key).count();
    let n_value = words(value).count();
    (1..=2).contains(&n_key) && (1..=4).contains(&n_value) && !value.trim_end().ends_with('.')
}

/// `العالم - ايران`, `Home | World`: a few words around a dash, bar or chevron.
fn is_label(line: &str) -> bool {
    // `3 - المعادن الثمينة`: a numbered item of a list, not a label.
    if line.trim_start().starts_with(|c: char| script::is_digit(c)) {
        return false;
    }
    let n_words = words(line).count();
    let has_separator = [" - ", " ـ ", " – ", " — ", " | ", " » ", " > ", " / "]
        .iter()
        .any(|sep| line.contains(sep))
        || line.contains(" ـ") && line.contains("ـ ");
    has_separator && (2..=5).contains(&n_words)
}

#[cfg(test)]
mod tests;
