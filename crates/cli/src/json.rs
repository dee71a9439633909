//! The JSON Lines output of `khabar process`: one `DocumentJson` a line, documented in
//! docs/schema.md. These types own the wire format; `model` stays free of serde.

use model::when::{DateMention, DateTime, MentionKind, Moment, Published, Zone};
use model::{
    Chrome, Diagnostic, Document, Entity, Field, Paragraph, Sentence, SourceEvidence,
    SourceMention, SourceRole, Span,
};
use serde::Serialize;

/// The schema name and version written in every record.
pub(crate) const SCHEMA: &str = "khabar.document/1";

#[derive(Debug, Serialize)]
pub(crate) struct DocumentJson<'a> {
    schema: &'static str,
    id: &'a str,
    origin: &'a str,
    format: &'static str,
    url: Option<&'a str>,
    published_meta: Option<&'a str>,
    source_meta: Option<&'a str>,
    published: Option<PublishedJson<'a>>,
    dates: Vec<DateJson<'a>>,
    sources: Vec<SourceJson<'a>>,
    news_code: Option<FieldJson<'a>>,
    categories: Vec<FieldJson<'a>>,
    entities: Vec<EntityJson<'a>>,
    events: Vec<EventJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    title: Option<TitleJson<'a>>,
    lang: LangJson,
    paragraphs: Vec<ParagraphJson<'a>>,
    chrome: Vec<ChromeJson<'a>>,
    diagnostics: Vec<DiagnosticJson<'a>>,
    text: &'a str,
}

#[derive(Debug, Serialize)]
struct EventJson<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    mode: Option<&'a str>,
    cameo: &'a str,
    quad_class: &'static str,
    trigger: SpanTextJson<'a>,
    sentence: [u32; 2],
    actors: Vec<ParticipantJson<'a>>,
    recipients: Vec<ParticipantJson<'a>>,
    /// The unnamed actors' noun where no entity acts (`المتظاهرون`).
    actor_group: Option<SpanTextJson<'a>>,
    /// The unnamed recipients' noun where no entity undergoes it (`أشخاص`).
    recipient_group: Option<SpanTextJson<'a>>,
    is_negated: bool,
    modality: Option<&'static str>,
    place: Option<EventPlaceJson<'a>>,
    date: Option<EventDateJson<'a>>,
    confidence: f32,
}

#[derive(Debug, Serialize)]
struct EventPlaceJson<'a> {
    /// The index into the document's `entities`.
    entity: usize,
    text: &'a str,
    span: [u32; 2],
    actor: Option<&'a str>,
    country: Option<&'a str>,
    how: &'static str,
}

#[derive(Debug, Serialize)]
struct EventDateJson<'a> {
    date: Option<String>,
    weekday: Option<&'static str>,
    /// The index into the document's `dates`, when an expression dates the event.
    mention: Option<usize>,
    text: Option<&'a str>,
    how: &'static str,
}

#[derive(Debug, Serialize)]
struct QuoteJson<'a> {
    kind: &'static str,
    speaker: Option<ParticipantJson<'a>>,
    is_speaker_in_sentence: bool,
    cue: Option<SpanTextJson<'a>>,
    text: SpanTextJson<'a>,
    sentence: [u32; 2],
}

impl<'a> QuoteJson<'a> {
    fn new(quote: &'a model::Quote, doc: &'a Document) -> QuoteJson<'a> {
        let text = doc.text.as_str();
        QuoteJson {
            kind: quote.kind.name(),
            speaker: quote.speaker.and_then(|idx| participant(doc, idx)),
            is_speaker_in_sentence: quote.is_speaker_in_sentence,
            cue: quote.cue.map(|c| SpanTextJson { span: span(c), text: &text[c.range()] }),
            text: SpanTextJson { span: span(quote.text), text: &text[quote.text.range()] },
            sentence: span(quote.sentence),
        }
    }
}

/// A participant as output: the mention, and the actor it or its antecedents link to.
fn participant(doc: &Document, idx: usize) -> Option<ParticipantJson<'_>> {
    let entity = doc.entities.get(idx)?;
    Some(ParticipantJson {
        entity: idx,
        text: &doc.text[entity.span.range()],
        actor: resolved(&doc.entities, idx).and_then(|e| e.actor.as_deref()),
    })
}

