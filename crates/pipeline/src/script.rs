//! Fast character classes for the scripts khabar reads.
//!
//! `char::is_alphabetic` and friends take a slow table lookup for every non-ASCII char; on
//! Arabic-script text that lookup was half of the pipeline's time. These answer ASCII and the
//! Arabic block from their code points and fall back to the standard tables for the rest.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Whether a code point of the Arabic block (U+0600–U+06FF) is a letter; the ranges
/// `is_arabic_letter` documents.
const fn is_arabic_block_letter(c: u32) -> bool {
    matches!(c, 0x0620..=0x063F | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5
        | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF)
}

/// One bit per code point of the Arabic block, set for letters: a chain of range tests
/// became one load and shift for the most common chars of the text khabar reads.
const ARABIC_BLOCK_LETTERS: [u64; 4] = {
    let mut bits = [0u64; 4];
    let mut offset = 0u32;
    while offset < 256 {
        if is_arabic_block_letter(0x0600 + offset) {
            bits[(offset / 64) as usize] |= 1 << (offset % 64);
        }
        offset += 1;
    }
    bits
};

/// Arabic-script letters, including the Persian, Urdu and extended letters and the
/// presentation forms, but not digits, punctuation, tatweel or diacritics.
#[inline]
pub(crate) fn is_arabic_letter(c: char) -> bool {
    let offset = (c as u32).wrapping_sub(0x0600);
    if offset < 256 {
        return ARABIC_BLOCK_LETTERS[(offset / 64) as usize] >> (offset % 64) & 1 == 1;
    }
    matches!(c, '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// A letter of any script.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return is_arabic_letter(c);
    }
    c.is_alphabetic()
}

/// A letter or digit of any script, Arabic-Indic and Persian digits included.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Latin-1 punctuation and the General Punctuation block (quotes, dashes, spaces, joiners).
    if matches!(c, '\u{0080}'..='\u{00BF}' | '\u{2000}'..='\u{206F}') {
        return matches!(
            c,
            '\u{00AA}' | '\u{00B2}' | '\u{00B3}' | '\u{00B5}' | '\u{00B9}' | '\u{00BA}' | '\u{00BC}'
                ..='\u{00BE}'
        );
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return is_arabic_letter(c)
            || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}');
    }
    c.is_alphanumeric()
}

/// The byte offset where the word starting at `start` ends: the first char that is neither a
/// letter nor a digit, or the end of the text.
pub(crate) fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !is_alphanumeric(c))
        .map_or(text.len(), |(i, _)| start + i)
}

/// Byte ranges `(start, end)` of the words of a text: runs of letters and digits.
///
/// Every stage splits words, so this reads bytes: ASCII and the two-byte Arabic block are
/// decoded by hand, and only other chars go through the standard decoder.
pub(crate) fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut acc = Vec::with_capacity(bytes.len() / 6);
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
            // U+0600 to U+06FF: 110110xx 10xxxxxx.
            let code = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            (char::from_u32(code).is_some_and(is_alphanumeric), 2)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (is_alphanumeric(c), c.len_utf8())
        };
        match (is_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                acc.push((s, i));
                word_start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = word_start {
        acc.push((s, text.len()));
    }
    acc
}

/// A decimal digit in ASCII, Arabic-Indic or Persian form.
#[inline]
pub(crate) fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// A hash map keyed by short strings: the standard SipHash is several times slower on the
/// word lookups that dominate the pipeline, and the keys here are not chosen by an attacker
/// who could aim at collisions (the team's and a user's own tables, and news text).
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A hash set keyed by short strings; see `WordMap`.
pub(crate) type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// A multiply-rotate hash over 8-byte chunks (the scheme of rustc's FxHasher).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher {
    hash: u64,
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(buf));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{is_alphanumeric, is_letter, word_spans};

    /// The plain char-by-char split that `word_spans` speeds up.
    fn word_spans_by_chars(text: &str) -> Vec<(usize, usize)> {
        let mut acc = Vec::new();
        let mut word_start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            match (is_alphanumeric(c), word_start) {
                (true, None) => word_start = Some(i),
                (false, Some(s)) => {
                    acc.push((s, i));
                    word_start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = word_start {
            acc.push((s, text.len()));
        }
        acc
    }

    proptest! {
        #[test]
        fn the_byte_split_agrees_with_the_char_split(text in "[ -~\u{0600}-\u{06FF}\u{200C}\u{00A0}-\u{00FF}\u{0400}-\u{04FF}\u{4E00}-\u{4E20}]{0,60}") {
            prop_assert_eq!(word_spans(&text), word_spans_by_chars(&text));
        }
    }

    #[test]
    fn words_of_mixed_scripts() {
        let text = "شمخاني، Ali-Shamkhani ۱۳۹۵ سه‌شنبه ٢٣";
        let words: Vec<&str> = word_spans(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["شمخاني", "Ali", "Shamkhani", "۱۳۹۵", "سه", "شنبه", "٢٣"]);
    }

    #[test]
    fn agrees_with_the_standard_tables_on_arabic_script() {
        for c in ('\u{0600}'..='\u{06FF}').chain('\u{0750}'..='\u{077F}') {
            // The standard tables count diacritics, tatweel and a few marks as alphabetic;
            // khabar treats them as joiners inside words, never as letters of their own.
            let is_mark = matches!(c, '\u{0610}'..='\u{061A}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}');
            if !is_mark {
                assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
            }
        }
        assert!(
            is_letter('a')
                && is_letter('é')
                && is_letter('Ж')
                && !is_letter('1')
                && !is_letter('،')
        );
    }
}
