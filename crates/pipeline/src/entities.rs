//! Who: persons, organizations, places, nationality adjectives and offices, linked to actors.
//!
//! Names come from the team's actor knowledge base (`data/actors/*.tsv`, described in the
//! README there), which a user may extend with files of their own in the same formats.
//! Matching runs on each paragraph's normalized text, longest name first, and tries an Arabic
//! word again without its clitic prefix (`و`, `ف`, `ب`, `ل`, `ك`, and `لل` for `ال`).
//!
//! A title, a rank or a nationality adjective right before a name gives the person an office
//! and a country (`رئيس الوزراء السوري عماد خميس`), and lets a name the knowledge base does not
//! know be found all the same (`الرئيس السوري X Y`). Within one document, the last word of a
//! full name links back to it (`شمخاني` after `علي شمخاني`), a Persian paragraph that opens
//! with `وی` or `او` refers to the first person of the last paragraph that names one, and
//! `نظيره` ("his counterpart") takes the office of the person named before it.

use model::{Entity, EntityEvidence, EntityKind, Lang, Span};

use crate::normalize;
use crate::script;

/// The team's tables, compiled in.
const BUILTIN: &[&str] = &[
    include_str!("../data/actors/countries.tsv"),
    include_str!("../data/actors/places.tsv"),
    include_str!("../data/actors/organizations.tsv"),
    include_str!("../data/actors/offices.tsv"),
    include_str!("../data/actors/persons-arab.tsv"),
    include_str!("../data/actors/persons-iran-levant.tsv"),
    include_str!("../data/actors/persons-world.tsv"),
    include_str!("../data/actors/persons-earlier.tsv"),
    include_str!("../data/actors/persons-notable.tsv"),
];

/// Common given names, one a line, compiled in.
const GIVEN_NAMES: &str = include_str!("../data/given-names.txt");

/// Common words of Arabic and Persian prose that are no part of a person's name, one a line,
/// compiled in.
const COMMON_WORDS: &str = include_str!("../data/common-words.txt");

/// The most words a name may have.
const MAX_NAME_WORDS: usize = 10;

/// The most words a person's name found from context may have.
const MAX_NEW_NAME_WORDS: usize = 8;

/// Ranks and honorifics: they stand before a person's name but hold no office.
const RANKS: &[&str] = &[
    "اللواء",
    "العميد",
    "العقيد",
    "العماد",
    "الفريق أول",
    "الفريق",
    "المشير",
    "الشيخ",
    "الدكتور",
    "السيد",
    "السيدة",
    "الأمير",
    "آية الله",
    "حجة الإسلام",
    "سردار",
    "سرلشکر",
    "سرلشگر",
    "سرتیپ",
    "سرهنگ",
    "سرگرد",
    "سپهبد",
    "دریادار",
    "دکتر",
    "آقای",
    "خانم",
    "جناب",
    "مهندس",
    "زنده‌یاد",
    "زنده یاد",
    "آیت الله",
    "حجت الاسلام",
    "حجت‌الاسلام",
    // Honorifics of Gulf and Levantine protocol (`معالي الوزير`, `وسعادة السفير`).
    "معالي",
    "سعادة",
    "فخامة",
    "سمو",
    "سماحة",
    // Occupations that news prose puts right before a person's name.
    "الخبير",
    "النبي",
    "الرسول",
    "الإمام",
    "اللاعب",
    "اللاعبة",
    "المدرب",
    "الحارس",
    "المهاجم",
    "النجم",
    "النجمة",
    "الفنان",
    "الفنانة",
    "الكاتب",
    "الكاتبة",
    "الشاعر",
    "الشاعرة",
    "الروائي",
    "الروائية",
    "المخرج",
    "المخرجة",
    "الممثل",
    "الممثلة",
    "المطرب",
    "المطربة",
    "الباحث",
    "المفكر",
    "الأستاذ",
    "البروفيسور",
    "المهندس",
    "المحامي",
    "القاضي",
    "الجنرال",
    "الداعية",
    "القس",
    "الحاخام",
    "الملا",
    "زميله",
    "mr",
    "mrs",
    "dr",
    "gen",
    "general",
];

/// Words that end a person's name found from context: particles, pronouns, time words and the
/// commonest verbs of news prose. Written as spelled; normalized when the table is built.
const NOT_NAMES: &[&str] = &[
    // Arabic nouns of meetings and ceremonies that follow a title as its object
    // (`وترأس ولي العهد أعمال القمة`), never a name.
    "أعمال",
    "فعاليات",
    "جلسة",
    "الجلسة",
    "اجتماع",
    "الاجتماع",
    "اجتماعات",
    "مؤتمر",
    "المؤتمر",
    "قمة",
    "القمة",
    "مراسم",
    "حفل",
    "افتتاح",
    "وفد",
    "الوفد",
    // Arabic particles and pronouns.
    "في",
    "على",
    "من",
    "إلى",
    "الى",
    "عن",
    "مع",
    "أن",
    "إن",
    "ان",
    "بين",
    "خلال",
    "حول",
    "بعد",
    "قبل",
    "عند",
    "الذي",
    "التي",
    "الذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "كان",
    "كانت",
    "قد",
    "لقد",
    "وقد",
    "لم",
    "لن",
    "ما",
    "لا",
    "هو",
    "هي",
    "هم",
    "كما",
    "أو",
    "او",
    "ثم",
    "حيث",
    "منذ",
    "حتى",
    "عبر",
    "لدى",
    "نحو",
    "ضد",
    "دون",
    "أمس",
    "اليوم",
    "غدا",
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "صباح",
    "مساء",
    "ظهر",
    "أيضا",
    "ايضا",
    // Adverbs in the accusative that follow a title's object (`استقبل الأمير القطري رسميا`).
    "رسميا",
    "شخصيا",
    "حاليا",
    "سابقا",
    "لاحقا",
    "مؤخرا",
    "مجددا",
    "فورا",
    "علنا",
    "سرا",
    "هاتفيا",
    "رسمياً",
    "شخصياً",
    "حالياً",
    "سابقاً",
    "مؤخراً",
    "مجدداً",
    "جميع",
    "كل",
    // Arabic verbs of reporting and meeting.
    "قال",
    "وقال",
    "أكد",
    "اكد",
    "وأكد",
    "أعلن",
    "اعلن",
    "أضاف",
    "اضاف",
    "وأضاف",
    "أشار",
    "اشار",
    "التقى",
    "يلتقي",
    "استقبل",
    "بحث",
    "دعا",
    "زار",
    "يزور",
    "أعرب",
    "اعرب",
    "شدد",
    "هنأ",
    "قالت",
    "أكدت",
    "أعلنت",
    "وصل",
    "غادر",
    "اعتبر",
    "أوضح",
    "اوضح",
    "لـ",
    "إنه",
    "انه",
    // Persian particles, pronouns and verbs.
    "در",
    "به",
    "با",
    "از",
    "که",
    "را",
    "و",
    "این",
    "آن",
    "برای",
    "تا",
    "بر",
    "هم",
    "نیز",
    "روز",
    "امروز",
    "دیروز",
    "گفت",
    "کرد",
    "است",
    "بود",
    "شد",
    "دیدار",
    "افزود",
    "اظهار",
    "داشت",
    "اعلام",
    "تاکید",
    "ضمن",
    "پس",
    "پیش",
    "بعد",
    "وی",
    "او",
    // Persian labels of news furniture (`خبرنگار :`, `شناسه خبر :`, `کد خبر :`).
    "خبرنگار",
    "کد",
    "تاریخ",
    "انتشار",
    "زندگینامه",
    "تبصره",
    "پایان",
    // Persian words that follow a given name in phrases (`علی رغم` "despite") or stand
    // for a person without naming one (`ایشان`).
    "رغم",
    "ایشان",
    "همچنین",
    "شهید",
    "شنبه",
    "یکشنبه",
    "دوشنبه",
    "سه‌شنبه",
    "سه شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "پنج‌شنبه",
    "اما",
    "صبح",
    "عصر",
    "شب",
    "شامگاه",
    "بامداد",
    "دقایقی",
    "ساعاتی",
    "افرادی",
    "برخی",
    "بسیاری",
    "بخشی",
    "تمامی",
    "گفتنی",
    "همگی",
    "کسی",
    "آنچه",
    "بنابراین",
    "لزوم",
    "خود",
    "مردم",
    "نیت",
    "اجرای",
    "همجواری",
    "پیامبر",
    "دیگر",
    "نه",
    "درباره",
    "می",
    "نمی",
    "هستند",
    "هست",
    "گردید",
    "کلیدواژه",
    "کلیدواژه‌ها",
    "شناسه",
    "منبع",
    "دبیر",
    "عکس",
    // English.
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "and",
    "said",
    "says",
    "told",
    "met",
    "with",
    "for",
    "from",
    "by",
    "who",
    "was",
    "is",
    "has",
    "had",
    "will",
    "بان",
    "بأن",
    "كنت",
    "وهو",
    "وهي",
    // "Approaching" (`عن عمر يناهز`: "at an age of nearly").
    "يناهز",
    // Arabic nouns used as prepositions and adverbs, and quantifiers.
    "جراء",
    "إثر",
    "اثر",
    "عقب",
    "قرب",
    "بسبب",
    "وفق",
    "حسب",
    "رغم",
    "برغم",
    "خلف",
    "أمام",
    "وراء",
    "تحت",
    "فوق",
    "داخل",
    "خارج",
    "ضمن",
    "مقابل",
    "حيال",
    "إزاء",
    "لصالح",
    "باسم",
    "طوال",
    "قبيل",
    "آنذاك",
    "حاليا",
    "دائما",
    "فقط",
    "جدا",
    "كذلك",
    "هكذا",
    "ذات",
    "نفس",
    "أكثر",
    "أقل",
    "كافة",
    "معظم",
    "أغلب",
    // Arabic nouns of roles that follow a name in apposition (`محمد علي المستشار`).
    "المستشار",
    "المدير",
    "السكرتير",
    "المسؤول",
    "المسئول",
    "الصحفي",
    "البطل",
    "المحترف",
    "الفائز",
    "الحائز",
    "المتحدث",
    "الناطق",
    "المرشح",
    "المبعوث",
    "المنتج",
    "المصور",
    "المراسل",
    "المحلل",
    "الطالب",
    "المواطن",
    "الشاب",
    "الطفل",
    "الشهيد",
    "الأسير",
    "المعتقل",
    "المتهم",
    "الضحية",
    "الراحل",
    "الفقيد",
    "الدولي",
    "المبارك",
    // Words that a given name list may hold but that stand alone far more often.
    "ولد",
    "عام",
    "شرق",
    "غرب",
    "شمال",
    "جنوب",
    "مدة",
    "إلا",
    "الا",
    "نفسه",
    "نفسها",
    "سنة",
    "غير",
    "ترأس",
    "المصنف",
    "صلى",
    "on",
];

/// Persian nouns of roles and occupations that follow a person's name in apposition (`علی
/// کریمی سرمربی تیم`), so that none is taken for the end of a family name. Written as
/// spelled; both normalized forms are kept.
const ROLES_FA: &[&str] = &[
    "سرمربی",
    "مربی",
    "ستاره",
    "طراح",
    "بازیکن",
    "کاپیتان",
    "دروازه‌بان",
    "هافبک",
    "مهاجم",
    "مدافع",
    "داور",
    "ملی‌پوش",
    "عضو",
    "نماینده",
    "کارشناس",
    "مدیرکل",
    "مدیرعامل",
    "مدیر",
    "دبیرکل",
    "دبیر",
    "سخنگوی",
    "معاون",
    "رئیس",
    "رییس",
    "استاندار",
    "فرماندار",
    "شهردار",
    "بخشدار",
    "مشاور",
    "دانشجوی",
    "دانشجو",
    "استاد",
    "نویسنده",
    "کارگردان",
    "بازیگر",
    "خواننده",
    "شاعر",
    "وزیر",
    "سفیر",
    "فرمانده",
    "دارنده",
    "پژوهشگر",
    "فعال",
    "مسئول",
    "مسوول",
    "همسر",
    "پلیس",
    "متهم",
    "فرزند",
    "پدر",
    "مادر",
];

/// Arabic verbs of saying and stating, which news prose follows with the speaker's name
/// (`وقال X`, `وأكد X`), written as spelled; `و` and `ف` before them are tried too. The
/// feminine forms (`وأعلنت`) are left out: their subject is far more often a company or a
/// newspaper than a woman; so are verbs whose object often comes first (`رفض`, `نفى`).
const SAID_VERBS_AR: &[&str] = &[
    "قال",
    "أكد",
    "أعلن",
    "أضاف",
    "أشار",
    "أوضح",
    "ذكر",
    "صرح",
    "اعتبر",
    "تابع",
    "أعرب",
    "شدد",
    "لفت",
    "رأى",
    "أفاد",
    "يقول",
    "يرى",
    "أبلغ",
    "رجح",
    "استبعد",
    "اعترف",
    "أقر",
    "ويقول",
];

/// Arabic nouns that stand after a verb of saying where a name would (`وقال مصدر`, `وأكد
/// بيان`), so that they are never taken for a speaker's name.
const SPEAKER_NOUNS_AR: &[&str] = &[
    "مصدر",
    "مصادر",
    "متحدث",
    "ناطق",
    "مسؤول",
    "مسؤولون",
    "مسؤولو",
    "مسئول",
    "بيان",
    "بلاغ",
    "تقرير",
    "تقارير",
    "صحيفة",
    "قناة",
    "وكالة",
    "مراسل",
    "شهود",
    "شاهد",
    "ممثل",
    "مندوب",
    "سفير",
    "قائد",
    "مدير",
    "مديرة",
    "رئيسة",
    "نائب",
    "منسق",
    "مكتب",
    "هيئة",
    "جيش",
    "خبراء",
    "خبير",
    "محللون",
    "محلل",
    "مراقبون",
    "مراقب",
    "دبلوماسي",
    "دبلوماسيون",
    "أحد",
    "بعض",
    "عدد",
    "كلمة",
    "أنباء",
    "وسائل",
    "سكان",
    "مواطنون",
    "أطباء",
    "طبيب",
    "شرطة",
    "جلالته",
    "سموه",
    "إنها",
    "أنها",
    "بأنه",
    "قائلا",
    "أيضاً",
    "فيها",
    "فيه",
    "لنا",
    "له",
    "لها",
    "لهم",
    "إليه",
    "رئيس",
    "رجل",
    "مركز",
    "أي",
    "اي",
    "إحدى",
    "نتيجة",
    "حالة",
];

/// Arabic words that begin persons' names in the knowledge base (`سلام فياض`) but stand far
/// more often as common words in Arabic text ("peace", "greater", "ordered"): never given
/// names there.
const NOT_GIVEN_AR: &[&str] = &[
    "أكبر",
    "أمر",
    "سلام",
    "هدية",
    "أسماء",
    "جميل",
    "سيد",
    "خليفة",
    "جلالة",
    "مير",
    "عدة",
    // "Soul", the month, "she raised", "struggle", "his club" (as نادية folds), "winner",
    // "kept", "courtyards".
    "روح",
    "رمضان",
    "رفعت",
    "كفاح",
    "ناديه",
    "فائز",
    "حافظ",
    "رحاب",
    // "Increases", "was issued" (and "chest"), "existence", "mile", "arose", "smaller",
    // "lady", "writer", "messenger", "specific", "fixed", "fragrance", "roses",
    // "supporter", "completeness", "curtain", "refused".
    "يزيد",
    "صدر",
    "وجود",
    "ميل",
    "نشأت",
    "أصغر",
    "سيدة",
    "كاتب",
    "رسول",
    "معين",
    "ثابت",
    "شذى",
    "ورود",
    "نصير",
    "تمام",
    "ستار",
    "أبى",
    // First words of famous names (`persons-notable.tsv`): "fourth", "wise", "Nile", "rose",
    // "systemic", "hope", "mulberries".
    "رابعة",
    "حكيم",
    "نيل",
    "وردة",
    "نظامي",
    "أمل",
    "توت",
];