/// The entity a mention stands for, following short forms and pronouns back to their
/// antecedent (`model::resolve`).
pub(crate) fn resolved(entities: &[Entity], idx: usize) -> Option<&Entity> {
    entities.get(model::resolve(entities, idx))
}

#[derive(Debug, Serialize)]
struct SpanTextJson<'a> {
    span: [u32; 2],
    text: &'a str,
}

#[derive(Debug, Serialize)]
struct ParticipantJson<'a> {
    /// The index into the document's `entities`.
    entity: usize,
    text: &'a str,
    actor: Option<&'a str>,
}

impl<'a> EventJson<'a> {
    fn new(event: &'a model::Event, doc: &'a Document) -> EventJson<'a> {
        let text = doc.text.as_str();
        let participants = |idxs: &[usize]| -> Vec<ParticipantJson<'a>> {
            idxs.iter().filter_map(|&idx| participant(doc, idx)).collect()
        };
        let place = event.place.and_then(|place| {
            let entity = doc.entities.get(place.entity)?;
            Some(EventPlaceJson {
                entity: place.entity,
                text: &text[entity.span.range()],
                span: span(entity.span),
                actor: entity.actor.as_deref(),
                country: entity.country.as_deref(),
                how: place.how.name(),
            })
        });
        let date = event.date.map(|date| EventDateJson {
            date: date.day.map(|d| d.to_string()),
            weekday: date.weekday.map(|w| w.name()),
            mention: date.mention,
            text: date.mention.and_then(|m| doc.dates.get(m)).map(|m| &text[m.span.range()]),
            how: date.how.name(),
        });
        EventJson {
            kind: event.kind.name(),
            mode: event.mode.as_deref(),
            cameo: &event.cameo,
            quad_class: event.quad.name(),
            trigger: SpanTextJson { span: span(event.trigger), text: &text[event.trigger.range()] },
            sentence: span(event.sentence),
            actors: participants(&event.actors),
            recipients: participants(&event.recipients),
            actor_group: event
                .actor_group
                .map(|g| SpanTextJson { span: span(g), text: &text[g.range()] }),
            recipient_group: event
                .recipient_group
                .map(|g| SpanTextJson { span: span(g), text: &text[g.range()] }),
            is_negated: event.is_negated,
            modality: event.modality.map(model::Modality::name),
            place,
            date,
            confidence: round(event.confidence),
        }
    }
}

#[derive(Debug, Serialize)]
struct EntityJson<'a> {
    span: [u32; 2],
    text: &'a str,
    kind: &'static str,
    actor: Option<&'a str>,
    is_new: bool,
    country: Option<&'a str>,
    sector: Option<&'a str>,
    office: Option<&'a str>,
    evidence: &'static str,
    role_span: Option<[u32; 2]>,
    antecedent: Option<usize>,
}

impl<'a> EntityJson<'a> {
    fn new(entity: &'a Entity, text: &'a str) -> EntityJson<'a> {
        EntityJson {
            span: span(entity.span),
            text: &text[entity.span.range()],
            kind: entity.kind.name(),
            actor: entity.actor.as_deref(),
            is_new: entity.is_new,
            country: entity.country.as_deref(),
            sector: entity.sector.as_deref(),
            office: entity.office.as_deref(),
            evidence: entity.evidence.name(),
            role_span: entity.role_span.map(span),
            antecedent: entity.antecedent,
        }
    }
}

#[derive(Debug, Serialize)]
struct TitleJson<'a> {
    text: &'a str,
    span: Option<[u32; 2]>,
}

#[derive(Debug, Serialize)]
struct LangJson {
    code: &'static str,
    confidence: f32,
}

#[derive(Debug, Serialize)]
struct ParagraphJson<'a> {
    span: [u32; 2],
    lang: LangJson,
    is_heading: bool,
    text: &'a str,
    norm: &'a str,
    sentences: Vec<SentenceJson>,
}

#[derive(Debug, Serialize)]
struct SentenceJson {
    span: [u32; 2],
    norm_span: [u32; 2],
}

#[derive(Debug, Serialize)]
struct ChromeJson<'a> {
    span: [u32; 2],
    kind: &'static str,
    reason: &'static str,
    text: &'a str,
}

#[derive(Debug, Serialize)]
struct DiagnosticJson<'a> {
    stage: &'static str,
    code: &'static str,
    message: &'a str,
    span: Option<[u32; 2]>,
}

