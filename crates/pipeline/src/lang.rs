//! Language identification: Arabic, Persian, English, another language, or unknown.
//!
//! Script decides most cases at once. The hard pair is Arabic against Persian, which share a
//! script and, in much real Persian text, even the letters ك and ي. The detector weighs
//! evidence that survives that: Persian-only letters (پ چ ژ گ, and ی/ک when present), Arabic-only
//! marks (ة, ى, tanwin, the article ال), and the function words that each language cannot do
//! without (در از به را که است / في من على الى التي الذي). When that evidence is thin, as in a
//! short title or a single word, a character n-gram model (`lingua`, restricted to Arabic and
//! Persian) adds its vote.

use std::collections::HashMap;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use model::{Lang, LangGuess};

use crate::script::{is_alphanumeric, is_arabic_letter, is_letter};

/// The function-word lexicon and the n-gram model used when lexical evidence is thin.
/// Build it once and share it.
pub struct Detector {
    ngrams: LanguageDetector,
    /// Folded function word → evidence for Persian (positive) or Arabic (negative).
    lexicon: HashMap<&'static str, f32, BuildFnv>,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Detector")
    }
}

impl Default for Detector {
    /// Loads the Arabic and Persian n-gram models (about 1 s and 100 MB once per process).
    fn default() -> Detector {
        let ngrams =
            LanguageDetectorBuilder::from_languages(&[Language::Arabic, Language::Persian])
                .with_preloaded_language_models()
                .build();
        let mut lexicon = HashMap::with_hasher(BuildFnv);
        for word in ARABIC_WORDS {
            lexicon.insert(*word, -1.5);
        }
        for word in PERSIAN_WORDS {
            lexicon.insert(*word, 1.5);
        }
        Detector { ngrams, lexicon }
    }
}

/// The weight of the document's settled language on a paragraph with thin evidence.
const CONTEXT_VOTE: f32 = 3.0;

/// The longest text the n-gram model is asked about.
const NGRAM_MAX_BYTES: usize = 400;

/// Lexical evidence below this margin (in log-odds units) asks the n-gram model too.
const THIN_EVIDENCE: f32 = 4.0;

/// Detects the language of one piece of text (a title, a paragraph, a query) on its own.
pub fn detect(text: &str, detector: &Detector) -> LangGuess {
    decide(text, &weigh(text, detector), detector, None)
}

/// The cheap, lexical part of a decision: script counts and function-word evidence.
#[derive(Debug, Clone, Copy)]
pub struct Weighed {
    counts: ScriptCounts,
    /// Persian-against-Arabic evidence in log-odds units; zero for non-Arabic script.
    score: f32,
}

impl Weighed {
    /// Whether the lexical evidence alone settles Arabic against Persian, and which way.
    pub fn settled(&self) -> Option<Lang> {
        let is_arabic_script =
            self.counts.arabic >= self.counts.latin && self.counts.arabic * 2 > self.counts.total();
        match is_arabic_script && self.score.abs() >= THIN_EVIDENCE {
            true if self.score > 0.0 => Some(Lang::Fa),
            true => Some(Lang::Ar),
            false => None,
        }
    }
}

/// Weighs the lexical evidence of a text.
pub fn weigh(text: &str, detector: &Detector) -> Weighed {
    // One pass over the sample counts scripts and scores Persian-only and Arabic-only chars.
    let mut counts = ScriptCounts::default();
    let mut char_score = 0.0f32;
    for c in text.chars().take(SAMPLE_CHARS) {
        counts.add(c);
        char_score += persian_char_weight(c);
    }
    let score = if counts.arabic > 0 && counts.arabic >= counts.latin {
        persian_word_evidence(text, char_score, &detector.lexicon).score
    } else {
        0.0
    };
    Weighed { counts, score }
}