/// Persian words that begin persons' names in the knowledge base or in the shared list of
/// foreign given names (`جان`, `هنری`) but stand far more often as common words in Persian
/// text ("soul", "artistic", "all", "a crime"): never given names there.
const NOT_GIVEN_FA: &[&str] = &[
    // Days, months, adjectives and nouns ("Friday", "Ramadan", "fixed", "of light", "dear",
    // "famous", "noble", "wronged", "gift", "newborn", "greatest", "above"), and Saud, which
    // Persian text names far more often in the house `آل سعود` than as a man.
    "جمعه",
    "رمضان",
    "ثابت",
    "نوری",
    "عزیز",
    "معروف",
    "شریف",
    "مظلوم",
    "هدیه",
    "مولود",
    "اعظم",
    "فراز",
    "برهم",
    "سعود",
    "تمام",
    "جرمی",
    "جان",
    "هنری",
    "جبران",
    "زیاد",
    "صلاح",
    "کمال",
    "سالم",
    "ایمان",
    "حافظ",
    "خوان",
    "نهاد",
    "بیل",
    "پول",
    // First words of famous names (`persons-notable.tsv`) and titles before them: "military",
    // "Hazrat", "prophet", "imam", "mother", "pilgrims", "certain", "supervisor", the award,
    // "criminal", "some", "wise", and Yazid.
    "نظامی",
    "حضرت",
    "پیامبر",
    "امام",
    "مادر",
    "حجاج",
    "مسلم",
    "ناظم",
    "اسکار",
    "جانی",
    "اندی",
    "حکیم",
    "یزید",
];

/// Pronouns that open a Persian paragraph and refer to the person it continues with.
const PRONOUNS_FA: &[&str] = &["وی", "او"];

/// Normalized words that begin a two-word given or family name (`عبد الله`, `أبو بكر`).
const COMPOUND_HEADS: &[&str] = &["عبد", "ابو", "ابي", "ابن", "بن", "بو"];

/// "His/her/their counterpart", in normalized letters.
const COUNTERPARTS: &[&str] =
    &["نظيره", "نظيرها", "نظيرهم", "نظيريه", "نظيرتها", "نظيرته", "همتاي", "counterpart"];

/// Arabic clitic prefixes tried when a word matches no name, longest first.
const CLITICS: &[&str] = &["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

/// Word-keyed maps and sets with the fast hasher of `script`.
type Map<K, V> = script::WordMap<K, V>;
type Set<K> = script::WordSet<K>;

/// The kinds of table, told apart by their header line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// `countries.tsv`: states, with nationality adjectives.
    Countries,
    /// `places.tsv`: capitals, cities, provinces, regions and sites.
    Places,
    /// `organizations.tsv`.
    Organizations,
    /// `offices.tsv`: titles with their sector.
    Offices,
    /// `persons*.tsv`: persons with their offices by year.
    Persons,
}

impl TableKind {
    fn from_header(header: &[&str]) -> Option<TableKind> {
        let is = |columns: &[&str]| header == columns;
        if is(&["id", "iso3", "names_en", "names_ar", "names_fa", "adj_en", "adj_ar", "adj_fa"]) {
            Some(TableKind::Countries)
        } else if is(&["id", "kind", "country", "names_en", "names_ar", "names_fa"]) {
            Some(TableKind::Places)
        } else if is(&[
            "id",
            "country",
            "sector",
            "names_en",
            "names_ar",
            "names_fa",
            "abbreviations",
        ]) {
            Some(TableKind::Organizations)
        } else if is(&["id", "sector", "names_en", "names_ar", "names_fa"]) {
            Some(TableKind::Offices)
        } else if is(&["id", "names_en", "names_ar", "names_fa", "offices", "wikidata"]) {
            Some(TableKind::Persons)
        } else {
            None
        }
    }
}

/// An office held over calendar years, as a persons file lists it.
#[derive(Debug, Clone)]
struct Tenure {
    office: usize,
    /// An ISO alpha-3 code or an organization id.
    scope: String,
    start: Option<i32>,
    /// `None` while in office.
    end: Option<i32>,
}

/// One actor of the knowledge base.
#[derive(Debug, Clone)]
struct Actor {
    id: String,
    kind: EntityKind,
    /// A state, from the countries table.
    is_country: bool,
    /// A capital, from the places table: in news it may stand for its country's government
    /// (`طهران والرياض اتفقتا`).
    is_capital: bool,
    country: Option<String>,
    sector: Option<String>,
    tenures: Vec<Tenure>,
}

/// One office (title).
#[derive(Debug, Clone)]
struct Office {
    id: String,
    sector: String,
}

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Actor(usize),
    Office(usize),
    /// A nationality adjective of the country actor at this index.
    Nationality(usize),
    /// A rank or honorific (`اللواء`).
    Rank,
}

/// One name of a target.
#[derive(Debug, Clone, Copy)]
struct Entry {
    target: Target,
    /// The language of the column the name came from.
    lang: Lang,
    is_one_word: bool,
}

/// The actor knowledge base, indexed for matching. Build it once and share it.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    actors: Vec<Actor>,
    offices: Vec<Office>,
    actor_ids: Map<String, usize>,
    office_ids: Map<String, usize>,
    /// Normalized name → what it names, in the order the tables list them.
    names: Map<String, Vec<Entry>>,
    /// Every word prefix of a name of two words or more (`امين المجلس`), so that the longest
    /// match stops extending as soon as no name can follow.
    prefixes: Set<String>,
    /// What is known of single normalized words, so that one lookup per word of a text
    /// answers every question the matcher asks of it.
    words: Map<String, WordFacts>,
}

impl WordFacts {
    /// Whether the word is a given name in text of a language, and opens no other kind of name.
    fn is_given_name(self, lang: Lang) -> bool {
        self.given_langs & lang_bit(lang) != 0
            && (self.other_name_langs & lang_bit(lang) == 0 || self.is_kunya)
    }
}

/// What the knowledge base knows of one normalized word.
#[derive(Debug, Clone, Copy, Default)]
struct WordFacts {
    /// It is the first word of a name: most words of a text are none, and are passed over.
    starts_name: bool,
    /// With an `ا` before it, it is the first word of a name: `لعراق` (from `للعراق`) is
    /// `العراق` with the article's alef dropped after the clitic `ل`.
    starts_name_after_alef: bool,
    /// The languages (a `lang_bit` mask) in whose text it is the first word of a name of
    /// anything but a person: never a given name there.
    other_name_langs: u8,
    /// It never belongs to a name found from context.
    is_common: bool,
    /// The languages (a `lang_bit` mask) in whose text alone it is a common word: Arabic
    /// `علوم` "sciences" is common in Arabic text and a word of Persian bodies' names
    /// (`وزارت علوم`). `Knowledge::word_in` folds it into `is_common`.
    common_langs: u8,
    /// The languages (a `lang_bit` mask) in whose text it is a given name: Persian `اکبر` is
    /// Arabic `أكبر` "greater" once folded.
    given_langs: u8,
    /// It is `أبو` ("father of"), which opens persons' names (`أبو مصعب`) as well as places'
    /// (`أبو ظبي`), which the knowledge base matches first.
    is_kunya: bool,
    /// It is `و` and an Arabic given name (`ومحمد`).
    is_conjoined_given: bool,
    /// It is an Arabic verb of saying (`قال`, `وأكد`), which a speaker's name may follow.
    is_said_verb: bool,
    /// It is an Arabic given name that, standing alone, is more often a word of prose
    /// (`LONE_NOT_NAMES_AR`).
    is_prose_alone: bool,
    /// It is an Arabic noun of a place, building, prize or work named after a person
    /// (`مطار`, `جامعة`, `كأس`), in construct, with or without a clitic.
    is_eponym_head: bool,
    /// The languages in whose text it is the head noun of an organization's name (Arabic
    /// `جامعة` "university" is Persian `جامعه` "society").
    org_head_langs: u8,
}

impl Knowledge {
    /// Whether the actor `id` is a capital (`tehran`, `riyadh`), which news may name for its
    /// country's government.
    pub fn is_capital(&self, id: &str) -> bool {
        self.actor_ids.get(id).is_some_and(|&idx| self.actors[idx].is_capital)
    }

    /// The team's tables, as shipped.
    pub fn builtin() -> Knowledge {
        let mut res = Knowledge::default();
        for word in NOT_NAMES.iter().chain(PRONOUNS_FA).chain(SPEAKER_NOUNS_AR) {
            // Both forms: Persian paragraphs join ZWNJ-bound parts (`سه‌شنبه`).
            for key in [norm(word, Lang::Unknown), norm(word, Lang::Fa)] {
                res.facts_mut(&key).is_common = true;
            }
        }
        for role in ROLES_FA {
            for key in [norm(role, Lang::Unknown), norm(role, Lang::Fa)] {
                res.facts_mut(&key).is_common = true;
            }
        }
        for verb in SAID_VERBS_AR {
            let key = norm(verb, Lang::Unknown);
            for form in [key.clone(), format!("و{key}"), format!("ف{key}")] {
                let facts = res.facts_mut(&form);
                facts.is_common = true;
                facts.is_said_verb = true;
            }
        }
        // In construct (`مطار جون كينيدي`); with the article only a storm stands in
        // apposition to its name (`الإعصار كاترينا`), where `البطولة محمد` is two phrases.
        for head in EPONYM_HEADS_AR {
            let key = norm(head, Lang::Ar);
            for clitic in ["", "ب", "ل", "و", "وب"] {
                res.facts_mut(&format!("{clitic}{key}")).is_eponym_head = true;
            }
        }
        for word in LONE_NOT_NAMES_AR {
            res.facts_mut(&norm(word, Lang::Ar)).is_prose_alone = true;
        }
        for head in EPONYM_HEADS_FA {
            res.facts_mut(&norm(head, Lang::Fa)).is_eponym_head = true;
        }
        for storm in ["الإعصار", "العاصفة"] {
            res.facts_mut(&norm(storm, Lang::Ar)).is_eponym_head = true;
        }
        for rank in RANKS {
            res.insert_name(rank, Target::Rank, Lang::Unknown);
        }
        for head in ORG_HEADS_AR {
            res.facts_mut(head).org_head_langs |= !lang_bit(Lang::Fa);
        }
        for head in ORG_HEADS_FA {
            res.facts_mut(&norm(head, Lang::Fa)).org_head_langs |= lang_bit(Lang::Fa);
        }
        // The file's sections say which language's text a name is looked for in.
        let mut langs = lang_bit(Lang::Ar) | lang_bit(Lang::Fa);
        for line in GIVEN_NAMES.lines().map(str::trim) {
            if line.starts_with("# ----") {
                langs = if line.contains("Arabic ----") {
                    lang_bit(Lang::Ar)
                } else if line.contains("Persian ----") {
                    lang_bit(Lang::Fa)
                } else {
                    lang_bit(Lang::Ar) | lang_bit(Lang::Fa)
                };
            }
            if !line.is_empty() && !line.starts_with('#') {
                // Both forms: Persian paragraphs are normalized with the joining rules.
                for key in [norm(line, Lang::Unknown), norm(line, Lang::Fa)] {
                    res.facts_mut(&key).given_langs |= langs;
                }
            }
        }
        for (word, langs) in common_words() {
            for key in [norm(word, Lang::Unknown), norm(word, Lang::Fa)] {
                let facts = res.facts_mut(&key);
                match langs {
                    Some(langs) => facts.common_langs |= langs,
                    None => facts.is_common = true,
                }
            }
        }
        for table in BUILTIN {
            res.add_tsv(table).expect("the shipped actor tables parse (checked by a test)");
        }
        res.facts_mut(&norm("أبو", Lang::Unknown)).is_kunya = true;
        for word in NOT_GIVEN_AR {
            res.facts_mut(&norm(word, Lang::Unknown)).given_langs &= !lang_bit(Lang::Ar);
        }
        for word in NOT_GIVEN_FA {
            for key in [norm(word, Lang::Unknown), norm(word, Lang::Fa)] {
                res.facts_mut(&key).given_langs &= !lang_bit(Lang::Fa);
            }
        }
        res.mark_conjoined_given_names();
        res
    }

    /// Marks `و` + an Arabic given name (`ومحمد`), so that the word's one lookup tells a
    /// conjunction before a name.
    fn mark_conjoined_given_names(&mut self) {
        let mut conjoined: Vec<String> = self
            .words
            .iter()
            .filter(|(_, facts)| facts.is_given_name(Lang::Ar) && !facts.is_common)
            .map(|(word, _)| format!("و{word}"))
            .collect();
        // Sorted, so that the map is built the same way on every run.
        conjoined.sort_unstable();
        for word in conjoined {
            self.facts_mut(&word).is_conjoined_given = true;
        }
    }

    /// Adds the actors of a TSV text in one of the shipped formats, which its header line
    /// names (see `data/actors/README.md`). Returns the kind of table and the number of rows.
    /// An error names the line and what is wrong with it; nothing is added then.
    pub fn add_tsv(&mut self, tsv: &str) -> Result<(TableKind, usize), String> {
        let mut staged = self.clone();
        let res = staged.add_rows(tsv)?;
        staged.mark_conjoined_given_names();
        *self = staged;
        Ok(res)
    }

    fn add_rows(&mut self, tsv: &str) -> Result<(TableKind, usize), String> {
        let mut table: Option<(TableKind, Vec<&str>)> = None;
        let mut n_added = 0;
        for (line_idx, line) in tsv.lines().enumerate() {
            let line_no = line_idx + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let Some((kind, header)) = &table else {
                let Some(kind) = TableKind::from_header(&fields) else {
                    return Err(format!(
                        "line {line_no}: not a header of the actor tables (see data/actors/README.md)"
                    ));
                };
                table = Some((kind, fields));
                continue;
            };
            if fields.len() != header.len() {
                return Err(format!(
                    "line {line_no}: {} fields where the header has {}",
                    fields.len(),
                    header.len()
                ));
            }
            let field =
                |name: &str| header.iter().position(|h| *h == name).map_or("", |idx| fields[idx]);
            let id = field("id");
            if id.is_empty() {
                return Err(format!("line {line_no}: no id"));
            }
            let target = match kind {
                TableKind::Offices => {
                    if self.office_ids.contains_key(id) {
                        return Err(format!("line {line_no}: office id {id} is already taken"));
                    }
                    self.office_ids.insert(id.to_owned(), self.offices.len());
                    self.offices
                        .push(Office { id: id.to_owned(), sector: field("sector").to_owned() });
                    Target::Office(self.offices.len() - 1)
                }
                _ => {
                    if self.actor_ids.contains_key(id) {
                        return Err(format!("line {line_no}: actor id {id} is already taken"));
                    }
                    let actor = self.actor(*kind, |name| field(name).to_owned(), line_no)?;
                    self.actor_ids.insert(id.to_owned(), self.actors.len());
                    self.actors.push(actor);
                    Target::Actor(self.actors.len() - 1)
                }
            };
            for (column, lang) in
                [("names_en", Lang::En), ("names_ar", Lang::Ar), ("names_fa", Lang::Fa)]
            {
                for name in split(field(column)) {
                    self.insert_name(name, target, lang);
                }
                if *kind == TableKind::Persons {
                    // A word that stands inside or at the end of one of the person's names is a
                    // family name (`هاشمی` in `اکبر هاشمی رفسنجانی`), even where a shorter name
                    // opens with it (`هاشمی رفسنجانی`).
                    let later_words: Vec<String> = split(field(column))
                        .flat_map(|name| {
                            norm(name, lang)
                                .split(' ')
                                .skip(1)
                                .map(str::to_owned)
                                .collect::<Vec<_>>()
                        })
                        .collect();
                    for name in split(field(column)) {
                        self.insert_given_name(name, lang, &later_words);
                    }
                }
            }
            if let Target::Actor(actor_idx) = target {
                for name in split(field("abbreviations")) {
                    self.insert_name(name, target, Lang::Unknown);
                }
                for (column, lang) in
                    [("adj_en", Lang::En), ("adj_ar", Lang::Ar), ("adj_fa", Lang::Fa)]
                {
                    for name in split(field(column)) {
                        self.insert_name(name, Target::Nationality(actor_idx), lang);
                    }
                }
            }
            n_added += 1;
        }
        match table {
            Some((kind, _)) => Ok((kind, n_added)),
            None => Err("no header line".to_owned()),
        }
    }

