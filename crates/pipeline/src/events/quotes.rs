//! Quotes: who said what, direct or reported, with spans into the original text.
//!
//! Speech verbs and attributions are the `reported_speech` rows of `data/events/cues.tsv`.
//! A paragraph is read on its normalized form, where every quotation mark is `"`.
//!
//! - **Direct**: words between quotation marks, three words or more, that a speech verb in the
//!   same sentence introduces (`قال: "…"`, `گفت: «…»`), or that a speech verb right after the
//!   closing mark attributes (`"…", he said`), or that follow `Name:`. Marks around a name or a
//!   title with no speech verb (`«برجام»`) are no quote. An unclosed quote runs to the end of
//!   the paragraph.
//! - **Reported**: what a speech verb introduces without quotation marks: after `أن`/`إن`,
//!   `إلى أن`, `على` or a colon (`وقال إن …`, `شدد على ضرورة …`), after `که` or a colon
//!   (`اظهار داشت: …`, `گفت که …`), after `that` or a colon (`said that …`); for the Arabic
//!   opinion verbs (`اعتبر`, `رأى`) right after their subject. It runs to the end of the
//!   sentence or to the next speech verb. The rule is followed as written: without
//!   quotation marks, even Persian speech after a colon counts as reported.
//!
//! The speaker is the subject the language puts in its place: after the verb in Arabic
//! (`وقال شمخاني إن`), before it in Persian (`شمخانی … گفت`) and English (`Abe said`), with
//! English inversion (`said Abe`) too. A verb with no subject in its sentence (`وأضاف`,
//! `وقال:`) carries over the speaker of the quote before it, in the same or the previous
//! paragraph, or else the last person named before it; `is_speaker_in_sentence` says so.

use model::{Entity, EntityKind, Lang, Paragraph, Quote, QuoteKind, Span};

use super::{CueKind, Prepared, ReadParagraph, is_speaker};

/// The fewest words a direct quote has; shorter marked words are names or titles.
const MIN_DIRECT_WORDS: usize = 3;
/// The fewest words reported content has.
const MIN_REPORTED_WORDS: usize = 3;
/// How many words after a speech verb its content may start (the subject and its titles come
/// first in Arabic).
const OPENER_REACH: usize = 16;
/// How many words after an Arabic speech verb its subject may end (titles come first:
/// `أكد أمين المجلس الأعلى للأمن القومي الإيراني علي شمخاني`).
const SUBJECT_REACH: usize = 12;
/// How many words after a closing quotation mark an attributing verb may stand.
const AFTER_QUOTE_REACH: usize = 4;
/// How many paragraphs back a dropped subject may find the previous speaker.
const CARRY_REACH: usize = 2;

/// A paragraph's words, normalized, with the sentence each belongs to.
struct Para<'a> {
    paragraph: &'a Paragraph,
    /// Word spans in `paragraph.norm`.
    words: &'a [(usize, usize)],
    /// Word index ranges of the sentences.
    sentences: Vec<(usize, usize)>,
}

impl<'a> Para<'a> {
    fn new(read: &'a ReadParagraph<'a>) -> Para<'a> {
        let sentences = read.sentences.iter().map(|s| (s.first, s.last)).collect();
        Para { paragraph: read.paragraph, words: read.words, sentences }
    }

    fn word(&self, idx: usize) -> &str {
        let (s, e) = self.words[idx];
        &self.paragraph.norm[s..e]
    }

    /// The sentence that holds word `idx` (or the normalized offset of a mark).
    fn sentence_of_word(&self, idx: usize) -> usize {
        self.sentences
            .iter()
            .position(|&(s, e)| s <= idx && idx < e)
            .unwrap_or_else(|| self.sentences.iter().rposition(|&(s, _)| s <= idx).unwrap_or(0))
    }

    /// The index of the first word that starts at or after a normalized offset.
    fn word_at(&self, offset: usize) -> usize {
        self.words.partition_point(|&(s, _)| s < offset)
    }

    fn original(&self, start: usize, end: usize) -> Span {
        self.paragraph.to_original(Span::new(start, end))
    }

    /// The original span of words `first..last` (last exclusive).
    fn original_words(&self, first: usize, last: usize) -> Span {
        self.original(self.words[first].0, self.words[last - 1].1)
    }

    /// The index of the word whose original span holds or follows an original offset.
    fn original_word_at(&self, offset: u32) -> usize {
        self.words.partition_point(|&(s, e)| self.original(s, e).end <= offset)
    }

    fn sentence_span(&self, sentence: usize) -> Span {
        self.paragraph.sentences.get(sentence).map_or(self.paragraph.span, |s| s.span)
    }
}

