//! Where and when each event happened, from what the document says around it.
//!
//! A place comes from, in order:
//! 1. a locative phrase near the trigger in the event's own sentence: `في دمشق`, `بمدينة النجف`,
//!    `في العاصمة السورية دمشق`, `در تهران`, `in Tehran`; for a visit also its destination,
//!    `إلى النجف`, `به تهران`, `to Riyadh`. A country counts only right beside the trigger, a city
//!    or region a little further: `بحث الوضع في سوريا` names a topic, not a place;
//! 2. for a meeting (CONSULT), another sentence that reports the same meeting: one that refers
//!    back to it with a definite meeting noun (`اللقاء الذي جرى … في دمشق`, `در این دیدار`,
//!    `the meeting`) and has a place of its own, or a visit with a place that shares a
//!    participant with it (`عماد خمیس … به تهران سفر می‌کند`);
//! 3. the dateline that opens the article: `النجف -`, `الرياض (رويترز) -`.
//!
//! A charge or a call made in speech (a verbal event inside a quote) takes no place from its
//! own sentence, whose places are what the speaker talks about.
//!
//! A date comes from the date expression in the sentence nearest the trigger, then from the
//! linked sentence, then from the publication date, each marked with how it was found.
//! The stage reads what earlier stages found and adds nothing else; it never guesses a place.

use std::cell::OnceCell;

use model::when::{DateAnchor, DateMention, Published};
use model::{
    DateSource, Entity, EntityKind, Event, EventDate, EventKind, EventPlace, Lang, Paragraph,
    PlaceSource, Quote, Span,
};

use crate::{events, script};

/// How many free words (see `place_in`) a city or region may stand from the trigger.
const PLACE_REACH: usize = 6;
/// How many free words a country may stand from the trigger: only `التقى في سوريا`, with the
/// particle right after the verb.
const COUNTRY_REACH: usize = 1;
/// How many words may stand between a locative particle and its place (`في العاصمة السورية دمشق`).
const MARKER_REACH: usize = 4;
/// How many paragraphs away a sentence may report the same meeting.
const LINK_REACH: usize = 3;
/// How many of the first body paragraphs a dateline may open.
const DATELINE_PARAGRAPHS: usize = 2;

/// Locative particles, normalized: the place follows them.
fn is_locative(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Ar => matches!(word, "في" | "وفي" | "داخل"),
        Lang::Fa => matches!(word, "در" | "دراين"),
        _ => matches!(word, "in" | "at"),
    }
}

/// Particles of a destination, normalized: `إلى دمشق`, `به تهران`, `to Riyadh`.
fn is_destination(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Ar => matches!(word, "الي" | "والي" | "لي"),
        Lang::Fa => matches!(word, "به" | "عازم"),
        _ => matches!(word, "to" | "into"),
    }
}

/// Words that may stand between a particle and its place name, normalized: `العاصمة`, `مدينة`,
/// `شهر`, `the city of`.
fn is_place_noun(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Ar => matches!(
            word,
            "العاصمه"
                | "عاصمه"
                | "مدينه"
                | "المدينه"
                | "محافظه"
                | "ولايه"
                | "منطقه"
                | "بلده"
                | "قريه"
                | "جزيره"
                | "ميناء"
                | "اقليم"
        ),
        Lang::Fa => matches!(
            word,
            "شهر"
                | "پايتخت"
                | "كشور"
                | "استان"
                | "منطقه"
                | "بندر"
                | "جزيره"
                | "روستاي"
                | "شهرستان"
        ),
        _ => matches!(
            word,
            "the" | "city" | "capital" | "of" | "town" | "province" | "region" | "port" | "village"
        ),
    }
}

/// Definite nouns that refer back to a meeting or visit already told, normalized.
fn is_meeting_reference(words: &[&str], idx: usize, lang: Lang) -> bool {
    let word = words[idx];
    match lang {
        Lang::Ar => {
            let bare = word.strip_prefix('و').unwrap_or(word);
            matches!(
                bare,
                "اللقاء"
                    | "الاجتماع"
                    | "الزياره"
                    | "المباحثات"
                    | "المحادثات"
                    | "القمه"
                    | "اللقاءات"
            )
        }
        Lang::Fa => {
            matches!(word, "ديدار" | "ملاقات" | "نشست" | "سفر" | "مذاكرات" | "ديدارها")
                && idx > 0
                && matches!(words[idx - 1], "اين" | "همين")
        }
        _ => {
            matches!(word, "meeting" | "talks" | "visit" | "summit" | "meetings")
                && idx > 0
                && matches!(words[idx - 1], "the" | "this" | "that")
        }
    }
}