/// Decides a text's language from its weighed evidence. Where Arabic against Persian is still
/// open, `context` (the language the rest of the document settles on) tips it; without
/// context, the n-gram model votes.
pub fn decide(
    text: &str,
    weighed: &Weighed,
    detector: &Detector,
    context: Option<Lang>,
) -> LangGuess {
    let counts = weighed.counts;
    let letters = counts.total();
    if letters < 2 {
        return LangGuess { lang: Lang::Unknown, confidence: 0.0 };
    }
    if counts.other * 2 > letters {
        return LangGuess { lang: Lang::Other, confidence: share(counts.other, letters) };
    }
    if counts.latin > counts.arabic {
        return latin(text, share(counts.latin, letters));
    }
    let mut score = weighed.score;
    if score.abs() < THIN_EVIDENCE {
        match context {
            // A short paragraph in a document that is clearly one language is that language,
            // unless its own evidence says otherwise.
            Some(Lang::Fa) => score += CONTEXT_VOTE,
            Some(Lang::Ar) => score -= CONTEXT_VOTE,
            // Long text with thin evidence is rare and the n-gram model's cost grows with
            // length: it is asked about short text only, where its vote matters.
            _ if text.len() <= NGRAM_MAX_BYTES => score += ngram_log_odds(text, detector),
            _ => {}
        }
    }
    let lang = if score > 0.0 { Lang::Fa } else { Lang::Ar };
    let confidence = logistic(score.abs()) * share(counts.arabic, letters);
    LangGuess { lang, confidence }
}

/// Combines paragraph guesses into a document guess, weighting each by its length in bytes.
pub fn combine(parts: &[(LangGuess, usize)]) -> LangGuess {
    let mut mass: [(Lang, f32); 5] = [
        (Lang::Ar, 0.0),
        (Lang::Fa, 0.0),
        (Lang::En, 0.0),
        (Lang::Other, 0.0),
        (Lang::Unknown, 0.0),
    ];
    let mut total = 0.0;
    for &(guess, len) in parts {
        if guess.lang == Lang::Unknown {
            continue;
        }
        let weight = len as f32;
        total += weight;
        if let Some(slot) = mass.iter_mut().find(|(l, _)| *l == guess.lang) {
            slot.1 += weight * guess.confidence.max(0.05);
        }
    }
    if total == 0.0 {
        return LangGuess { lang: Lang::Unknown, confidence: 0.0 };
    }
    // Ties go to the earlier language in the list, so the result is deterministic.
    let (lang, best) = mass
        .iter()
        .copied()
        .fold((Lang::Unknown, 0.0f32), |acc, it| if it.1 > acc.1 { it } else { acc });
    LangGuess { lang, confidence: (best / total).clamp(0.0, 1.0) }
}

#[derive(Debug, Default, Clone, Copy)]
struct ScriptCounts {
    arabic: usize,
    latin: usize,
    other: usize,
}

impl ScriptCounts {
    fn total(self) -> usize {
        self.arabic + self.latin + self.other
    }

    /// Counts one char of the sample (the first `SAMPLE_CHARS` chars tell the script mix of a
    /// paragraph as well as all of them).
    #[inline]
    fn add(&mut self, c: char) {
        if c.is_ascii() {
            self.latin += usize::from(c.is_ascii_alphabetic());
        } else if is_arabic_letter(c) {
            self.arabic += 1;
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
            // Arabic digits, punctuation and marks: not letters.
        } else if ('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic() {
            self.latin += 1;
        } else if c.is_alphabetic() {
            self.other += 1;
        }
    }
}

fn share(part: usize, whole: usize) -> f32 {
    if whole == 0 { 0.0 } else { part as f32 / whole as f32 }
}

