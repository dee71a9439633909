//! Shared plain data for khabar: what comes in (`RawArticle`) and what goes out (`Document`).
//!
//! Every other crate depends on this one; it depends on nothing.
//! The types are plain data with `pub` fields and no behaviour beyond small accessors.
//! They derive no `Serialize`: the crates at the edge (`cli`, later `store` and `server`)
//! own their serialized forms, so that the wire format can change without touching the core.

pub mod when;

/// A half-open byte range `start..end`.
///
/// Unless a field's documentation says otherwise, a `Span` indexes the UTF-8 `text`
/// of the `RawArticle` it came from (the "original text"), and both ends lie on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// Builds a span from `usize` offsets.
    ///
    /// Offsets are stored as `u32`: inputs over 4 GiB are refused by `ingest` before they get here.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start: to_u32(start), end: to_u32(end) }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

fn to_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// A language khabar can tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// Arabic (`ar`).
    Ar,
    /// Persian (`fa`).
    Fa,
    /// English (`en`).
    En,
    /// Written in a script or language that is none of the three, for example German or Russian.
    Other,
    /// Too little text, or no letters at all.
    Unknown,
}

impl Lang {
    /// The ISO 639-1 code, or `other` / `und`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::En => "en",
            Lang::Other => "other",
            Lang::Unknown => "und",
        }
    }
}

/// How an input was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputFormat {
    /// A plain text page, one paragraph a line or blank-line separated.
    Text,
    /// An HTML page; its visible text is laid out block by block.
    Html,
    /// One line of a JSON Lines file.
    Jsonl,
    /// One HTML response record of a WARC file.
    Warc,
}

impl InputFormat {
    /// The lowercase name used in output and messages.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Warc => "warc",
        }
    }
}

/// What kind of layout block an HTML element produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BlockKind {
    /// `<h1>`…`<h6>`; the payload is the level.
    Heading(u8),
    /// `<p>` or a text run in a generic container.
    Paragraph,
    /// `<li>`, `<dt>`, `<dd>`.
    ListItem,
    /// `<td>`, `<th>`.
    TableCell,
    /// `<figcaption>`, `<caption>`.
    Caption,
    /// `<pre>`, `<blockquote>` and other quoted or preformatted text.
    Quote,
}

/// Why the HTML reader thinks a block is page furniture rather than article text.
///
/// These are observations about the markup, not decisions: `pipeline::clean` weighs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MarkupHint {
    /// Inside `<nav>`, `<header>` (outside the article), `<menu>` or a navigation role.
    Navigation,
    /// Inside `<footer>` or a content-info role.
    Footer,
    /// Inside `<aside>` or a complementary role.
    Aside,
    /// Inside `<form>`, or a `<button>`/`<label>`/`<select>`.
    Form,
    /// Inside an element whose class or id names furniture (share, related, comment, sidebar, ad, …).
    BoilerplateClass,
    /// Outside the container the reader chose as the article body.
    OutsideMain,
}

/// A block of visible text in an HTML page, as laid out by the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Where the block's text stands in `RawArticle::text`.
    pub span: Span,
    /// The element that produced it.
    pub kind: BlockKind,
    /// Bytes of the block's text that sit inside `<a>` elements.
    pub link_bytes: u32,
    /// Furniture signals from the markup, sorted and deduplicated.
    pub hints: Vec<MarkupHint>,
}

/// One article as read from an input, before any processing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawArticle {
    /// Where it came from: a file path, `path#line`, `path#record`, or `-` for stdin.
    pub origin: String,
    /// How it was read.
    pub format: InputFormat,
    /// The article's URL, when the input gives one.
    pub url: Option<String>,
    /// A title given by metadata (JSON field, `og:title`, `<title>`), as written.
    pub title: Option<String>,
    /// A publication date given by metadata, as written (no parsing happens at ingest).
    pub published: Option<String>,
    /// The outlet or feed name given by metadata, as written.
    pub source: Option<String>,
    /// The original text, decoded to UTF-8. Every span of the output points into it.
    ///
    /// For HTML and WARC it is the page's visible text, one block a line,
    /// so that removed furniture can be shown with its span.
    pub text: String,
    /// Layout blocks of an HTML page, in order, covering the lines of `text`. Empty for other formats.
    pub blocks: Vec<Block>,
}

