//! PLOVER events: trigger words per sentence, their negation and modality, and their participants.
//!
//! The lexicon is the team's `data/events/triggers.tsv` and `cues.tsv`, compiled in and indexed
//! once in `Triggers`. Forms and text are compared after `normalize`, word by word. A form word
//! `...` is a gap of up to eight words. Arabic forms also match with a `و`/`ف` conjunction
//! in front of their first word and an object pronoun after their last, and Persian ones with
//! the negation prefix `ن` on a word. Overlapping matches go to the one that covers more words,
//! then to the earlier row. Participants are the sentence's person, organization and country
//! entities, placed by the simple position rules of the lexicon's `actor` and `recipient` columns.
//! Verbal nouns and imperfect verbs (`mention:` rows) and words for protesters or casualties
//! (`weak:` rows) make an event only with evidence that it took place (`is_reported`).

use model::{
    Entity, EntityKind, Event, EventKind, Lang, Modality, Paragraph, QuadClass, Quote, QuoteKind,
    Span,
};

use crate::entities::Knowledge;
use crate::normalize;
use crate::script::{self, WordMap};

/// The team's trigger table, compiled in.
const TRIGGERS: &str = include_str!("../data/events/triggers.tsv");
/// The team's cue table, compiled in.
const CUES: &str = include_str!("../data/events/cues.tsv");

/// The header line of a trigger table.
const TRIGGER_HEADER: &str = "event\tmode\tcameo\tlang\tforms\tactor\trecipient\tnotes";
/// The header line of a cue table.
const CUE_HEADER: &str = "kind\tlang\tforms\tnotes";

/// The most words a `...` gap spans.
const MAX_GAP: usize = 8;
/// Arabic object pronouns a verb form may carry.
const AR_OBJECT_SUFFIXES: &[&str] = &["ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم"];
/// Arabic conjunctions a first word may carry.
const AR_CONJUNCTIONS: &[&str] = &["و", "ف"];
/// How many words after a particle its noun phrase may start (titles come first).
const PREP_REACH: usize = 8;
/// How many words after a trigger its object may start (names, titles and time words not
/// counted).
const OBJECT_REACH: usize = 8;
/// How many words after a trigger a particle that introduces its participant may stand
/// (names, titles and time words not counted).
const PARTICLE_REACH: usize = 6;
/// How many words after a verb its Arabic subject may start.
const SUBJECT_REACH: usize = 12;
/// How many words from a `mention:` trigger a verb of taking place or a time anchor may stand.
const OCCURRENCE_REACH: usize = 3;

/// How many words may stand between a crowd's act and the protesters that do it: adverbs of
/// time and place in verb-subject order (`خرج مساء أول من أمس مئات`).
const CROWD_ACT_REACH: usize = 6;

/// Arabic nouns used as prepositions, whose complement is no subject (`أمام آلاف المتظاهرين`).
const AR_PREPOSITION_NOUNS: &[&str] = &["امام", "وامام", "بين", "وبين", "ضد", "وسط", "عند", "حول"];
/// Arabic relative pronouns, normalized.
const AR_RELATIVES: &[&str] = &["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"];

/// How many words from an event a year that dates it may stand.
const YEAR_REACH: usize = 6;

/// Prepositions that date an event by an earlier or a longer one (`بعد`, `منذ`, `خلال`), set
/// it in a frame (`في مظاهرات`), give an earlier one as the cause of what the sentence reports
/// (`بسبب`, `جراء`), or make it a task (`مكافحة الشغب`).
#[rustfmt::skip]
const AR_TIME_PREPOSITIONS: &[&str] = &[
    "بعد", "وبعد", "قبل", "وقبل", "منذ", "ومنذ", "عقب", "وعقب", "اثر", "واثر", "عند", "وعند",
    "خلال", "اثناء", "واثناء", "بسبب", "جراء", "مكافحه", "لمكافحه", "ومكافحه", "في", "وفي",
];

/// How many words may stand between a relative pronoun and a trigger in its clause.
const RELATIVE_REACH: usize = 4;

/// Future verbs of result, which put the casualties after them ahead (`سيؤدي إلى مقتل`).
const AR_FUTURE_RESULTS: &[&str] =
    &["سيؤدي", "ستؤدي", "سيسفر", "ستسفر", "سيوقع", "ستوقع", "سيخلف", "ستخلف", "سيتسبب", "ستتسبب"];

/// Verbs whose complement `في` introduces the event they caused or took part in.
const AR_IN_VERBS: &[&str] = &[
    "تسبب",
    "تسببت",
    "تسببوا",
    "نجح",
    "نجحت",
    "نجحوا",
    "ساهم",
    "ساهمت",
    "ساهموا",
    "شارك",
    "شاركت",
    "شاركوا",
];

/// Words that may stand between a relative pronoun and the verb of its clause.
const AR_RELATIVE_AUXILIARIES: &[&str] = &["تم", "قد", "كان", "كانت", "كانوا"];
/// Arabic month names, normalized: the Gregorian ones of Egypt and the Gulf and the Syriac ones of
/// the Levant and Iraq.
const AR_MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
];
/// How many words after a verbal event (`ندد`, `طالب`) its nominal content may start.
const CONTENT_REACH: usize = 4;

/// Where a participant stands relative to the trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Position {
    Subject,
    Object,
    /// The normalized particle.
    Prep(String),
    Possessor,
    Both,
    SelfNamed,
    /// The speaker of the quote the trigger stands in (`يجب`, `ضرورة` in what someone says);
    /// a row with it makes an event only inside speech.
    Speaker,
}

/// A position and whether it is required (`!`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    position: Position,
    is_required: bool,
}

/// One row of `triggers.tsv`.
#[derive(Debug, Clone)]
struct Row {
    kind: EventKind,
    mode: Option<String>,
    cameo: String,
    actor: Vec<Slot>,
    recipient: Vec<Slot>,
    is_weak: bool,
    /// Its forms can name an event without reporting one (`mention:`): verbal nouns
    /// (`هجوم`, `مظاهرة`) and imperfect verbs (`يقتل`).
    is_mention: bool,
    /// Its words also mean to attack in words (`in-words:`, `هاجم`): with a person as the
    /// actor the event is an ACCUSE (CAMEO 11, criticize).
    is_in_words: bool,
}

/// A token of a form: a normalized word or a gap.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Gap,
}

/// One surface form of a row.
#[derive(Debug, Clone)]
struct Form {
    row: usize,
    lang: Lang,
    tokens: Vec<Token>,
}

/// What a cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A particle or failure: negates the trigger within `reach` words after it.
    Negation {
        reach: usize,
    },
    NotNegation,
    Future,
    Intention,
    Modality,
    /// Says that an event named by a noun took place (`وقع`, `أسفر`, `اندلعت`).
    Occurrence,
    /// A past time anchor (`أمس`), which dates a noun it follows (`هجوم أمس`).
    PastTime,
    /// A count (`آلاف`, `عشرات`); numerals in digits count too, see `is_count`.
    Quantity,
    /// The count of a crowd (`آلاف`, `عشرات`, `نحو`), which a `weak:` word needs before it.
    Crowd,
    /// What a crowd does when it protests (`خرج`, `تجمع`, `هتف`, `رفعوا`, `gathered`): a
    /// `weak:` protester noun reports a protest only as the subject of one.
    CrowdAct,
    /// A noun that names unnamed people or forces (`المتظاهرون`, `مسلحون`, `أشخاص`,
    /// `civilians`): the actor or recipient where no entity stands. `is_victim` for nouns that
    /// name only those an act befalls (`أشخاص`, `مدنيين`): after an unvoweled Arabic verb
    /// (`قتل خمسة أشخاص`, killed or were killed) they are the recipients.
    Group {
        is_victim: bool,
    },
    /// Makes the trigger right after it name an event rather than report one (`بعد`, `قضية`,
    /// `الذي`).
    Reference,
    /// A speech verb (`قال`, `اظهار داشت`), or with `is_attribution` a phrase that attributes
    /// without a speaker's verb (`بحسب`, `به گزارش`); read by `quotes`.
    Speech {
        is_attribution: bool,
    },
}

/// One cue phrase.
#[derive(Debug, Clone)]
struct Cue {
    kind: CueKind,
    lang: Lang,
    words: Vec<String>,
}

/// The trigger and cue lexicon, indexed for matching. Build it once per run.
#[derive(Debug, Clone, Default)]
pub struct Triggers {
    rows: Vec<Row>,
    forms: Vec<Form>,
    /// A text word that may open a form (with its clitic variants) → form indexes.
    by_first: WordMap<String, Vec<u32>>,
    cues: Vec<Cue>,
    /// The first word of every cue phrase → cue indexes.
    cues_by_first: WordMap<String, Vec<u32>>,
}

impl Triggers {
    /// The team's tables, as shipped.
    pub fn builtin() -> Triggers {
        Triggers::parse(TRIGGERS, CUES).expect("the shipped event tables parse (checked by a test)")
    }

    /// Builds the lexicon from a trigger table and a cue table in the shipped format.
    /// An error names the file, the line and what is wrong with it.
    pub fn parse(triggers: &str, cues: &str) -> Result<Triggers, String> {
        let mut res = Triggers::default();
        for (line_no, fields) in
            records(triggers, TRIGGER_HEADER).map_err(|e| format!("triggers.tsv: {e}"))?
        {
            res.add_trigger_row(&fields)
                .map_err(|e| format!("triggers.tsv: line {line_no}: {e}"))?;
        }
        for (line_no, fields) in records(cues, CUE_HEADER).map_err(|e| format!("cues.tsv: {e}"))? {
            res.add_cue_row(&fields).map_err(|e| format!("cues.tsv: line {line_no}: {e}"))?;
        }
        Ok(res)
    }