    /// Builds the actor of one row (`field` gives a column's value), checking its offices
    /// against the tables read so far.
    fn actor(
        &self,
        kind: TableKind,
        field: impl Fn(&str) -> String,
        line_no: usize,
    ) -> Result<Actor, String> {
        let some = |s: String| (!s.is_empty()).then_some(s);
        let id = field("id");
        let actor = match kind {
            TableKind::Countries => Actor {
                id,
                kind: EntityKind::Place,
                is_country: true,
                is_capital: false,
                country: some(field("iso3")),
                sector: None,
                tenures: Vec::new(),
            },
            TableKind::Places => Actor {
                id,
                kind: EntityKind::Place,
                is_country: false,
                is_capital: field("kind") == "capital",
                country: some(field("country")),
                sector: None,
                tenures: Vec::new(),
            },
            TableKind::Organizations => Actor {
                id,
                kind: EntityKind::Organization,
                is_country: false,
                is_capital: false,
                country: some(field("country")),
                sector: some(field("sector")),
                tenures: Vec::new(),
            },
            TableKind::Persons | TableKind::Offices => {
                let mut tenures = Vec::new();
                for entry in split(&field("offices")) {
                    let Some(tenure) = self.tenure(entry) else {
                        return Err(format!(
                            "line {line_no}: office entry {entry:?} is not `office@SCOPE:START-END` with a known office and a country code or known organization as scope"
                        ));
                    };
                    tenures.push(tenure);
                }
                Actor {
                    id,
                    kind: EntityKind::Person,
                    is_country: false,
                    is_capital: false,
                    country: None,
                    sector: None,
                    tenures,
                }
            }
        };
        Ok(actor)
    }

    /// Parses `office@SCOPE:START-END`.
    fn tenure(&self, entry: &str) -> Option<Tenure> {
        let (office, rest) = entry.split_once('@')?;
        let (scope, years) = rest.split_once(':').unwrap_or((rest, "-"));
        let (start, end) = years.split_once('-').unwrap_or((years, years));
        let is_country_code = scope.len() == 3 && scope.bytes().all(|b| b.is_ascii_uppercase());
        if !is_country_code && !self.actor_ids.contains_key(scope) {
            return None;
        }
        Some(Tenure {
            office: *self.office_ids.get(office)?,
            scope: scope.to_owned(),
            start: start.parse().ok(),
            end: end.parse().ok(),
        })
    }

    fn insert_name(&mut self, name: &str, target: Target, lang: Lang) {
        // The Persian joining rules give a second form for names written with a ZWNJ or a space.
        for key_lang in [Lang::Unknown, Lang::Fa] {
            let key = norm(name, key_lang);
            let n_words = key.split(' ').count();
            if key.is_empty() || n_words > MAX_NAME_WORDS {
                continue;
            }
            let first = &key[..script::word_end(&key, 0)];
            if first.is_empty() {
                continue;
            }
            self.facts_mut(first).starts_name = true;
            if let Some(rest) = first.strip_prefix('ا') {
                self.facts_mut(rest).starts_name_after_alef = true;
            }
            let is_person_name =
                matches!(target, Target::Actor(idx) if self.actors[idx].kind == EntityKind::Person);
            // Where the word opens a name of the other language's column (Arabic `أمين عام`
            // "secretary-general"), the lookup, which runs first, takes that name when the
            // text has it; else the word stays a given name in this language (Persian `امین`).
            if !is_person_name {
                self.facts_mut(first).other_name_langs |= lang_bit(lang);
            }
            let mut word_start = 0;
            while let Some(space) = key[word_start..].find(' ') {
                self.prefixes.insert(key[..word_start + space].to_owned());
                word_start += space + 1;
            }
            let entries = self.names.entry(key.clone()).or_default();
            if !entries.iter().any(|e| e.target == target && e.lang == lang) {
                entries.push(Entry { target, lang, is_one_word: n_words == 1 });
            }
        }
    }

    /// The first word of a person's full name is a given name, when it is not a common word,
    /// not one of `later_words` (the words after the first of the person's names in that
    /// language) and, in Persian, has four letters or more (Persian `جای` "place" is also Zhai).
    fn insert_given_name(&mut self, name: &str, lang: Lang, later_words: &[String]) {
        let key = norm(name, lang);
        let mut words = key.split(' ');
        let (Some(first), Some(_)) = (words.next(), words.next()) else { return };
        let min_letters = if lang == Lang::Fa { 4 } else { 3 };
        if first.chars().count() >= min_letters
            && !later_words.iter().any(|w| w == first)
            && !first.starts_with("ال")
            && !self.word(first).is_common
            && !self.names.get(first).is_some_and(|e| e.iter().any(|e| !is_person(e, self)))
        {
            self.facts_mut(first).given_langs |= lang_bit(lang);
        }
    }

    /// Whether a normalized word is a given name in text of a language, and opens no other
    /// kind of name.
    fn is_given_name(&self, word: &str, lang: Lang) -> bool {
        self.word(word).is_given_name(lang)
    }

    /// What is known of a normalized word (nothing, for most words of a text).
    fn word(&self, word: &str) -> WordFacts {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// What is known of a normalized word in text of a language: `is_common` also holds for
    /// the words common in that language's text alone.
    fn word_in(&self, word: &str, lang: Lang) -> WordFacts {
        let facts = self.word(word);
        WordFacts {
            is_common: facts.is_common || facts.common_langs & lang_bit(lang) != 0,
            ..facts
        }
    }

    fn facts_mut(&mut self, word: &str) -> &mut WordFacts {
        if !self.words.contains_key(word) {
            self.words.insert(word.to_owned(), WordFacts::default());
        }
        self.words.get_mut(word).expect("inserted above")
    }

    /// The number of actors (countries, places, organizations and persons).
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// Whether the knowledge base holds no actor.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// The country, sector and office of a person in a year (or, without one, the latest).
    fn role(&self, actor: &Actor, year: Option<i32>) -> Option<Role> {
        let tenure = match year {
            Some(year) => actor
                .tenures
                .iter()
                .find(|t| t.start.is_none_or(|s| s <= year) && t.end.is_none_or(|e| e >= year)),
            None => None,
        }
        .or_else(|| actor.tenures.iter().max_by_key(|t| t.end.unwrap_or(i32::MAX)))?;
        let office = &self.offices[tenure.office];
        let scope_org = self.actor_ids.get(&tenure.scope).map(|&idx| &self.actors[idx]);
        let country = match scope_org {
            Some(org) => org.country.clone(),
            None => Some(tenure.scope.clone()),
        };
        let sector =
            scope_org.and_then(|o| o.sector.clone()).unwrap_or_else(|| office.sector.clone());
        Some(Role { office: Some(office.id.clone()), country, sector: Some(sector) })
    }
}

/// The words of the common-word list, comments and blank lines left out, each with the
/// languages (a `lang_bit` mask) whose text alone it is common in, or `None` for any text:
/// a section whose title ends in `text only ----` names its language.
fn common_words() -> impl Iterator<Item = (&'static str, Option<u8>)> {
    let mut langs = None;
    COMMON_WORDS.lines().map(str::trim).filter_map(move |line| {
        if line.starts_with("# ----") {
            langs = match line {
                _ if line.contains("Arabic text only ----") => Some(lang_bit(Lang::Ar)),
                _ if line.contains("Persian text only ----") => Some(lang_bit(Lang::Fa)),
                _ => None,
            };
        }
        (!line.is_empty() && !line.starts_with('#')).then_some((line, langs))
    })
}

/// One bit per language, for masks; unknown text matches every language.
fn lang_bit(lang: Lang) -> u8 {
    match lang {
        Lang::Ar => 1,
        Lang::Fa => 2,
        Lang::En => 4,
        Lang::Other => 8,
        Lang::Unknown => 0xff,
    }
}

fn is_person(entry: &Entry, knowledge: &Knowledge) -> bool {
    matches!(entry.target, Target::Actor(idx) if knowledge.actors[idx].kind == EntityKind::Person)
}

/// An office, country and sector, and where the text gives them.
#[derive(Debug, Clone, Default)]
struct Role {
    office: Option<String>,
    country: Option<String>,
    sector: Option<String>,
}

fn split(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|n| !n.is_empty())
}

fn norm(text: &str, lang: Lang) -> String {
    normalize::normalize(text, 0, lang).into_parts().0
}

/// One paragraph's normalized text, as `normalize` gives it.
#[derive(Debug, Clone, Copy)]
pub struct Passage<'a> {
    /// The normalized text.
    pub norm: &'a str,
    /// Its char map back to the original text, as `model::Paragraph::norm_map` documents.
    pub map: &'a [(u32, u32)],
    /// The paragraph's language.
    pub lang: Lang,
    /// The word spans of `norm` when the caller has split it (`crate::paragraph_words`);
    /// `None` to split here.
    pub words: Option<&'a [(usize, usize)]>,
}

/// Titles, ranks and nationality words right before the current word.
#[derive(Debug, Clone, Default)]
struct Context {
    role: Role,
    /// The normalized span the context covers, in the current passage.
    span: Span,
    /// The word index right after it.
    next_word: usize,
    /// Whether it holds a title or rank (a nationality alone does not introduce a name).
    has_title: bool,
    /// The office entity it holds, whose country a following nationality or country gives.
    office_entity: Option<usize>,
    /// Whether its last word is a rank or honorific (`آقای`, `دکتر`), which only a name
    /// follows, where an office may be followed by the rest of its title (`وزیر بهداشت`).
    ends_with_rank: bool,
}

/// A name found at a word.
#[derive(Clone, Copy)]
struct Found {
    entry: Entry,
    /// Normalized start (after any clitic) and end.
    start: usize,
    end: usize,
    /// The word index after the name.
    next_word: usize,
}