/// A problem found while processing an article. Problems are data, never panics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stage that raised it: `clean`, `lang`, `normalize`, `segment`.
    pub stage: &'static str,
    /// A stable machine-readable code, such as `no-body`.
    pub code: &'static str,
    /// A lowercase, human-readable explanation.
    pub message: String,
    /// Where in the original text, when the problem has a place.
    pub span: Option<Span>,
}

/// A language decision with its confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LangGuess {
    /// The language chosen.
    pub lang: Lang,
    /// How sure the detector is, from 0 to 1.
    pub confidence: f32,
}

/// Why a span of the original text is not part of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChromeKind {
    /// The title, or a repetition of it.
    Title,
    /// A date line, `key: value` line (news code, category) or source credit: metadata, not body.
    Metadata,
    /// An end-of-article marker such as `/انتهى/`.
    EndMarker,
    /// A bare code of digits and punctuation, such as a tracking code `109-3`.
    Code,
    /// A short line that only repeats names found in the article, such as a photo caption.
    Caption,
    /// A short outlet or section label, such as `العالم - ايران`.
    Label,
    /// Short link-like lines after the article: most-read lists, tags, share bars, comment prompts.
    Navigation,
    /// A form line: a comment form, a required-field notice.
    Form,
    /// HTML markup says furniture (navigation, footer, aside, form, furniture class, outside the body).
    Markup,
    /// An HTML block made mostly of link text.
    LinkDense,
    /// A line that many other documents of the same source also carry.
    Repeated,
}

impl ChromeKind {
    /// The lowercase name used in output.
    pub fn name(self) -> &'static str {
        match self {
            ChromeKind::Title => "title",
            ChromeKind::Metadata => "metadata",
            ChromeKind::EndMarker => "end-marker",
            ChromeKind::Code => "code",
            ChromeKind::Caption => "caption",
            ChromeKind::Label => "label",
            ChromeKind::Navigation => "navigation",
            ChromeKind::Form => "form",
            ChromeKind::Markup => "markup",
            ChromeKind::LinkDense => "link-dense",
            ChromeKind::Repeated => "repeated",
        }
    }
}

/// Whether an outlet published the document or is cited by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceRole {
    /// The outlet that published the document.
    Publisher,
    /// An outlet or agency the text credits (`وأفادت وكالة تسنيم`, `به گزارش ایرنا`, `(رويترز)`).
    Cited,
}

/// What showed an outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceEvidence {
    /// The host of the document's URL.
    UrlHost,
    /// The feed's or page's source field.
    Metadata,
    /// A label line naming the outlet and a section (`العالم - ايران`).
    Label,
    /// A source line (`المصدر : فارس`, `منبع: ایرنا`).
    SourceLine,
    /// An attribution in running text (`وأفادت وكالة تسنيم`, `به گزارش ایرنا`, `according to Reuters`).
    Attribution,
    /// A name in brackets (`(رويترز)`).
    Parenthetical,
}

/// An outlet or agency found for a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMention {
    /// The outlet's id in the outlets table, such as `irna`.
    pub outlet: String,
    /// The outlet's English display name.
    pub name: String,
    /// ISO 3166-1 alpha-3 of the outlet's home country, or `INT`.
    pub country: String,
    /// Publisher or cited.
    pub role: SourceRole,
    /// What showed it.
    pub evidence: SourceEvidence,
    /// Where the text says so; `None` for the URL host and metadata.
    pub span: Option<Span>,
}