/// A speech verb found in a paragraph, in word indexes.
#[derive(Debug, Clone, Copy)]
struct Verb {
    start: usize,
    end: usize,
    sentence: usize,
}

/// Finds the quotes of a document's body paragraphs, in order of position.
///
/// `entities` are the document's entities, whose indexes the quotes' speakers give.
pub fn find(prepared: &Prepared<'_>, entities: &[Entity]) -> Vec<Quote> {
    let mut res: Vec<Quote> = Vec::new();
    // (paragraph, speaker) of the last quote with a speaker, for dropped subjects.
    let mut last_speaker: Option<(usize, usize)> = None;
    for (p_idx, read) in prepared.paragraphs.iter().enumerate() {
        if !read.is_read {
            continue;
        }
        let paragraph = read.paragraph;
        let lang = paragraph.lang.lang;
        let para = Para::new(read);
        let mut verbs: Vec<Verb> = Vec::new();
        for (s_idx, sentence) in read.sentences.iter().enumerate() {
            for cue in &sentence.cues {
                if cue.kind == (CueKind::Speech { is_attribution: false }) {
                    verbs.push(Verb {
                        start: sentence.first + cue.start,
                        end: sentence.first + cue.end,
                        sentence: s_idx,
                    });
                }
            }
        }
        let marks = quote_marks(&paragraph.norm);
        // Each quote with its verb and the word where its content starts.
        let mut found: Vec<(Quote, Option<Verb>, usize)> = Vec::new();
        let mut used = vec![false; verbs.len()];

        for &(open, close) in &marks {
            let (first, last) = (para.word_at(open + 1), para.word_at(close));
            if last < first + MIN_DIRECT_WORDS {
                continue;
            }
            let sentence = para.sentence_of_word(first);
            // The introducing verb: the nearest before the mark in its sentence …
            let before =
                verbs.iter().enumerate().rfind(|(_, v)| v.sentence == sentence && v.end <= first);
            // … or one right after the closing mark (`"…", he said`).
            let after = verbs.iter().enumerate().find(|(_, v)| {
                v.start >= last
                    && v.start <= last + AFTER_QUOTE_REACH
                    && !is_across_sentence(v, &para, close)
            });
            let colon_name = colon_speaker(&para, entities, open, sentence);
            let chosen = before.or(after);
            if chosen.is_none() && colon_name.is_none() {
                continue;
            }
            if let Some((idx, _)) = chosen {
                used[idx] = true;
            }
            let verb = chosen.map(|(_, v)| *v);
            let text = para.original(para.words[first].0, para.words[last.max(first + 1) - 1].1);
            found.push((
                Quote {
                    kind: QuoteKind::Direct,
                    speaker: colon_name,
                    is_speaker_in_sentence: colon_name.is_some(),
                    cue: verb.map(|v| para.original_words(v.start, v.end)),
                    text,
                    sentence: para.sentence_span(sentence),
                },
                verb,
                first,
            ));
        }

        for (v_idx, verb) in verbs.iter().enumerate() {
            if used[v_idx] {
                continue;
            }
            let (_, s_last) = para.sentences[verb.sentence];
            let following =
                verbs.iter().map(|v| v.start).find(|&s| s >= verb.end).unwrap_or(s_last);
            let Some(open_at) = opener(&para, entities, verb, following, s_last, lang) else {
                continue;
            };
            // The content ends at the sentence's end, the next speech verb or a quotation mark.
            let next_verb = verbs.iter().map(|v| v.start).find(|&s| s > open_at).unwrap_or(s_last);
            let next_mark = marks
                .iter()
                .map(|&(o, _)| para.word_at(o))
                .find(|&w| w >= open_at)
                .unwrap_or(s_last);
            let end = s_last.min(next_verb).min(next_mark);
            if end < open_at + MIN_REPORTED_WORDS {
                continue;
            }
            found.push((
                Quote {
                    kind: QuoteKind::Reported,
                    speaker: None,
                    is_speaker_in_sentence: false,
                    cue: Some(para.original_words(verb.start, verb.end)),
                    text: para.original_words(open_at, end),
                    sentence: para.sentence_span(verb.sentence),
                },
                Some(*verb),
                open_at,
            ));
        }

        found.sort_by_key(|(q, _, _)| q.text.start);
        let first_quote = res.len();
        for (mut quote, verb, content) in found {
            if quote.speaker.is_none()
                && let Some(verb) = verb
            {
                quote.speaker =
                    subject(&para, entities, &verb, content, lang).map(|idx| holder(entities, idx));
            }
            if quote.speaker.is_none() {
                // No subject of its own: the speaker of an earlier quote in the sentence, or
                // the first person the sentence names before the verb (`أعرب مملوك … مؤكدا أن`).
                let cue_start = quote.cue.map_or(quote.text.start, |c| c.start);
                let earlier = &res[first_quote..];
                quote.speaker = earlier
                    .iter()
                    .rev()
                    .find(|q| q.sentence == quote.sentence && q.speaker.is_some())
                    .and_then(|q| q.speaker)
                    .or_else(|| {
                        entities.iter().position(|e| {
                            e.kind == EntityKind::Person
                                && e.span.start >= quote.sentence.start
                                && e.span.end <= cue_start
                                && !earlier.iter().any(|q| {
                                    q.text.start <= e.span.start && e.span.end <= q.text.end
                                })
                        })
                    });
            }
            quote.is_speaker_in_sentence = quote.speaker.is_some();
            if quote.speaker.is_none() {
                quote.speaker = last_speaker
                    .filter(|&(p, _)| p + CARRY_REACH >= p_idx)
                    .map(|(_, s)| s)
                    .or_else(|| last_person_before(entities, quote.text.start));
            }
            if let Some(speaker) = quote.speaker {
                last_speaker = Some((p_idx, speaker));
            }
            res.push(quote);
        }
    }
    res
}