    /// The number of trigger rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no trigger rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds a user's table: trigger rows or cue rows, told by its header line, in the format of
    /// the shipped `triggers.tsv` and `cues.tsv` (documented in `data/events/README.md`).
    /// An error names the line and what is wrong with it.
    pub fn add_tsv(&mut self, tsv: &str) -> Result<(), String> {
        let header = tsv.lines().find(|l| !l.trim().is_empty() && !l.starts_with('#'));
        match header {
            Some(TRIGGER_HEADER) => {
                for (line_no, fields) in records(tsv, TRIGGER_HEADER)? {
                    self.add_trigger_row(&fields).map_err(|e| format!("line {line_no}: {e}"))?;
                }
            }
            Some(CUE_HEADER) => {
                for (line_no, fields) in records(tsv, CUE_HEADER)? {
                    self.add_cue_row(&fields).map_err(|e| format!("line {line_no}: {e}"))?;
                }
            }
            _ => {
                return Err(format!(
                    "the first line is neither a trigger header {TRIGGER_HEADER:?} nor a cue header {CUE_HEADER:?}"
                ));
            }
        }
        Ok(())
    }

    fn add_trigger_row(&mut self, fields: &[&str]) -> Result<(), String> {
        let kind = EventKind::from_name(fields[0])
            .ok_or_else(|| format!("unknown event type {:?}", fields[0]))?;
        let cameo = fields[2];
        let is_root = cameo.len() == 2
            && cameo.bytes().all(|b| b.is_ascii_digit())
            && ("01"..="20").contains(&cameo);
        if !is_root {
            return Err(format!("cameo {cameo:?} is not a root code 01 to 20"));
        }
        let lang = parse_lang(fields[3])?;
        let row_idx = self.rows.len();
        self.rows.push(Row {
            kind,
            mode: (!fields[1].is_empty()).then(|| fields[1].to_owned()),
            cameo: cameo.to_owned(),
            actor: parse_slots(fields[5], lang)?,
            recipient: parse_slots(fields[6], lang)?,
            is_weak: fields[7].starts_with("weak:"),
            is_mention: fields[7].starts_with("mention:"),
            is_in_words: fields[7].starts_with("in-words:"),
        });
        for form in split(fields[4]) {
            let tokens = tokens(form, lang);
            let Some(Token::Word(first)) = tokens.first() else {
                return Err(format!("form {form:?} does not open with a word"));
            };
            if tokens.last() == Some(&Token::Gap) {
                return Err(format!("form {form:?} ends with a gap"));
            }
            let form_idx = u32::try_from(self.forms.len()).expect("fewer than 4 billion forms");
            for variant in first_variants(first, lang, tokens.len() == 1) {
                let list = self.by_first.entry(variant).or_default();
                if !list.contains(&form_idx) {
                    list.push(form_idx);
                }
            }
            self.forms.push(Form { row: row_idx, lang, tokens });
        }
        Ok(())
    }

    fn add_cue_row(&mut self, fields: &[&str]) -> Result<(), String> {
        let lang = parse_lang(fields[1])?;
        let notes = fields[3];
        let kind = match fields[0] {
            "negation" if notes.starts_with("denial") => CueKind::Negation { reach: 10 },
            "negation" if notes.starts_with("failure") => CueKind::Negation { reach: 3 },
            "negation" if lang == Lang::En => CueKind::Negation { reach: 2 },
            "negation" => CueKind::Negation { reach: 1 },
            "not_negation" => CueKind::NotNegation,
            "future" => CueKind::Future,
            "intention" => CueKind::Intention,
            "modality" => CueKind::Modality,
            "occurrence" => CueKind::Occurrence,
            "past_time" => CueKind::PastTime,
            "quantity" => CueKind::Quantity,
            "crowd" => CueKind::Crowd,
            "crowd_act" => CueKind::CrowdAct,
            "group" => CueKind::Group { is_victim: notes.starts_with("victims") },
            "reference" => CueKind::Reference,
            "reported_speech" => CueKind::Speech { is_attribution: notes.contains("attribution") },
            // Quotation marks are read from the normalized text, where each is `"`.
            "quote_open" | "quote_close" => return Ok(()),
            other => return Err(format!("unknown cue kind {other:?}")),
        };
        for form in split(fields[2]) {
            if form.ends_with('-') {
                // Prefixes (`ن-`, `س-`) are read on the trigger word itself, by `match_word`
                // and `modality`.
                continue;
            }
            let words: Vec<String> = tokens(form, lang)
                .into_iter()
                .filter_map(|t| match t {
                    Token::Word(w) => Some(w),
                    Token::Gap => None,
                })
                .collect();
            let Some(first) = words.first() else {
                continue;
            };
            let cue_idx = u32::try_from(self.cues.len()).expect("fewer than 4 billion cues");
            self.cues_by_first.entry(first.clone()).or_default().push(cue_idx);
            self.cues.push(Cue { kind, lang, words });
        }
        Ok(())
    }
}

/// The data records of a TSV text: `(line number, fields)`, after checking the header.
fn records<'a>(tsv: &'a str, header: &str) -> Result<Vec<(usize, Vec<&'a str>)>, String> {
    let n_columns = header.split('\t').count();
    let mut has_header = false;
    let mut res = Vec::new();
    for (line_idx, line) in tsv.lines().enumerate() {
        let line_no = line_idx + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !has_header {
            if line != header {
                return Err(format!("line {line_no}: the header is not {header:?}"));
            }
            has_header = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() != n_columns {
            return Err(format!(
                "line {line_no}: {} fields where the header has {n_columns}",
                fields.len()
            ));
        }
        res.push((line_no, fields));
    }
    if !has_header {
        return Err("no header line".to_owned());
    }
    Ok(res)
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    match code {
        "ar" => Ok(Lang::Ar),
        "fa" => Ok(Lang::Fa),
        "en" => Ok(Lang::En),
        other => Err(format!("unknown language {other:?}")),
    }
}

fn parse_slots(field: &str, lang: Lang) -> Result<Vec<Slot>, String> {
    let mut res = Vec::new();
    for item in split(field) {
        let (item, is_required) = match item.strip_suffix('!') {
            Some(item) => (item, true),
            None => (item, false),
        };
        let position = match item {
            "subject" => Position::Subject,
            "object" => Position::Object,
            "possessor" => Position::Possessor,
            "both" => Position::Both,
            "self" => Position::SelfNamed,
            "speaker" => Position::Speaker,
            _ => match item.strip_prefix("prep:") {
                Some(particle) if !particle.is_empty() => Position::Prep(norm(particle, lang)),
                _ => return Err(format!("unknown position {item:?}")),
            },
        };
        res.push(Slot { position, is_required });
    }
    Ok(res)
}

fn split(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|f| !f.is_empty())
}

fn norm(text: &str, lang: Lang) -> String {
    normalize::normalize(text, 0, lang).into_parts().0
}

/// The tokens of a form: its normalized words, with `...` as a gap.
fn tokens(form: &str, lang: Lang) -> Vec<Token> {
    let mut res = Vec::new();
    for (idx, chunk) in form.split("...").enumerate() {
        if idx > 0 {
            res.push(Token::Gap);
        }
        let chunk = norm(chunk, lang);
        for (start, end) in script::word_spans(&chunk) {
            res.push(Token::Word(chunk[start..end].to_owned()));
        }
    }
    res
}

/// The text words that may open a form whose first word is `first`.
fn first_variants(first: &str, lang: Lang, is_single: bool) -> Vec<String> {
    let mut res = vec![first.to_owned()];
    match lang {
        Lang::Ar => {
            let suffixed: Vec<String> = if is_single {
                AR_OBJECT_SUFFIXES.iter().map(|s| format!("{first}{s}")).collect()
            } else {
                Vec::new()
            };
            for base in std::iter::once(first.to_owned()).chain(suffixed) {
                for conj in AR_CONJUNCTIONS {
                    res.push(format!("{conj}{base}"));
                }
                res.push(base);
            }
        }
        Lang::Fa => res.push(format!("ن{first}")),
        _ => {}
    }
    res
}

/// How a text word matched a form word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordMatch {
    No,
    Yes,
    /// With a Persian negation prefix.
    Negated,
}

fn match_word(form: &str, text: &str, lang: Lang, is_first: bool, is_last: bool) -> WordMatch {
    if form == text {
        return WordMatch::Yes;
    }
    match lang {
        Lang::Ar => {
            let mut rest = text;
            if is_first
                && let Some(stripped) = AR_CONJUNCTIONS.iter().find_map(|c| rest.strip_prefix(c))
                && stripped.starts_with(form)
            {
                rest = stripped;
            }
            let Some(tail) = rest.strip_prefix(form) else {
                return WordMatch::No;
            };
            if tail.is_empty() || (is_last && AR_OBJECT_SUFFIXES.contains(&tail)) {
                WordMatch::Yes
            } else {
                WordMatch::No
            }
        }
        Lang::Fa if text.strip_prefix('ن') == Some(form) => WordMatch::Negated,
        _ => WordMatch::No,
    }
}

/// A trigger form found in a sentence, in word indexes of the sentence.
#[derive(Debug, Clone, Copy)]
struct Hit {
    form: usize,
    start: usize,
    /// One past the last matched word.
    end: usize,
    /// Where the form's first gap starts (`أطلقت ... سراح`: the word after `أطلقت`), or `end`.
    gap: usize,
    is_negated: bool,
    /// Whether it is coordinated with a `mention:` match right before it (`الخطف والقتل`),
    /// and so is a verbal noun too.
    follows_mention: bool,
    /// Whether the row names events by nouns or imperfects (`mention:`), which have no
    /// subject standing before them.
    is_mention: bool,
    /// Whether an Arabic preposition governs the trigger (`بزيارة`, `في زيارة`): a verbal
    /// noun then, with no subject before it.
    is_in_phrase: bool,
    /// Whether a match of another type ends at most four words before it (`مقتل 12 متظاهرا`,
    /// `اعتقال 30 متظاهرا`), which then governs it.
    is_governed: bool,
}