/// What an entity mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A person, named or referred to by a pronoun.
    Person,
    /// A state body, armed group, party, international body, company or outlet.
    Organization,
    /// A country, city, province, region or site.
    Place,
    /// A nationality adjective (`السوري`, `روسیه‌ای`, `Iranian`): it names a country's people
    /// or gives a title its country.
    Nationality,
    /// A title or office (`رئيس الوزراء`, `وزیر امور خارجه`), or a counterpart (`نظيره`).
    Office,
}

impl EntityKind {
    /// The lowercase name used in output.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Nationality => "nationality",
            EntityKind::Office => "office",
        }
    }
}

/// What shows that a mention is the entity, or the actor, it is linked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityEvidence {
    /// A name the knowledge base lists, of two words or more, or a specific one-word name.
    Name,
    /// A one-word name the knowledge base lists alone (`شمخاني`, `Assad`).
    BareName,
    /// A short form of a full name the same document gave earlier (`Entity::antecedent`).
    ShortForm,
    /// A person the knowledge base does not know, found after a title, rank or nationality
    /// (`الرئيس السوري …`, `اللواء …`).
    TitleContext,
    /// A pronoun that opens a Persian paragraph (`وی`, `او`) and refers to the first person
    /// of the last paragraph before it that names one.
    Pronoun,
    /// `نظيره` ("his counterpart"): the office of the person mentioned before it.
    Counterpart,
    /// A person the knowledge base does not know, found by a common given name followed by
    /// a family name.
    GivenName,
    /// A place or organization the knowledge base does not know, found by its head noun
    /// (`شهرستان هریس`, `وزارة الموارد المائية`, `دانشگاه علامه طباطبایی`).
    HeadNoun,
}

impl EntityEvidence {
    /// The kebab-case name used in output.
    pub fn name(self) -> &'static str {
        match self {
            EntityEvidence::Name => "name",
            EntityEvidence::BareName => "bare-name",
            EntityEvidence::ShortForm => "short-form",
            EntityEvidence::TitleContext => "title-context",
            EntityEvidence::Pronoun => "pronoun",
            EntityEvidence::Counterpart => "counterpart",
            EntityEvidence::GivenName => "given-name",
            EntityEvidence::HeadNoun => "head-noun",
        }
    }
}

/// One mention of a person, organization, place, nationality or office in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Where the mention stands in the original text. A clitic prefix (`و`, `ب`, `لل`) is left
    /// out of the span: `بالرئيس` gives the span of `الرئيس`.
    pub span: Span,
    /// What it names.
    pub kind: EntityKind,
    /// The actor's id in the knowledge base (`shamkhani_ali`, `syr`, `un`); for an office,
    /// the office id (`prime_minister`); for a nationality, its country's id (`syr`).
    /// `None` for a new actor.
    pub actor: Option<String>,
    /// Whether this is a person, place or organization the knowledge base does not know
    /// (`khabar actors` lists the persons).
    pub is_new: bool,
    /// ISO 3166-1 alpha-3 code of the actor's country, or `INT` for an international body.
    pub country: Option<String>,
    /// The PLOVER/POLECAT actor sector code (`GOV`, `MIL`, `SPY`, …).
    pub sector: Option<String>,
    /// For a person, the office the text gives (or, failing that, the one the knowledge base
    /// lists for the publication year); for an office, its id.
    pub office: Option<String>,
    /// What links the mention to its actor.
    pub evidence: EntityEvidence,
    /// Where the text gives the title or nationality that set `country`, `sector` or `office`,
    /// in the original text; `None` when they come from the knowledge base alone.
    pub role_span: Option<Span>,
    /// For a short form, a pronoun or a counterpart: the index in `Document::entities` of the
    /// mention it refers to. That mention comes earlier in the text, except for a short form
    /// standing before the name it shortens (`أينشتاين` in a lead, `ألبرت أينشتاين` below).
    pub antecedent: Option<usize>,
}

impl Entity {
    /// Whether it names a country: a place whose actor id is its ISO code (`syr`, `SYR`).
    pub fn is_country(&self) -> bool {
        matches!((&self.actor, &self.country), (Some(a), Some(c)) if a.eq_ignore_ascii_case(c))
    }
}