/// Finds the entities of a document's paragraphs, in order of position.
///
/// `year` is the publication year, which picks the office a person held; without it, the
/// latest office the knowledge base lists counts.
pub fn find(passages: &[Passage<'_>], year: Option<i32>, knowledge: &Knowledge) -> Vec<Entity> {
    let mut res: Vec<Entity> = Vec::new();
    // Short form (normalized last word of a full name) → the full name's entity index.
    let mut short_forms: Map<String, usize> = Map::default();
    // The first words of the two-word short forms, so that most words need no second lookup.
    let mut short_form_heads: Map<String, usize> = Map::default();
    let mut previous_first_person: Option<usize> = None;
    for passage in passages {
        let text = passage.norm;
        let split;
        let words: &[(usize, usize)] = match passage.words {
            Some(words) => words,
            None => {
                split = script::word_spans(text);
                &split
            }
        };
        let first_entity = res.len();
        let mut context: Option<Context> = None;
        // The index of the last Arabic verb of saying seen.
        let mut said_verb_at: Option<usize> = None;
        // The word index right after the last person found in this passage, for lists.
        let mut after_person: Option<usize> = None;
        let mut n_seen = res.len();
        let mut word_idx = 0;
        while word_idx < words.len() {
            let (start, end) = words[word_idx];
            let word = &text[start..end];
            let adjacent = context.as_ref().filter(|c| c.next_word == word_idx);
            // Every mention is pushed right before moving on to the word after it.
            if res.len() > n_seen {
                n_seen = res.len();
                let is_person = res.last().is_some_and(|e| e.kind == EntityKind::Person);
                after_person = is_person.then_some(word_idx);
            }

            // A pronoun opening a Persian paragraph continues with its predecessor's subject.
            if word_idx == 0
                && passage.lang == Lang::Fa
                && PRONOUNS_FA.iter().any(|p| norm(p, Lang::Unknown) == word)
                && let Some(antecedent) = previous_first_person
            {
                let entity = refer(&res[antecedent], span(passage, start, end), antecedent);
                res.push(Entity { evidence: EntityEvidence::Pronoun, ..entity });
                word_idx += 1;
                continue;
            }

            // A Persian place is named with its head noun (`استان گلستان`, `شهرستان هریس`).
            if passage.lang == Lang::Fa
                && let Some(head) = PLACE_HEADS_FA.iter().find(|h| h.0 == word)
                && word_idx + 1 < words.len()
                && is_name_gap(&text[end..words[word_idx + 1].0])
                && lookup(text, words, word_idx, passage.lang, knowledge).is_none()
            {
                let next = lookup(text, words, word_idx + 1, passage.lang, knowledge);
                let place = next.and_then(|f| match f.entry.target {
                    Target::Actor(idx) if knowledge.actors[idx].kind == EntityKind::Place => {
                        Some((Some(&knowledge.actors[idx]), f.end, f.next_word))
                    }
                    _ => None,
                });
                let place = match place {
                    Some(place) => Some(place),
                    // After `استان` or `شهرستان`, a word that is also a person's name
                    // (`هریس`) is a place.
                    None if head.1
                        && next.is_none_or(|f| {
                            f.next_word == word_idx + 2 && matches!(f.entry.target, Target::Actor(idx) if knowledge.actors[idx].kind == EntityKind::Person)
                        })
                        && (next.is_some() || is_name_word(text, words, word_idx + 1, passage.lang, knowledge))
                        && !knowledge.is_given_name(
                            &text[words[word_idx + 1].0..words[word_idx + 1].1],
                            passage.lang,
                        )
                        && !is_verb_phrase_fa(text, words, word_idx + 1) =>
                    {
                        Some((None, words[word_idx + 1].1, word_idx + 2))
                    }
                    None => None,
                };
                if let Some((actor, place_end, next_word)) = place {
                    res.push(Entity {
                        span: span(passage, start, place_end),
                        kind: EntityKind::Place,
                        actor: actor.map(|a| a.id.clone()),
                        is_new: actor.is_none(),
                        country: actor.and_then(|a| a.country.clone()),
                        sector: None,
                        office: None,
                        evidence: if actor.is_some() {
                            EntityEvidence::Name
                        } else {
                            EntityEvidence::HeadNoun
                        },
                        role_span: None,
                        antecedent: None,
                    });
                    context = None;
                    word_idx = next_word;
                    continue;
                }
            }

            // One lookup answers what the knowledge base knows of the word itself.
            let facts = knowledge.word(word);
            let follows_said_verb = said_verb_at == Some(word_idx.wrapping_sub(1));
            if facts.is_said_verb {
                said_verb_at = Some(word_idx);
            }
            // Persian `امیر` is the title of an emir before a state (`امیر قطر`) and the
            // given name Amir before a name (`امیر خانزاده`).
            let is_amir_fa = passage.lang == Lang::Fa
                && word == "امير"
                && words.get(word_idx + 1).is_some_and(|&(next_start, _)| {
                    is_name_gap(&text[end..next_start])
                        && is_name_word(text, words, word_idx + 1, passage.lang, knowledge)
                        && !is_verb_phrase_fa(text, words, word_idx + 1)
                        && lookup(text, words, word_idx + 1, passage.lang, knowledge)
                            .is_none_or(|f| is_person(&f.entry, knowledge))
                });
            if !is_amir_fa
                && let Some(found) =
                    lookup_with(text, words, word_idx, facts, passage.lang, knowledge)
            {
                let found =
                    title_before_body(text, words, word_idx, found, passage.lang, knowledge);
                let found_span = Span::new(found.start, found.end);
                match found.entry.target {
                    Target::Office(idx) => {
                        let office = &knowledge.offices[idx];
                        // A nationality before the title gives its country (`Iranian Foreign
                        // Minister`).
                        let said_country = adjacent.and_then(|c| c.role.country.clone());
                        let role = Role {
                            office: Some(office.id.clone()),
                            country: said_country.clone(),
                            sector: Some(office.sector.clone()),
                        };
                        res.push(Entity {
                            span: span(passage, found.start, found.end),
                            kind: EntityKind::Office,
                            actor: Some(office.id.clone()),
                            is_new: false,
                            country: said_country,
                            sector: role.sector.clone(),
                            office: role.office.clone(),
                            evidence: EntityEvidence::Name,
                            role_span: adjacent.filter(|c| c.role.country.is_some()).map(|c| {
                                to_original(passage, c.span.start as usize, c.span.end as usize)
                            }),
                            antecedent: None,
                        });
                        let mut extended =
                            extend(adjacent, role, found_span, found.next_word, true);
                        extended.office_entity = Some(res.len() - 1);
                        context = Some(extended);
                    }
                    Target::Rank => {
                        let role = adjacent.map(|c| c.role.clone()).unwrap_or_default();
                        let mut extended =
                            extend(adjacent, role, found_span, found.next_word, true);
                        extended.ends_with_rank = true;
                        context = Some(extended);
                    }
                    Target::Nationality(idx) => {
                        let country = knowledge.actors[idx].country.clone();
                        res.push(Entity {
                            span: span(passage, found.start, found.end),
                            kind: EntityKind::Nationality,
                            actor: Some(knowledge.actors[idx].id.clone()),
                            is_new: false,
                            country: country.clone(),
                            sector: None,
                            office: None,
                            evidence: EntityEvidence::Name,
                            role_span: None,
                            antecedent: None,
                        });
                        if let Some(c) = adjacent
                            && c.role.country.is_none()
                        {
                            let mut role = c.role.clone();
                            role.country = country;
                            // The nationality gives the office before it its country.
                            if let Some(office_idx) = c.office_entity {
                                res[office_idx].country.clone_from(&role.country);
                                res[office_idx].role_span =
                                    Some(span(passage, found.start, found.end));
                            }
                            context =
                                Some(extend(adjacent, role, found_span, found.next_word, false));
                        } else {
                            let role = Role { country, ..Role::default() };
                            context = Some(extend(None, role, found_span, found.next_word, false));
                        }
                    }
                    Target::Actor(idx) => {
                        let actor = &knowledge.actors[idx];
                        // A Persian family name the knowledge base lists alone, followed by a
                        // second family word (`صالحی امیری`), names someone else.
                        let next = found.next_word;
                        if actor.kind == EntityKind::Person
                            && passage.lang == Lang::Fa
                            && found.entry.is_one_word
                            && next == word_idx + 1
                            && next < words.len()
                            && is_name_gap(&text[found.end..words[next].0])
                            && is_family_shape_fa(&text[words[next].0..words[next].1])
                            && is_name_word(text, words, next, passage.lang, knowledge)
                            && !is_verb_phrase_fa(text, words, next)
                        {
                            let name_end = words[next].1;
                            remember_short_form(
                                &text[found.start..name_end],
                                res.len(),
                                true,
                                &mut short_forms,
                                &mut short_form_heads,
                                knowledge,
                            );
                            res.push(new_person(
                                span(passage, found.start, name_end),
                                EntityEvidence::GivenName,
                            ));
                            context = None;
                            word_idx = next + 1;
                            continue;
                        }
                        let opening = adjacent.map_or(start, |c| c.span.start as usize);
                        if actor.kind == EntityKind::Person
                            && follows_eponym_head(text, &words[..word_idx], opening, knowledge)
                        {
                            context = None;
                            word_idx = found.next_word;
                            continue;
                        }
                        let entity = match actor.kind {
                            EntityKind::Person => {
                                let found = trim_title(
                                    text,
                                    words,
                                    word_idx,
                                    found,
                                    passage.lang,
                                    knowledge,
                                );
                                let found = with_house(text, words, found, passage.lang, knowledge);
                                let mut entity =
                                    person(passage, &found, actor, adjacent, year, knowledge);
                                if passage.lang == Lang::Fa {
                                    let (start, end) =
                                        with_honorifics_fa(text, words, found.start, found.end);
                                    entity.span = span(passage, start, end);
                                }
                                if found.entry.is_one_word
                                    && let Some(&antecedent) =
                                        short_forms.get(&text[found.start..found.end])
                                    && res[antecedent].actor.as_deref() == Some(actor.id.as_str())
                                {
                                    entity.evidence = EntityEvidence::ShortForm;
                                    entity.antecedent = Some(antecedent);
                                }
                                entity
                            }
                            _ => Entity {
                                span: match actor.kind {
                                    EntityKind::Place if passage.lang == Lang::Ar => {
                                        let (start, end) =
                                            place_core(text, words, word_idx, &found, knowledge);
                                        span(passage, start, end)
                                    }
                                    EntityKind::Organization if passage.lang == Lang::Ar => {
                                        let (start, end) =
                                            org_core(text, words, word_idx, &found, knowledge);
                                        span(passage, start, end)
                                    }
                                    _ => span(passage, found.start, found.end),
                                },
                                kind: actor.kind,
                                actor: Some(actor.id.clone()),
                                is_new: false,
                                country: actor.country.clone(),
                                sector: actor.sector.clone(),
                                office: None,
                                evidence: EntityEvidence::Name,
                                role_span: None,
                                antecedent: None,
                            },
                        };
                        // A country named right after a title gives it its country
                        // (`نخست وزیر سوریه`, `وزير خارجية سوريا`).
                        context = match adjacent {
                            Some(c)
                                if actor.kind == EntityKind::Place
                                    && c.role.country.is_none()
                                    && c.has_title =>
                            {
                                let mut role = c.role.clone();
                                role.country = actor.country.clone();
                                if let Some(office_idx) = c.office_entity {
                                    res[office_idx].country.clone_from(&role.country);
                                    res[office_idx].role_span = Some(entity.span);
                                }
                                Some(extend(adjacent, role, found_span, found.next_word, true))
                            }
                            // The body a title belongs to keeps the title's hold on the name
                            // after it (`المتحدث باسم الخارجية الأميركية X`).
                            Some(c) if actor.kind == EntityKind::Organization && c.has_title => {
                                let mut role = c.role.clone();
                                // A state's body gives the title its state.
                                if role.country.is_none()
                                    && actor.country.as_ref().is_some_and(|iso| iso != "INT")
                                {
                                    role.country = actor.country.clone();
                                    if let Some(office_idx) = c.office_entity {
                                        res[office_idx].country.clone_from(&role.country);
                                        res[office_idx].role_span = Some(entity.span);
                                    }
                                }
                                Some(extend(adjacent, role, found_span, found.next_word, true))
                            }
                            _ => None,
                        };
                        if entity.kind == EntityKind::Person && !found.entry.is_one_word {
                            remember_short_form(
                                &text[found.start..found.end],
                                res.len(),
                                false,
                                &mut short_forms,
                                &mut short_form_heads,
                                knowledge,
                            );
                        }
                        res.push(entity);
                    }
                }
                word_idx = found.next_word;
                continue;
            }

            // An organization the knowledge base does not know, by its head noun.
            let is_org_head = |w: &str| {
                let facts = if w.len() == word.len() { facts } else { knowledge.word(w) };
                facts.org_head_langs & lang_bit(passage.lang) != 0
            };
            if let Some(clitic_len) = strip_clitic(word, passage.lang, is_org_head)
                && let Some(n_words) = org_name_len(text, words, word_idx, passage.lang, knowledge)
            {
                let org_end = words[word_idx + n_words - 1].1;
                res.push(Entity {
                    span: span(passage, start + clitic_len, org_end),
                    kind: EntityKind::Organization,
                    actor: None,
                    is_new: true,
                    country: None,
                    sector: None,
                    office: None,
                    evidence: EntityEvidence::HeadNoun,
                    role_span: None,
                    antecedent: None,
                });
                context = None;
                word_idx += n_words;
                continue;
            }

            // A name and a patronym (`سهل بن حنيف`, `الحسين بن طلال`): `بن` between two words
            // that may stand in names joins them into a person's name.
            if passage.lang == Lang::Ar
                && let Some(n_words) = patronymic_name_len(text, words, word_idx, knowledge)
            {
                let name_end = words[word_idx + n_words - 1].1;
                remember_short_form(
                    &text[start..name_end],
                    res.len(),
                    true,
                    &mut short_forms,
                    &mut short_form_heads,
                    knowledge,
                );
                res.push(new_person(span(passage, start, name_end), EntityEvidence::GivenName));
                context = None;
                word_idx += n_words;
                continue;
            }

            // A short form of a full name given earlier.
            if let Some(&(next_start, next_end)) = words.get(word_idx + 1)
                && !short_form_heads.is_empty()
                && short_form(word, &short_form_heads).is_some()
                && is_name_gap(&text[end..next_start])
                && let Some((antecedent, clitic_len)) =
                    short_form(&text[start..next_end], &short_forms)
            {
                let entity = refer(
                    &res[antecedent],
                    span(passage, start + clitic_len, next_end),
                    antecedent,
                );
                res.push(Entity { evidence: EntityEvidence::ShortForm, ..entity });
                context = None;
                word_idx += 2;
                continue;
            }
            if let Some((antecedent, clitic_len)) = short_form(word, &short_forms) {
                let entity =
                    refer(&res[antecedent], span(passage, start + clitic_len, end), antecedent);
                res.push(Entity { evidence: EntityEvidence::ShortForm, ..entity });
                context = None;
                word_idx += 1;
                continue;
            }

            // "His counterpart": the office of the last person with one.
            let may_be_counterpart =
                word.contains("نظير") || word.starts_with("همتاي") || word == "counterpart";
            if may_be_counterpart
                && let Some(clitic_len) =
                    strip_clitic(word, passage.lang, |w| COUNTERPARTS.contains(&w))
            {
                let antecedent =
                    res.iter().rposition(|e| e.kind == EntityKind::Person && e.office.is_some());
                let office = antecedent.and_then(|idx| res[idx].office.clone());
                let sector = antecedent.and_then(|idx| res[idx].sector.clone());
                // `his Russian counterpart`: the nationality comes first in English.
                let said_country = adjacent.and_then(|c| c.role.country.clone());
                let role = Role {
                    office: office.clone(),
                    country: said_country.clone(),
                    sector: sector.clone(),
                };
                let role_span = adjacent
                    .filter(|c| c.role.country.is_some())
                    .map(|c| to_original(passage, c.span.start as usize, c.span.end as usize));
                res.push(Entity {
                    span: span(passage, start + clitic_len, end),
                    kind: EntityKind::Office,
                    actor: office,
                    is_new: false,
                    country: said_country,
                    sector,
                    office: role.office.clone(),
                    evidence: EntityEvidence::Counterpart,
                    role_span,
                    antecedent,
                });
                let mut extended =
                    extend(adjacent, role, Span::new(start + clitic_len, end), word_idx + 1, true);
                extended.office_entity = Some(res.len() - 1);
                context = Some(extended);
                word_idx += 1;
                continue;
            }

            // A person the knowledge base does not know: after a title, an Arabic definite
            // nationality (`البرازيلي X`) or verb of saying (`وقال X`), or by a given name.
            // The nationality must be masculine and singular (`البرازيلي`, not `الإسرائيلية`
            // or `الأميركيين`), as a man's name follows it.
            let is_cued = || {
                let is_cue = passage.lang != Lang::Fa
                    && word_idx > 0
                    && is_name_gap(&text[words[word_idx - 1].1..start])
                    && (follows_said_verb
                        || adjacent.is_some_and(|c| {
                            let said = &text[c.span.start as usize..c.span.end as usize];
                            !c.has_title
                                && c.role.country.is_some()
                                && said.starts_with("ال")
                                && said.ends_with('ي')
                        }));
                // After a cue, a word opening with a clitic or the imperfect prefix `ي` is far
                // more often a verb or a preposition phrase (`يريد`, `بسبب`) than a name.
                // Long foreign names may open with those letters (`فابريغاس`, `بيرنار`).
                let is_long_name = word.chars().count() >= 6
                    && !["بال", "فال", "كال", "لل", "وال"].iter().any(|a| word.starts_with(a))
                    && !word.starts_with(['ي', 'ل', 'و']);
                is_cue && (is_long_name || !word.starts_with(['ب', 'ل', 'و', 'ف', 'ك', 'ي']))
            };
            // `امام حسین (ع)`, `حضرت زهرا (س)`: a holy person named by one given name after
            // the title that Persian gives the Imams and the Prophet's family.
            // An epithet with a blessing names one too (`امام زمان (عج)`).
            if passage.lang == Lang::Fa
                && HOLY_TITLES_FA.contains(&word)
                && let Some(&(next_start, next_end)) = words.get(word_idx + 1)
                && is_name_gap(&text[end..next_start])
                && (knowledge.is_given_name(&text[next_start..next_end], passage.lang)
                    || (is_name_word(text, words, word_idx + 1, passage.lang, knowledge)
                        && with_honorifics_fa(text, words, next_start, next_end).1 > next_end))
            {
                let (_, name_end) = with_honorifics_fa(text, words, next_start, next_end);
                res.push(Entity {
                    span: span(passage, start, name_end),
                    kind: EntityKind::Person,
                    actor: None,
                    is_new: true,
                    country: None,
                    sector: Some("REL".to_owned()),
                    office: None,
                    evidence: EntityEvidence::TitleContext,
                    role_span: None,
                    antecedent: None,
                });
                context = None;
                word_idx += 2;
                continue;
            }
            // The subject right after a Persian lead's attribution (`به گزارش ایسنا ، X Y
            // معاون …`), which is most often the person the story quotes.
            if passage.lang == Lang::Fa
                && word_idx >= 3
                && text[words[word_idx - 1].1..start].trim() == ","
                && text.starts_with("به گزارش")
                && !text[..words[word_idx - 1].1].contains([',', '.', ':'])
                && let Some(n_words) = lead_subject_len(text, words, word_idx, knowledge)
            {
                let name_end = words[word_idx + n_words - 1].1;
                if n_words >= 2 {
                    remember_short_form(
                        &text[start..name_end],
                        res.len(),
                        true,
                        &mut short_forms,
                        &mut short_form_heads,
                        knowledge,
                    );
                }
                res.push(new_person(span(passage, start, name_end), EntityEvidence::TitleContext));
                context = None;
                word_idx += n_words;
                continue;
            }
            // The next item of a Persian list of persons (`علی کریمی ، X Y و …`).
            // Arabic writes `و` on to the next item (`وباسكال مشعلاني`).
            let list_clitic = if passage.lang == Lang::Ar && word.starts_with('و') {
                'و'.len_utf8()
            } else {
                0
            };
            let follows_person_in_list = matches!(passage.lang, Lang::Fa | Lang::Ar)
                && after_person.is_some_and(|after| {
                    let gap = if word_idx > 0 { &text[words[word_idx - 1].1..start] } else { "" };
                    // Normalization folds the Arabic comma `،` to `,`.
                    let is_comma = after == word_idx && gap.trim() == ",";
                    let is_and = (after + 1 == word_idx
                        && &text[words[after].0..words[after].1] == "و")
                        || (after == word_idx && list_clitic > 0 && is_name_gap(gap));
                    is_comma || is_and
                });
            if follows_person_in_list
                && let Some(n_words) =
                    list_item_len(text, words, word_idx, list_clitic, passage.lang, knowledge)
            {
                let start = start + list_clitic;
                let name_end = words[word_idx + n_words - 1].1;
                remember_short_form(
                    &text[start..name_end],
                    res.len(),
                    true,
                    &mut short_forms,
                    &mut short_form_heads,
                    knowledge,
                );
                res.push(new_person(span(passage, start, name_end), EntityEvidence::GivenName));
                context = None;
                word_idx += n_words;
                continue;
            }
            // A Persian paragraph that opens with a name and a verb of saying (`نجفی نژاد
            // افزود`), as paragraphs after a person's first mention do.
            let opening_speaker = if word_idx == 0 && passage.lang == Lang::Fa {
                opening_speaker_len(text, words, knowledge)
            } else {
                0
            };
            if opening_speaker > 0 {
                let name_end = words[opening_speaker - 1].1;
                res.push(new_person(span(passage, start, name_end), EntityEvidence::TitleContext));
                context = None;
                word_idx = opening_speaker;
                continue;
            }

            // `ومحمد X`: a conjunction before a given name, in lists of names.
            let first_clitic = if passage.lang == Lang::Ar
                && facts.is_conjoined_given
                && !facts.is_given_name(passage.lang)
            {
                'و'.len_utf8()
            } else {
                0
            };
            // `سیدجعفر`: the title of the Prophet's descendants, written on to a given name.
            let is_sayyid_name = passage.lang == Lang::Fa
                && word
                    .strip_prefix("سيد")
                    .is_some_and(|rest| knowledge.is_given_name(rest, passage.lang));
            // `روح الله`, `ولی الله`: a Persian given name in `-الله` written with a space.
            let is_allah_compound_fa = passage.lang == Lang::Fa
                && words.get(word_idx + 1).is_some_and(|&(next_start, next_end)| {
                    &text[next_start..next_end] == "الله"
                        && text[end..next_start] == *" "
                        && knowledge.is_given_name(&format!("{word}الله"), passage.lang)
                });
            // `بن سعود الإسلامية`: a given name after `بن` or `آل` is inside a name whose
            // opening was missed, and opens none of its own.
            let after_connector = passage.lang == Lang::Ar
                && word_idx > 0
                && is_name_gap(&text[words[word_idx - 1].1..start])
                && matches!(
                    &text[words[word_idx - 1].0..words[word_idx - 1].1],
                    "بن" | "ابن" | "بنت" | "ال"
                );
            let evidence = match adjacent {
                // Punctuation between a title and a word ends the title's hold on it.
                Some(c) if c.has_title && is_name_gap(&text[c.span.end as usize..start]) => {
                    Some(EntityEvidence::TitleContext)
                }
                _ if after_connector => None,
                _ if facts.is_given_name(passage.lang)
                    || first_clitic > 0
                    || is_sayyid_name
                    || is_amir_fa
                    || is_allah_compound_fa =>
                {
                    Some(EntityEvidence::GivenName)
                }
                _ if is_cued() => Some(EntityEvidence::TitleContext),
                _ => None,
            };
            // Arabic given names do not take the article, and after a Persian title the words
            // that follow are as often the rest of the title (`وزیر بهداشت`) as a name; after
            // a Persian rank (`آقای`, `دکتر`) they are a name, often the family name alone.
            let is_given = facts.is_given_name(passage.lang)
                || is_sayyid_name
                || is_amir_fa
                || is_allah_compound_fa;
            let is_after_rank_fa = passage.lang == Lang::Fa
                && adjacent.is_some_and(|c| {
                    c.ends_with_rank && is_name_gap(&text[c.span.end as usize..start])
                });
            let evidence = evidence.filter(|_| {
                let is_arabic_script = word.chars().next().is_some_and(script::is_arabic_letter);
                let has_article =
                    ["ال", "وال", "بال", "لل", "فال"].iter().any(|a| word.starts_with(a));
                // After an Arabic title, a short word with the imperfect prefix `ي` is a verb
                // (`الملك يعلم`, `الفريق يحتاج`).
                let is_imperfect = passage.lang == Lang::Ar
                    && !is_given
                    && word.starts_with('ي')
                    && word.chars().count() < 7;
                // `بتشكيل`, `بمانشستر`: a preposition on a common word or on a name of
                // something else.
                let is_preposition_phrase = passage.lang == Lang::Ar
                    && !is_given
                    && word.strip_prefix(['ب', 'ف', 'ك']).is_some_and(|rest| {
                        knowledge.word_in(rest, Lang::Ar).is_common
                            || knowledge.word(rest).starts_name
                    });
                // The word before the name, or before its title, names a thing after a person.
                let opening = adjacent.map_or(start, |c| c.span.start as usize);
                let is_eponym = follows_eponym_head(text, &words[..word_idx], opening, knowledge);
                // A given name may begin with the letters of the article (`ألبرت`, `إلياس`,
                // Persian `الناز` all fold to `ال...`).
                !(is_imperfect
                    || is_preposition_phrase
                    || is_eponym
                    || (is_arabic_script && has_article && !is_given))
                    && (passage.lang != Lang::Fa || is_given || is_after_rank_fa)
            });
            if let Some(evidence) = evidence {
                // One word after a title (`الرئيس بوش`) is a name when it is no common word
                // and has no article or clitic-like start (`بتشكيل`, `لدعم`).
                // A noun with an attached pronoun (`رغبته`, `قوله`, `عنها`, `علينا`) is no
                // name either.
                // A word in `ة` or the pronoun `ه` (`قوله`, `احتجاجه`, `قضية`), which fold
                // together, is no name alone unless it is a given name (`حمزة`).
                let has_pronoun_suffix = ["ته", "ها", "هم", "هما", "نا", "كم", "وله", "يه"]
                    .iter()
                    .any(|p| word.ends_with(p) && word.len() > p.len() + 2)
                    || (passage.lang == Lang::Ar && !is_given && word.ends_with('ه'));
                let is_plain_word = (!word.starts_with(['ب', 'ل', 'و', 'ف', 'ك'])
                    || (word.chars().count() >= 6
                        && word.starts_with(['ب', 'ف', 'ك'])
                        && !["بال", "فال", "كال"].iter().any(|a| word.starts_with(a))))
                    && !has_pronoun_suffix;
                // An indefinite title with nothing after it (`ملك قشتالة`, `زعيم الحزب`)
                // heads a genitive, not a name, unless a given name follows it.
                let is_bare_construct = passage.lang == Lang::Ar
                    && adjacent.is_some_and(|c| {
                        let said = &text[c.span.start as usize..c.span.end as usize];
                        c.role.office.is_some()
                            && c.role.country.is_none()
                            && !said.starts_with("ال")
                            && !said.contains(' ')
                    });
                let min_words = match evidence {
                    EntityEvidence::TitleContext if is_bare_construct => usize::MAX,
                    EntityEvidence::TitleContext if passage.lang == Lang::Ar && is_plain_word => 1,
                    EntityEvidence::TitleContext if is_after_rank_fa => 1,
                    // An Arabic given name alone, before a word that is no name (`هاجر محمد
                    // مع`), is that person; `علي` folds together with the preposition `على`.
                    EntityEvidence::GivenName
                        if passage.lang == Lang::Ar
                            && first_clitic == 0
                            && !facts.is_prose_alone
                            && opens_name_ar(text, words, word_idx, knowledge)
                            && closes_lone_name_ar(text, words, word_idx, knowledge) =>
                    {
                        1
                    }
                    _ => 2,
                };
                // A family name alone after a Persian rank (`آقای نوروزی`) takes a second word
                // only where family names continue (`آقای صالحی امیری`).
                let free_words = if is_after_rank_fa && !is_given { 1 } else { 2 };
                let opening = NameOpening {
                    clitic: first_clitic,
                    free_words,
                    // After `الإمام` `علي` is Ali, not the preposition `على` it folds with.
                    is_checked: is_amir_fa
                        || is_allah_compound_fa
                        || (passage.lang == Lang::Ar
                            && word == "علي"
                            && adjacent.is_some_and(|c| {
                                matches!(
                                    &text[c.span.start as usize..c.span.end as usize],
                                    "الامام" | "امام"
                                )
                            })),
                };
                let n_words = new_name_len(text, words, word_idx, opening, passage.lang, knowledge);
                // A given name that is also a word of prose, before a definite noun that is no
                // relative adjective, heads a phrase (`في صالح الشركة`, `حسن الجوار`).
                let is_prose_phrase = passage.lang == Lang::Ar
                    && n_words == 2
                    && evidence == EntityEvidence::GivenName
                    && knowledge.word(&word[first_clitic..]).is_prose_alone
                    && {
                        let (second_start, second_end) = words[word_idx + 1];
                        let second = &text[second_start..second_end];
                        second.starts_with("ال")
                            && !second.ends_with('ي')
                            && !matches!(second, "الدين" | "الله")
                    };
                if n_words >= min_words && !is_prose_phrase {
                    let start = start + first_clitic;
                    let name_end = words[word_idx + n_words - 1].1;
                    let role = adjacent.map(|c| c.role.clone()).unwrap_or_default();
                    let role_span = adjacent
                        .map(|c| to_original(passage, c.span.start as usize, c.span.end as usize));
                    if n_words >= 2 {
                        let name = &text[start..name_end];
                        // A name after a title is the surest kind found from context.
                        let is_weak = !adjacent.is_some_and(|c| c.has_title);
                        remember_short_form(
                            name,
                            res.len(),
                            is_weak,
                            &mut short_forms,
                            &mut short_form_heads,
                            knowledge,
                        );
                    }
                    let (start, name_end) = if passage.lang == Lang::Fa {
                        with_honorifics_fa(text, words, start, name_end)
                    } else {
                        (start, name_end)
                    };
                    res.push(Entity {
                        span: span(passage, start, name_end),
                        kind: EntityKind::Person,
                        actor: None,
                        is_new: true,
                        country: role.country,
                        sector: role.sector,
                        office: role.office,
                        evidence,
                        role_span,
                        antecedent: None,
                    });
                    context = None;
                    word_idx += n_words;
                    continue;
                }
            }
            context = None;
            word_idx += 1;
        }
        if let Some(idx) = res[first_entity..].iter().position(|e| e.kind == EntityKind::Person) {
            previous_first_person = Some(first_entity + idx);
        }
    }
    link_single_names(passages, res, knowledge)
}

/// A new person named by one word in its context (`وقال أينشتاين`), or the family name of a
/// new person's full name, is that person wherever the word stands alone in the document,
/// before the mention as well as after it: those mentions become short forms of it, and a
/// given name right before the word joins it (`أليكس فيرجسون`). Only words of four letters
/// or more that never belong to a name found from context qualify, a family name takes no
/// article and is no given name, and a word any mention already covers is left.
fn link_single_names(
    passages: &[Passage<'_>],
    res: Vec<Entity>,
    knowledge: &Knowledge,
) -> Vec<Entity> {
    let candidates: Vec<usize> = (0..res.len())
        .filter(|&idx| {
            let e = &res[idx];
            e.kind == EntityKind::Person && e.is_new && e.antecedent.is_none()
        })
        .collect();
    if candidates.is_empty() {
        return res;
    }
    let words: Vec<std::borrow::Cow<'_, [(usize, usize)]>> = passages
        .iter()
        .map(|passage| match passage.words {
            Some(words) => std::borrow::Cow::Borrowed(words),
            None => std::borrow::Cow::Owned(script::word_spans(passage.norm)),
        })
        .collect();
    // The single-word new persons, by their normalized word: each one's word is found through
    // the passage's char map, so that only words that are such a name cost more than a lookup.
    let mut names: Map<String, usize> = Map::default();
    for idx in candidates {
        let entity = &res[idx];
        let found = passages.iter().zip(&words).find_map(|(passage, words)| {
            let at = passage.map.partition_point(|&(_, o)| o < entity.span.start);
            let &(norm, orig) = passage.map.get(at)?;
            if orig != entity.span.start {
                return None;
            }
            let w = words.binary_search_by_key(&(norm as usize), |&(s, _)| s).ok()?;
            let (start, end) = words[w];
            if span(passage, start, end) == entity.span {
                return Some(&passage.norm[start..end]);
            }
            // The family name of a name of two words or more.
            let last = words[w..]
                .iter()
                .take(MAX_NAME_WORDS)
                .rposition(|&(s, e)| span(passage, s, e).end == entity.span.end)?;
            let (start, end) = words[w + last];
            (last > 0
                && !passage.norm[start..end].starts_with("ال")
                && knowledge.word(&passage.norm[start..end]).given_langs == 0)
                .then(|| &passage.norm[start..end])
        });
        if let Some(word) = found
            && word.chars().count() >= 4
            && !knowledge.word(word).is_common
        {
            names.entry(word.to_owned()).or_insert(idx);
        }
    }
    if names.is_empty() {
        return res;
    }
    let mut added: Vec<Entity> = Vec::new();
    for (passage, words) in passages.iter().zip(&words) {
        for (word_idx, &(start, end)) in words.iter().enumerate() {
            let Some(&idx) = names.get(&passage.norm[start..end]) else {
                continue;
            };
            // A given name right before it belongs to the name (`أليكس فيرجسون` where
            // `فيرجسون` stands alone elsewhere).
            let start = match word_idx.checked_sub(1).map(|prev| words[prev]) {
                Some((prev_start, prev_end))
                    if is_name_gap(&passage.norm[prev_end..start])
                        && knowledge
                            .is_given_name(&passage.norm[prev_start..prev_end], passage.lang)
                        && !knowledge.word(&passage.norm[prev_start..prev_end]).is_common =>
                {
                    prev_start
                }
                _ => start,
            };
            // `جائزة نوبل`, `قصر بكينغهام`: the word names a thing after a person there.
            let after_eponym_head = word_idx.checked_sub(1).is_some_and(|prev| {
                let (prev_start, prev_end) = words[prev];
                start == words[word_idx].0
                    && is_name_gap(&passage.norm[prev_end..start])
                    && knowledge.word(&passage.norm[prev_start..prev_end]).is_eponym_head
            });
            if after_eponym_head {
                continue;
            }
            let at = span(passage, start, end);
            let is_covered = res.iter().any(|e| e.span.start < at.end && at.start < e.span.end);
            if !is_covered {
                added.push(refer(&res[idx], at, idx));
            }
        }
    }
    if added.is_empty() {
        return res;
    }
    // Keep the list in order of position; indexes (antecedents) move with it.
    let mut all: Vec<(usize, Entity)> = res.into_iter().enumerate().collect();
    let n_old = all.len();
    all.extend(added.into_iter().enumerate().map(|(i, e)| (n_old + i, e)));
    all.sort_by_key(|(old, e)| (e.span.start, *old));
    let mut new_index = vec![0usize; all.len()];
    for (new, (old, _)) in all.iter().enumerate() {
        new_index[*old] = new;
    }
    all.into_iter()
        .map(|(_, mut e)| {
            e.antecedent = e.antecedent.map(|a| new_index[a]);
            e
        })
        .collect()
}

/// A context extended by one more title, rank or nationality word.
fn extend(
    previous: Option<&Context>,
    role: Role,
    found: Span,
    next_word: usize,
    is_title: bool,
) -> Context {
    let start = previous.map_or(found.start, |c| c.span.start);
    let has_title = is_title || previous.is_some_and(|c| c.has_title);
    let office_entity = previous.and_then(|c| c.office_entity);
    Context {
        role,
        span: Span { start, end: found.end },
        next_word,
        has_title,
        office_entity,
        ends_with_rank: false,
    }
}

/// A known person's name without the title words it opens with (`الملك عبدالله الثاني`,
/// `الرئيس الأسد`): the mention is the name, and the title is a title.
fn trim_title(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    found: Found,
    lang: Lang,
    knowledge: &Knowledge,
) -> Found {
    let mut start_word = word_idx;
    'titles: while start_word + 1 < found.next_word {
        // The longest title or rank that opens the rest of the name and leaves a word over.
        for n_words in (1..found.next_word - start_word).rev() {
            // The name's first word may carry a clitic, and `للرئيس` is `ل` + `الرئيس`.
            let from = if start_word == word_idx { found.start } else { words[start_word].0 };
            let candidate = &text[from..words[start_word + n_words - 1].1];
            let restored = (from > words[start_word].0 && candidate.starts_with('ل'))
                .then(|| format!("ا{candidate}"));
            let is_title =
                [Some(candidate), restored.as_deref()].into_iter().flatten().any(|candidate| {
                    knowledge.names.get(candidate).is_some_and(|entries| {
                        entries.iter().any(|e| {
                            matches!(e.target, Target::Office(_) | Target::Rank)
                                && (e.lang == lang || e.lang == Lang::Unknown)
                        })
                    })
                });
            if is_title {
                start_word += n_words;
                continue 'titles;
            }
        }
        break;
    }
    if start_word == word_idx {
        return found;
    }
    Found {
        start: words[start_word].0,
        entry: Entry { is_one_word: found.next_word - start_word == 1, ..found.entry },
        ..found
    }
}

/// A Persian title that ends with an organization's head noun (`رئیس سازمان` before `توسعه
/// تجارت`) without the head, which opens the organization's own name.
fn title_before_body(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    found: Found,
    lang: Lang,
    knowledge: &Knowledge,
) -> Found {
    let last = found.next_word - 1;
    let is_title = matches!(found.entry.target, Target::Office(_));
    if lang != Lang::Fa || !is_title || last == word_idx {
        return found;
    }
    let head = knowledge.word(&text[words[last].0..words[last].1]);
    if head.org_head_langs & lang_bit(Lang::Fa) == 0
        || org_name_len(text, words, last, lang, knowledge).is_none()
    {
        return found;
    }
    Found { end: words[last - 1].1, next_word: last, ..found }
}

/// A known person's name with the ruling house that follows it (`خليفة بن زايد آل نهيان`),
/// which the knowledge base need not list with every name.
fn with_house(
    text: &str,
    words: &[(usize, usize)],
    found: Found,
    lang: Lang,
    knowledge: &Knowledge,
) -> Found {
    let (house, name) = (found.next_word, found.next_word + 1);
    if name >= words.len()
        || text[found.start..found.end].contains("ال ")
        || &text[words[house].0..words[house].1] != "ال"
        || !is_name_gap(&text[found.end..words[house].0])
        || !is_name_gap(&text[words[house].1..words[name].0])
        || !is_name_word(text, words, name, lang, knowledge)
    {
        return found;
    }
    Found {
        end: words[name].1,
        next_word: name + 1,
        entry: Entry { is_one_word: false, ..found.entry },
        ..found
    }
}

/// A person mention of the knowledge base, with the role the text or the knowledge base gives.
fn person(
    passage: &Passage<'_>,
    found: &Found,
    actor: &Actor,
    context: Option<&Context>,
    year: Option<i32>,
    knowledge: &Knowledge,
) -> Entity {
    let known = knowledge.role(actor, year).unwrap_or_default();
    let said = context.map(|c| c.role.clone()).unwrap_or_default();
    let role_span = context
        .filter(|c| c.role.office.is_some() || c.role.country.is_some())
        .map(|c| to_original(passage, c.span.start as usize, c.span.end as usize));
    let evidence =
        if found.entry.is_one_word { EntityEvidence::BareName } else { EntityEvidence::Name };
    Entity {
        span: span(passage, found.start, found.end),
        kind: EntityKind::Person,
        actor: Some(actor.id.clone()),
        is_new: false,
        country: said.country.or(known.country),
        sector: said.sector.or(known.sector),
        office: said.office.or(known.office),
        evidence,
        role_span,
        antecedent: None,
    }
}

/// A person the knowledge base does not know, found from the text around the name.
fn new_person(span: Span, evidence: EntityEvidence) -> Entity {
    Entity {
        span,
        kind: EntityKind::Person,
        actor: None,
        is_new: true,
        country: None,
        sector: None,
        office: None,
        evidence,
        role_span: None,
        antecedent: None,
    }
}

/// A mention that stands for an earlier one.
fn refer(antecedent: &Entity, span: Span, antecedent_idx: usize) -> Entity {
    Entity {
        span,
        kind: EntityKind::Person,
        actor: antecedent.actor.clone(),
        is_new: antecedent.is_new,
        country: antecedent.country.clone(),
        sector: antecedent.sector.clone(),
        office: antecedent.office.clone(),
        evidence: EntityEvidence::ShortForm,
        role_span: None,
        antecedent: Some(antecedent_idx),
    }
}

/// Remembers the last word of a full name as its short form in this document.
fn remember_short_form(
    name: &str,
    entity_idx: usize,
    is_weak: bool,
    short_forms: &mut Map<String, usize>,
    heads: &mut Map<String, usize>,
    knowledge: &Knowledge,
) {
    let parts: Vec<&str> = name.split([' ', '-']).collect();
    // `عبد الله`, `أبو بكر`: the last word alone is no name.
    if let [.., before, last] = parts.as_slice()
        && parts.len() >= 3
        && COMPOUND_HEADS.contains(before)
    {
        short_forms.insert(format!("{before} {last}"), entity_idx);
        heads.insert((*before).to_owned(), entity_idx);
        return;
    }
    let Some(last) = parts.last().copied() else { return };
    // `عبد الله`, `عبد العزيز`, `نصر الله`, `نور الدين`: the second word of a compound given
    // name is none alone.
    if matches!(last, "الله" | "الدين")
        || parts.len() >= 2 && COMPOUND_HEADS.contains(&parts[parts.len() - 2])
    {
        return;
    }
    // Persian family names are often two words (`نجفی نژاد`, `تشکری هاشمی`), and a tail
    // (`نژاد`) is no name alone.
    if let [.., before, last] = parts.as_slice()
        && parts.len() >= 3
        && !knowledge.word(before).is_common
        && !NAME_CONNECTORS.contains(before)
    {
        short_forms.insert(format!("{before} {last}"), entity_idx);
        heads.insert((*before).to_owned(), entity_idx);
    }
    if PERSIAN_NAME_TAILS.contains(&last) {
        return;
    }
    // A name found by a given name or a verb of saying may have run on into the noun after
    // it (`X الحادث`): a definite last word stands for it alone only after three words or
    // more, and as a relative adjective in `-ي`, the shape of Arabic family names with the
    // article (`الشهيبي`).
    if is_weak && last.starts_with("ال") && (parts.len() < 3 || !last.ends_with('ي')) {
        return;
    }
    // An ordinal (`عبدالله الثاني`) numbers the name; alone it is a common word.
    if matches!(
        last,
        "الاول"
            | "الثاني"
            | "الثالث"
            | "الرابع"
            | "الخامس"
            | "السادس"
            | "السابع"
            | "الثامن"
            | "التاسع"
            | "العاشر"
    ) {
        return;
    }
    if last.chars().count() >= 3 && !knowledge.word(last).is_common && last != name {
        short_forms.insert(last.to_owned(), entity_idx);
        // `الأسد` is also written without its article.
        if let Some(bare) = last.strip_prefix("ال")
            && bare.chars().count() >= 3
        {
            short_forms.entry(bare.to_owned()).or_insert(entity_idx);
        }
    }
}

/// The antecedent of a word that is a short form, and the length of its clitic prefix.
fn short_form(word: &str, short_forms: &Map<String, usize>) -> Option<(usize, usize)> {
    if short_forms.is_empty() {
        return None;
    }
    if let Some(&idx) = short_forms.get(word) {
        return Some((idx, 0));
    }
    for clitic in CLITICS {
        if let Some(rest) = word.strip_prefix(clitic)
            && let Some(&idx) = short_forms.get(rest)
        {
            return Some((idx, clitic.len()));
        }
    }
    None
}

/// The clitic length after which `is_it` holds for the word (0 when it holds for the word).
fn strip_clitic(word: &str, lang: Lang, is_it: impl Fn(&str) -> bool) -> Option<usize> {
    if is_it(word) {
        return Some(0);
    }
    if lang == Lang::Fa || lang == Lang::En {
        return None;
    }
    if !word.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
        return None;
    }
    CLITICS.iter().find(|c| word.strip_prefix(**c).is_some_and(&is_it)).map(|c| c.len())
}