/// A cue phrase found in a sentence, in word indexes of the sentence.
#[derive(Debug, Clone, Copy)]
struct CueHit {
    kind: CueKind,
    start: usize,
    end: usize,
}

/// The words of a document's body paragraphs and the cue phrases of each sentence, read once
/// and shared by `quotes::find` and `find`.
#[derive(Debug)]
pub struct Prepared<'a> {
    paragraphs: Vec<ReadParagraph<'a>>,
}

/// One paragraph as `Prepared` holds it.
#[derive(Debug)]
struct ReadParagraph<'a> {
    paragraph: &'a Paragraph,
    /// Whether its language is one the lexicons cover; if not, it has no words.
    is_read: bool,
    /// Word spans in `paragraph.norm`.
    words: &'a [(usize, usize)],
    /// One for each of `paragraph.sentences`.
    sentences: Vec<ReadSentence>,
}

/// A sentence's word range in its paragraph's `words`, and its cue phrases (in word indexes
/// of the sentence).
#[derive(Debug)]
struct ReadSentence {
    first: usize,
    last: usize,
    cues: Vec<CueHit>,
}

/// Reads the paragraphs' words and cues for `quotes::find` and `find`; `words` are the
/// paragraphs' word spans (`crate::paragraph_words`).
pub fn prepare<'a>(
    paragraphs: &'a [Paragraph],
    words: &'a [Vec<(usize, usize)>],
    triggers: &Triggers,
) -> Prepared<'a> {
    let paragraphs = paragraphs
        .iter()
        .zip(words)
        .map(|(paragraph, words)| {
            let lang = paragraph.lang.lang;
            if !matches!(lang, Lang::Ar | Lang::Fa | Lang::En) {
                return ReadParagraph {
                    paragraph,
                    is_read: false,
                    words: &[],
                    sentences: Vec::new(),
                };
            }
            let text = paragraph.norm.as_str();
            let words = words.as_slice();
            let sentences = paragraph
                .sentences
                .iter()
                .map(|sentence| {
                    let range = sentence.norm_span.range();
                    let first = words.partition_point(|&(s, _)| s < range.start);
                    let last = words.partition_point(|&(s, _)| s < range.end);
                    let sentence_words: Vec<&str> =
                        words[first..last].iter().map(|&(s, e)| &text[s..e]).collect();
                    ReadSentence { first, last, cues: cue_hits(&sentence_words, lang, triggers) }
                })
                .collect();
            ReadParagraph { paragraph, is_read: true, words, sentences }
        })
        .collect();
    Prepared { paragraphs }
}

/// Finds the events of a document's body paragraphs, in order of their triggers.
///
/// `entities` are the document's entities (`Document::entities`), whose indexes the events'
/// actors and recipients give.
/// `quotes` are the document's quotes (`quotes::find`): a verbal event told inside what someone
/// says (`اعتبر شمخاني … ذريعة أمريكية`) is the speaker's own act when the words name no other
/// source, and a definite noun (`الذرائع`) there reports the speaker's charge.
pub fn find(
    prepared: &Prepared<'_>,
    entities: &[Entity],
    quotes: &[Quote],
    triggers: &Triggers,
    knowledge: &Knowledge,
) -> Vec<Event> {
    let mut res = Vec::new();
    for (p_idx, read) in prepared.paragraphs.iter().enumerate().filter(|(_, p)| p.is_read) {
        let paragraph = read.paragraph;
        let lang = paragraph.lang.lang;
        let text = paragraph.norm.as_str();
        let all_words = read.words;
        let has_crowd_acts =
            triggers.cues.iter().any(|c| c.kind == CueKind::CrowdAct && c.lang == lang);
        for (sentence, read_sentence) in paragraph.sentences.iter().zip(&read.sentences) {
            let range = sentence.norm_span.range();
            let (first, last) = (read_sentence.first, read_sentence.last);
            let sentence_words: Vec<&str> =
                all_words[first..last].iter().map(|&(s, e)| &text[s..e]).collect();
            let hits = trigger_hits(&sentence_words, lang, triggers, false);
            let speech: Vec<&Quote> = quotes
                .iter()
                .filter(|q| {
                    q.speaker.is_some_and(|s| is_speaker(&entities[s]))
                        && q.text.start < sentence.span.end
                        && sentence.span.start < q.text.end
                })
                .collect();
            if hits.is_empty() && speech.is_empty() {
                continue;
            }
            let cues = &read_sentence.cues;
            let original: Vec<Span> = all_words[first..last]
                .iter()
                .map(|&(s, e)| paragraph.to_original(Span::new(s, e)))
                .collect();
            let participants: Vec<usize> = entities
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.span.start >= sentence.span.start
                        && e.span.end <= sentence.span.end
                        && (is_participant(e, entities)
                            || is_acting_capital(
                                e,
                                entities,
                                &original,
                                &sentence_words,
                                lang,
                                knowledge,
                            ))
                })
                .map(|(idx, _)| idx)
                .collect();
            let scene = Scene {
                words: &sentence_words,
                original: &original,
                entities,
                participants: &participants,
                lang,
                is_question: is_question(&text[range]),
                has_crowd_acts,
            };
            // The speaker of the quote a verbal trigger stands in, if any; for an Arabic verb
            // that opens its sentence with no subject of its own (`وأعرب عن ارتياحه`), the
            // speaker of the last quote in this or the previous paragraph, whose subject it
            // carries on.
            let speaker_of = |hit: &Hit| -> Option<usize> {
                let kind = triggers.rows[triggers.forms[hit.form].row].kind;
                if !is_speech_act(kind) {
                    return None;
                }
                let (start, end) = (original[hit.start].start, original[hit.end - 1].end);
                if let Some(quote) =
                    speech.iter().find(|q| q.text.start <= start && end <= q.text.end)
                {
                    return quote.speaker;
                }
                if lang != Lang::Ar || hit.start > 1 {
                    return None;
                }
                let previous = p_idx.saturating_sub(1);
                let opens_at = prepared.paragraphs[previous].paragraph.span.start;
                quotes
                    .iter()
                    .rev()
                    .find(|q| q.sentence.end <= sentence.span.start && q.sentence.start >= opens_at)
                    .and_then(|q| q.speaker)
                    .filter(|&s| is_speaker(&entities[s]))
            };
            // What a quote says has its own participants: a trigger inside quoted words takes
            // them from those words (or the speaker), never from the clause that introduces
            // them (`قال ظريف إن فرض العقوبات …` is no sanction by Zarif).
            let quoted_participants = |hit: &Hit| -> Option<Vec<usize>> {
                let (start, end) = (original[hit.start].start, original[hit.end - 1].end);
                let quote = quotes.iter().find(|q| q.text.start <= start && end <= q.text.end)?;
                Some(
                    participants
                        .iter()
                        .copied()
                        .filter(|&p| {
                            quote.text.start <= entities[p].span.start
                                && entities[p].span.end <= quote.text.end
                        })
                        .collect(),
                )
            };
            let mut found: Vec<Event> = Vec::new();
            for hit in &hits {
                if is_content(hit, &hits, triggers) {
                    continue;
                }
                // Reported words open with a noun (`اعتبر X رفض …`, `قال إن رفض …`).
                let opens_reported = quotes.iter().any(|q| {
                    q.kind == QuoteKind::Reported && q.text.start == original[hit.start].start
                });
                let speaker = speaker_of(hit).map(|s| {
                    if opens_reported { Speaker::OnlySpeech(s) } else { Speaker::Unless(s) }
                });
                let inner = quoted_participants(hit);
                let inner_scene = inner.as_deref().map(|inner| scene.with_participants(inner));
                let scene = inner_scene.as_ref().unwrap_or(&scene);
                if let Some(mut event) =
                    make_event(hit, cues, scene, sentence.span, triggers, speaker)
                {
                    if names_the_sides(&sentence_words[hit.start..hit.end]) {
                        take_the_sides(&mut event, res.iter().chain(&found));
                    }
                    found.push(event);
                }
            }
            if !speech.is_empty() {
                // Inside speech a definite noun is the speaker's charge or plea (`الذرائع
                // الأمريكية`), not a reference back.
                for hit in trigger_hits(&sentence_words, lang, triggers, true) {
                    let is_new = hits.iter().all(|h| hit.end <= h.start || h.end <= hit.start);
                    let Some(speaker) = speaker_of(&hit).filter(|_| is_new) else {
                        continue;
                    };
                    let speaker = Some(Speaker::Always(speaker));
                    let inner = quoted_participants(&hit).unwrap_or_default();
                    let scene = scene.with_participants(&inner);
                    if let Some(event) =
                        make_event(&hit, cues, &scene, sentence.span, triggers, speaker)
                    {
                        found.push(event);
                    }
                }
                found.sort_by_key(|e| e.trigger.start);
            }
            drop_repeats(&mut found, entities, quotes);
            res.extend(found);
        }
    }
    res
}