/// The mention that `entities[idx]` stands for: following a short form's or a pronoun's
/// `antecedent` back until a mention linked to an actor, or the first of the chain.
/// An index out of range comes back as it is.
pub fn resolve(entities: &[Entity], mut idx: usize) -> usize {
    // A chain is never longer than the list; the bound also stops a malformed cycle.
    for _ in 0..entities.len() {
        match entities.get(idx) {
            Some(Entity { actor: None, antecedent: Some(prev), .. }) if *prev != idx => {
                idx = *prev;
            }
            _ => break,
        }
    }
    idx
}

/// A short value the text states, with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The value: trimmed, with digits in ASCII for codes.
    pub value: String,
    /// Where it stands in the original text.
    pub span: Span,
}

/// A span of the original text that was removed from the body, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chrome {
    /// The removed text's place in the original text.
    pub span: Span,
    /// The class of furniture.
    pub kind: ChromeKind,
    /// The signal that decided it, in a few lowercase words.
    pub reason: &'static str,
}

/// A sentence of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Its place in the original text.
    pub span: Span,
    /// Its place in the owning paragraph's `norm` string.
    pub norm_span: Span,
}

/// A paragraph of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Its place in the original text.
    pub span: Span,
    /// Its language.
    pub lang: LangGuess,
    /// Whether it reads as a heading (short, unpunctuated) rather than running text.
    pub is_heading: bool,
    /// The normalized form of the paragraph's text, for matching and search.
    pub norm: String,
    /// For each char of `norm`, the byte offset in `norm` where it starts and the
    /// byte offset in the original text where its source starts, in increasing order,
    /// followed by one final pair `(norm.len(), span.end)`.
    pub norm_map: Vec<(u32, u32)>,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// An article after cleaning, language identification, normalization and segmentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// A stable id: a 64-bit FNV-1a hash of the normalized title and body, as 16 hex digits.
    pub id: String,
    /// Where it came from, as in `RawArticle::origin`.
    pub origin: String,
    /// How it was read.
    pub format: InputFormat,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The publication date string from metadata, as written.
    pub published_meta: Option<String>,
    /// When the document was published, and on what evidence; `None` when nothing says.
    pub published: Option<when::Published>,
    /// Every date and time expression in the original text, in order, resolved against
    /// the publication date where it can be.
    pub dates: Vec<when::DateMention>,
    /// The outlet or feed name from metadata, as written.
    pub source: Option<String>,
    /// The publisher first (when known), then each outlet or agency the text cites, once each,
    /// with the span that says so.
    pub sources: Vec<SourceMention>,
    /// The outlet's own news code (`کد خبر: ۲۶۸۸۱۲`), digits in ASCII.
    pub news_code: Option<Field>,
    /// The outlet's category line (`دسته بندی: سیاست ، عمومی`), split into its parts.
    pub categories: Vec<Field>,
    /// The original text, as in `RawArticle::text`.
    pub text: String,
    /// The title, as written, trimmed.
    pub title: Option<String>,
    /// Where the title stands in the original text, when it stands there.
    pub title_span: Option<Span>,
    /// The language of the whole document.
    pub lang: LangGuess,
    /// The body, in order.
    pub paragraphs: Vec<Paragraph>,
    /// The removed furniture, in order of position.
    pub chrome: Vec<Chrome>,
    /// Persons, organizations, places, nationality adjectives and offices the body mentions,
    /// in order of position, each linked to the actor knowledge base or marked new.
    pub entities: Vec<Entity>,
    /// The PLOVER events the body's sentences report, in order of their triggers.
    pub events: Vec<Event>,
    /// What the body quotes or reports someone as saying, in order of position.
    pub quotes: Vec<Quote>,
}