fn logistic(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Frequent English words; their share of the tokens tells English from other Latin-script text.
const ENGLISH_WORDS: &[&str] = &[
    "a", "about", "after", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for",
    "from", "had", "has", "have", "he", "his", "in", "is", "it", "its", "not", "of", "on", "or",
    "said", "that", "the", "their", "they", "this", "to", "was", "were", "which", "who", "will",
    "with", "also", "against", "between", "during", "into", "met", "over", "says", "than", "told",
    "would",
];

fn latin(text: &str, script_share: f32) -> LangGuess {
    let mut n_words = 0usize;
    let mut n_english = 0usize;
    let mut n_accented = 0usize;
    let mut n_letters = 0usize;
    // Words in lower case, and the English ones among them: news sentences are dense with
    // capitalized names and titles (`Japanese Prime Minister Shinzo Abe met …`), which say
    // nothing about the language.
    let mut n_lower = 0usize;
    let mut n_english_lower = 0usize;
    for word in text.split(|c: char| !is_alphanumeric(c) && c != '\'') {
        if word.is_empty() || !word.chars().any(is_letter) {
            continue;
        }
        n_words += 1;
        let lower = word.to_lowercase();
        let is_english = ENGLISH_WORDS.contains(&lower.as_str());
        if is_english {
            n_english += 1;
        }
        if word.starts_with(|c: char| c.is_lowercase()) {
            n_lower += 1;
            n_english_lower += usize::from(is_english);
        }
        for c in word.chars() {
            n_letters += 1;
            if !c.is_ascii() && is_letter(c) {
                n_accented += 1;
            }
        }
    }
    let english_share = if n_lower >= 2 {
        share(n_english, n_words).max(share(n_english_lower, n_lower) * 0.3)
    } else {
        share(n_english, n_words)
    };
    let accented_share = share(n_accented, n_letters);
    if n_words < 4 || (n_words < 10 && n_english == 0 && n_accented == 0) {
        // Too short for function words to show: plain ASCII reads as English, with low confidence.
        let lang = if n_accented == 0 { Lang::En } else { Lang::Other };
        return LangGuess { lang, confidence: 0.5 * script_share };
    }
    if english_share >= 0.10 && accented_share < 0.02 {
        let confidence = (0.6 + english_share * 1.5).min(0.99) * script_share;
        return LangGuess { lang: Lang::En, confidence };
    }
    let confidence = (0.9 - english_share * 3.0).clamp(0.3, 0.95) * script_share;
    LangGuess { lang: Lang::Other, confidence }
}

/// Function words that only Persian uses, spelled with Persian ی/ک; matched after folding ي/ى→ی, ك→ک.
const PERSIAN_WORDS: &[&str] = &[
    "از",
    "است",
    "اند",
    "اگر",
    "اما",
    "این",
    "آن",
    "آنها",
    "با",
    "باید",
    "برای",
    "بود",
    "بوده",
    "تا",
    "چه",
    "خود",
    "دارد",
    "داد",
    "در",
    "را",
    "شد",
    "شده",
    "شود",
    "کرد",
    "کرده",
    "کند",
    "که",
    "گفت",
    "می",
    "نمی",
    "نیز",
    "نیست",
    "وی",
    "همه",
    "های",
    "ها",
    "هستند",
    "یک",
    "دیگر",
    "دو",
    "بر",
    "پس",
    "کنند",
    "میشود",
    "میکند",
    "گفته",
    "افزود",
    "کشور",
    "چون",
    "اکنون",
    "او",
    "ایشان",
    "شما",
];

/// Function words that only Arabic uses, in the same folded spelling.
///
/// Words that both languages write the same way (من, به, بعد, قبل, کل, غیر, حتی, بین, هم) are
/// left out of both lists: they are evidence of neither.
const ARABIC_WORDS: &[&str] = &[
    "في",
    "فی",
    "علی",
    "الی",
    "إلی",
    "عن",
    "أن",
    "ان",
    "إن",
    "التی",
    "الذی",
    "الذین",
    "هذا",
    "هذه",
    "ذلک",
    "تلک",
    "مع",
    "کان",
    "کانت",
    "قد",
    "لا",
    "لم",
    "لن",
    "حیث",
    "کما",
    "أو",
    "قال",
    "وقال",
    "واضاف",
    "وأضاف",
    "إلا",
    "الا",
    "هو",
    "هی",
    "عند",
    "منذ",
    "خلال",
    "لدی",
    "عبر",
    "بعض",
    "أیضا",
    "ایضا",
    "ولا",
    "وفی",
    "ومن",
    "وعلی",
    "وأن",
    "وان",
    "فقد",
    "لقد",
    "یکون",
    "تم",
    "أمس",
    "الیوم",
    "وهو",
    "وقالت",
    "إلي",
    "حول",
    "لها",
    "التي",
    "الذي",
    "الذين",
    "ذلك",
    "كما",
    "كان",
    "اليوم",
];

/// FNV-1a for the lexicon: its keys are short words, where SipHash's setup dominates.
#[derive(Debug, Clone, Copy, Default)]
struct BuildFnv;

impl std::hash::BuildHasher for BuildFnv {
    type Hasher = Fnv;

    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Chars sampled per text for script counts and letter evidence.
const SAMPLE_CHARS: usize = 1500;

/// Words weighed per text; past this many, the evidence of a paragraph is already overwhelming.
const MAX_EVIDENCE_WORDS: usize = 80;

struct Evidence {
    /// Positive for Persian, negative for Arabic, in log-odds units.
    score: f32,
}

/// What one char says for Persian (positive) or Arabic (negative).
#[inline]
fn persian_char_weight(c: char) -> f32 {
    match c {
        'پ' | 'چ' | 'ژ' | 'گ' => 2.0,
        'ۀ' => 2.0,
        'ی' | 'ک' => 0.4,
        '۰'..='۹' => 0.3,
        'ة' => -1.5,
        'ى' => -0.8,
        '\u{064B}'..='\u{064D}' => -1.0,
        '٠'..='٩' => -0.3,
        _ => 0.0,
    }
}

/// Adds to `score` what the first words say for Persian: function words, the article, `می`
/// forms, ZWNJ.
fn persian_word_evidence(
    text: &str,
    mut score: f32,
    lexicon: &HashMap<&'static str, f32, BuildFnv>,
) -> Evidence {
    let mut folded = String::new();
    // The first words tell as much as the whole: a long paragraph stops adding evidence.
    let words = text.split(|c: char| !is_arabic_letter(c) && c != '\u{200C}' && !is_mark(c));
    for word in words.filter(|w| !w.is_empty()).take(MAX_EVIDENCE_WORDS) {
        // Fold ي/ى/ك and drop marks only where the word has them; most words need no copy.
        let needs_folding = word.contains(['ي', 'ى', 'ك']) || word.chars().any(is_mark);
        let folded_word = if needs_folding {
            folded.clear();
            folded.extend(word.chars().filter(|&c| !is_mark(c)).map(|c| match c {
                'ي' | 'ى' => 'ی',
                'ك' => 'ک',
                c => c,
            }));
            folded.as_str()
        } else {
            word
        };
        // A ZWNJ splits Persian morphemes: `می‌کند` counts as `می`.
        let head = folded_word.split('\u{200C}').next().unwrap_or("");
        if let Some(weight) = lexicon.get(head).or_else(|| lexicon.get(word)) {
            score += weight;
        } else if head.starts_with("ال") && head.chars().count() > 3 && !head.starts_with("الب")
        {
            score -= 0.6;
        } else if (head.starts_with("می") || head.starts_with("نمی")) && head.chars().count() > 4
        {
            score += 0.7;
        }
        if word.contains('\u{200C}') {
            score += 1.0;
        }
    }
    Evidence { score }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// The n-gram model's vote for Persian, in log-odds units, clamped to about ±4.
///
/// The text goes in as written. Mapping ك/ي to Persian letters first, as one would for
/// Persian typed with Arabic letters, turns short Arabic titles Persian in the model's eyes;
/// Persian with Arabic letters is caught by its function words before the model is asked.
fn ngram_log_odds(text: &str, detector: &Detector) -> f32 {
    let p_fa = detector.ngrams.compute_language_confidence(text, Language::Persian) as f32;
    let p_fa = p_fa.clamp(0.02, 0.98);
    (p_fa / (1.0 - p_fa)).ln()
}

#[cfg(test)]
mod tests;