/// Keeps one event where a sentence says the same thing twice (`لا تعترف بأخطائها وتواصل
/// سلوكياتها الخاطئة`): a later event in the same quote (or outside quotes like the first)
/// of the same type, mode, negation and modality whose
/// actors and recipients are the same people is dropped. Participants compare by actor id, or
/// by the mention they resolve to, so `شمخاني` and `علي شمخاني` are one.
fn drop_repeats(found: &mut Vec<Event>, entities: &[Entity], quotes: &[Quote]) {
    // Two quotes in one sentence say two things (`وضرورة الفصل …` then `وقال إن الهدنة لا
    // يجب …`): only events in the same quote, or both outside quotes, can repeat.
    let quote_of = |e: &Event| {
        quotes.iter().position(|q| q.text.start <= e.trigger.start && e.trigger.end <= q.text.end)
    };
    // An actor id where the knowledge base has one, else the first mention of the chain.
    let who = |list: &[usize]| -> Vec<Result<&str, usize>> {
        let mut ids: Vec<Result<&str, usize>> = list
            .iter()
            .map(|&i| {
                let first = model::resolve(entities, i);
                entities[first].actor.as_deref().ok_or(first)
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let mut kept: Vec<Event> = Vec::with_capacity(found.len());
    for event in found.drain(..) {
        let is_repeat = kept.iter().any(|k| {
            k.kind == event.kind
                && quote_of(k) == quote_of(&event)
                && k.mode == event.mode
                && k.is_negated == event.is_negated
                && k.modality == event.modality
                && who(&k.actors) == who(&event.actors)
                && who(&k.recipients) == who(&event.recipients)
        });
        if !is_repeat {
            kept.push(event);
        }
    }
    *found = kept;
}

/// Whether trigger words say "the two sides" (`بحث الجانبان`, `طرفین`, `the two sides`)
/// rather than naming the participants.
fn names_the_sides(words: &[&str]) -> bool {
    words.iter().any(|w| {
        matches!(
            *w,
            "الجانبان"
                | "الطرفان"
                | "الجانبين"
                | "الطرفين"
                | "طرفين"
                | "طرفین"
                | "sides"
        )
    })
}

/// "The two sides" are the two sides of the last meeting the document reported before: a
/// symmetric event that names them takes that meeting's participants, all of them on both
/// sides, instead of whatever countries its own sentence mentions (`بحث الجانبان الوضع في
/// سوريا والعراق` is no meeting of Syria and Iraq). Without such a meeting it keeps its own.
fn take_the_sides<'a>(event: &mut Event, before: impl DoubleEndedIterator<Item = &'a Event>) {
    if event.actors != event.recipients {
        return;
    }
    let meeting = before.rev().find(|e| {
        e.kind == EventKind::Consult
            && !e.actors.is_empty()
            && !e.recipients.is_empty()
            && e.trigger.end <= event.trigger.start
    });
    let Some(meeting) = meeting else {
        return;
    };
    let mut sides: Vec<usize> = meeting.actors.iter().chain(&meeting.recipients).copied().collect();
    sides.sort_unstable();
    sides.dedup();
    event.actors.clone_from(&sides);
    event.recipients = sides;
}

/// Who acts for a verbal trigger inside someone's speech.
#[derive(Debug, Clone, Copy)]
enum Speaker {
    /// The speaker, unless the row's own positions find a source (`قال إن واشنطن تتهم …`).
    Unless(usize),
    /// The speaker: a definite noun in speech is the speaker's own charge (`الذرائع الأمريكية`).
    Always(usize),
    /// The speaker, for `speaker` rows only: the trigger opens reported words, where it is a
    /// noun (`اعتبر شمخاني رفض قبول مقترح إيران … ذريعة`: the refusal is another's).
    OnlySpeech(usize),
}

/// The types a speaker performs by saying so: verbal cooperation and conflict, but not a
/// meeting.
pub(crate) fn is_speech_act(kind: EventKind) -> bool {
    kind != EventKind::Consult
        && matches!(kind.quad(), QuadClass::VerbalCooperation | QuadClass::VerbalConflict)
}

/// Whether a quote's speaker can be an event's source: a person, an organization or a country
/// (an office that speaks for a holder the document does not name cannot).
fn is_speaker(entity: &Entity) -> bool {
    match entity.kind {
        EntityKind::Person | EntityKind::Organization => true,
        EntityKind::Place => entity.is_country(),
        EntityKind::Nationality | EntityKind::Office => false,
    }
}

/// Whether an entity may be an event's participant: a person, an organization, a country or
/// a nationality.
fn is_participant(entity: &Entity, entities: &[Entity]) -> bool {
    match entity.kind {
        EntityKind::Person | EntityKind::Organization => true,
        EntityKind::Place => entity.is_country(),
        // A nationality names a country's people (`المتظاهرون الفلسطينيون`), which PLOVER codes
        // as an actor of that country.
        // One that gives a title its country (`أمين المجلس ... الإيراني علي شمخاني`) is part of
        // a person's or an office's mention instead.
        EntityKind::Nationality => {
            entity.actor.is_some()
                && !entities.iter().any(|other| {
                    let is_role = other
                        .role_span
                        .is_some_and(|r| r.start <= entity.span.start && entity.span.end <= r.end);
                    let is_office_country = other.kind == EntityKind::Office
                        && other.span.end <= entity.span.start
                        && other.span.end + 1 >= entity.span.start;
                    is_role || is_office_country
                })
        }
        EntityKind::Office => false,
    }
}

/// Normalized Arabic prepositions and nouns of location that make a place a where.
const AR_PLACE_GOVERNORS: &[&str] = &[
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "حتي",
    "نحو",
    "داخل",
    "خارج",
    "قرب",
    "بين",
    "وفي",
    "ومن",
    "والي",
    "لدي",
    "عبر",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "ضواحي",
    "ريف",
    "اطراف",
    "محيط",
    "العاصمة",
    "عاصمة",
    "مدينة",
];
/// The same in Persian (normalized: `ي`, `ك`).
const FA_PLACE_GOVERNORS: &[&str] = &[
    "در",
    "از",
    "به",
    "با",
    "تا",
    "بين",
    "ميان",
    "نزد",
    "سوي",
    "براي",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "پايتخت",
    "شهر",
];
/// The same in English.
const EN_PLACE_GOVERNORS: &[&str] = &[
    "in", "at", "to", "from", "into", "near", "between", "with", "for", "on", "across", "outside",
    "inside", "via", "of",
];

/// Whether a capital stands for its country's government here (`طهران والرياض اتفقتا`,
/// `Washington reimposed sanctions`): a capital of the knowledge base that no preposition
/// governs (`في طهران`, `در تهران`, `in Moscow` name where, not who).
fn is_acting_capital(
    entity: &Entity,
    entities: &[Entity],
    original: &[Span],
    words: &[&str],
    lang: Lang,
    knowledge: &Knowledge,
) -> bool {
    if entity.kind != EntityKind::Place
        || !entity.actor.as_deref().is_some_and(|id| knowledge.is_capital(id))
    {
        return false;
    }
    let at = original.partition_point(|w| w.end <= entity.span.start);
    // A clitic `ب`/`ل`/`ك` joined to the name stands in its word before the mention
    // (`بطهران`, `وبطهران`); a conjunction alone (`والرياض`) governs nothing.
    let word = words.get(at).copied().unwrap_or("");
    let after_conjunction = word.strip_prefix(['و', 'ف']).unwrap_or(word);
    let is_clitic_governed = original.get(at).is_some_and(|w| w.start < entity.span.start)
        && after_conjunction.starts_with(['ب', 'ل', 'ك']);
    // A preposition or a noun of location (`شمال بغداد`, `في العاصمة السورية دمشق`) within
    // the three words before the name.
    let governs = |w: &str| match lang {
        Lang::Ar => AR_PLACE_GOVERNORS.contains(&w),
        Lang::Fa => FA_PLACE_GOVERNORS.contains(&w),
        _ => EN_PLACE_GOVERNORS.contains(&w),
    };
    // Back from the name across titles, nationalities and other names (`في العاصمة السورية
    // دمشق`) to the first other word, which must not govern it (`في بكين ان طهران` does not).
    let in_mention = |w: usize| is_in_mention(entities, original[w]);
    let mut is_governed = is_clitic_governed;
    for w in (at.saturating_sub(3)..at).rev() {
        if governs(words[w]) {
            is_governed = true;
            break;
        }
        if !in_mention(w) {
            break;
        }
    }
    !is_governed
}

/// The trigger forms a sentence holds, after overlaps are settled, in order of position.
///
/// With `allow_definite`, Arabic definite nouns match too (inside speech, see `find`).
fn trigger_hits(words: &[&str], lang: Lang, triggers: &Triggers, allow_definite: bool) -> Vec<Hit> {
    let mut found: Vec<Hit> = Vec::new();
    for (start, word) in words.iter().enumerate() {
        let Some(candidates) = triggers.by_first.get(*word) else {
            continue;
        };
        for &form_idx in candidates {
            let form = &triggers.forms[form_idx as usize];
            if form.lang != lang {
                continue;
            }
            // An Arabic definite noun (`الهجوم`, `الاغتيال`, `المظاهرات`) names an event the
            // text refers back to; it reports none by itself.
            // A verb that starts with those letters (`التقى`) has no form without them.
            // `mention:` and `weak:` rows are weighed in `is_reported` instead
            // (`آلاف المتظاهرين` is a count and a definite noun).
            let row = &triggers.rows[form.row];
            let is_definite_noun = lang == Lang::Ar
                && !allow_definite
                && !row.is_mention
                && !row.is_weak
                && word.strip_prefix("ال").is_some_and(|bare| {
                    bare.chars().count() > 2 && triggers.by_first.contains_key(bare)
                });
            if is_definite_noun {
                continue;
            }
            // A demonstrative points back to an event already told: `در این دیدار`,
            // `during this visit`.
            let is_pointed_back = !allow_definite
                && start > 0
                && match lang {
                    Lang::Fa => matches!(words[start - 1], "اين" | "همين" | "آن" | "ان"),
                    Lang::En => matches!(words[start - 1], "this" | "that" | "these" | "those"),
                    _ => false,
                };
            if is_pointed_back && !row.is_weak {
                continue;
            }
            if let Some((end, is_negated)) = match_tokens(&form.tokens, words, start, lang, true) {
                let gap = match form.tokens.iter().position(|t| *t == Token::Gap) {
                    Some(at) => start + at,
                    None => end,
                };
                found.push(Hit {
                    form: form_idx as usize,
                    start,
                    end,
                    gap,
                    is_negated,
                    follows_mention: false,
                    is_mention: row.is_mention,
                    is_in_phrase: lang == Lang::Ar && {
                        let word = words[start];
                        let clitic = word.strip_prefix(['ب', 'ل']).is_some_and(|rest| {
                            rest.chars().count() > 2 && triggers.by_first.contains_key(rest)
                        });
                        clitic || (start > 0 && is_ar_preposition(words[start - 1]))
                    },
                    is_governed: false,
                });
            }
        }
    }
    // Longer matches first, then earlier rows; keep those that overlap no kept one.
    found
        .sort_by_key(|h| (std::cmp::Reverse(h.end - h.start), triggers.forms[h.form].row, h.start));
    let mut kept: Vec<Hit> = Vec::new();
    for hit in found {
        if kept.iter().all(|k| hit.end <= k.start || k.end <= hit.start) {
            kept.push(hit);
        }
    }
    kept.sort_by_key(|h| h.start);
    let row_of = |h: &Hit| &triggers.rows[triggers.forms[h.form].row];
    for idx in 1..kept.len() {
        let (before, hit) = (kept[idx - 1], kept[idx]);
        // `الخطف والقتل`, `اختطاف السفير وقتله`: a `و` form right after a verbal noun and its
        // object continues the verbal noun; a verb right after a noun (`سيارة مفخخة فجرت`) is
        // its predicate.
        let is_next = before.end + 3 >= hit.start && words[hit.start].starts_with('و');
        kept[idx].follows_mention = is_next && row_of(&before).is_mention;
        kept[idx].is_governed = kept[..idx]
            .iter()
            .any(|k| k.end + 4 >= hit.start && row_of(k).kind != row_of(&hit).kind);
    }
    kept
}

/// Matches `tokens` at word `at`: the word index after the match and whether a word carried
/// a negation prefix.
fn match_tokens(
    tokens: &[Token],
    words: &[&str],
    at: usize,
    lang: Lang,
    is_first: bool,
) -> Option<(usize, bool)> {
    let Some((token, rest)) = tokens.split_first() else {
        return Some((at, false));
    };
    match token {
        Token::Gap => {
            (0..=MAX_GAP).find_map(|skip| match_tokens(rest, words, at + skip, lang, false))
        }
        Token::Word(form) => {
            let text = words.get(at)?;
            let is_last = rest.is_empty();
            match match_word(form, text, lang, is_first, is_last) {
                WordMatch::No => None,
                WordMatch::Yes => match_tokens(rest, words, at + 1, lang, false),
                WordMatch::Negated => {
                    match_tokens(rest, words, at + 1, lang, false).map(|(end, _)| (end, true))
                }
            }
        }
    }
}

/// The cue phrases a sentence holds, with negations that a `not_negation` phrase covers left out.
fn cue_hits(words: &[&str], lang: Lang, triggers: &Triggers) -> Vec<CueHit> {
    let mut found = Vec::new();
    for (start, word) in words.iter().enumerate() {
        let Some(candidates) = triggers.cues_by_first.get(*word) else {
            continue;
        };
        for &cue_idx in candidates {
            let cue = &triggers.cues[cue_idx as usize];
            let end = start + cue.words.len();
            if cue.lang == lang
                && end <= words.len()
                && cue.words.iter().zip(&words[start..end]).all(|(c, w)| c == w)
            {
                found.push(CueHit { kind: cue.kind, start, end });
            }
        }
    }
    let covers: Vec<(usize, usize)> =
        found.iter().filter(|c| c.kind == CueKind::NotNegation).map(|c| (c.start, c.end)).collect();
    found.retain(|c| match c.kind {
        CueKind::Negation { .. } => !covers.iter().any(|&(s, e)| s <= c.start && c.end <= e),
        CueKind::NotNegation => false,
        _ => true,
    });
    found
}

/// What the participant rules need to know about a sentence.
struct Scene<'a> {
    words: &'a [&'a str],
    /// Each word's span in the original text.
    original: &'a [Span],
    entities: &'a [Entity],
    /// Indexes into `entities` of the sentence's possible participants, in order.
    participants: &'a [usize],
    lang: Lang,
    /// Whether the sentence asks a question, whose events are not asserted.
    is_question: bool,
    /// Whether the lexicon has `crowd_act` cues for the language.
    has_crowd_acts: bool,
}