/// One of the sixteen PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    /// Agree to, or express intent to, cooperate (CAMEO 03).
    Agree,
    /// Meet, visit, host, call or negotiate (CAMEO 04).
    Consult,
    /// Praise, endorse, recognize, sign (CAMEO 05).
    Support,
    /// Yield verbally, apologize (CAMEO 08 verbal part, 055).
    Concede,
    /// Cooperate materially (CAMEO 06).
    Cooperate,
    /// Provide aid (CAMEO 07).
    Aid,
    /// Withdraw, release, cease fire (CAMEO 08 material part).
    Retreat,
    /// Appeal or demand (CAMEO 02, 10).
    Request,
    /// Disapprove, accuse, investigate (CAMEO 11, 09).
    Accuse,
    /// Reject (CAMEO 12).
    Reject,
    /// Threaten (CAMEO 13).
    Threaten,
    /// Demonstrate, strike, boycott (CAMEO 14).
    Protest,
    /// Reduce relations, convict (CAMEO 16, 116).
    Sanction,
    /// Exhibit force posture (CAMEO 15).
    Mobilize,
    /// Coerce: arrest, ban, confiscate (CAMEO 17).
    Coerce,
    /// Assault, fight, mass violence (CAMEO 18, 19, 20).
    Assault,
}

impl EventKind {
    /// Every type, in the order of the PLOVER manual's table.
    pub const ALL: [EventKind; 16] = [
        EventKind::Agree,
        EventKind::Consult,
        EventKind::Support,
        EventKind::Concede,
        EventKind::Cooperate,
        EventKind::Aid,
        EventKind::Retreat,
        EventKind::Request,
        EventKind::Accuse,
        EventKind::Reject,
        EventKind::Threaten,
        EventKind::Protest,
        EventKind::Sanction,
        EventKind::Mobilize,
        EventKind::Coerce,
        EventKind::Assault,
    ];

    /// The PLOVER name in capitals, such as `CONSULT`.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Agree => "AGREE",
            EventKind::Consult => "CONSULT",
            EventKind::Support => "SUPPORT",
            EventKind::Concede => "CONCEDE",
            EventKind::Cooperate => "COOPERATE",
            EventKind::Aid => "AID",
            EventKind::Retreat => "RETREAT",
            EventKind::Request => "REQUEST",
            EventKind::Accuse => "ACCUSE",
            EventKind::Reject => "REJECT",
            EventKind::Threaten => "THREATEN",
            EventKind::Protest => "PROTEST",
            EventKind::Sanction => "SANCTION",
            EventKind::Mobilize => "MOBILIZE",
            EventKind::Coerce => "COERCE",
            EventKind::Assault => "ASSAULT",
        }
    }

    /// The type a PLOVER name in capitals names.
    pub fn from_name(name: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The type's quad class, as the current PLOVER manual gives it.
    pub fn quad(self) -> QuadClass {
        match self {
            EventKind::Agree | EventKind::Consult | EventKind::Support | EventKind::Concede => {
                QuadClass::VerbalCooperation
            }
            EventKind::Cooperate | EventKind::Aid | EventKind::Retreat => {
                QuadClass::MaterialCooperation
            }
            EventKind::Request | EventKind::Accuse | EventKind::Reject | EventKind::Threaten => {
                QuadClass::VerbalConflict
            }
            EventKind::Protest
            | EventKind::Sanction
            | EventKind::Mobilize
            | EventKind::Coerce
            | EventKind::Assault => QuadClass::MaterialConflict,
        }
    }
}

/// The four quad classes that group the PLOVER types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuadClass {
    /// Agree, consult, support, concede.
    VerbalCooperation,
    /// Cooperate, aid, retreat.
    MaterialCooperation,
    /// Request, accuse, reject, threaten.
    VerbalConflict,
    /// Protest, sanction, mobilize, coerce, assault.
    MaterialConflict,
}

impl QuadClass {
    /// The kebab-case name used in output.
    pub fn name(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal-cooperation",
            QuadClass::MaterialCooperation => "material-cooperation",
            QuadClass::VerbalConflict => "verbal-conflict",
            QuadClass::MaterialConflict => "material-conflict",
        }
    }
}