/// Whether a sentence ends between a closing mark and a verb after it: then the verb opens
/// speech of its own and does not attribute the quote (`"…", he said` does).
fn is_across_sentence(verb: &Verb, para: &Para<'_>, close: usize) -> bool {
    let end = para.words[verb.start].0;
    close >= end || para.paragraph.norm[close..end].contains(['.', '!', '?'])
}

/// The pairs of quotation marks in a normalized paragraph, as byte offsets `(open, close)`;
/// an unclosed one closes at the end.
fn quote_marks(norm: &str) -> Vec<(usize, usize)> {
    let offsets: Vec<usize> = norm.match_indices('"').map(|(i, _)| i).collect();
    offsets.chunks(2).map(|pair| (pair[0], pair.get(1).copied().unwrap_or(norm.len()))).collect()
}

/// `Name: "…"` or `Name: …`: the person or organization that a colon right before an opening
/// mark follows.
fn colon_speaker(
    para: &Para<'_>,
    entities: &[Entity],
    open: usize,
    sentence: usize,
) -> Option<usize> {
    let before = para.paragraph.norm[..open].trim_end();
    let before = before.strip_suffix(':')?.trim_end();
    let (s_first, _) = para.sentences[sentence];
    let start = para.words.get(s_first).map_or(0, |w| w.0);
    if before.len() <= start {
        return None;
    }
    let end = para.original(before.len(), before.len()).start;
    entities.iter().position(|e| is_speaker(e) && e.span.end == end)
}

