//! WARC archives (ISO 28500, versions 1.0 and 1.1): the HTML pages of their `response` and
//! `resource` records. Other records (requests, metadata, warcinfo) and non-HTML or non-2xx
//! responses are passed over without a word; a malformed record ends the file with an error.

use std::io::{BufRead, Read};

use model::{InputFormat, RawArticle};

use crate::{Error, MAX_RECORD_BYTES, read_page};

/// The HTML records of a WARC stream.
pub(crate) struct Records {
    reader: Box<dyn BufRead>,
    origin: String,
    n_records: u64,
    is_done: bool,
}

impl Records {
    pub(crate) fn new(reader: Box<dyn BufRead>, origin: String) -> Records {
        Records { reader, origin, n_records: 0, is_done: false }
    }

    fn fail(&mut self, message: String) -> Option<Result<RawArticle, Error>> {
        self.is_done = true;
        Some(Err(Error::Warc { origin: format!("{}#{}", self.origin, self.n_records), message }))
    }
}

impl Iterator for Records {
    type Item = Result<RawArticle, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.is_done {
            let mut line = String::new();
            // Skip the blank lines that end the previous record.
            loop {
                line.clear();
                match self.reader.read_line(&mut line) {
                    Ok(0) => return None,
                    Ok(_) if line.trim().is_empty() => continue,
                    Ok(_) => break,
                    Err(err) => return self.fail(format!("cannot read: {err}")),
                }
            }
            self.n_records += 1;
            if !line.starts_with("WARC/") {
                return self.fail(format!(
                    "expected a WARC/1.x version line, found {:?}",
                    truncate(&line)
                ));
            }
            let mut headers: Vec<(String, String)> = Vec::new();
            loop {
                line.clear();
                match self.reader.read_line(&mut line) {
                    Ok(0) => return self.fail("the file ends inside a record header".to_owned()),
                    Ok(_) => {}
                    Err(err) => return self.fail(format!("cannot read: {err}")),
                }
                let trimmed = line.trim_end_matches(['\r', '\n']);
                if trimmed.is_empty() {
                    break;
                }
                if let Some((name, value)) = trimmed.split_once(':') {
                    headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
                }
            }
            let header =
                |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
            let Some(length) = header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fail("a record has no valid Content-Length".to_owned());
            };
            if length > MAX_RECORD_BYTES {
                return self.fail(format!("a record of {length} bytes is over the limit"));
            }
            let record_type = header("warc-type").unwrap_or("").to_ascii_lowercase();
            let uri = header("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_owned());
            let content_type = header("content-type").unwrap_or("").to_ascii_lowercase();
            let mut block = Vec::with_capacity(length as usize);
            match Read::take(&mut self.reader, length).read_to_end(&mut block) {
                Ok(n) if n as u64 == length => {}
                Ok(_) => return self.fail("the file ends inside a record's content".to_owned()),
                Err(err) => return self.fail(format!("cannot read: {err}")),
            }
            let origin = format!("{}#{}", self.origin, self.n_records);
            let page = match record_type.as_str() {
                "response" if content_type.starts_with("application/http") => {
                    http_html_body(&block)
                }
                "resource" if content_type.contains("html") => Some(block),
                _ => None,
            };
            let Some(page) = page else { continue };
            let mut raw = match read_page(&page, &origin, true) {
                Ok(raw) => raw,
                Err(err) => return Some(Err(err)),
            };
            raw.format = InputFormat::Warc;
            if uri.is_some() {
                raw.url = uri;
            }
            return Some(Ok(raw));
        }
        None
    }
}

fn truncate(line: &str) -> &str {
    let end = line.char_indices().nth(40).map_or(line.len(), |(i, _)| i);
    line[..end].trim_end()
}

/// The decoded body of an HTTP response message when it is a 2xx HTML page.
fn http_html_body(message: &[u8]) -> Option<Vec<u8>> {
    let split = memchr::memmem::find(message, b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| memchr::memmem::find(message, b"\n\n").map(|p| (p, p + 2)))?;
    let head = String::from_utf8_lossy(&message[..split.0]);
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    if !(200..300).contains(&status) {
        return None;
    }
    let mut content_type = String::new();
    let mut is_chunked = false;
    let mut encoding = String::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = value,
            "transfer-encoding" => is_chunked = value.contains("chunked"),
            "content-encoding" => encoding = value,
            _ => {}
        }
    }
    if !content_type.is_empty() && !content_type.contains("html") {
        return None;
    }
    let mut body = message[split.1..].to_vec();
    if is_chunked {
        body = dechunk(&body)?;
    }
    match encoding.as_str() {
        "gzip" | "x-gzip" => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(MAX_RECORD_BYTES)
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        "deflate" => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(MAX_RECORD_BYTES)
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        _ => Some(body),
    }
}

/// Undoes HTTP chunked transfer coding.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memmem::find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..).unwrap_or(&[]);
    }
}