/// A sentence's words: normalized, with their spans in the original text.
struct Words<'a> {
    norm: Vec<&'a str>,
    original: Vec<Span>,
    lang: Lang,
}

impl Words<'_> {
    /// The index of the word that holds or follows an original offset.
    fn at(&self, offset: u32) -> usize {
        self.original.partition_point(|w| w.end <= offset)
    }
}

/// One body sentence, located; its words are read when first needed.
struct Located<'a> {
    paragraph: usize,
    span: Span,
    source: &'a Paragraph,
    norm_span: Span,
    words: OnceCell<Words<'a>>,
}

impl<'a> Located<'a> {
    fn words(&self) -> &Words<'a> {
        self.words.get_or_init(|| {
            let paragraph = self.source;
            let range = self.norm_span.range();
            let text = &paragraph.norm[range.clone()];
            let spans: Vec<(usize, usize)> = script::word_spans(text)
                .into_iter()
                .map(|(s, e)| (s + range.start, e + range.start))
                .collect();
            Words {
                norm: spans.iter().map(|&(s, e)| &paragraph.norm[s..e]).collect(),
                original: spans
                    .iter()
                    .map(|&(s, e)| paragraph.to_original(Span::new(s, e)))
                    .collect(),
                lang: paragraph.lang.lang,
            }
        })
    }

    /// The normalized text of the sentence.
    fn norm(&self) -> &'a str {
        &self.source.norm[self.norm_span.range()]
    }
}

/// Every body sentence of the document, in order.
fn located(paragraphs: &[Paragraph]) -> Vec<Located<'_>> {
    let mut res = Vec::new();
    for (p_idx, paragraph) in paragraphs.iter().enumerate() {
        for sentence in &paragraph.sentences {
            res.push(Located {
                paragraph: p_idx,
                span: sentence.span,
                source: paragraph,
                norm_span: sentence.norm_span,
                words: OnceCell::new(),
            });
        }
    }
    res
}

/// Whether a normalized sentence may hold a meeting reference (`is_meeting_reference`), by a
/// substring test that spares the word split of most sentences.
fn may_refer(norm: &str, lang: Lang) -> bool {
    let stems: &[&str] = match lang {
        Lang::Ar => &["اللقاء", "الاجتماع", "الزياره", "المباحثات", "المحادثات", "القمه"],
        Lang::Fa => &["ديدار", "ملاقات", "نشست", "سفر", "مذاكرات"],
        _ => &["meeting", "talks", "visit", "summit"],
    };
    stems.iter().any(|stem| norm.contains(stem))
}

/// What introduces a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Locative,
    Destination,
}

/// What particle introduces the place mention `entity`, if any: a glued `ب` (`بدمشق`), or a
/// particle up to `MARKER_REACH` words before it with only place nouns and adjectives between.
fn marker(words: &Words<'_>, entities: &[Entity], entity: &Entity, text: &str) -> Option<Marker> {
    let w = words.at(entity.span.start);
    let word_span = *words.original.get(w)?;
    if word_span.start < entity.span.start {
        // A clitic in front of the name: only `ب` (in, at) makes it a place of action.
        let prefix = text.get(word_span.start as usize..entity.span.start as usize)?;
        return (words.lang == Lang::Ar && prefix.ends_with('ب')).then_some(Marker::Locative);
    }
    for j in (w.saturating_sub(MARKER_REACH)..w).rev() {
        let word = words.norm[j];
        if is_locative(word, words.lang) {
            return Some(Marker::Locative);
        }
        if is_destination(word, words.lang) {
            return Some(Marker::Destination);
        }
        if words.lang == Lang::Ar {
            // `بمدينة`, `بالعاصمة`: a glued `ب` on a place noun.
            if let Some(rest) = word.strip_prefix('ب').or_else(|| word.strip_prefix("وب"))
                && (is_place_noun(rest, Lang::Ar)
                    || rest.strip_prefix("ال").is_some_and(|r| is_place_noun(r, Lang::Ar)))
            {
                return Some(Marker::Locative);
            }
        }
        let span = words.original[j];
        let is_adjective = entities.iter().any(|e| {
            matches!(e.kind, EntityKind::Nationality | EntityKind::Place)
                && e.span.start <= span.start
                && span.end <= e.span.end
        });
        if !(is_place_noun(word, words.lang) || is_adjective) {
            return None;
        }
    }
    None
}