/// Why an event is not asserted as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modality {
    /// The event lies ahead (`سيلتقي`, `خواهد`, `will`).
    Future,
    /// An actor plans, intends or is expected to act (`من المقرر أن`, `قرار است`, `plans to`).
    Intended,
    /// The event is possible, needed, conditional or alleged (`قد`, `ممکن است`, `may`).
    Possible,
}

impl Modality {
    /// The lowercase name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Future => "future",
            Modality::Intended => "intended",
            Modality::Possible => "possible",
        }
    }
}

/// A PLOVER event a sentence reports, with the evidence for each field.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The PLOVER type.
    pub kind: EventKind,
    /// The PLOVER mode the trigger words imply (`visit`, `host`, `demo`), if any.
    pub mode: Option<String>,
    /// The two-digit CAMEO root code of the trigger words, `01` to `20`.
    pub cameo: String,
    /// The type's quad class.
    pub quad: QuadClass,
    /// The trigger words in the original text (for a form with a gap, from its first word to
    /// its last).
    pub trigger: Span,
    /// The sentence in the original text.
    pub sentence: Span,
    /// The source actors: indexes into `Document::entities`.
    pub actors: Vec<usize>,
    /// The recipients (targets): indexes into `Document::entities`. For mode `host` the
    /// recipient is the visitor.
    pub recipients: Vec<usize>,
    /// Where no entity acts, the noun that names the unnamed actors (`المتظاهرون`, `مسلحون`,
    /// `gunmen`), in the original text; `None` when `actors` has someone or no such noun
    /// stands where the actor would.
    pub actor_group: Option<Span>,
    /// Where no entity undergoes it, the noun that names the unnamed recipients (`أشخاص`,
    /// `دورية`, `civilians`), in the original text.
    pub recipient_group: Option<Span>,
    /// Whether a negation cue (`لم`, `نفى … أن`, `did not`, a Persian `ن` prefix) denies it.
    pub is_negated: bool,
    /// Whether it lies ahead, is intended or is only possible; `None` when asserted as done.
    pub modality: Option<Modality>,
    /// Where it happened, when the text says.
    pub place: Option<EventPlace>,
    /// When it happened, as far as the text says, and how that was found.
    pub date: Option<EventDate>,
    /// How sure the stage is, from 0 to 1.
    pub confidence: f32,
}

/// Days before publication after which an event dated by the text counts as historical.
pub const HISTORICAL_AFTER_DAYS: i64 = 365;

impl Event {
    /// The PLOVER contexts khabar codes, in this order: `negation` (a denied event),
    /// `future` (it lies ahead or is only intended), `hypothetical` (possible, needed,
    /// conditional or alleged) and `historical` (the text dates it at least
    /// `HISTORICAL_AFTER_DAYS` before `published`, the publisher's day).
    ///
    /// These are the four contexts PLOVER leaves to the coding engine; the topical ones are
    /// not coded.
    pub fn contexts(&self, published: Option<when::CivilDate>) -> Vec<&'static str> {
        let mut contexts = Vec::new();
        if self.is_negated {
            contexts.push("negation");
        }
        match self.modality {
            Some(Modality::Future | Modality::Intended) => contexts.push("future"),
            Some(Modality::Possible) => contexts.push("hypothetical"),
            None => {}
        }
        let dated_by_text = self.date.filter(|d| d.how != DateSource::Published);
        if let (Some(day), Some(published)) = (dated_by_text.and_then(|d| d.day), published)
            && published.to_days() - day.to_days() >= HISTORICAL_AFTER_DAYS
        {
            contexts.push("historical");
        }
        contexts
    }
}

/// Where an event happened: a place the document names, and how it was tied to the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventPlace {
    /// The place mention: an index into `Document::entities` (a city, region or country).
    pub entity: usize,
    /// Where the evidence stands.
    pub how: PlaceSource,
}