impl<'a> Scene<'a> {
    /// The same sentence with only these participants.
    fn with_participants<'b>(&self, participants: &'b [usize]) -> Scene<'b>
    where
        'a: 'b,
    {
        Scene {
            words: self.words,
            original: self.original,
            entities: self.entities,
            participants,
            lang: self.lang,
            is_question: self.is_question,
            has_crowd_acts: self.has_crowd_acts,
        }
    }

    /// The sentence word an entity starts in.
    fn word_of(&self, entity: usize) -> usize {
        let start = self.entities[entity].span.start;
        self.original.partition_point(|w| w.end <= start)
    }

    /// The sentence word an entity ends in.
    fn end_word_of(&self, entity: usize) -> usize {
        let end = self.entities[entity].span.end;
        self.original.partition_point(|w| w.end < end)
    }

    /// The first participant that starts in words `from..to`, preferring a person among the
    /// first ones (a title or body often comes before the person who holds it), and not `but`.
    fn first_in(&self, from: usize, to: usize, but: &[usize]) -> Option<usize> {
        let inside: Vec<usize> = self
            .participants
            .iter()
            .copied()
            .filter(|&p| !but.contains(&p))
            .filter(|&p| (from..to).contains(&self.word_of(p)))
            .collect();
        inside
            .iter()
            .copied()
            .find(|&p| self.entities[p].kind == EntityKind::Person)
            .or_else(|| inside.first().copied())
    }

    /// Whether word `at` can stand between a verb or verbal noun and the name that is its
    /// subject or owner: a word of any mention (a title, a nationality, another name) or a
    /// word of time (`التقى اليوم الأحد الرئيس …`).
    fn is_transparent(&self, at: usize) -> bool {
        is_in_mention(self.entities, self.original[at]) || is_time_word(self.words[at])
    }

    /// The end of the words from `from` that hold at most `budget` words no mention or time
    /// word covers: reaches count words of content, not names, titles and dates.
    fn reach_end(&self, from: usize, budget: usize) -> usize {
        let mut used = 0;
        for at in from..self.words.len() {
            if !self.is_transparent(at) {
                used += 1;
                if used > budget {
                    return at;
                }
            }
        }
        self.words.len()
    }

    /// The first participant in words `from..to` with only transparent words before it.
    fn first_adjacent(&self, from: usize, to: usize, but: &[usize]) -> Option<usize> {
        let p = self.first_in(from, to, but)?;
        (from..self.word_of(p)).all(|at| self.is_transparent(at)).then_some(p)
    }

    /// Where the Persian clause that holds word `at` starts: after a relative `که`
    /// (normalized `كه`) when `at` is the first verb of that clause (`عناصر تروریستی که امنیت
    /// آنها را تهدید می‌کنند`: the terrorists threaten, not the country named before them),
    /// else the sentence start. A clause that closed before `at` (`آمریکا که دشمن است، …`)
    /// does not count, nor does a `که` after a verb, which opens a complement (`گفت که`,
    /// `نخستین بار است که`).
    fn fa_clause_start(&self, at: usize) -> usize {
        for k in (0..at).rev() {
            let word = self.words[k];
            if word.ends_with('،') || word == "," || is_fa_verb(word) {
                return 0;
            }
            if word == "كه" {
                let after_verb = k > 0 && is_fa_verb(self.words[k - 1]);
                return if after_verb { 0 } else { k + 1 };
            }
        }
        0
    }

    /// The nearest participant that ends before word `before`, and not `but`.
    fn last_before(&self, before: usize, but: &[usize]) -> Option<usize> {
        self.participants.iter().copied().rfind(|&p| !but.contains(&p) && self.word_of(p) < before)
    }

    /// The participants at `position`; `is_source` when they are to act, not undergo.
    fn find(&self, position: &Position, hit: &Hit, but: &[usize], is_source: bool) -> Vec<usize> {
        let n = self.words.len();
        let one = |p: Option<usize>| p.into_iter().collect::<Vec<usize>>();
        match position {
            Position::Subject => match self.lang {
                Lang::Ar => {
                    // Verb-subject order: the subject follows before any prepositional phrase.
                    // In a form with a gap it stands in the gap (`أطلقت السلطات ... سراح`).
                    let after = hit.gap;
                    let reach = (after..(after + SUBJECT_REACH).min(n))
                        .find(|&at| is_ar_preposition(self.words[at]))
                        .unwrap_or((after + SUBJECT_REACH).min(n));
                    // Subject-verb order: a participant that ends right before the verb.
                    // `قد` before a perfect verb belongs to the verb (`أن يكون ظريف قد التقى`).
                    let verb_start = match hit.start.checked_sub(1).map(|at| self.words[at]) {
                        Some("قد" | "وقد" | "فقد" | "لقد") => hit.start - 1,
                        _ => hit.start,
                    };
                    let adjacent = self
                        .last_before(verb_start, but)
                        .filter(|&p| self.end_word_of(p) + 1 >= verb_start);
                    one(adjacent
                        // A name may start at the stop word itself: `على` and the name `علي`
                        // normalize alike.
                        .or_else(|| {
                            // A verb's subject follows it with at most one word of content
                            // between (`رفض قبول مقترح إيران` is no refusal by Iran); a verbal
                            // noun after a preposition is followed by its owner's whole phrase
                            // (`بزيارة الوفد الأمني الإيراني`).
                            self.first_in(after, reach + 1, but).filter(|&p| {
                                // A title right after the verb is its subject (`اتهم الوزير
                                // السعودي طهران`): a name after it that is no person is the
                                // object.
                                let title_first = self.entities[p].kind != EntityKind::Person
                                    && self.entities.iter().any(|e| {
                                        e.kind == EntityKind::Office
                                            && (after..self.word_of(p)).contains(
                                                &self
                                                    .original
                                                    .partition_point(|w| w.end <= e.span.start),
                                            )
                                    });
                                !title_first
                                    && (hit.is_in_phrase
                                        || (after..self.word_of(p))
                                            .filter(|&at| !self.is_transparent(at))
                                            .count()
                                            <= 1)
                            })
                        })
                        .or_else(|| {
                            // Subject-verb order with words between, within the same clause; a
                            // `mention:` noun or imperfect has no subject standing before it.
                            self.last_before(hit.start, but).filter(|&p| {
                                !hit.is_mention && self.end_word_of(p) + SUBJECT_REACH >= hit.start
                            })
                        }))
                }
                Lang::Fa => one(self.first_in(self.fa_clause_start(hit.start), hit.start, but)),
                // Subject-verb order: the subject ends at most three words of content before
                // the verb (`Gunmen killed`, `Iran's foreign minister Araghchi on Monday met`),
                // not a name of an earlier clause.
                _ => one(self.last_before(hit.start, but).filter(|&p| {
                    let end = self.end_word_of(p) + 1;
                    (end..hit.start).filter(|&at| !self.is_transparent(at)).count() <= 3
                })),
            },
            Position::Object => {
                one(self.first_in(hit.end, self.reach_end(hit.end, OBJECT_REACH), but))
            }
            // The owner of a verbal noun who acts follows it at once (`رفض إيران`, `انتقاد
            // آمریکا`): a name further on owns another noun of the chain and undergoes the act
            // (`رفض قبول مقترح إيران`: Iran's proposal is rejected).
            Position::Possessor if is_source && matches!(self.lang, Lang::Ar | Lang::Fa) => {
                one(self.first_adjacent(hit.end, (hit.end + 3).min(n), but))
            }
            Position::Possessor => one(self.first_in(hit.end, (hit.end + 3).min(n), but)),
            // A form that ends in the particle (`با تقدیر از`, `خواستار … از`) has its
            // phrase right after it.
            Position::Prep(particle) if hit.end > 0 && self.words[hit.end - 1] == particle => {
                one(self.first_in(hit.end, (hit.end + PREP_REACH).min(n), but))
            }
            Position::Prep(particle) => {
                let is_clitic = particle.chars().count() == 1;
                // A phrase after the trigger belongs to it only near it: further on it
                // belongs to another verb (`أعرب عن ارتياحه حيال العلاقات … الاستقرار إلى
                // سوريا`).
                let after_reach = self.reach_end(hit.end, PARTICLE_REACH);
                // Persian puts the phrase before its verb (`X با Y دیدار کرد`), the others after.
                let order: Vec<usize> = match self.lang {
                    Lang::Fa => (0..hit.start).chain(hit.end..after_reach).collect(),
                    _ => (hit.end..after_reach).collect(),
                };
                order
                    .into_iter()
                    .find_map(|at| {
                        let word = self.words[at];
                        if word == particle {
                            return self.first_in(at + 1, (at + 1 + PREP_REACH).min(n), but);
                        }
                        let is_attached = match word.strip_prefix(particle.as_str()) {
                            Some(rest) => is_clitic && rest.chars().count() >= 2,
                            None => false,
                        };
                        if is_attached {
                            return self.first_in(at, (at + PREP_REACH).min(n), but);
                        }
                        None
                    })
                    .into_iter()
                    .collect()
            }
            Position::Both => {
                let all: Vec<usize> =
                    self.participants.iter().copied().filter(|p| !but.contains(p)).collect();
                // Two or more names in the clause that ends at the trigger are its sides
                // (`أعلن الوزير أن الرياض والدوحة اتفقتا`): not the announcer before `أن`.
                let clause_start = (0..hit.start)
                    .rev()
                    .find(|&at| {
                        matches!(self.words[at], "ان" | "أن" | "إن" | "بان" | "بأن" | "كه" | "that")
                    })
                    .map_or(0, |at| at + 1);
                let sides: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|&p| (clause_start..hit.start).contains(&self.word_of(p)))
                    .collect();
                if clause_start > 0 && sides.len() >= 2 { sides } else { all }
            }
            Position::SelfNamed | Position::Speaker => Vec::new(),
        }
    }

    /// The participants the first slot that yields any gives; `None` when a required slot
    /// yields none. `is_source` for the actor slots.
    fn fill(
        &self,
        slots: &[Slot],
        hit: &Hit,
        but: &[usize],
        is_source: bool,
    ) -> Option<Vec<usize>> {
        for slot in slots {
            let found = self.find(&slot.position, hit, but, is_source);
            if !found.is_empty() {
                return Some(found);
            }
            if slot.is_required {
                return None;
            }
        }
        Some(Vec::new())
    }
}