/// The place of an event told in sentence `s`, whose trigger spans `trigger`: the nearest place
/// introduced by a locative (or, for a visit, a destination) within reach of the trigger.
///
/// Reach counts only the words between that no entity, title or date expression covers, so
/// that `التقى وزير الخارجية الإيراني محمد جواد ظريف اليوم الاثنين في دمشق` is as near as
/// `التقى في دمشق`, while `بحث الجانبان الأوضاع الراهنة في سوريا` keeps its topic apart.
fn place_in(
    s: &Located<'_>,
    entities: &[Entity],
    dates: &[DateMention],
    trigger: Span,
    is_visit: bool,
    text: &str,
) -> Option<usize> {
    let words = s.words();
    let t_first = words.at(trigger.start);
    let t_last = words.at(trigger.end.saturating_sub(1));
    let is_covered = |w: usize| {
        let span = words.original[w];
        let inside = |outer: Span| outer.start <= span.start && span.end <= outer.end;
        is_locative(words.norm[w], words.lang)
            || is_destination(words.norm[w], words.lang)
            || is_place_noun(words.norm[w], words.lang)
            || entities.iter().any(|e| inside(e.span) || e.role_span.is_some_and(inside))
            || dates.iter().any(|d| inside(d.span))
    };
    let mut best: Option<(usize, usize)> = None;
    for (idx, entity) in entities.iter().enumerate() {
        if entity.kind != EntityKind::Place
            || entity.span.start < s.span.start
            || entity.span.end > s.span.end
        {
            continue;
        }
        let w = words.at(entity.span.start);
        let between = if w > t_last {
            t_last + 1..w
        } else if w < t_first {
            w + 1..t_first
        } else {
            continue;
        };
        let distance = between.filter(|&b| !is_covered(b)).count();
        let reach = if entity.is_country() { COUNTRY_REACH } else { PLACE_REACH };
        if distance > reach {
            continue;
        }
        let accepted = match marker(words, entities, entity, text) {
            Some(Marker::Locative) => true,
            Some(Marker::Destination) => is_visit,
            None => false,
        };
        if accepted && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, idx));
        }
    }
    best.map(|(_, idx)| idx)
}

/// The date expression in `span` nearest to `at` that fixes a day or a weekday.
fn date_in(dates: &[DateMention], span: Span, at: Span) -> Option<usize> {
    dates
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.span.start >= span.start
                && d.span.end <= span.end
                && (d.gregorian.is_some() || d.weekday.is_some())
        })
        .min_by_key(|(_, d)| {
            if d.span.start >= at.end {
                d.span.start - at.end
            } else {
                at.start.saturating_sub(d.span.end)
            }
        })
        .map(|(idx, _)| idx)
}

fn date_of(dates: &[DateMention], idx: usize, how: DateSource) -> EventDate {
    let mention = &dates[idx];
    EventDate {
        day: mention.gregorian,
        weekday: mention.weekday.or_else(|| mention.gregorian.map(|d| d.weekday())),
        mention: Some(idx),
        how,
    }
}

/// The place mention that opens one of the first body paragraphs as a dateline:
/// `النجف - …`, `الرياض (رويترز) - …`, `TEHRAN, June 13 -`.
fn dateline(paragraphs: &[Paragraph], entities: &[Entity], text: &str) -> Option<usize> {
    for paragraph in paragraphs.iter().filter(|p| !p.is_heading).take(DATELINE_PARAGRAPHS) {
        let opening = text.get(paragraph.span.range())?;
        let lead = opening.len() - opening.trim_start().len();
        let start = paragraph.span.start + lead as u32;
        let Some(idx) = entities.iter().position(|e| e.span.start == start) else {
            continue;
        };
        if entities[idx].kind != EntityKind::Place {
            continue;
        }
        let after = text.get(entities[idx].span.end as usize..paragraph.span.end as usize)?;
        let after = after.trim_start();
        if after.starts_with(['-', '–', '—', '(', '،', ',']) {
            return Some(idx);
        }
    }
    None
}

/// A participant's identity: its actor id, or the first mention of its chain of short forms.
fn identity(entities: &[Entity], idx: usize) -> String {
    let root = model::resolve(entities, idx);
    entities[root].actor.clone().unwrap_or_else(|| format!("#{root}"))
}

/// A sentence that refers back to a meeting: its index, and the place and date mention it gives.
type Reference = (usize, Option<usize>, Option<usize>);