/// How an event's place was found, from most to least direct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceSource {
    /// A locative phrase in the event's own sentence: `في دمشق`, `در تهران`, `in Moscow`,
    /// or the destination of a visit, `إلى دمشق`, `به تهران`.
    Sentence,
    /// Another sentence of the document that reports the same meeting or visit: one that
    /// refers back to it (`اللقاء الذي جرى في دمشق`, `این دیدار`) or a visit event sharing a
    /// participant (`به تهران سفر می‌کند`).
    Linked,
    /// The dateline that opens the article: `دمشق - سانا`.
    Dateline,
}

impl PlaceSource {
    /// The lowercase name used in output.
    pub fn name(self) -> &'static str {
        match self {
            PlaceSource::Sentence => "sentence",
            PlaceSource::Linked => "linked",
            PlaceSource::Dateline => "dateline",
        }
    }
}

/// When an event happened, as far as the text fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The day, when known.
    pub day: Option<when::CivilDate>,
    /// The weekday, when known: the one named, or the day's.
    pub weekday: Option<when::Weekday>,
    /// The date expression that dates it: an index into `Document::dates`; `None` when the
    /// publication date does.
    pub mention: Option<usize>,
    /// Where the evidence stands.
    pub how: DateSource,
}

/// How an event's date was found, from most to least direct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateSource {
    /// A date expression in the event's own sentence (`اليوم الأحد`, `امروز (سه‌شنبه)`).
    Sentence,
    /// A date expression in another sentence that reports the same meeting or visit.
    Linked,
    /// The publication date: news reports what happened that day unless the text says
    /// otherwise, as GDELT and POLECAT also assume.
    Published,
}

impl DateSource {
    /// The lowercase name used in output.
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Sentence => "sentence",
            DateSource::Linked => "linked",
            DateSource::Published => "published",
        }
    }
}

/// Whether a quote gives the words as spoken or their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuoteKind {
    /// Words between quotation marks: `«…»`, `"…"`, `“…”`.
    Direct,
    /// Content a speech verb introduces: `قال إن …`, `گفت: …`, `said that …`.
    Reported,
}

impl QuoteKind {
    /// The lowercase name used in output.
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
        }
    }
}

/// What someone said, as the text quotes or reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Direct or reported.
    pub kind: QuoteKind,
    /// Who said it: an index into `Document::entities` (a person, organization or country, or a
    /// pronoun or short form whose `antecedent` leads to one); `None` when the text does not
    /// tell.
    pub speaker: Option<usize>,
    /// Whether the speaker is named in the quote's own sentence (`false`: carried over from
    /// the previous quote or the last person named, as `وأضاف` and `وی افزود` are).
    pub is_speaker_in_sentence: bool,
    /// The speech verb in the original text (`قال`, `اظهار داشت`), when there is one.
    pub cue: Option<Span>,
    /// The quoted words in the original text, without the quotation marks or the `أن`/`که`
    /// that introduces them.
    pub text: Span,
    /// The sentence holding the speech verb, or the quotation's opening mark.
    pub sentence: Span,
}

impl Paragraph {
    /// Maps a byte range of `norm` back to the original text; see `norm_to_original`.
    pub fn to_original(&self, norm_span: Span) -> Span {
        norm_to_original(&self.norm_map, norm_span)
    }
}

/// Maps a byte range of a normalized string back to the original text, through a char map
/// laid out as `Paragraph::norm_map` documents.
///
/// The start maps to the original start of the char at `norm_span.start`;
/// the end maps to the original start of the first char at or after `norm_span.end`,
/// so whatever normalization folded into the span (diacritics, joiners) is included.
/// Offsets past the end map to the end.
pub fn norm_to_original(map: &[(u32, u32)], norm_span: Span) -> Span {
    let last = map.last().map_or(0, |&(_, o)| o);
    let find = |offset: u32| -> u32 {
        match map.binary_search_by_key(&offset, |&(n, _)| n) {
            Ok(idx) => map[idx].1,
            // Not on a char start: fall forward to the next char.
            Err(idx) => map.get(idx).map_or(last, |&(_, o)| o),
        }
    };
    let start = find(norm_span.start);
    Span { start, end: find(norm_span.end).max(start) }
}