/// The word where a speech verb's content starts, if the verb introduces reported content.
fn opener(
    para: &Para<'_>,
    entities: &[Entity],
    verb: &Verb,
    next_verb: usize,
    s_last: usize,
    lang: Lang,
) -> Option<usize> {
    let reach = (verb.end + OPENER_REACH).min(s_last).min(next_verb);
    // A colon right after the verb or its subject opens the content.
    for w in verb.end..reach {
        let gap_start =
            if w == verb.end { para.words[verb.end - 1].1 } else { para.words[w - 1].1 };
        if para.paragraph.norm[gap_start..para.words[w].0].contains(':') {
            return Some(w);
        }
        let word = para.word(w);
        let is_in_entity = || {
            let span = para.original_words(w, w + 1);
            entities.iter().any(|e| e.span.start <= span.start && span.end <= e.span.end)
        };
        match lang {
            Lang::Ar => {
                let bare = word.strip_prefix('و').unwrap_or(word);
                if matches!(bare, "ان" | "بان" | "لان") {
                    return Some(w + 1);
                }
                if bare == "الي"
                    && para.words.get(w + 1).is_some()
                    && w + 1 < s_last
                    && para.word(w + 1) == "ان"
                {
                    return Some(w + 2);
                }
                if matches!(bare, "علي" | "الي")
                    && w == first_free_word(para, entities, verb.end, reach)
                    && !is_in_entity()
                {
                    return Some(w + 1);
                }
            }
            Lang::Fa => {
                if word == "كه" {
                    return Some(w + 1);
                }
            }
            _ => {
                if word == "that" {
                    return Some(w + 1);
                }
            }
        }
    }
    // Arabic opinion verbs take their content right after their subject: `اعتبر شمخاني رفض …`.
    if lang == Lang::Ar {
        let verb_word = para.word(verb.start);
        let bare = verb_word.strip_prefix('و').unwrap_or(verb_word);
        if matches!(bare, "اعتبر" | "اعتبرت" | "راي" | "رات" | "معتبرا" | "معتبره")
        {
            let w = first_free_word(para, entities, verb.end, reach);
            if w > verb.end && w < s_last {
                return Some(w);
            }
        }
    }
    None
}

/// The first word at or after `from` that no entity covers: where a verb's complement begins
/// once its subject is read.
fn first_free_word(para: &Para<'_>, entities: &[Entity], from: usize, to: usize) -> usize {
    let mut w = from;
    // Skip the subject: the entities that follow the verb one after the other.
    while w < to {
        let span = para.original_words(w, w + 1);
        let covering =
            entities.iter().find(|e| e.span.start <= span.start && span.end <= e.span.end);
        match covering {
            Some(e) => {
                let end_word =
                    para.words.partition_point(|&(s, _)| para.original(s, s).start < e.span.end);
                w = end_word.max(w + 1);
            }
            None => return w,
        }
    }
    w
}