/// How a name found from context opens, as the caller of `new_name_len` has seen it.
#[derive(Debug, Clone, Copy)]
struct NameOpening {
    /// Bytes of the first word that are a conjunction before the name (`ومحمد`), left out by
    /// the caller.
    clitic: usize,
    /// How many words fit whatever they are: two (the given name and the word after it), or
    /// one for a family name alone after a Persian rank.
    free_words: usize,
    /// The caller has checked the first word (Persian `امیر`, also a title).
    is_checked: bool,
}

/// How many words from `word_idx` make a name the knowledge base does not know.
///
/// A name is a given name, simple or compound (`محمد`, `عبد العاطي`, `أبو عبد الله`, `سيف
/// الدين`), and one word more, then more words only where names continue: after a connector
/// (`بن`, `عبد`, `أبو`, `آل`), an Arabic family name with the article (`محمد حسن الشهيبي`,
/// which ends it), a Persian family-name tail (`انصاری فرد`) or a second Persian family word
/// (`صفایی بوشهری`). Every word must be neither a common word nor the name of something else,
/// on one line, up to eight; `opening` says how the name opens.
fn new_name_len(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    opening: NameOpening,
    lang: Lang,
    knowledge: &Knowledge,
) -> usize {
    let NameOpening { clitic: first_clitic, free_words, is_checked: is_first_checked } = opening;
    let mut n_words = 0;
    let mut needs_more = false;
    // Words before this index fit whatever they are: the given name and the word after it.
    let mut free_until = free_words;
    while n_words < MAX_NEW_NAME_WORDS && word_idx + n_words < words.len() {
        let (start, end) = words[word_idx + n_words];
        if n_words > 0 {
            let gap = &text[words[word_idx + n_words - 1].1..start];
            // Persian credits and lists set names apart with dashes (`حسن جوکار - پشتیبانی`).
            // Arabic sets a prayer for the dead apart so (`فيصل - رحمه الله -`).
            if !is_name_gap(gap) || (lang == Lang::Fa && gap.contains('-')) || gap == " - " {
                break;
            }
        }
        let word = if n_words == 0 { &text[start + first_clitic..end] } else { &text[start..end] };
        // A nom de guerre ends in a nisba (`أبو أيوب المصري`, `أبو عبد الله التركي`), which is
        // otherwise the nationality adjective the knowledge base holds.
        let is_kunya_nisba = lang == Lang::Ar
            && n_words >= 2
            && text[words[word_idx].0 + first_clitic..words[word_idx].1] == *"ابو"
            && word.starts_with("ال")
            && word.ends_with('ي')
            && word.chars().count() >= 5
            && !knowledge.word_in(word, lang).is_common;
        // The caller checked a first word after a conjunction; Persian `علی` is Ali, not
        // the Arabic preposition `على` it folds to.
        let is_checked = (n_words == 0 && (first_clitic > 0 || is_first_checked))
            || (lang == Lang::Fa && word == "علي")
            || is_kunya_nisba;
        if !is_checked && !is_name_word(text, words, word_idx + n_words, lang, knowledge) {
            break;
        }
        // A later word with a clitic before the article (`بالسباق`) or a conjunction
        // (`وانسجام`) starts the next phrase, unless it is a given name (`وليد`).
        // Persian writes `و` apart, so a Persian word in `و` is a word (`وحیدی`).
        let is_clitic_phrase = lang != Lang::Fa
            && (["بال", "لل", "وال", "فال", "كال"].iter().any(|c| word.starts_with(c))
                || (word.starts_with('و') && knowledge.word(word).given_langs == 0)
                // `بمنطقة`, `لصالح`: a preposition on a common word.
                || (knowledge.word(word).given_langs == 0
                    && word.strip_prefix(['ب', 'ل']).is_some_and(|rest| {
                        // Not before a verb's prefix: `ليبرمان` is Lieberman more often than
                        // "so that they conclude".
                        rest.chars().count() >= 3
                            && !rest.starts_with(['ي', 'ت', 'ن', 'ا'])
                            && (knowledge.word_in(rest, lang).is_common
                                || knowledge.word(rest).starts_name)
                    })));
        if n_words > 0 && is_clitic_phrase {
            break;
        }
        // A verb, the noun of a compound verb or a noun of action after a Persian name is no
        // part of it.
        if lang == Lang::Fa
            && n_words > 0
            && (is_verb_phrase_fa(text, words, word_idx + n_words) || is_noun_of_action_fa(word))
        {
            break;
        }
        // After an Arabic name, a definite plural (`الاجراءات`) or a noun with an attached
        // pronoun (`زوجته`, `حياتها`) starts the next phrase.
        if lang != Lang::Fa && n_words > 0 && is_phrase_noun_ar(word) {
            break;
        }
        // Two given names (`جان بيير`, `أحمد محمد`) take a family name after them.
        if n_words == 1 && knowledge.is_given_name(word, lang) {
            free_until = free_until.max(3);
        }
        // `آل` folds to `ال`, a connector, not an article.
        let has_article = word.starts_with("ال") && word != "ال";
        // Persian `دو` is "two" and `دی` a month.
        let is_connector = NAME_CONNECTORS.contains(&word)
            && !(lang == Lang::Fa && NAME_PARTICLES.contains(&word));
        let is_tail = PERSIAN_NAME_TAILS.contains(&word)
            || (lang == Lang::Fa && n_words >= 2 && FAMILY_SECOND_WORDS_FA.contains(&word));
        // Persian family names are often two words, the second a place or clan adjective in
        // `-ی` (`صفایی بوشهری`, `موسوی لارگانی`) or a compound in `-زاده`, `-پور` (`آفرین
        // محمدزاده`); after the given name and the first family word, such a word continues it.
        let is_family_word_fa = lang == Lang::Fa && n_words >= 1 && is_family_shape_fa(word);
        // An ordinal names a king as a second word (`عباس الأول`), and after two words is a
        // rank in a list (`… الثاني عشر`).
        let is_ordinal = matches!(word, "الاول" | "الثاني" | "الثالث" | "الرابع" | "الخامس");
        // A free word after two given names is often a verb (`يغني`, `تتهم`, `لتدريبات`).
        let is_verb_like = lang != Lang::Fa
            && n_words == 2
            && word.starts_with(['ب', 'ل', 'ك', 'ف', 'و', 'ي', 'ت'])
            && !knowledge.is_given_name(word, lang);
        let fits = match n_words {
            0 => !has_article || knowledge.is_given_name(word, lang),
            n if n < free_until && !is_verb_like => true,
            _ => {
                // A definite family name after the free words is most often a relative
                // adjective (`الشهيبي`); other definite nouns there start the next phrase
                // (`X Y الهدف`).
                let is_family_ar =
                    has_article && !is_ordinal && (lang == Lang::Fa || word.ends_with('ي'));
                needs_more || is_family_ar || is_tail || is_connector || is_family_word_fa
            }
        };
        if !fits {
            break;
        }
        // `سيف الدين`, `عبد الله`, `عبد الكريم`: these close a compound given name, not the
        // whole name, and a family name may follow them.
        let after_particle = n_words > 0 && {
            let (prev_start, prev_end) = words[word_idx + n_words - 1];
            NAME_PARTICLES.contains(&&text[prev_start..prev_end])
        };
        let closes_compound =
            n_words > 0 && ((needs_more && !after_particle) || matches!(word, "الدين" | "الله"));
        if closes_compound && n_words <= 2 {
            free_until = free_until.max(n_words + 2);
        }
        n_words += 1;
        needs_more = is_connector;
        if n_words >= 2 && ((has_article && !closes_compound) || after_particle) {
            break;
        }
    }
    // A connector cannot end a name.
    if needs_more { n_words.saturating_sub(1) } else { n_words }
}

