//! Tests for inputs: format detection, JSON Lines field mapping, WARC records, errors.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use model::InputFormat;

use crate::{Error, Input, expand, open};

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("khabar-ingest-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

fn read_all(path: &Path) -> Vec<Result<model::RawArticle, Error>> {
    open(&Input::File(path.to_owned())).expect("opens").collect()
}

#[test]
fn jsonl_maps_common_field_names() {
    let dir = TempDir::new("jsonl");
    let lines = concat!(
        r#"{"title": "عنوان", "content": "نص الخبر.", "url": "http://a.example/1", "date_publish": "2017-05-23 04:59:00"}"#,
        "\n",
        "\n",
        r#"{"title": "تیتر", "abstract": "خلاصه", "paragraphs": ["بند یک", " ", "بند دو"], "link": "http://b.example/2"}"#,
        "\n",
        r#"{"headline": "x", "maintext": "body", "date_extracted": "2015-07-21 02:51:32", "source": "okaz"}"#,
        "\n",
        "not json\n",
        r#"[1, 2]"#,
        "\n",
        r#"{"title": "no body here", "content": " "}"#,
        "\n",
        r#"{"url": "http://c.example/3", "content": ""}"#,
        "\n",
        r#"{"author": "x", "content": ""}"#,
        "\n",
        r#"{"text": "last one", "published": 1500000000}"#,
        "\n",
    );
    let path = dir.write("feed.jsonl.gz", &gzip(lines.as_bytes()));
    let got: Vec<String> = read_all(&path)
        .into_iter()
        .map(|it| match it {
            Ok(raw) => format!(
                "ok {} {:?} url={:?} date={:?} source={:?} text={:?}",
                raw.origin.rsplit('/').next().unwrap_or(""),
                raw.format,
                raw.url,
                raw.published,
                raw.source,
                raw.text
            ),
            Err(err) => {
                format!("err {} {}", err.reason(), err.to_string().rsplit('/').next().unwrap_or(""))
            }
        })
        .collect();
    expect_test::expect![[r#"
        [
            "ok feed.jsonl.gz#1 Jsonl url=Some(\"http://a.example/1\") date=Some(\"2017-05-23 04:59:00\") source=None text=\"عنوان\\n\\nنص الخبر.\"",
            "ok feed.jsonl.gz#3 Jsonl url=Some(\"http://b.example/2\") date=None source=None text=\"تیتر\\n\\nخلاصه\\n\\nبند یک\\n\\nبند دو\"",
            "ok feed.jsonl.gz#4 Jsonl url=None date=Some(\"2015-07-21 02:51:32\") source=Some(\"okaz\") text=\"x\\n\\nbody\"",
            "err bad json feed.jsonl.gz#5: not valid JSON: expected ident at line 1 column 2",
            "err bad json feed.jsonl.gz#6: a JSON array; khabar reads JSON Lines, one object a line",
            "ok feed.jsonl.gz#7 Jsonl url=None date=None source=None text=\"no body here\"",
            "ok feed.jsonl.gz#8 Jsonl url=Some(\"http://c.example/3\") date=None source=None text=\"\"",
            "err bad json feed.jsonl.gz#9: no article text: none of the fields content, text, body, maintext, article, article_text, paragraphs nor a title or URL is a non-empty string",
            "ok feed.jsonl.gz#10 Jsonl url=None date=Some(\"1500000000\") source=None text=\"last one\"",
        ]
    "#]]
    .assert_debug_eq(&got);
}

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

#[test]
fn warc_yields_html_responses_only() {
    let page = "<html><body><article><p>خبر من الأرشيف، مع نص كاف ليكون فقرة حقيقية في الصفحة.</p></article></body></html>";
    let chunked = format!("{:x}\r\n{page}\r\n0\r\n\r\n", page.len());
    let mut warc = Vec::new();
    warc.extend(gzip(&warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    )));
    warc.extend(gzip(&warc_record(
        "request",
        "http://a.example/",
        "application/http; msgtype=request",
        b"GET / HTTP/1.1\r\n\r\n",
    )));
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n{chunked}"
    );
    warc.extend(gzip(&warc_record(
        "response",
        "http://a.example/news",
        "application/http; msgtype=response",
        response.as_bytes(),
    )));
    let redirect = "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
    warc.extend(gzip(&warc_record(
        "response",
        "http://a.example/old",
        "application/http; msgtype=response",
        redirect.as_bytes(),
    )));
    let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\u{1}PNG";
    warc.extend(gzip(&warc_record(
        "response",
        "http://a.example/i.png",
        "application/http; msgtype=response",
        image.as_bytes(),
    )));
    let dir = TempDir::new("warc");
    let path = dir.write("crawl.warc.gz", &warc);
    let got = read_all(&path);
    assert_eq!(got.len(), 1, "one HTML response among five records");
    let raw = got.into_iter().next().expect("one").expect("reads");
    assert_eq!(raw.format, InputFormat::Warc);
    assert_eq!(raw.url.as_deref(), Some("http://a.example/news"));
    assert_eq!(raw.text, "خبر من الأرشيف، مع نص كاف ليكون فقرة حقيقية في الصفحة.");
    assert!(raw.origin.ends_with("crawl.warc.gz#3"), "origin {}", raw.origin);
}

#[test]
fn truncated_warc_is_an_error_not_a_hang() {
    let dir = TempDir::new("badwarc");
    let path = dir
        .write("bad.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort");
    let got = read_all(&path);
    assert_eq!(got.len(), 1);
    let err = got.into_iter().next().expect("one").expect_err("fails");
    assert_eq!(err.reason(), "bad warc");
    assert!(
        err.to_string().ends_with("malformed WARC: the file ends inside a record's content"),
        "{err}"
    );
}

#[test]
fn directories_expand_recursively_in_order() {
    let dir = TempDir::new("walk");
    dir.write("b/2.txt", "ب".as_bytes());
    dir.write("a.txt", "أ".as_bytes());
    dir.write("b/1.html", b"<p>x</p>");
    dir.write(".hidden.txt", b"x");
    dir.write("README.md", b"docs");
    let (inputs, errors) = expand(&[dir.0.clone(), dir.0.join("missing.txt")]);
    let names: Vec<String> = inputs
        .iter()
        .map(|i| i.name().trim_start_matches(&dir.0.display().to_string()).to_owned())
        .collect();
    assert_eq!(names, vec!["/a.txt", "/b/1.html", "/b/2.txt"]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].reason(), "unreadable");
}