/// The group noun (`CueKind::Group`) that stands where the trigger's actor (`as_source`) or
/// recipient would, as a span of the original text; `taken` is the actor's, never the
/// recipient's too, and a recipient after the trigger starts at word `from` or later (after
/// a named actor's phrase).
///
/// The actor: the trigger itself when it is a group noun (`تظاهر آلاف المتظاهرين` read from
/// `المتظاهرين`); in Arabic a noun within three words after the verb or right before it
/// (`قتل مسلحون`, `المتظاهرون رفعوا`); in Persian the first one of the clause before the verb;
/// in English one ending within three words before it. The recipient: a noun starting within
/// four words after the trigger (`قتل خمسة أشخاص`, `killed five civilians`), in Persian within
/// four words before the verb.
fn group_near(
    cues: &[CueHit],
    hit: &Hit,
    scene: &Scene<'_>,
    as_source: bool,
    taken: Option<Span>,
    from: usize,
) -> Option<Span> {
    let span = |c: &CueHit| Span {
        start: scene.original[c.start].start,
        end: scene.original[c.end - 1].end,
    };
    let mut groups = cues.iter().filter(|c| match c.kind {
        CueKind::Group { is_victim } => {
            let overlaps_trigger = c.start < hit.end && hit.start < c.end;
            let fits = if as_source { !is_victim } else { !overlaps_trigger };
            fits && taken.is_none_or(|t| t != span(c))
        }
        _ => false,
    });
    let found = if as_source {
        let (gap, start) = (hit.gap, hit.start);
        match scene.lang {
            Lang::Ar => {
                // A plural perfect (`هاجموا`) carries its subject: the noun after it is the
                // object.
                let carries_subject = scene.words[start].ends_with("وا");
                groups.find(|c| {
                    (c.start < hit.end && hit.start < c.end)
                        || (!carries_subject && (gap..gap + 3).contains(&c.start))
                        || (c.end <= start && c.end + 2 >= start)
                })
            }
            Lang::Fa => {
                let clause = scene.fa_clause_start(start);
                groups.find(|c| {
                    (c.start < hit.end && start < c.end) || (clause <= c.start && c.end <= start)
                })
            }
            _ => groups.rfind(|c| {
                (c.start < hit.end && start < c.end) || (c.end <= start && c.end + 3 >= start)
            }),
        }
    } else {
        match scene.lang {
            Lang::Fa => groups.rfind(|c| c.end <= hit.start && c.end + 4 >= hit.start),
            _ => groups.find(|c| (from..from + 4).contains(&c.start)),
        }
    };
    found.map(span)
}

/// Whether some mention (a name, a title, a nationality) covers `word`.
fn is_in_mention(entities: &[Entity], word: Span) -> bool {
    entities.iter().any(|e| e.span.start <= word.start && word.end <= e.span.end)
}

/// Whether a normalized word says when (`اليوم`, `أمس`, `امروز`, a weekday): it may stand
/// between a verb and its subject.
fn is_time_word(word: &str) -> bool {
    let word = word.strip_prefix('و').filter(|w| w.starts_with("ال")).unwrap_or(word);
    matches!(
        word,
        "اليوم"
            | "امس"
            | "أمس"
            | "الليلة"
            | "مساء"
            | "صباح"
            | "ظهر"
            | "الاحد"
            | "الأحد"
            | "الاثنين"
            | "الثلاثاء"
            | "الاربعاء"
            | "الأربعاء"
            | "الخميس"
            | "الجمعة"
            | "السبت"
            | "ايضا"
            | "أيضا"
            | "مجددا"
            | "امروز"
            | "دیروز"
            | "روز"
    )
}

/// Whether a normalized Persian word is a finite verb that ends a clause: a copula or light
/// verb, a verb of saying, or a present form with `می`.
fn is_fa_verb(word: &str) -> bool {
    matches!(
        word,
        "است"
            | "هست"
            | "هستند"
            | "بود"
            | "بودند"
            | "شد"
            | "شدند"
            | "كرد"
            | "كردند"
            | "دارد"
            | "دارند"
            | "داشت"
            | "اند"
            | "گفت"
            | "افزود"
            | "كند"
            | "كنند"
    ) || (word.starts_with("مي") || word.starts_with("نمي")) && word.chars().count() > 3
}

/// Whether a normalized Arabic word opens a prepositional phrase (`مع`, `في`, `بالرئيس`).
fn is_ar_preposition(word: &str) -> bool {
    matches!(word, "مع" | "في" | "الي" | "من" | "علي" | "عن" | "لدي" | "خلال")
        || word.starts_with("بال")
}

