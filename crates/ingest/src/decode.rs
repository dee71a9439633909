//! Bytes to UTF-8: byte order marks, UTF-8, UTF-16 and the legacy Arabic code page.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};

/// How the bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8, with or without a byte order mark.
    Utf8,
    /// UTF-16 with a byte order mark, little- or big-endian.
    Utf16,
    /// Windows-1256, the Arabic code page, recognized because the bytes are not UTF-8 and
    /// decode to mostly Arabic letters.
    Windows1256,
    /// A charset the page declared (HTML `<meta charset>` or an HTTP header).
    Declared(&'static str),
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look binary (NUL bytes in what should be text).
    Binary,
    /// Not UTF-8, and not Arabic text in Windows-1256 either.
    UnknownCharset,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("binary data, not text"),
            DecodeError::UnknownCharset => {
                f.write_str("not valid UTF-8 or UTF-16, and not Arabic text in Windows-1256; convert it to UTF-8")
            }
        }
    }
}

/// Decodes a text file's bytes. `declared` is a charset label the container gave, if any.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<(String, Charset), DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors && encoding == UTF_8 {
            return Err(DecodeError::UnknownCharset);
        }
        let charset = if encoding == UTF_16LE || encoding == UTF_16BE {
            Charset::Utf16
        } else {
            Charset::Utf8
        };
        return Ok((text.into_owned(), charset));
    }
    if is_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    // A few NUL bytes in a page are scraper damage, not binary content: drop them.
    let cleaned: Vec<u8>;
    let bytes = if bytes.contains(&0) {
        cleaned = bytes.iter().copied().filter(|&b| b != 0).collect();
        &cleaned[..]
    } else {
        bytes
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), Charset::Utf8));
    }
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()))
    {
        let (text, _, had_errors) = encoding.decode(bytes);
        // A page that declares UTF-8 but holds a few stray bytes is read as browsers read it,
        // with U+FFFD in their place; any other declared charset must decode cleanly.
        if !had_errors || encoding == UTF_8 {
            return Ok((text.into_owned(), Charset::Declared(encoding.name())));
        }
    }
    let (text, had_errors) = WINDOWS_1256.decode_without_bom_handling(bytes);
    if !had_errors && is_mostly_arabic(&text) {
        return Ok((text.into_owned(), Charset::Windows1256));
    }
    Err(DecodeError::UnknownCharset)
}

/// Binary content: more than one byte in a hundred of the first 8 KiB is NUL, as in images,
/// archives and UTF-16 without a byte order mark.
fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let n_nul = head.iter().filter(|&&b| b == 0).count();
    n_nul > 0 && n_nul * 100 >= head.len()
}

/// At least half of the non-ASCII letters are Arabic-script: Windows-1256 bytes read as that
/// code page give Arabic, while Latin-1 or random bytes read as it give a scatter of symbols.
fn is_mostly_arabic(text: &str) -> bool {
    let mut arabic = 0usize;
    let mut other = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    arabic > 0 && arabic >= other
}

#[cfg(test)]
mod tests {
    use super::{Charset, DecodeError, decode};

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode("سلام".as_bytes(), None), Ok(("سلام".to_owned(), Charset::Utf8)));
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("سلام".as_bytes());
        assert_eq!(decode(&with_bom, None), Ok(("سلام".to_owned(), Charset::Utf8)));
    }

    #[test]
    fn reads_utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("خبر".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le, None), Ok(("خبر".to_owned(), Charset::Utf16)));
        let mut be = vec![0xFE, 0xFF];
        be.extend("خبر".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, None), Ok(("خبر".to_owned(), Charset::Utf16)));
    }

    #[test]
    fn converts_windows_1256_arabic() {
        // "خبر عاجل" in Windows-1256.
        let bytes = [0xCE, 0xC8, 0xD1, 0x20, 0xDA, 0xC7, 0xCC, 0xE1];
        assert_eq!(decode(&bytes, None), Ok(("خبر عاجل".to_owned(), Charset::Windows1256)));
    }

    #[test]
    fn declared_utf8_with_stray_bytes_reads_as_a_browser_would() {
        assert_eq!(
            decode(b"caf\xe9", Some("utf-8")),
            Ok(("caf\u{FFFD}".to_owned(), Charset::Declared("UTF-8")))
        );
        assert_eq!(decode(b"caf\xe9", None), Err(DecodeError::UnknownCharset));
    }

    #[test]
    fn refuses_binary_and_unknown_bytes() {
        assert_eq!(decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13], None), Err(DecodeError::Binary));
        // Latin-1 "café crème": not UTF-8, and not Arabic when read as Windows-1256.
        assert_eq!(decode(b"caf\xe9 cr\xe8me", None), Err(DecodeError::UnknownCharset));
    }
}