/// Normalized Persian titles of the Imams and the Prophet's family (`امام حسین`, `حضرت
/// زهرا`), which Persian writes as part of the name.
const HOLY_TITLES_FA: &[&str] = &["امام", "حضرت"];

/// Normalized Persian words before a name that belong to it: the holy titles and `سید`,
/// `سیده`, the title of the Prophet's descendants (`سید علی خامنه‌ای`).
const NAME_PREFIXES_FA: &[&str] = &["امام", "حضرت", "سيد", "سيده"];

/// Normalized blessings written in brackets after a holy name (`(ع)`, `(ره)`, `(س)`).
const BLESSINGS_FA: &[&str] = &["ع", "س", "ص", "ره", "عج", "رض"];

/// A Persian person's normalized range widened to the words Persian writes as part of the
/// name: `سید`, `امام` or `حضرت` right before it, and a bracketed blessing right after it
/// (`امام خمینی (ره)`).
fn with_honorifics_fa(
    text: &str,
    words: &[(usize, usize)],
    start: usize,
    end: usize,
) -> (usize, usize) {
    let mut start = start;
    if let Some(mut idx) = words.iter().position(|w| w.0 == start) {
        while idx > 0
            && NAME_PREFIXES_FA.contains(&&text[words[idx - 1].0..words[idx - 1].1])
            && text[words[idx - 1].1..words[idx].0] == *" "
        {
            idx -= 1;
            start = words[idx].0;
        }
    }
    let after = &text[end..];
    let open = match after {
        _ if after.starts_with(" (") => 2,
        _ if after.starts_with('(') => 1,
        _ => 0,
    };
    let end = match after[open..].split_once(')') {
        Some((inside, _)) if open > 0 && BLESSINGS_FA.contains(&inside.trim()) => {
            end + open + inside.len() + 1
        }
        _ => end,
    };
    (start, end)
}

/// Whether a normalized Persian word has the shape of a family name: a relative adjective in
/// `-ی` of four letters or more (`بوشهری`, `لارگانی`), or a compound that ends with a
/// family-name tail (`محمدزاده`, `حسن‌پور`, `کیانی‌نیا`).
fn is_family_shape_fa(word: &str) -> bool {
    let n_chars = word.chars().count();
    // Family names end in these too (`داوری`, `افراسیابی`), but far more words of prose do
    // (`نوآوری`, `ارزیابی`), and a noun before an ezafe ends in `-ای` (`ایفای`).
    let is_prose_ending = ["اي", "اوري", "يابي", "داري", "كاري"]
        .iter()
        .any(|suffix| word.ends_with(suffix) && word.len() > suffix.len());
    !is_noun_of_action_fa(word)
        && !is_prose_ending
        && ((n_chars >= 4 && word.ends_with('ي'))
            || PERSIAN_NAME_TAILS
                .iter()
                .any(|tail| word.len() > tail.len() + 2 && word.ends_with(tail)))
}

/// Whether a normalized Persian word is a noun of action (`پیگیری`, `کارگردانی`, and `سازی`
/// of `ایمن سازی`), which ends in `-ی` as family names do but is none.
fn is_noun_of_action_fa(word: &str) -> bool {
    ["گيري", "سازي", "رساني", "گذاري", "نويسي", "برداري", "پردازي", "گرايي", "گرداني"]
        .iter()
        .any(|suffix| word.ends_with(suffix))
}

/// Whether a normalized Arabic word is a definite plural in `-ات` or a noun with an attached
/// pronoun (`-ته`, `-ها`, `-هم`), which end a name.
fn is_phrase_noun_ar(word: &str) -> bool {
    let n_chars = word.chars().count();
    (word.starts_with("ال") && word.ends_with("ات") && n_chars >= 6)
        || (n_chars >= 5
            && ["ته", "تها", "ها", "هم", "هما", "كم"].iter().any(|p| word.ends_with(p)))
}

/// Arabic nouns of things named after persons: a name after them (`مطار جون كينيدي`,
/// `جامعة الملك فهد`, `كأس الشيخ جاسم`, `الإعصار كاترينا`) names the thing, not a person
/// the text speaks of. Nouns of what belongs to a person (`مقام الإمام الرضا`, `برنامج
/// الرئيس`, `فيلم`) are left out: the person is spoken of there.
const EPONYM_HEADS_AR: &[&str] = &[
    "مطار",
    "جامعة",
    "كأس",
    "جائزة",
    "شارع",
    "مستشفى",
    "مسجد",
    "جامع",
    "كنيسة",
    "كاتدرائية",
    "ملعب",
    "استاد",
    "قاعة",
    "مدرسة",
    "ميدان",
    "ساحة",
    "جسر",
    "سجن",
    "قصر",
    "مركز",
    "متحف",
    "مكتبة",
    "مؤسسة",
    "شركة",
    "إعصار",
    "عاصفة",
    "سفينة",
    "حاملة",
    "قاعدة",
    "منشورات",
];