fn span(span: Span) -> [u32; 2] {
    [span.start, span.end]
}

/// Rounds a confidence to three decimals so that output is stable and short.
fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

impl<'a> DocumentJson<'a> {
    pub(crate) fn new(doc: &'a Document, diagnostics: &'a [Diagnostic]) -> DocumentJson<'a> {
        let text = doc.text.as_str();
        DocumentJson {
            schema: SCHEMA,
            id: &doc.id,
            origin: &doc.origin,
            format: doc.format.name(),
            url: doc.url.as_deref(),
            published_meta: doc.published_meta.as_deref(),
            source_meta: doc.source.as_deref(),
            published: doc.published.as_ref().map(PublishedJson::new),
            dates: doc.dates.iter().map(|d| DateJson::new(d, text)).collect(),
            sources: doc.sources.iter().map(|s| SourceJson::new(s, text)).collect(),
            news_code: doc.news_code.as_ref().map(|f| FieldJson::new(f, text)),
            categories: doc.categories.iter().map(|f| FieldJson::new(f, text)).collect(),
            entities: doc.entities.iter().map(|e| EntityJson::new(e, text)).collect(),
            events: doc.events.iter().map(|e| EventJson::new(e, doc)).collect(),
            quotes: doc.quotes.iter().map(|q| QuoteJson::new(q, doc)).collect(),
            title: doc
                .title
                .as_deref()
                .map(|t| TitleJson { text: t, span: doc.title_span.map(span) }),
            lang: LangJson { code: doc.lang.lang.code(), confidence: round(doc.lang.confidence) },
            paragraphs: doc.paragraphs.iter().map(|p| ParagraphJson::new(p, text)).collect(),
            chrome: doc.chrome.iter().map(|c| ChromeJson::new(c, text)).collect(),
            diagnostics: diagnostics
                .iter()
                .map(|d| DiagnosticJson {
                    stage: d.stage,
                    code: d.code,
                    message: &d.message,
                    span: d.span.map(span),
                })
                .collect(),
            text,
        }
    }
}

impl<'a> ParagraphJson<'a> {
    fn new(paragraph: &'a Paragraph, text: &'a str) -> ParagraphJson<'a> {
        ParagraphJson {
            span: span(paragraph.span),
            lang: LangJson {
                code: paragraph.lang.lang.code(),
                confidence: round(paragraph.lang.confidence),
            },
            is_heading: paragraph.is_heading,
            text: &text[paragraph.span.range()],
            norm: &paragraph.norm,
            sentences: paragraph.sentences.iter().map(SentenceJson::new).collect(),
        }
    }
}

impl SentenceJson {
    fn new(sentence: &Sentence) -> SentenceJson {
        SentenceJson { span: span(sentence.span), norm_span: span(sentence.norm_span) }
    }
}

impl<'a> ChromeJson<'a> {
    fn new(chrome: &'a Chrome, text: &'a str) -> ChromeJson<'a> {
        ChromeJson {
            span: span(chrome.span),
            kind: chrome.kind.name(),
            reason: chrome.reason,
            text: &text[chrome.span.range()],
        }
    }
}

#[derive(Debug, Serialize)]
struct PublishedJson<'a> {
    /// ISO 8601 instant in UTC, when the zone is known.
    utc: Option<String>,
    /// ISO 8601 local date and time as written, without a zone.
    local: Option<String>,
    zone: Option<String>,
    /// The day, when known (local to the publisher).
    date: Option<String>,
    weekday: Option<&'static str>,
    /// What is written when less than a day is known.
    partial: Option<WrittenJson>,
    provenance: &'static str,
    original: &'a str,
    span: Option<[u32; 2]>,
}

#[derive(Debug, Serialize)]
struct WrittenJson {
    calendar: &'static str,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

#[derive(Debug, Serialize)]
struct DateJson<'a> {
    span: [u32; 2],
    text: &'a str,
    kind: &'static str,
    /// For relative kinds: days, weeks or weekday steps after the anchor.
    offset: Option<i32>,
    calendar: &'static str,
    written: WrittenJson,
    date: Option<String>,
    weekday: Option<&'static str>,
    time: Option<String>,
    zone: Option<String>,
    is_approximate: bool,
    is_year_inferred: bool,
}