#[cfg(test)]
mod tests {
    use super::when::{CivilDate, Weekday};
    use super::{
        DateSource, Entity, EntityEvidence, EntityKind, Event, EventDate, EventKind, Modality,
        QuadClass, Span, resolve,
    };

    fn entity(actor: Option<&str>, country: Option<&str>, antecedent: Option<usize>) -> Entity {
        Entity {
            span: Span::new(0, 1),
            kind: EntityKind::Person,
            actor: actor.map(str::to_owned),
            is_new: actor.is_none(),
            country: country.map(str::to_owned),
            sector: None,
            office: None,
            evidence: EntityEvidence::Name,
            role_span: None,
            antecedent,
        }
    }

    #[test]
    fn a_pronoun_resolves_through_a_short_form_to_the_linked_name() {
        // `علی شمخانی` … `شمخانی` … `وی`.
        let entities = [
            entity(Some("shamkhani_ali"), Some("IRN"), None),
            entity(None, None, Some(0)),
            entity(None, None, Some(1)),
        ];
        assert_eq!(resolve(&entities, 2), 0);
        // A new person's short form ends at the first mention of its chain.
        let new = [entity(None, None, None), entity(None, None, Some(0))];
        assert_eq!(resolve(&new, 1), 0);
        // A malformed cycle and an index out of range stop.
        let cycle = [entity(None, None, Some(1)), entity(None, None, Some(0))];
        assert!(resolve(&cycle, 0) < 2);
        assert_eq!(resolve(&cycle, 7), 7);
    }

    #[test]
    fn a_country_is_a_place_whose_actor_is_its_code() {
        assert!(entity(Some("syr"), Some("SYR"), None).is_country());
        assert!(!entity(Some("damascus"), Some("SYR"), None).is_country());
        assert!(!entity(None, Some("SYR"), None).is_country());
    }

    fn meeting(day: Option<CivilDate>, how: DateSource) -> Event {
        Event {
            kind: EventKind::Consult,
            mode: None,
            cameo: "04".to_owned(),
            quad: QuadClass::VerbalCooperation,
            trigger: Span::new(0, 4),
            sentence: Span::new(0, 20),
            actors: Vec::new(),
            recipients: Vec::new(),
            actor_group: None,
            recipient_group: None,
            is_negated: false,
            modality: None,
            place: None,
            date: Some(EventDate { day, weekday: day.map(CivilDate::weekday), mention: None, how }),
            confidence: 0.9,
        }
    }

    #[test]
    fn contexts_say_negation_future_hypothetical_and_historical() {
        let published = CivilDate::new(2017, 5, 23);
        let today = meeting(published, DateSource::Sentence);
        assert!(today.contexts(published).is_empty());

        let mut denied_plan = today.clone();
        denied_plan.is_negated = true;
        denied_plan.modality = Some(Modality::Intended);
        assert_eq!(denied_plan.contexts(published), ["negation", "future"]);
        let mut possible = today.clone();
        possible.modality = Some(Modality::Possible);
        assert_eq!(possible.contexts(published), ["hypothetical"]);

        // A year before publication, dated by the text, is historical; 364 days is not.
        let year_before = CivilDate::new(2016, 5, 23);
        assert_eq!(meeting(year_before, DateSource::Sentence).contexts(published), ["historical"]);
        let almost = published.map(|d| d.add_days(-364));
        assert!(meeting(almost, DateSource::Linked).contexts(published).is_empty());
        // Without a publication day, or when the publication day dates it, nothing is inferred.
        assert!(meeting(year_before, DateSource::Sentence).contexts(None).is_empty());
        assert!(meeting(year_before, DateSource::Published).contexts(published).is_empty());
        // A weekday alone says nothing about the year.
        let mut weekday_only = meeting(None, DateSource::Sentence);
        if let Some(date) = weekday_only.date.as_mut() {
            date.weekday = Some(Weekday::Sunday);
        }
        assert!(weekday_only.contexts(published).is_empty());
    }
}
