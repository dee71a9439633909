//! Reads news as it arrives (text pages, HTML pages, JSON Lines, WARC archives) into
//! `model::RawArticle`s.
//!
//! Entry points: `expand` turns the user's paths into inputs (directories recursively, in a
//! stable order); `open` reads one input into a stream of articles. A record that cannot be
//! read is an `Error` in the stream, and the stream goes on with the next record.
//!
//! **Architecture Invariant:** this crate decides nothing about content: it decodes, parses
//! markup and maps field names. What is article and what is furniture is `pipeline`'s call.
//! It depends on `model` only, plus decoding and decompression crates.

#![allow(clippy::disallowed_methods, reason = "this is the IO edge: it reads files")]

pub mod decode;
pub mod html;
mod jsonl;
mod warc;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use model::{InputFormat, RawArticle};

/// The largest single text, HTML page or JSON line read whole: spans are 32-bit.
pub const MAX_RECORD_BYTES: u64 = 1 << 30;

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The name used in messages and in `RawArticle::origin`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(path) => path.display().to_string(),
        }
    }
}

/// Why an input, or one record of it, could not be read.
#[derive(Debug)]
pub enum Error {
    /// The file or directory could not be opened or read.
    Io { origin: String, source: io::Error },
    /// The bytes are not text khabar can decode.
    Decode { origin: String, reason: decode::DecodeError },
    /// A JSON line is not a JSON object, or has no text field.
    Json { origin: String, message: String },
    /// A WARC file is malformed.
    Warc { origin: String, message: String },
    /// The input holds nothing to read.
    Empty { origin: String },
    /// A record is larger than `MAX_RECORD_BYTES`.
    TooLarge { origin: String, bytes: u64 },
}

impl Error {
    /// A short, stable name for the kind of failure, used in run summaries.
    pub fn reason(&self) -> &'static str {
        match self {
            Error::Io { .. } => "unreadable",
            Error::Decode { .. } => "bad encoding",
            Error::Json { .. } => "bad json",
            Error::Warc { .. } => "bad warc",
            Error::Empty { .. } => "empty",
            Error::TooLarge { .. } => "too large",
        }
    }

    /// The input or record the failure concerns.
    pub fn origin(&self) -> &str {
        match self {
            Error::Io { origin, .. }
            | Error::Decode { origin, .. }
            | Error::Json { origin, .. }
            | Error::Warc { origin, .. }
            | Error::Empty { origin }
            | Error::TooLarge { origin, .. } => origin,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { origin, source } => write!(f, "{origin}: cannot read: {source}"),
            Error::Decode { origin, reason } => write!(f, "{origin}: {reason}"),
            Error::Json { origin, message } => write!(f, "{origin}: {message}"),
            Error::Warc { origin, message } => write!(f, "{origin}: malformed WARC: {message}"),
            Error::Empty { origin } => write!(f, "{origin}: empty input, nothing to read"),
            Error::TooLarge { origin, bytes } => {
                write!(
                    f,
                    "{origin}: record of {bytes} bytes is over the {MAX_RECORD_BYTES}-byte limit"
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// Expands the user's paths: `-` is standard input, a directory stands for every file below
/// it (sorted, hidden files skipped), a file for itself. Unreadable paths come back as errors.
pub fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(source) => errors.push(Error::Io { origin: path.display().to_string(), source }),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(Error::Io { origin: dir.display().to_string(), source });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let is_hidden = entry.file_name().to_string_lossy().starts_with('.');
                if !is_hidden {
                    paths.push(entry.path());
                }
            }
            Err(source) => errors.push(Error::Io { origin: dir.display().to_string(), source }),
        }
    }
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, inputs, errors);
        } else if !is_ignored(&path) {
            inputs.push(Input::File(path));
        }
    }
}

/// Files in a corpus folder that are documentation or golden output, not articles.
fn is_ignored(path: &Path) -> bool {
    let name =
        path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    name.ends_with(".md") || name.ends_with(".golden")
}

/// The kind of content an input holds, from its name or, failing that, its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
    Warc,
}