#[test]
fn empty_binary_and_misencoded_files_fail_with_a_reason() {
    let dir = TempDir::new("bad");
    let empty = dir.write("empty.txt", b"");
    let binary = dir.write("photo.txt", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0]);
    let latin1 = dir.write("latin1.txt", b"caf\xe9 cr\xe8me br\xfbl\xe9e");
    let reasons: Vec<String> = [empty, binary, latin1]
        .iter()
        .map(|path| match open(&Input::File(path.clone())) {
            Err(err) => err.reason().to_owned(),
            Ok(mut articles) => match articles.next() {
                Some(Err(err)) => err.reason().to_owned(),
                other => format!("unexpected {other:?}"),
            },
        })
        .collect();
    assert_eq!(reasons, vec!["empty", "bad encoding", "bad encoding"]);
}

#[test]
fn sniffs_content_when_the_name_says_nothing() {
    let dir = TempDir::new("sniff");
    let html = dir.write("page", b"<!DOCTYPE html><html><body><p>hello there</p></body></html>");
    let text = dir.write("notes", "سطر أول\nسطر ثان".as_bytes());
    let formats: Vec<InputFormat> =
        [html, text].iter().map(|p| read_all(p).remove(0).expect("reads").format).collect();
    assert_eq!(formats, vec![InputFormat::Html, InputFormat::Text]);
}