fn make_event(
    hit: &Hit,
    cues: &[CueHit],
    scene: &Scene<'_>,
    sentence: Span,
    triggers: &Triggers,
    speaker: Option<Speaker>,
) -> Option<Event> {
    let row = &triggers.rows[triggers.forms[hit.form].row];
    if !is_reported(row, hit, cues, scene) {
        return None;
    }
    let is_speech_only = row.actor.iter().any(|s| s.position == Position::Speaker);
    let actors = match speaker {
        None if is_speech_only => return None,
        Some(Speaker::Unless(speaker) | Speaker::OnlySpeech(speaker)) if is_speech_only => {
            vec![speaker]
        }
        Some(Speaker::OnlySpeech(_)) => scene.fill(&row.actor, hit, &[], true)?,
        Some(Speaker::Always(speaker)) => vec![speaker],
        // A verb of a Persian relative clause tells what its antecedent does, never the
        // speaker's act.
        Some(Speaker::Unless(_))
            if scene.lang == Lang::Fa && scene.fa_clause_start(hit.start) > 0 =>
        {
            scene.fill(&row.actor, hit, &[], true)?
        }
        Some(Speaker::Unless(speaker)) => match scene.fill(&row.actor, hit, &[], true) {
            Some(actors) if !actors.is_empty() => actors,
            _ => vec![speaker],
        },
        None => scene.fill(&row.actor, hit, &[], true)?,
    };
    if actors.is_empty() && !is_unnamed_source_allowed(row.kind) {
        // PLOVER requires a source actor.
        return None;
    }
    let is_symmetric = row.actor.first().is_some_and(|s| s.position == Position::Both);
    let recipients = if is_symmetric {
        actors.clone()
    } else {
        scene.fill(&row.recipient, hit, &actors, false)?
    };
    let actor_group =
        if actors.is_empty() { group_near(cues, hit, scene, true, None, hit.end) } else { None };
    let recipient_group = if recipients.is_empty() && !is_symmetric {
        // Not a group noun inside the named actor's phrase (`قتل الجيش السوري 5 مسلحين`).
        let actors_end = actors
            .iter()
            .filter(|&&a| scene.word_of(a) >= hit.end)
            .map(|&a| scene.end_word_of(a) + 1)
            .max()
            .unwrap_or(hit.end);
        group_near(cues, hit, scene, false, actor_group, actors_end.max(hit.end))
    } else {
        None
    };
    // A negated obligation (`نباید`, `لا يجب`) is a prohibition: still a call.
    let is_negated = !is_speech_only
        && (hit.is_negated
            || cues.iter().any(|c| match c.kind {
                CueKind::Negation { reach } => c.end <= hit.start && c.end + reach > hit.start,
                _ => false,
            }));
    // A listed future form (`سيلتقي`) is the future of a listed imperfect (`يلتقي`); a listed
    // word that only starts like one (`سيارة`) is not.
    let form = &triggers.forms[hit.form];
    let is_listed_future = match form.tokens.first() {
        Some(Token::Word(w)) => {
            w.strip_prefix('س').is_some_and(|rest| triggers.by_first.contains_key(rest))
        }
        _ => false,
    };
    let modality = modality(hit, cues, scene, form, row.is_mention, is_listed_future);
    let trigger =
        Span { start: scene.original[hit.start].start, end: scene.original[hit.end - 1].end };
    let mut confidence: f32 = 0.6;
    if !recipients.is_empty() {
        confidence += 0.2;
    }
    if actors.iter().any(|&a| scene.entities[a].actor.is_some()) {
        confidence += 0.1;
    }
    // A named person attacks in words (`هاجم ماكين خطة منافسه`, `شن جنبلاط هجوما على`); armed
    // attacks are told of forces, groups and unnamed gunmen.
    // The person must be the verb's own subject, right after it with the title they carry
    // (`هاجمت رايس`, `شن رئيس الحزب ... جنبلاط`), and no group may act beside them.
    let is_subject_person = |a: usize| {
        let entity = &scene.entities[a];
        let opens = entity.role_span.map_or(entity.span.start, |r| r.start.min(entity.span.start));
        let word = scene.original.partition_point(|w| w.end <= opens);
        entity.kind == EntityKind::Person && word > hit.start && word <= hit.start + 2
    };
    let is_in_words = row.is_in_words
        && actors.first().is_some_and(|&a| is_subject_person(a))
        && actors.iter().all(|&a| scene.entities[a].kind == EntityKind::Person);
    let (kind, mode, cameo) = if is_in_words {
        (EventKind::Accuse, None, "11".to_owned())
    } else {
        (row.kind, row.mode.clone(), row.cameo.clone())
    };
    Some(Event {
        kind,
        mode,
        cameo,
        quad: kind.quad(),
        trigger,
        sentence,
        actors,
        recipients,
        actor_group,
        recipient_group,
        is_negated,
        modality,
        place: None,
        date: None,
        confidence,
    })
}

/// Whether a match reports an event rather than names one.
///
/// A `weak:` word (`المتظاهرين`, `قتلى`) reports one when a count stands before it
/// (`آلاف المتظاهرين`, `عشرات القتلى`, `40 متظاهرا`).
/// A `mention:` form (a verbal noun such as `هجوم` or `مظاهرة`, or an imperfect verb) reports
/// one when a count follows it (`مقتل 5`, `يقتل 60`) or when a verb of taking place or a past
/// time anchor stands near it (`وقع الهجوم`, `أسفر عن مقتل`, `خرجت مظاهرة`, `هجوم أمس`).
/// Without that it names an event the text refers to, condemns, fears or plans
/// (`بعد اغتيال`, `ندد بالهجوم`, `مخاوف من هجمات`).
fn is_reported(row: &Row, hit: &Hit, cues: &[CueHit], scene: &Scene<'_>) -> bool {
    let words = scene.words;
    if is_in_relative_clause(hit, cues, scene)
        || is_time_anchor(row, hit, scene)
        || is_dated_by_year(hit, scene)
    {
        return false;
    }
    if row.is_weak {
        // `آلاف المتظاهرين`, `مئات من المتظاهرين`, `نحو 40 متظاهرا`.
        let has_crowd = (hit.start.saturating_sub(2)..hit.start).any(|at| is_count(words[at]))
            || cues
                .iter()
                .any(|c| c.kind == CueKind::Crowd && c.end <= hit.start && c.end + 2 > hit.start);
        return !hit.is_governed && has_crowd && is_crowd_subject(row, hit, cues, scene);
    }
    let is_referred = hit.follows_mention
        || cues.iter().any(|c| c.kind == CueKind::Reference && c.end == hit.start);
    if !row.is_mention && !is_referred {
        return true;
    }
    // `الهجوم الذي استهدف ...` refers back to an attack the reader knows of.
    let is_definite = scene.lang == Lang::Ar
        && ["ال", "وال", "بال", "لل", "فال"].iter().any(|p| words[hit.start].starts_with(p));
    if is_definite && words.get(hit.end).is_some_and(|w| AR_RELATIVES.contains(w)) {
        return false;
    }
    // A count that starts a date (`تفجيرات 11 سبتمبر`) names the event instead of counting.
    let is_date_at = |at: usize| words.get(at + 1).is_some_and(|w| AR_MONTHS.contains(w));
    // The count follows the verb, or its subject when one is named (`قتل الجيش السوري 5
    // مسلحين`, `قتل مسلحون مجهولون خمسة أشخاص`): names, titles, time words and group nouns
    // right after the trigger do not count toward the two words.
    let is_group_at = |at: usize| {
        cues.iter().any(|c| matches!(c.kind, CueKind::Group { .. }) && c.start <= at && at < c.end)
    };
    let mut subject_end = hit.end;
    while subject_end < words.len()
        && (scene.is_transparent(subject_end) || is_group_at(subject_end))
    {
        subject_end += 1;
    }
    let after = hit.end..(subject_end + 2).min(words.len());
    let has_count_after = after.clone().any(|at| is_count(words[at]) && !is_date_at(at))
        || cues.iter().any(|c| c.kind == CueKind::Quantity && after.contains(&c.start));
    let has_occurrence = cues.iter().any(|c| {
        let is_after = c.start >= hit.end && c.start <= hit.end + OCCURRENCE_REACH;
        match c.kind {
            // A definite noun before its verb (`الهجوم أسفر عن`) continues the story of an attack
            // already told; one after it (`ووقع الهجوم`) is told now.
            // After a preposition the verb's form is its verbal noun (`من شن هجوم`, `في شن
            // ضربات`), which names an act rather than says it took place.
            CueKind::Occurrence if is_named_act(c, scene) => false,
            CueKind::Occurrence => {
                (is_after && !is_definite)
                    || (c.end <= hit.start && c.end + OCCURRENCE_REACH >= hit.start)
            }
            // A time anchor before the noun mostly dates the verb before it (`قال أمس إن الهجوم`).
            CueKind::PastTime => is_after,
            _ => false,
        }
    });
    has_count_after || has_occurrence
}

/// Whether an Arabic trigger opens a relative clause (`الصحافي الذي خطف أمس`, `الممرضة التي
/// تم اختطافها`): the clause tells who or what the sentence is about, by an event that is
/// background to it, told before or known to the reader.
fn is_in_relative_clause(hit: &Hit, cues: &[CueHit], scene: &Scene<'_>) -> bool {
    let words = scene.words;
    if scene.lang != Lang::Ar {
        return false;
    }
    // Between the pronoun and the trigger may stand an auxiliary (`الذي تم اغتياله`, `التي قد
    // استهدفت`), or a verb of result and a count (`التي أوقعت 163 قتيلا`, `الذي أسفر عن سقوط
    // 16 قتيلا`).
    let is_between = |at: usize| {
        AR_RELATIVE_AUXILIARIES.contains(&words[at])
            || matches!(words[at], "عن" | "الي" | "سقوط")
            || is_count(words[at])
            || cues.iter().any(|c| {
                c.start <= at
                    && at < c.end
                    && matches!(c.kind, CueKind::Occurrence | CueKind::Quantity | CueKind::Crowd)
            })
    };
    let mut at = hit.start;
    while at > 0 && hit.start - at < RELATIVE_REACH && is_between(at - 1) {
        at -= 1;
    }
    // `الأمر الذي أدى إلى` (which led to) tells a result and `في الوقت الذي` (while) a
    // simultaneous event; neither is a relative clause about a participant.
    let is_conjunction = at > 1 && matches!(words[at - 2], "الامر" | "الوقت");
    at > 0 && AR_RELATIVES.contains(&words[at - 1]) && !is_conjunction
}