/// The speaker a verb's sentence names, by the language's word order.
fn subject(
    para: &Para<'_>,
    entities: &[Entity],
    verb: &Verb,
    content: usize,
    lang: Lang,
) -> Option<usize> {
    let (s_first, s_last) = para.sentences[verb.sentence];
    // The subject stands before the content; what the speaker says names others.
    let s_last = s_last.min(content).max(verb.end);
    let verb_span = para.original_words(verb.start, verb.end);
    let sentence_span = para.original_words(s_first, s_last.max(s_first + 1));
    let in_range = |from: u32, to: u32| -> Vec<(usize, &Entity)> {
        entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                (is_speaker(e) || e.kind == EntityKind::Office)
                    && e.span.start >= from
                    && e.span.end <= to
                    && !is_in_title(entities, e)
                    && !is_deputy_of(para, e)
            })
            .collect()
    };
    // A person or an office makes a subject wherever it stands in the subject's place; a
    // country or an organization only right at it (`وقالت إيران`, `ایران اعلام کرد`), since
    // elsewhere it is more often part of a longer description.
    let is_strong = |e: &Entity| matches!(e.kind, EntityKind::Person | EntityKind::Office);
    let word_gap = |from: u32, to: u32| {
        let (a, b) = (para.original_word_at(from), para.original_word_at(to));
        b.saturating_sub(a)
    };
    match lang {
        Lang::Ar => {
            let reach = (verb.end + SUBJECT_REACH).min(s_last);
            let reach_end = if reach > verb.end {
                para.original_words(verb.end, reach).end
            } else {
                verb_span.end
            };
            let after = in_range(verb_span.end, reach_end);
            if let Some(&(idx, _)) = after.iter().find(|(_, e)| is_strong(e)) {
                return Some(idx);
            }
            if let Some(&(idx, e)) = after.first()
                && word_gap(verb_span.end, e.span.start) <= 1
            {
                return Some(idx);
            }
            // `شمخاني قال إن …`: a name that opens the sentence right before the verb.
            in_range(sentence_span.start, verb_span.start)
                .first()
                .filter(|(_, e)| {
                    e.span.start == sentence_span.start
                        && word_gap(e.span.end, verb_span.start) == 0
                })
                .map(|&(i, _)| i)
        }
        Lang::Fa => {
            let before = in_range(sentence_span.start, verb_span.start);
            if let Some(&(idx, _)) = before.iter().find(|(_, e)| is_strong(e)) {
                return Some(idx);
            }
            before
                .first()
                .filter(|(_, e)| word_gap(sentence_span.start, e.span.start) == 0)
                .map(|&(i, _)| i)
        }
        _ => {
            // The nearest person or office before the verb; a place or body between them is
            // more often part of an apposition (`Macron, the first … to visit Lebanon, told`).
            let before = in_range(sentence_span.start, verb_span.start);
            if let Some(&(idx, _)) =
                before.iter().rev().find(|(_, e)| is_strong(e)).or(before.last())
            {
                return Some(idx);
            }
            in_range(verb_span.end, sentence_span.end).first().map(|&(i, _)| i)
        }
    }
}

/// For an office that speaks (`دبیر شورای عالی امنیت ملی گفت`), the person the document
/// names in that office, when it names one; otherwise the office itself.
fn holder(entities: &[Entity], idx: usize) -> usize {
    let office = &entities[idx];
    if office.kind != EntityKind::Office {
        return idx;
    }
    entities
        .iter()
        .position(|p| {
            p.kind == EntityKind::Person
                && p.office.is_some()
                && p.office == office.actor
                && (office.country.is_none() || p.country == office.country)
        })
        .unwrap_or(idx)
}

/// Whether an entity is part of a person's title (`أمين المجلس الأعلى للأمن القومي`), which
/// names the office, not the speaker.
fn is_in_title(entities: &[Entity], entity: &Entity) -> bool {
    entities.iter().any(|p| {
        p.kind == EntityKind::Person
            && p.role_span.is_some_and(|r| r.start <= entity.span.start && entity.span.end <= r.end)
    })
}

/// Whether an office is named as the one a deputy or envoy serves (`ممثل قائد الثورة`,
/// `نماینده مقام معظم رهبری`, `adviser to the president`): the speaker is the deputy.
fn is_deputy_of(para: &Para<'_>, entity: &Entity) -> bool {
    if entity.kind != EntityKind::Office {
        return false;
    }
    let w = para.original_word_at(entity.span.start);
    let Some(before) = w.checked_sub(1) else { return false };
    let word = para.word(before);
    let word = word.strip_prefix('و').filter(|_| word.starts_with("وم")).unwrap_or(word);
    matches!(
        word,
        "ممثل"
            | "مستشار"
            | "مساعد"
            | "نائب"
            | "نايب"
            | "مبعوث"
            | "نماينده"
            | "مشاور"
            | "معاون"
            | "فرستاده"
            | "to"
            | "of"
    )
}

/// The last person named before an offset, for a verb with no subject of its own.
fn last_person_before(entities: &[Entity], offset: u32) -> Option<usize> {
    entities.iter().rposition(|e| e.kind == EntityKind::Person && e.span.end <= offset)
}

#[cfg(test)]
mod tests;