/// Whether the last of `before` (the words before a name) is the noun of a thing named after
/// a person (`مطار`, `جامعة`, Persian `دانشگاه`), right before `opening`, where the name or its
/// title starts.
fn follows_eponym_head(
    text: &str,
    before: &[(usize, usize)],
    opening: usize,
    knowledge: &Knowledge,
) -> bool {
    let preceding = before.iter().rev().skip_while(|&&(_, e)| e > opening);
    let mut opening = opening;
    for &(s, e) in preceding {
        if !is_name_gap(&text[e..opening]) {
            return false;
        }
        let word = &text[s..e];
        if knowledge.word(word).is_eponym_head {
            return true;
        }
        // `جامعة الملك سعود`: an honorific may stand between the noun and the name.
        if !EPONYM_HONORIFICS.contains(&word) {
            return false;
        }
        opening = s;
    }
    false
}

/// Normalized honorifics between a noun of a thing named after a person and the name
/// (`جامعة الملك سعود`, `مسجد الشيخ زايد`, `دانشگاه امام صادق`).
const EPONYM_HONORIFICS: &[&str] =
    &["الملك", "الشيخ", "الامام", "الامير", "السلطان", "الرئيس", "الشهيد", "امام", "شهيد"];

/// Persian nouns of things named after persons (`دانشگاه امام صادق`, `فرودگاه امام خمینی`,
/// `کمیته امداد امام خمینی`).
const EPONYM_HEADS_FA: &[&str] = &[
    "دانشگاه",
    "فرودگاه",
    "بیمارستان",
    "خیابان",
    "میدان",
    "بزرگراه",
    "ورزشگاه",
    "مسجد",
    "حسینیه",
    "بنیاد",
    "تالار",
    "بندر",
    "شهرک",
    "جایزه",
    "مدرسه",
    "دبیرستان",
    "کتابخانه",
    "موزه",
    "بلوار",
    "سد",
    "پایگاه",
    "ناو",
    "سالن",
    "مجتمع",
    "امداد",
    "اتوبان",
    "پارک",
];

/// Arabic given names, normalized when the table is built, that standing alone are more
/// often words of prose: `علي`
/// is also the preposition `على` once folded, `عمر` "age" (`عن عمر يناهز`), `يشار` "it is
/// noted", `سعد` "was glad", `نصر` "victory", `نجاح` "success", `سارة` "glad", `سلمى`
/// "peaceful", `جمعة` "Friday", `صباح` "morning", `هدى` "guidance", `إيمان` "faith",
/// `كريم` "generous", `نادر` "rare", `رائد` "pioneer", `مالك` "owner", `ليون` Lyon.
const LONE_NOT_NAMES_AR: &[&str] = &[
    "علي",
    "عمر",
    "يشار",
    "سعد",
    "نصر",
    "نجاح",
    "ساره",
    "سلمي",
    "جمعه",
    "صباح",
    "هدي",
    "ايمان",
    "سلام",
    "رجاء",
    "وفاء",
    "عائده",
    "اميل",
    "بهاء",
    "عامر",
    "مراد",
    "كرم",
    "شريف",
    "حسن",
    "سعيد",
    "بشر",
    "معروف",
    "عزيز",
    "حكيم",
    "فريد",
    "نادر",
    "كريم",
    "حبيب",
    "صادق",
    "رائد",
    "وسام",
    "مالك",
    "ليون",
    "ماكس",
    // Verbs, adjectives and nouns of news prose: "supervised", "in favour of", "died",
    // "a door", "despair" (as `إلياس` folds), "unique", "sound", "his prophet", "made
    // forget", the month, "good", "sheikh", "and where" (as `واين` reads), "moon", "jewels",
    // "aid", "giving", "winning", "pure", "lamp", "gene", "sword", "full moon",
    // "construction", "bright", "perfection", "noble", "victorious", "supporter", "beauty",
    // "just", "satisfaction", "decoration", "light", "firm", "success", "heart", "glorious",
    // "pillar", "fair", "secretary", "sultan", "satisfactory", the letter H, "fibre", "good",
    // "clash", "its secretary", "a club", "gives".
    "اشرف",
    "صالح",
    "مات",
    "بابا",
    "الياس",
    "فريده",
    "سليم",
    "نبيه",
    "انسي",
    "رجب",
    "زين",
    "شيخ",
    "واين",
    "قمر",
    "جواهر",
    "عون",
    "عطاء",
    "رابح",
    "طاهر",
    "سراج",
    "جين",
    "سيف",
    "بدر",
    "عمران",
    "منير",
    "كمال",
    "نبيل",
    "منصور",
    "ناصر",
    "جمال",
    "عادل",
    "رضا",
    "زينه",
    "نور",
    "حازم",
    "توفيق",
    "فواد",
    "ماجد",
    "عماد",
    "منصف",
    "امين",
    "سلطان",
    "مرضيه",
    "اتش",
    "ليف",
    "خير",
    "امينه",
    "ناديا",
    "يولي",
];

/// Whether an Arabic name may open at a word: the text, a clause or a line opens there, or the
/// word before it could stand in no name (an article, a common word, the name of something
/// else). A given name after a word that could is most often the end of a name whose first
/// word no list holds (`صلاد حسن`, `أريادني أوليفر`).
fn opens_name_ar(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    knowledge: &Knowledge,
) -> bool {
    let Some(prev_idx) = word_idx.checked_sub(1) else {
        return true;
    };
    let (prev_start, prev_end) = words[prev_idx];
    let prev = &text[prev_start..prev_end];
    if !is_name_gap(&text[prev_end..words[word_idx].0]) {
        return true;
    }
    // `آل سعود`, `بن سعود`: a house or a father's name, part of a longer name.
    if NAME_CONNECTORS.contains(&prev) {
        return false;
    }
    prev.starts_with("ال")
        || prev.starts_with('و')
        || !is_name_word(text, words, prev_idx, Lang::Ar, knowledge)
}

/// The words of an Arabic name that opens with a word and a patronym (`جارية بن قدامة`,
/// `الحسين بن طلال`), where the knowledge base knows no name there: a word that may stand in
/// a name, without the article unless a given name follows it, then `بن` and a name word.
/// `ابن` is left out, as it is as often "son" (`ابن عمه`, his cousin).
fn patronymic_name_len(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    knowledge: &Knowledge,
) -> Option<usize> {
    let &(link_start, link_end) = words.get(word_idx + 1)?;
    if &text[link_start..link_end] != "بن" {
        return None;
    }
    let (start, end) = words[word_idx];
    let word = &text[start..end];
    let &(next_start, next_end) = words.get(word_idx + 2)?;
    let is_plain = match word.strip_prefix("ال") {
        Some(rest) => knowledge.is_given_name(rest, Lang::Ar),
        None => !word.starts_with('و'),
    };
    // `علي` is also the preposition `على`, but not before `بن أبي` (`علي بن أبي طالب`).
    let is_ali = word == "علي" && &text[next_start..next_end] == "ابي";
    let fits = is_plain
        && is_name_gap(&text[end..link_start])
        && is_name_gap(&text[link_end..next_start])
        // `بن لادن`: a name the knowledge base holds that opens with `بن` stands alone.
        && lookup(text, words, word_idx + 1, Lang::Ar, knowledge).is_none()
        && (is_ali || is_name_word(text, words, word_idx, Lang::Ar, knowledge))
        && is_name_word(text, words, word_idx + 2, Lang::Ar, knowledge)
        && opens_name_ar(text, words, word_idx, knowledge);
    if !fits {
        return None;
    }
    let opening = NameOpening { clitic: 0, free_words: 1, is_checked: true };
    let n_words = new_name_len(text, words, word_idx, opening, Lang::Ar, knowledge);
    (n_words >= 3).then_some(n_words)
}

/// Whether an Arabic given name stands alone: the text, a clause or a line ends after it, or a
/// common word follows it. Any other word after it may be a family name that the reading of
/// new names stopped short of (`الطاهات`, `وودورد`, `بالاك`).
fn closes_lone_name_ar(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    knowledge: &Knowledge,
) -> bool {
    let Some(&(next_start, next_end)) = words.get(word_idx + 1) else {
        return true;
    };
    !is_name_gap(&text[words[word_idx].1..next_start])
        || knowledge.word_in(&text[next_start..next_end], Lang::Ar).is_common
}

/// Whether a word may stand in a name the knowledge base does not know.
fn is_name_word(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    lang: Lang,
    knowledge: &Knowledge,
) -> bool {
    let (start, end) = words[word_idx];
    let word = &text[start..end];
    let facts = knowledge.word_in(word, lang);
    let is_other_name = facts.starts_name
        && lookup(text, words, word_idx, Lang::Unknown, knowledge).is_some_and(|f| {
            !matches!(f.entry.target, Target::Actor(idx) if knowledge.actors[idx].kind == EntityKind::Person)
        });
    // `وتوفيق`, `والشعب`: a conjunction starts the next phrase.
    let is_conjoined = word
        .strip_prefix('و')
        .is_some_and(|rest| rest.starts_with("ال") || knowledge.word(rest).given_langs != 0);
    !(facts.is_common
        || is_other_name
        || is_conjoined
        || word.chars().count() < 2
        || word.chars().all(|c| c.is_ascii_digit()))
}

/// Normalized head nouns of Arabic organization names.
const ORG_HEADS_AR: &[&str] = &[
    "وزاره",
    "شركه",
    "جامعه",
    "حزب",
    "نادي",
    "صحيفه",
    "جريده",
    "وكاله",
    "منظمه",
    "هيئه",
    "جمعيه",
    "مؤسسه",
    "موسسه",
    "اتحاد",
    "بنك",
    "مصرف",
    "منتخب",
    "محكمه",
];

/// Normalized head nouns of Persian organization names. `شرکت` (also "taking part") and
/// `جامعه` ("society") are left out.
const ORG_HEADS_FA: &[&str] = &[
    "وزارت",
    "دانشگاه",
    "باشگاه",
    "روزنامه",
    "خبرگزاري",
    "سازمان",
    "بانك",
    "دادگاه",
    "انجمن",
    "بنياد",
    "اتحاديه",
    "حزب",
    "شهرداری",
    "استانداری",
    "فرمانداری",
    "کمیسیون",
    "کمیته",
    "شورای",
    "فدراسیون",
    "پژوهشگاه",
    "پژوهشکده",
    "دانشکده",
    "صندوق",
    "مجمع",
    "ستاد",
    "شبکه",
    "موسسه",
    "اداره",
    "جبهه",
    "دولت",
];

/// How many words from the head noun at `word_idx` make an organization's name, if it is
/// one: in Arabic the head and the definite nouns that follow it (`وزارة الخارجية`, `جامعة
/// القاهرة`), in Persian the head and one or two words that are neither common nor names of
/// something else. At most four words, on one line.
fn org_name_len(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    lang: Lang,
    knowledge: &Knowledge,
) -> Option<usize> {
    // `دولت` ("government") names an organization only with a state or its head after it
    // (`دولت آمریکا`, `دولت سعودی`, `دولت حسن روحانی`).
    if lang == Lang::Fa && text[words[word_idx].0..words[word_idx].1] == *"دولت" {
        let state = (word_idx + 1 < words.len())
            .then(|| lookup(text, words, word_idx + 1, lang, knowledge))
            .flatten()
            .filter(|f| match f.entry.target {
                Target::Nationality(_) => true,
                Target::Actor(idx) => {
                    knowledge.actors[idx].is_country
                        || knowledge.actors[idx].kind == EntityKind::Person
                }
                _ => false,
            });
        return state.map(|f| f.next_word - word_idx);
    }
    // `این سازمان` ("this organization") refers back to a name; it is none.
    if lang == Lang::Fa
        && word_idx > 0
        && matches!(
            &text[words[word_idx - 1].0..words[word_idx - 1].1],
            "اين" | "ان" | "همين" | "همان" | "هر" | "يك"
        )
    {
        return None;
    }
    let mut max_words = if lang == Lang::Fa { 3 } else { 4 };
    let mut n_words = 1;
    while n_words < max_words && word_idx + n_words < words.len() {
        let (start, end) = words[word_idx + n_words];
        if !is_name_gap(&text[words[word_idx + n_words - 1].1..start]) {
            break;
        }
        let word = &text[start..end];
        let is_fa_word = |idx: usize| {
            let (start, end) = words[idx];
            !knowledge.word(&text[start..end]).is_common
                && text[start..end].chars().count() >= 2
                && !is_verb_phrase_fa(text, words, idx)
        };
        // Persian names join two fields with `و` (`وزارت فرهنگ و ارشاد اسلامی`).
        if lang == Lang::Fa
            && word == "و"
            && n_words >= 2
            && word_idx + n_words + 1 < words.len()
            && is_name_gap(&text[end..words[word_idx + n_words + 1].0])
            && is_fa_word(word_idx + n_words + 1)
        {
            n_words += 2;
            max_words = 6;
            continue;
        }
        // `جامعة الملك سعود`: after an honorific the name it gives ends the body's name.
        let prev = &text[words[word_idx + n_words - 1].0..words[word_idx + n_words - 1].1];
        if lang != Lang::Fa
            && n_words >= 2
            && EPONYM_HONORIFICS.contains(&prev)
            && !word.starts_with("ال")
            && is_name_word(text, words, word_idx + n_words, lang, knowledge)
        {
            n_words += 1;
            break;
        }
        // A verb (`میشود`, `خبر داده`) ends the name.
        let fits = match lang {
            Lang::Fa => is_fa_word(word_idx + n_words),
            _ => word.starts_with("ال") && !knowledge.word_in(word, lang).is_common,
        };
        if !fits {
            break;
        }
        n_words += 1;
    }
    (n_words >= 2).then_some(n_words)
}

/// Normalized Arabic nouns that open a place's name but are not the name itself (`مدينة
/// غزة`, `دولة قطر`), and whether they are compass points, which open the names of some
/// states (`جنوب أفريقيا`).
const PLACE_HEADS_AR: &[(&str, bool)] = &[
    ("مدينه", false),
    ("دوله", false),
    ("قطاع", false),
    ("محافظه", false),
    ("منطقه", false),
    ("ولايه", false),
    ("اقليم", false),
    ("جنوب", true),
    ("شمال", true),
    ("شرق", true),
    ("غرب", true),
];

/// Normalized Arabic epithets that follow a place's name (`مكة المكرمة`, `القدس الشريف`,
/// `الضفة الغربية المحتلة`) without being part of it.
const PLACE_EPITHETS_AR: &[&str] =
    &["المكرمه", "المنوره", "المقدسه", "الشريف", "المحتله", "المباركه", "الطاهره"];

/// The normalized range of an Arabic place's name proper: without a head noun before it
/// (`قطاع غزة` → `غزة`, `جنوب لبنان` → `لبنان`) or honorific adjectives after a shorter
/// name of the same place (`مكة المكرمة` → `مكة`). The mention still links the whole name's
/// actor: the region, not the city.
fn place_core(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    found: &Found,
    knowledge: &Knowledge,
) -> (usize, usize) {
    let Target::Actor(actor_idx) = found.entry.target else { return (found.start, found.end) };
    let is_country = knowledge.actors[actor_idx].is_country;
    let n_words = found.next_word - word_idx;
    if n_words < 2 {
        return (found.start, found.end);
    }
    let head = &text[found.start..words[word_idx].1];
    if PLACE_HEADS_AR.iter().any(|&(h, is_compass)| h == head && !(is_compass && is_country)) {
        return (words[word_idx + 1].0, found.end);
    }
    // The shortest name of the same place that the rest only qualifies with epithets.
    for n_core in 1..n_words {
        let core_end = words[word_idx + n_core - 1].1;
        let names_it = knowledge
            .names
            .get(&text[found.start..core_end])
            .is_some_and(|entries| entries.iter().any(|e| e.target == found.entry.target));
        let rest_qualifies = (word_idx + n_core..found.next_word)
            .all(|idx| PLACE_EPITHETS_AR.contains(&&text[words[idx].0..words[idx].1]));
        if names_it && rest_qualifies && !is_country {
            return (found.start, core_end);
        }
    }
    (found.start, found.end)
}

/// Normalized Arabic nouns ("movement", "organization", "agency") that open the name of a
/// body known by the rest of it (`حركة حماس`, `وكالة فرانس برس`).
const BODY_HEADS_AR: &[&str] = &["حركه", "تنظيم", "وكاله"];

