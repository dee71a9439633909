//! JSON Lines: one article a line, under the field names news datasets and scrapers use.

use std::io::{BufRead, Read};

use model::{InputFormat, RawArticle};
use serde_json::{Map, Value};

use crate::{Error, MAX_RECORD_BYTES, html};

/// Field names tried in order for each part of an article.
const TITLE_FIELDS: &[&str] = &["title", "headline", "name"];
const LEAD_FIELDS: &[&str] = &["abstract", "description", "summary", "lead", "lede", "subtitle"];
const BODY_FIELDS: &[&str] =
    &["content", "text", "body", "maintext", "article", "article_text", "paragraphs"];
const HTML_FIELDS: &[&str] = &["html", "raw_html", "content_html"];
const URL_FIELDS: &[&str] = &["url", "link", "source_url", "uri", "permalink"];
const DATE_FIELDS: &[&str] = &[
    "date_publish",
    "date_published",
    "published",
    "published_at",
    "publish_date",
    "pubDate",
    "pubdate",
    "date",
    "datetime",
    "timestamp",
    "created_at",
    "date_extracted",
    "date_download",
    "crawled_at",
];
const SOURCE_FIELDS: &[&str] =
    &["source", "source_domain", "outlet", "site", "site_name", "publisher", "feed"];

/// The articles of a JSON Lines stream.
pub(crate) struct Lines {
    reader: Box<dyn BufRead>,
    origin: String,
    line_no: u64,
    buf: Vec<u8>,
}

impl Lines {
    pub(crate) fn new(reader: Box<dyn BufRead>, origin: String) -> Lines {
        Lines { reader, origin, line_no: 0, buf: Vec::new() }
    }
}

impl Iterator for Lines {
    type Item = Result<RawArticle, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            let read =
                Read::take(&mut self.reader, MAX_RECORD_BYTES + 1).read_until(b'\n', &mut self.buf);
            self.line_no += 1;
            let origin = format!("{}#{}", self.origin, self.line_no);
            match read {
                Ok(0) => return None,
                Ok(n) if n as u64 > MAX_RECORD_BYTES => {
                    // The rest of an oversized line cannot be resynchronized safely: stop here.
                    let bytes = n as u64;
                    self.reader = Box::new(std::io::empty());
                    return Some(Err(Error::TooLarge { origin, bytes }));
                }
                Ok(_) => {}
                Err(source) => {
                    self.reader = Box::new(std::io::empty());
                    return Some(Err(Error::Io { origin, source }));
                }
            }
            let line = trim_ascii(&self.buf);
            if line.is_empty() {
                continue;
            }
            return Some(parse_line(line, origin));
        }
    }
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).map_or(start, |p| p + 1);
    &bytes[start..end.max(start)]
}

/// Maps one JSON line to an article.
pub(crate) fn parse_line(line: &[u8], origin: String) -> Result<RawArticle, Error> {
    let value: Value = match serde_json::from_slice(line) {
        Ok(value) => value,
        Err(err) => return Err(Error::Json { origin, message: format!("not valid JSON: {err}") }),
    };
    let Value::Object(object) = value else {
        let message = if line.starts_with(b"[") {
            "a JSON array; khabar reads JSON Lines, one object a line".to_owned()
        } else {
            "a JSON value that is not an object".to_owned()
        };
        return Err(Error::Json { origin, message });
    };
    let url = first_string(&object, URL_FIELDS);
    let published = first_string(&object, DATE_FIELDS);
    let source = first_string(&object, SOURCE_FIELDS);
    let title = first_string(&object, TITLE_FIELDS);
    let body = first_text(&object, BODY_FIELDS);
    if body.is_none()
        && let Some(markup) = first_string(&object, HTML_FIELDS)
    {
        let mut raw = html::read(&markup, &origin, InputFormat::Jsonl, url.as_deref());
        raw.title = title.or(raw.title);
        raw.published = published.or(raw.published);
        raw.source = source.or(raw.source);
        return Ok(raw);
    }
    let lead = first_text(&object, LEAD_FIELDS);
    if body.is_none() && lead.is_none() && title.is_none() && url.is_none() {
        let message = format!(
            "no article text: none of the fields {} nor a title or URL is a non-empty string",
            BODY_FIELDS.join(", ")
        );
        return Err(Error::Json { origin, message });
    }
    // The original text a user sees: the title, the lead, the body, a blank line apart.
    // A record with a title or URL and an empty body is kept, so that nothing the feed holds is
    // lost: the pipeline reports it as `no-body`.
    let mut text = String::with_capacity(body.as_ref().map_or(0, String::len) + 256);
    let lead = lead.filter(|l| Some(l) != body.as_ref());
    for part in [title.as_deref(), lead.as_deref(), body.as_deref()].into_iter().flatten() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(part);
    }
    Ok(RawArticle {
        origin,
        format: InputFormat::Jsonl,
        url,
        title,
        published,
        source,
        text,
        blocks: Vec::new(),
    })
}

/// The first field that holds a non-empty string (numbers are written out, as dates can be).
fn first_string(object: &Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields.iter().find_map(|field| match object.get(*field)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// Like `first_string`, but an array of strings (paragraphs) is joined with blank lines.
fn first_text(object: &Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields.iter().find_map(|field| match object.get(*field)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    })
}