/// Whether an Arabic event noun dates another event (`بعد مقتل 24 مدنيا`, `منذ اغتيال`, `عقب
/// تفجير`): it is the time of what the sentence reports, told or known before, even with a
/// count after it.
///
/// A meeting is the exception for `خلال` and `أثناء`: what is said during a meeting (`أكد خلال
/// لقائه`) is said at it, and the meeting is news too.
fn is_time_anchor(row: &Row, hit: &Hit, scene: &Scene<'_>) -> bool {
    let Some(before) = hit.start.checked_sub(1).map(|at| scene.words[at]) else {
        return false;
    };
    let is_during = matches!(before, "خلال" | "اثناء" | "واثناء" | "في" | "وفي");
    // `في` after a verb of causing, succeeding or taking part is its complement, and the event
    // after it is what was caused or done (`تسبب في مقتل 5`, `نجح في قتل`).
    // The verb may have its subject between (`تسبب انفجار في مقتل`).
    let is_complement = before == "في"
        && scene.words[hit.start.saturating_sub(4)..hit.start - 1].iter().any(|verb| {
            AR_IN_VERBS.iter().any(|v| *verb == *v || verb.strip_prefix('و') == Some(v))
        });
    scene.lang == Lang::Ar
        && AR_TIME_PREPOSITIONS.contains(&before)
        && !(is_during && row.kind == EventKind::Consult)
        && !is_complement
}

/// Whether an Arabic event is dated by a year alone, near it in its clause (`اغتيل عام 1981`,
/// `في العام 2006 قتل`, `في 2003`): news dates what it reports by the day (`أمس`, `الثلاثاء`),
/// and a year marks a historical event told as background.
/// `منذ عام 2004` (since) measures a span instead, and a year that ends a full date (`10 أبريل
/// 2007`) may be a chronology's entry.
fn is_dated_by_year(hit: &Hit, scene: &Scene<'_>) -> bool {
    let words = scene.words;
    if scene.lang != Lang::Ar {
        return false;
    }
    let is_year = |at: usize| {
        let word = words[at];
        let is_year_number =
            word.len() == 4 && is_count(word) && (word.starts_with("19") || word.starts_with("20"));
        let before = if at > 0 { words[at - 1] } else { "" };
        let since = at > 1 && matches!(words[at - 2], "منذ" | "ومنذ");
        is_year_number
            && matches!(before, "عام" | "العام" | "لعام" | "سنه" | "في" | "وفي")
            && !since
    };
    let from = hit.start.saturating_sub(YEAR_REACH);
    let to = (hit.end + YEAR_REACH).min(words.len());
    (from..to).any(is_year)
}

/// Whether the protesters a `weak:` PROTEST word names are the subject of a crowd's act
/// (`crowd_act` cues): a verb before their count (`تجمع آلاف المتظاهرين`, `خرج أمس مئات من
/// المتظاهرين`) or after the word (`مليون متظاهر خرجوا`, `thousands of protesters gathered`).
///
/// Protesters who are the object of another act (`فرقت الشرطة آلاف المتظاهرين`), the
/// complement of a preposition (`أمام آلاف المتظاهرين`) or the subject of a relative clause
/// (`آلاف المتظاهرين الذين تجمعوا`) report no protest of their own.
/// Other types' weak words (casualties) and languages with no `crowd_act` cues keep the count
/// test alone.
fn is_crowd_subject(row: &Row, hit: &Hit, cues: &[CueHit], scene: &Scene<'_>) -> bool {
    if row.kind != EventKind::Protest || !scene.has_crowd_acts {
        return true;
    }
    let words = scene.words;
    // The noun phrase opens at the count before the word (`نحو 500 متظاهر`, `مئات من`).
    let opens_at = cues
        .iter()
        .filter(|c| c.kind == CueKind::Crowd && c.end <= hit.start && c.end + 2 > hit.start)
        .map(|c| c.start)
        .chain((hit.start.saturating_sub(2)..hit.start).filter(|&at| is_count(words[at])))
        .min()
        .unwrap_or(hit.start);
    let is_after_preposition = opens_at > 0 && {
        let before = words[opens_at - 1];
        scene.lang == Lang::Ar
            && (is_ar_preposition(before) || AR_PREPOSITION_NOUNS.contains(&before))
    };
    let acts = || cues.iter().filter(|c| c.kind == CueKind::CrowdAct);
    let is_act_before = !is_after_preposition
        && acts().any(|c| c.end <= opens_at && c.end + CROWD_ACT_REACH >= opens_at);
    let is_act_after = !is_after_preposition
        && acts().any(|c| {
            c.start >= hit.end
                && c.start <= hit.end + CROWD_ACT_REACH
                && !words[hit.end..c.start].iter().any(|w| AR_RELATIVES.contains(w))
        });
    is_act_before || is_act_after
}

/// Whether an Arabic occurrence cue is a verbal noun after a preposition (`لشن`, `من شن`), and
/// so says nothing took place.
fn is_named_act(cue: &CueHit, scene: &Scene<'_>) -> bool {
    if scene.lang != Lang::Ar {
        return false;
    }
    let word = scene.words[cue.start];
    let is_after_preposition =
        cue.start > 0 && matches!(scene.words[cue.start - 1], "من" | "في" | "الي" | "عن" | "علي");
    is_after_preposition || word.starts_with("لشن")
}

/// Whether a `mention:` match is the content of a verbal event just before it: what is
/// condemned, demanded, rejected, threatened or promised (`ندد بالهجوم`, `طالب بوقف القصف`,
/// `حذر من هجمات`), which is no event of its own.
fn is_content(hit: &Hit, hits: &[Hit], triggers: &Triggers) -> bool {
    let row_of = |h: &Hit| &triggers.rows[triggers.forms[h.form].row];
    row_of(hit).is_mention
        && hits.iter().any(|h| {
            h.end <= hit.start
                && h.end + CONTENT_REACH >= hit.start
                && matches!(
                    row_of(h).kind,
                    EventKind::Accuse
                        | EventKind::Request
                        | EventKind::Reject
                        | EventKind::Threaten
                        | EventKind::Agree
                        | EventKind::Concede
                )
        })
}

/// Whether a normalized sentence ends with a question mark (normalization folds `؟` to `?`),
/// allowing closing quotes and brackets after it.
fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ')' | ']' | '»'))
        .ends_with(['?', '؟'])
}

/// Whether a word is a number written in digits (`5`, `1000`, `3500`).
fn is_count(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
}

/// Whether an event of this type may be reported with no named source.
///
/// Attacks and protests are often reported with no named source (`قتل 13 شخصا في انفجار`,
/// `تظاهر آلاف الأشخاص`); PLOVER then codes an unknown or generic source (gunmen, protesters).
/// The other types need a named actor.
fn is_unnamed_source_allowed(kind: EventKind) -> bool {
    matches!(kind, EventKind::Protest | EventKind::Assault)
}

/// The modality cues around a trigger say: a possibility or intention just before it,
/// a future marker before it or a time word just after it, or an Arabic `س` prefix on it.
fn modality(
    hit: &Hit,
    cues: &[CueHit],
    scene: &Scene<'_>,
    form: &Form,
    is_mention: bool,
    is_listed_future: bool,
) -> Option<Modality> {
    let before = |c: &CueHit, reach: usize| c.end <= hit.start && c.end + reach >= hit.start;
    let after = |c: &CueHit, reach: usize| c.start >= hit.end && c.start <= hit.end + reach;
    // `قد` right before a perfect verb marks a completed act (`قد قتلت`, `كانت ... قد أطلقت`),
    // not a possibility; the imperfect forms stand in `mention:` rows.
    // An imperfect verb starts with `ي`, `ت` or `ن`; a word after `قد` that does not is a perfect
    // verb (`قد ذكروا أن هجوما`).
    let is_completed = |c: &CueHit| {
        let is_qad = matches!(scene.words[c.start], "قد" | "وقد" | "فقد" | "لقد");
        let next = scene.words.get(c.end).copied().unwrap_or("");
        scene.lang == Lang::Ar
            && is_qad
            && ((c.end == hit.start && !is_mention) || !next.starts_with(['ي', 'ت', 'ن']))
    };
    if scene.is_question
        || cues.iter().any(|c| c.kind == CueKind::Modality && before(c, 3) && !is_completed(c))
    {
        return Some(Modality::Possible);
    }
    // A plan governs its verb across the subject, names, titles and time words (`قرار است
    // ظریف هفته آینده در مسکو با لاوروف دیدار کند`): six words of content at most.
    let governs = |c: &CueHit| {
        c.end <= hit.start
            && (c.end..hit.start).filter(|&at| !scene.is_transparent(at)).count() <= 6
    };
    if cues.iter().any(|c| c.kind == CueKind::Intention && governs(c)) {
        return Some(Modality::Intended);
    }
    let word = scene.words[hit.start];
    // The `س` is a prefix only when the form's own first word lacks it (`يلتقي` in `سيلتقي`, but
    // not `سيارة مفخخة`).
    let is_own_sin = matches!(form.tokens.first(), Some(Token::Word(w)) if w.starts_with('س'));
    let is_ar_future = scene.lang == Lang::Ar && !is_own_sin && {
        let bare = AR_CONJUNCTIONS.iter().find_map(|c| word.strip_prefix(c)).unwrap_or(word);
        let mut chars = bare.chars();
        chars.next() == Some('س')
            && matches!(chars.next(), Some('ي' | 'ت' | 'ن'))
            && bare.chars().count() >= 5
    };
    // A result that lies ahead: `سيؤدي إلى مقتل`, `ستسفر عن سقوط`.
    let is_future_result = is_mention
        && scene.lang == Lang::Ar
        && scene.words[hit.start.saturating_sub(3)..hit.start].iter().any(|w| {
            AR_FUTURE_RESULTS.contains(w)
                || w.strip_prefix('و').is_some_and(|w| AR_FUTURE_RESULTS.contains(&w))
        });
    if is_future_result {
        return Some(Modality::Future);
    }
    let inside = |c: &CueHit| c.start >= hit.start && c.end <= hit.end;
    let has_future_word = cues.iter().any(|c| c.kind == CueKind::Future && inside(c));
    if is_ar_future
        || is_listed_future
        || has_future_word
        || cues.iter().any(|c| c.kind == CueKind::Future && (before(c, 3) || after(c, 2)))
    {
        return Some(Modality::Future);
    }
    None
}

pub mod quotes;

#[cfg(test)]
mod tests;