/// Fills in `place` and `date` of every event; see the module documentation for the order.
pub fn situate(
    text: &str,
    paragraphs: &[Paragraph],
    entities: &[Entity],
    dates: &[DateMention],
    published: Option<&Published>,
    quotes: &[Quote],
    events: &mut [Event],
) {
    if events.is_empty() {
        return;
    }
    let sentences = located(paragraphs);
    let sentence_of = |span: Span| sentences.iter().position(|s| s.span == span);

    // Places and dates each sentence gives to its own events.
    for event in events.iter_mut() {
        let Some(s) = sentence_of(event.sentence) else { continue };
        let is_visit = event.mode.as_deref() == Some("visit");
        // A charge or a call made in speech happened where the speaker spoke; the places in
        // the sentence are what the speaker speaks about.
        let is_said = events::is_speech_act(event.kind)
            && quotes
                .iter()
                .any(|q| q.text.start <= event.trigger.start && event.trigger.end <= q.text.end);
        event.place = if is_said {
            None
        } else {
            place_in(&sentences[s], entities, dates, event.trigger, is_visit, text)
                .map(|entity| EventPlace { entity, how: PlaceSource::Sentence })
        };
        event.date = date_in(dates, event.sentence, event.trigger)
            .map(|idx| date_of(dates, idx, DateSource::Sentence));
    }

    // Sentences that refer back to a meeting, with the place and date they give.
    let mut references: Vec<Reference> = Vec::new();
    for (s_idx, s) in sentences.iter().enumerate() {
        if !may_refer(s.norm(), s.source.lang.lang) {
            continue;
        }
        let words = s.words();
        let Some(w) =
            (0..words.norm.len()).find(|&w| is_meeting_reference(&words.norm, w, words.lang))
        else {
            continue;
        };
        let at = words.original[w];
        let place = place_in(s, entities, dates, at, true, text);
        let date = date_in(dates, s.span, at);
        if place.is_some() || date.is_some() {
            references.push((s_idx, place, date));
        }
    }

    // Visits with a place, and who took part in them.
    let visits: Vec<(Vec<String>, usize)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Consult && !e.is_negated)
        .filter_map(|e| {
            let place = e.place?;
            let who =
                e.actors.iter().chain(&e.recipients).map(|&i| identity(entities, i)).collect();
            Some((who, place.entity))
        })
        .collect();

    for event in events.iter_mut() {
        if event.kind != EventKind::Consult || event.is_negated {
            continue;
        }
        let Some(s) = sentence_of(event.sentence) else { continue };
        let paragraph = sentences[s].paragraph;
        // The nearest referring sentence within reach, later ones first on a tie.
        let nearest = |want: &dyn Fn(&Reference) -> bool| {
            references
                .iter()
                .filter(|r| r.0 != s && want(r))
                .filter(|r| sentences[r.0].paragraph.abs_diff(paragraph) <= LINK_REACH)
                .min_by_key(|r| (sentences[r.0].paragraph.abs_diff(paragraph), r.0 < s))
                .copied()
        };
        if event.place.is_none() {
            if let Some((_, Some(place), _)) = nearest(&|r| r.1.is_some()) {
                event.place = Some(EventPlace { entity: place, how: PlaceSource::Linked });
            } else {
                let who: Vec<String> = event
                    .actors
                    .iter()
                    .chain(&event.recipients)
                    .map(|&i| identity(entities, i))
                    .collect();
                event.place = visits
                    .iter()
                    .find(|(others, _)| others.iter().any(|o| who.contains(o)))
                    .map(|&(_, entity)| EventPlace { entity, how: PlaceSource::Linked });
            }
        }
        if event.date.is_none()
            && let Some((_, _, Some(date))) = nearest(&|r| r.2.is_some())
        {
            event.date = Some(date_of(dates, date, DateSource::Linked));
        }
    }

    let dateline = dateline(paragraphs, entities, text);
    let published = published.and_then(Published::anchor).map(|anchor| match anchor {
        DateAnchor::Date(day) => EventDate {
            day: Some(day),
            weekday: Some(day.weekday()),
            mention: None,
            how: DateSource::Published,
        },
        DateAnchor::Weekday(weekday) => EventDate {
            day: None,
            weekday: Some(weekday),
            mention: None,
            how: DateSource::Published,
        },
    });
    for event in events.iter_mut() {
        if event.place.is_none() {
            event.place = dateline.map(|entity| EventPlace { entity, how: PlaceSource::Dateline });
        }
        if event.date.is_none() {
            event.date = published;
        }
    }
}

#[cfg(test)]
mod tests;