fn iso(datetime: DateTime) -> String {
    let (d, t) = (datetime.date, datetime.time);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        d.year, d.month, d.day, t.hour, t.minute, t.second
    )
}

fn zone_name(zone: Zone) -> String {
    match zone {
        Zone::Offset(minutes) => {
            let sign = if minutes < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
        }
        Zone::Tehran => "Asia/Tehran".to_owned(),
        Zone::Damascus => "Asia/Damascus".to_owned(),
        Zone::Local => "local".to_owned(),
    }
}

impl<'a> PublishedJson<'a> {
    fn new(published: &'a Published) -> PublishedJson<'a> {
        let mut res = PublishedJson {
            utc: None,
            local: None,
            zone: None,
            date: None,
            weekday: None,
            partial: None,
            provenance: published.provenance.name(),
            original: &published.original,
            span: published.span.map(span),
        };
        match published.moment {
            Moment::Utc { utc, local, zone } => {
                res.utc = Some(format!("{}Z", iso(utc)));
                res.local = Some(iso(local));
                res.zone = Some(zone_name(zone));
                res.date = Some(local.date.to_string());
                res.weekday = Some(local.date.weekday().name());
            }
            Moment::Local(local) => {
                res.local = Some(iso(local));
                res.date = Some(local.date.to_string());
                res.weekday = Some(local.date.weekday().name());
            }
            Moment::Day(date) => {
                res.date = Some(date.to_string());
                res.weekday = Some(date.weekday().name());
            }
            Moment::Partial(partial) => {
                res.weekday = partial.weekday.map(|w| w.name());
                res.partial = Some(WrittenJson {
                    calendar: partial.calendar.name(),
                    year: partial.written.year,
                    month: partial.written.month,
                    day: partial.written.day,
                });
            }
        }
        res
    }
}

impl<'a> DateJson<'a> {
    fn new(mention: &'a DateMention, text: &'a str) -> DateJson<'a> {
        let (kind, offset) = match mention.kind {
            MentionKind::Absolute => ("absolute", None),
            MentionKind::Time => ("time", None),
            MentionKind::Weekday { step } => ("weekday", Some(i32::from(step))),
            MentionKind::Relative { days } => ("relative-day", Some(days)),
            MentionKind::RelativeWeek { weeks } => ("relative-week", Some(weeks)),
        };
        DateJson {
            span: span(mention.span),
            text: &text[mention.span.range()],
            kind,
            offset,
            calendar: mention.calendar.name(),
            written: WrittenJson {
                calendar: mention.calendar.name(),
                year: mention.written.year,
                month: mention.written.month,
                day: mention.written.day,
            },
            date: mention.gregorian.map(|d| d.to_string()),
            weekday: mention.weekday.map(|w| w.name()),
            time: mention.time.map(|t| t.to_string()),
            zone: mention.zone.map(zone_name),
            is_approximate: mention.is_approximate,
            is_year_inferred: mention.is_year_inferred,
        }
    }
}

#[derive(Debug, Serialize)]
struct SourceJson<'a> {
    outlet: &'a str,
    name: &'a str,
    country: &'a str,
    role: &'static str,
    evidence: &'static str,
    span: Option<[u32; 2]>,
    text: Option<&'a str>,
}

impl<'a> SourceJson<'a> {
    fn new(source: &'a SourceMention, text: &'a str) -> SourceJson<'a> {
        SourceJson {
            outlet: &source.outlet,
            name: &source.name,
            country: &source.country,
            role: match source.role {
                SourceRole::Publisher => "publisher",
                SourceRole::Cited => "cited",
            },
            evidence: match source.evidence {
                SourceEvidence::UrlHost => "url-host",
                SourceEvidence::Metadata => "metadata",
                SourceEvidence::Label => "label",
                SourceEvidence::SourceLine => "source-line",
                SourceEvidence::Attribution => "attribution",
                SourceEvidence::Parenthetical => "parenthetical",
            },
            span: source.span.map(span),
            text: source.span.map(|s| &text[s.range()]),
        }
    }
}

#[derive(Debug, Serialize)]
struct FieldJson<'a> {
    value: &'a str,
    span: [u32; 2],
    text: &'a str,
}

impl<'a> FieldJson<'a> {
    fn new(field: &'a Field, text: &'a str) -> FieldJson<'a> {
        FieldJson { value: &field.value, span: span(field.span), text: &text[field.span.range()] }
    }
}