/// The normalized range of an Arabic organization's name proper: without a head noun when the
/// rest is a name of the same body (`حركة طالبان` → `طالبان`).
fn org_core(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    found: &Found,
    knowledge: &Knowledge,
) -> (usize, usize) {
    let head = &text[found.start..words[word_idx].1];
    if found.next_word - word_idx >= 2
        && BODY_HEADS_AR.contains(&head)
        && knowledge
            .names
            .get(&text[words[word_idx + 1].0..found.end])
            .is_some_and(|entries| entries.iter().any(|e| e.target == found.entry.target))
    {
        return (words[word_idx + 1].0, found.end);
    }
    (found.start, found.end)
}

/// Persian head nouns of place names (normalized), and whether an unknown word after one is
/// a place: `شهر` also stands before common words (`شهر ما`), the others do not.
const PLACE_HEADS_FA: &[(&str, bool)] = &[("استان", true), ("شهرستان", true), ("شهر", false)];

/// Normalized Persian verbs that follow a noun to make a compound verb (`برگزار شد`, `سفر
/// کرد`), so that the noun before them is no name.
const LIGHT_VERBS_FA: &[&str] = &[
    "شد",
    "شده",
    "شدند",
    "كرد",
    "كرده",
    "كردند",
    "است",
    "بود",
    "دارد",
    "داشت",
    "داشته",
    "گرفت",
    "گرفته",
    "باشد",
    "باشند",
    "نمود",
    "يافت",
    "خواهد",
    "ميشود",
    "ميكند",
    "ميشوند",
    "ميكنند",
    "ميگيرد",
    "ميدهد",
    "دهد",
    "كند",
    "شود",
    "داد",
    "داده",
    "دادند",
    "نموده",
    "بودن",
    "شدن",
    "كردن",
];

/// Whether the Persian word at `word_idx` is a verb or the noun of a compound verb, which
/// no name is (`استان برگزار شد`, `استان خواهیم بود`).
fn is_verb_phrase_fa(text: &str, words: &[(usize, usize)], word_idx: usize) -> bool {
    let word = &text[words[word_idx].0..words[word_idx].1];
    let next = words.get(word_idx + 1).map_or("", |&(start, end)| &text[start..end]);
    LIGHT_VERBS_FA.contains(&word)
        || LIGHT_VERBS_FA.contains(&next)
        || word.starts_with("خواه")
        || ((word.starts_with("مي") || word.starts_with("نمي")) && word.ends_with('د'))
}

/// How many words from `word_idx` make an item of a Persian list that looks like a person's
/// name: two or three words that are neither common nor names of anything, nor verbs, closed
/// by a comma, `و`, a full stop or the end of the text; else 0.
fn list_item_len(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    clitic: usize,
    lang: Lang,
    knowledge: &Knowledge,
) -> Option<usize> {
    for n_words in 1..=3 {
        let idx = word_idx + n_words - 1;
        if idx >= words.len() {
            return None;
        }
        let word = &text[words[idx].0 + if idx == word_idx { clitic } else { 0 }..words[idx].1];
        let facts = knowledge.word(word);
        let is_bad = match lang {
            Lang::Fa => is_verb_phrase_fa(text, words, idx),
            // Arabic names of a list take no article or clitic but in a family name.
            _ => {
                facts.is_common
                    || word.starts_with(['ب', 'ل', 'ك', 'ف', 'و', 'ي', 'ت'])
                    || (word.starts_with("ال") && n_words == 1)
            }
        };
        if (n_words > 1 && !is_name_gap(&text[words[idx - 1].1..words[idx].0]))
            // The first word's clitic was checked by the caller.
            || !(is_name_word(text, words, idx, lang, knowledge) || (idx == word_idx && clitic > 0))
            || facts.starts_name
            || is_bad
        {
            return None;
        }
        let after = match words.get(idx + 1) {
            Some(&(next_start, next_end)) => {
                let gap = text[words[idx].1..next_start].trim();
                let next = &text[next_start..next_end];
                if matches!(gap, "," | ".") {
                    true
                } else {
                    gap.is_empty() && (next == "و" || (lang == Lang::Ar && next.starts_with('و')))
                }
            }
            None => matches!(text[words[idx].1..].trim(), "" | "." | ","),
        };
        // A third word is more often an apposition (`طراح لباس اسلامی`) unless a given name
        // opens the item.
        let first = &text[words[word_idx].0 + clitic..words[word_idx].1];
        let is_given_first = knowledge.is_given_name(first, lang);
        if after && (n_words == 2 || (n_words == 3 && is_given_first)) {
            return Some(n_words);
        }
    }
    None
}

/// How many words from `word_idx` make the subject of a Persian lead after its attribution,
/// if it looks like a person's name: two or three words (one of a family name's shape) that
/// are neither common, nor names of anything, nor verbs, followed by a common word (a role,
/// a preposition, a time word), an office or a verb of saying; else `None`.
fn lead_subject_len(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    knowledge: &Knowledge,
) -> Option<usize> {
    for n_words in 1..=3 {
        let idx = word_idx + n_words - 1;
        if idx + 1 >= words.len()
            || (n_words > 1 && !is_name_gap(&text[words[idx - 1].1..words[idx].0]))
            || !is_name_word(text, words, idx, Lang::Fa, knowledge)
            || knowledge.word(&text[words[idx].0..words[idx].1]).starts_name
            || is_verb_phrase_fa(text, words, idx)
        {
            return None;
        }
        let (next_start, next_end) = words[idx + 1];
        let next = &text[next_start..next_end];
        let next_facts = knowledge.word(next);
        let is_office = next_facts.starts_name
            && lookup(text, words, idx + 1, Lang::Fa, knowledge)
                .is_some_and(|f| matches!(f.entry.target, Target::Office(_)));
        let closes = is_name_gap(&text[words[idx].1..next_start])
            && (next_facts.is_common || is_office || SAID_FA.contains(&next));
        let word = &text[words[idx].0..words[idx].1];
        let first = &text[words[word_idx].0..words[word_idx].1];
        let is_name_shaped =
            is_family_shape_fa(word) || (n_words >= 2 && knowledge.is_given_name(first, Lang::Fa));
        if closes && is_name_shaped {
            return Some(n_words);
        }
    }
    None
}

/// Normalized Persian verbs that end a sentence of saying (`… یادآور شد`, `… تصریح کرد`).
const SAID_END_FA: &[&str] = &[
    "گفت",
    "افزود",
    "ياداور",
    "تصريح",
    "اظهار",
    "اظهارداشت",
    "خاطرنشان",
    "متذكر",
    "تبيين",
    "گفته",
];

/// Normalized Persian prepositions and adverbs that follow a paragraph's opening subject
/// before the rest of a sentence of saying (`نیکزاد درباره …`, `عسگری در خاتمه …`).
const AFTER_SUBJECT_FA: &[&str] =
    &["در", "از", "با", "درباره", "به", "پيش", "بعد", "هم", "نيز", "ضمن"];

/// How many words open a Persian paragraph as the family name of the subject of a verb of
/// saying later in its first sentence (`نیکزاد درباره … یادآور شد`): a word of a family
/// name's shape (`-ی`, `-زاده`) and a second one if it continues it (`حقی فام` is left
/// out: it has no such shape), followed by a preposition or adverb; else 0.
fn opening_family_name_len(text: &str, words: &[(usize, usize)], knowledge: &Knowledge) -> usize {
    let Some(&(first_start, first_end)) = words.first() else { return 0 };
    let first = &text[first_start..first_end];
    if words.len() < 4
        || !is_family_shape_fa(first)
        || !is_name_word(text, words, 0, Lang::Fa, knowledge)
        || knowledge.word(first).starts_name
    {
        return 0;
    }
    let (second_start, second_end) = words[1];
    let second = &text[second_start..second_end];
    let n_words = if is_name_gap(&text[first_end..second_start])
        && (PERSIAN_NAME_TAILS.contains(&second)
            || (is_family_shape_fa(second) && is_name_word(text, words, 1, Lang::Fa, knowledge)))
    {
        2
    } else {
        1
    };
    let (next_start, next_end) = words[n_words];
    if !is_name_gap(&text[words[n_words - 1].1..next_start])
        || !AFTER_SUBJECT_FA.contains(&&text[next_start..next_end])
    {
        return 0;
    }
    // The verb must come in the same sentence, within a lead's length.
    let sentence_end =
        text[first_end..].find(['.', '!', '؟', '?', ':']).map_or(text.len(), |i| first_end + i);
    let is_said = words[n_words..]
        .iter()
        .take_while(|&&(start, _)| start < sentence_end)
        .take(30)
        .any(|&(start, end)| SAID_END_FA.contains(&&text[start..end]));
    if is_said { n_words } else { 0 }
}

/// Normalized Persian verbs of saying, and the first words of phrases of saying, that follow
/// a speaker's name (`گفت`, `ادامه داد`, `با اشاره به`, `در گفتگو با`).
const SAID_FA: &[&str] = &[
    "گفت",
    "افزود",
    "ادامه",
    "تصريح",
    "اضافه",
    "اظهار",
    "خاطرنشان",
    "تاكيد",
    "ابراز",
    "توضيح",
    "اظهارداشت",
    "ضمن",
    "ياداور",
    "عنوان",
    "همچنين",
    "معتقد",
];

/// The words of a Persian phrase of saying that begin with a preposition.
const SAID_AFTER_FA: &[(&str, &str)] = &[
    ("با", "اشاره"),
    ("با", "بيان"),
    ("با", "تاكيد"),
    ("با", "اعلام"),
    ("با", "ابراز"),
    ("در", "گفتگو"),
    ("در", "گفت"),
    ("در", "پايان"),
    ("در", "ادامه"),
];

/// How many words open a Persian paragraph as a speaker's name before a verb or phrase of
/// saying (`قره شیخلو گفت`, `عرب زاده با اشاره به`) or a colon (`سلیمی : …`): one to three
/// words that are neither common nor names of something else, or 0.
fn opening_speaker_len(text: &str, words: &[(usize, usize)], knowledge: &Knowledge) -> usize {
    let n_family = opening_family_name_len(text, words, knowledge);
    if n_family > 0 {
        return n_family;
    }
    for n_words in 1..=3.min(words.len().saturating_sub(1)) {
        let prev = words[n_words - 1];
        let word = &text[prev.0..prev.1];
        // A lead that quotes its speaker (`سلیمی : …`). Labels open lines with a colon too
        // (`مترجم :`, `گزارش :`), so the words must have a family name's shape or open
        // with a given name.
        let gap = &text[prev.1..words[n_words].0];
        let first = &text[words[0].0..words[0].1];
        let is_name_shaped = is_family_shape_fa(word)
            || PERSIAN_NAME_TAILS.contains(&word)
            || (n_words > 1 && knowledge.word(first).is_given_name(Lang::Fa));
        if gap.trim() == ":"
            && is_name_word(text, words, n_words - 1, Lang::Fa, knowledge)
            && is_name_shaped
        {
            return n_words;
        }
        if !is_name_word(text, words, n_words - 1, Lang::Fa, knowledge)
            || !is_name_gap(gap)
            || knowledge.word(word).is_given_name(Lang::Fa) && n_words > 1
            || LIGHT_VERBS_FA.contains(&word)
        {
            return 0;
        }
        let next = &text[words[n_words].0..words[n_words].1];
        let after = words.get(n_words + 1).map_or("", |&(start, end)| &text[start..end]);
        let is_said = SAID_FA.contains(&next)
            || SAID_AFTER_FA.iter().any(|&(prep, noun)| prep == next && after.starts_with(noun));
        if is_said {
            return n_words;
        }
    }
    0
}

/// Normalized words inside Arabic and Persian names that a further word must follow.
const NAME_CONNECTORS: &[&str] = &[
    "بن", "ابن", "بنت", "ابو", "عبد", "ولد", "ال", "آل", "سيد", "دا", "دي", "دو", "فان", "فون",
    "ديل", "دوس",
];

/// Normalized particles of European family names as Arabic writes them (`دا سيلفا`, `فان
/// باستن`): connectors after which the family name ends the name.
const NAME_PARTICLES: &[&str] = &["دا", "دي", "دو", "فان", "فون", "ديل", "دوس"];

/// Normalized words that end Persian compound family names (`انصاری فرد`, `نجفی نژاد`).
const PERSIAN_NAME_TAILS: &[&str] =
    &["فرد", "فر", "نژاد", "زاده", "پور", "پور", "زاد", "ابادي", "راد", "نيا"];

/// Normalized words that stand second in Persian family names of two words (`مصباحی مقدم`,
/// `حاتمی کیا`, `زاهدی مطلق`, `احمد وند`), taken only after a given name and a family word.
const FAMILY_SECOND_WORDS_FA: &[&str] = &[
    "مقدم", "كيا", "وند", "لو", "بيگ", "اصل", "فام", "مجد", "مطلق", "پيشه", "نيك", "پاك", "ازاد",
    "كهن", "صدق",
];

/// Whether the text between two words may stand inside a name.
fn is_name_gap(gap: &str) -> bool {
    matches!(gap, " " | "-" | "'" | " - ")
}

/// The longest name starting at a word, trying Arabic clitic prefixes when the word alone
/// starts none.
fn lookup(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    lang: Lang,
    knowledge: &Knowledge,
) -> Option<Found> {
    let (start, end) = words[word_idx];
    lookup_with(text, words, word_idx, knowledge.word(&text[start..end]), lang, knowledge)
}

/// `lookup`, with what the knowledge base knows of the word already at hand.
fn lookup_with(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    facts: WordFacts,
    lang: Lang,
    knowledge: &Knowledge,
) -> Option<Found> {
    let (start, end) = words[word_idx];
    let word = &text[start..end];
    if facts.starts_name
        && let Some(found) = longest(text, words, word_idx, start, "", lang, knowledge)
    {
        return Some(found);
    }
    if lang == Lang::Fa || lang == Lang::En || !word.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
        return None;
    }
    for clitic in CLITICS {
        let Some(rest) = word.strip_prefix(clitic) else { continue };
        if rest.chars().count() < 2 {
            continue;
        }
        let rest_start = start + clitic.len();
        let facts = knowledge.word(rest);
        if facts.starts_name
            && let Some(found) = longest(text, words, word_idx, rest_start, "", lang, knowledge)
        {
            return Some(found);
        }
        // `للعراق` is `ل` + `العراق`, with the article's alef dropped.
        if clitic.ends_with('ل')
            && rest.starts_with('ل')
            && facts.starts_name_after_alef
            && let Some(found) = longest(text, words, word_idx, rest_start, "ا", lang, knowledge)
        {
            return Some(found);
        }
    }
    None
}

/// The longest name that starts at `start` (inside word `word_idx`), with `insert` put before it.
fn longest(
    text: &str,
    words: &[(usize, usize)],
    word_idx: usize,
    start: usize,
    insert: &str,
    lang: Lang,
    knowledge: &Knowledge,
) -> Option<Found> {
    let mut best: Option<Found> = None;
    let mut key = String::new();
    for n_words in 1..=MAX_NAME_WORDS.min(words.len() - word_idx) {
        let last = word_idx + n_words - 1;
        if n_words > 1 && !is_name_gap(&text[words[last - 1].1..words[last].0]) {
            break;
        }
        let end = words[last].1;
        let candidate = if insert.is_empty() {
            &text[start..end]
        } else {
            key.clear();
            key.push_str(insert);
            key.push_str(&text[start..end]);
            key.as_str()
        };
        let Some(entries) = knowledge.names.get(candidate) else {
            if knowledge.prefixes.contains(candidate) {
                continue;
            }
            break;
        };
        {
            let same_lang = entries.iter().find(|e| e.lang == lang || e.lang == Lang::Unknown);
            // A one-word name of the other Arabic-script language is too often a common word
            // here (Persian `مدینه` "Medina" is Arabic `مدينة` "city" once folded).
            let is_other_script_lang = matches!(lang, Lang::Ar | Lang::Fa) && n_words == 1;
            let entry = match same_lang {
                Some(entry) => Some(entry),
                None if is_other_script_lang => None,
                None => entries.first(),
            };
            if let Some(entry) = entry {
                best = Some(Found { entry: *entry, start, end, next_word: last + 1 });
            }
        }
    }
    best
}

/// A normalized range of a passage as a span of the original text.
fn to_original(passage: &Passage<'_>, start: usize, end: usize) -> Span {
    model::norm_to_original(passage.map, Span::new(start, end))
}

fn span(passage: &Passage<'_>, start: usize, end: usize) -> Span {
    to_original(passage, start, end)
}

#[cfg(test)]
mod tests;