fn kind_from_name(name: &str) -> Option<Kind> {
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, ext)| ext)?;
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => Some(Kind::Html),
        "jsonl" | "ndjson" | "json" => Some(Kind::Jsonl),
        "warc" => Some(Kind::Warc),
        "txt" | "text" => Some(Kind::Text),
        _ => None,
    }
}

fn kind_from_content(head: &[u8]) -> Kind {
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..];
    let lower: Vec<u8> = head.iter().take(512).map(u8::to_ascii_lowercase).collect();
    if head.starts_with(b"WARC/") {
        Kind::Warc
    } else if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || memchr::memmem::find(&lower, b"<body").is_some()
    {
        Kind::Html
    } else if head.starts_with(b"{") {
        Kind::Jsonl
    } else {
        Kind::Text
    }
}

/// The articles of one input, read lazily.
pub struct Articles {
    inner: Inner,
}

enum Inner {
    One(Option<Result<RawArticle, Error>>),
    Jsonl(jsonl::Lines),
    Warc(warc::Records),
}

impl Iterator for Articles {
    type Item = Result<RawArticle, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::One(it) => it.take(),
            Inner::Jsonl(lines) => lines.next(),
            Inner::Warc(records) => records.next(),
        }
    }
}

/// Opens one input. Failing to open is an `Err`; failures inside come from the iterator.
pub fn open(input: &Input) -> Result<Articles, Error> {
    let origin = input.name();
    let raw_reader: Box<dyn Read> = match input {
        Input::Stdin => Box::new(io::stdin()),
        Input::File(path) => {
            let file =
                File::open(path).map_err(|source| Error::Io { origin: origin.clone(), source })?;
            Box::new(file)
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw_reader);
    let is_gzip = {
        let head =
            reader.fill_buf().map_err(|source| Error::Io { origin: origin.clone(), source })?;
        head.starts_with(&[0x1f, 0x8b])
    };
    let mut reader: Box<dyn BufRead> = if is_gzip {
        Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(reader)))
    } else {
        Box::new(reader)
    };
    let head = reader.fill_buf().map_err(|source| io_or_gzip(&origin, source))?;
    if head.is_empty() {
        return Err(Error::Empty { origin });
    }
    let kind = match input {
        Input::File(path) => kind_from_name(&path.to_string_lossy()),
        Input::Stdin => None,
    }
    .unwrap_or_else(|| kind_from_content(head));
    let inner = match kind {
        Kind::Jsonl => Inner::Jsonl(jsonl::Lines::new(reader, origin)),
        Kind::Warc => Inner::Warc(warc::Records::new(reader, origin)),
        Kind::Text | Kind::Html => {
            let bytes = read_whole(reader, &origin)?;
            Inner::One(Some(read_page(&bytes, &origin, kind == Kind::Html)))
        }
    };
    Ok(Articles { inner })
}

fn io_or_gzip(origin: &str, source: io::Error) -> Error {
    Error::Io { origin: origin.to_owned(), source }
}

fn read_whole(reader: Box<dyn BufRead>, origin: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_RECORD_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io { origin: origin.to_owned(), source })?;
    if bytes.len() as u64 > MAX_RECORD_BYTES {
        return Err(Error::TooLarge { origin: origin.to_owned(), bytes: bytes.len() as u64 });
    }
    Ok(bytes)
}

/// Reads a whole text or HTML page from its bytes.
pub fn read_page(bytes: &[u8], origin: &str, is_html: bool) -> Result<RawArticle, Error> {
    let declared = if is_html { html::sniff_charset(bytes) } else { None };
    let (text, _) = decode::decode(bytes, declared.as_deref())
        .map_err(|reason| Error::Decode { origin: origin.to_owned(), reason })?;
    if text.trim().is_empty() {
        return Err(Error::Empty { origin: origin.to_owned() });
    }
    if is_html {
        let format = InputFormat::Html;
        return Ok(html::read(&text, origin, format, None));
    }
    Ok(RawArticle {
        origin: origin.to_owned(),
        format: InputFormat::Text,
        url: None,
        title: None,
        published: None,
        source: None,
        text,
        blocks: Vec::new(),
    })
}

#[cfg(test)]
mod tests;
