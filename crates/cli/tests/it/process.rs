//! `khabar process` on the bundled example corpus and on bad inputs.

use std::fmt::Write as _;

use expect_test::{expect, expect_file};
use serde_json::Value;

use crate::{TempDir, khabar};

fn documents(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("every line is a JSON object"))
        .collect()
}

/// Every span in a document slices its `text` on char boundaries, and the slices are what
/// the record says they are.
fn assert_spans_point_into_text(doc: &Value) {
    let text = doc["text"].as_str().expect("text");
    let slice = |span: &Value| -> &str {
        let start = span[0].as_u64().expect("start") as usize;
        let end = span[1].as_u64().expect("end") as usize;
        text.get(start..end)
            .unwrap_or_else(|| panic!("span {start}..{end} off a char boundary or out of bounds"))
    };
    for p in doc["paragraphs"].as_array().expect("paragraphs") {
        assert_eq!(slice(&p["span"]), p["text"].as_str().expect("paragraph text"));
        for s in p["sentences"].as_array().expect("sentences") {
            assert!(!slice(&s["span"]).trim().is_empty(), "empty sentence");
        }
    }
    for c in doc["chrome"].as_array().expect("chrome") {
        assert_eq!(slice(&c["span"]), c["text"].as_str().expect("chrome text"));
    }
    for d in doc["dates"].as_array().expect("dates") {
        assert_eq!(slice(&d["span"]), d["text"].as_str().expect("date text"));
    }
    for e in doc["entities"].as_array().expect("entities") {
        assert_eq!(slice(&e["span"]), e["text"].as_str().expect("entity text"));
    }
    let entities = doc["entities"].as_array().expect("entities");
    for e in doc["events"].as_array().expect("events") {
        assert_eq!(slice(&e["trigger"]["span"]), e["trigger"]["text"].as_str().expect("trigger"));
        assert!(!slice(&e["sentence"]).is_empty(), "empty event sentence");
        for p in e["actors"].as_array().into_iter().chain(e["recipients"].as_array()).flatten() {
            let idx = p["entity"].as_u64().expect("entity index") as usize;
            assert_eq!(entities[idx]["text"], p["text"], "a participant names its entity");
        }
    }
    if let Some(span) = doc["title"]["span"].as_array() {
        let title = doc["title"]["text"].as_str().expect("title text");
        let at = slice(&Value::Array(span.clone()));
        assert_eq!(at.split_whitespace().count(), title.split_whitespace().count());
    }
}

#[test]
fn example_corpus_titles_languages_and_furniture() {
    let out = khabar(&["process", "examples/corpus", "--quiet"], b"");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.stderr.is_empty(),
        "--quiet prints nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut dump = String::new();
    for doc in documents(&out.stdout) {
        assert_eq!(doc["schema"], "khabar.document/1");
        assert_spans_point_into_text(&doc);
        let origin = doc["origin"].as_str().expect("origin").trim_start_matches("examples/corpus/");
        let _ = writeln!(
            dump,
            "{origin} {} {} lang={} paragraphs={}",
            doc["format"].as_str().expect("format"),
            doc["id"].as_str().expect("id"),
            doc["lang"]["code"].as_str().expect("lang"),
            doc["paragraphs"].as_array().expect("paragraphs").len()
        );
        let _ = writeln!(dump, "  title: {}", doc["title"]["text"].as_str().unwrap_or("-"));
        let published = &doc["published"];
        let when = ["utc", "local", "date", "weekday"]
            .iter()
            .find_map(|k| published[*k].as_str())
            .unwrap_or("-");
        let _ = writeln!(
            dump,
            "  published: {when} ({})",
            published["provenance"].as_str().unwrap_or("none")
        );
        for source in doc["sources"].as_array().expect("sources") {
            let _ = writeln!(
                dump,
                "  source: {} {} ({}) {}",
                source["role"].as_str().expect("role"),
                source["outlet"].as_str().expect("outlet"),
                source["evidence"].as_str().expect("evidence"),
                source["text"].as_str().unwrap_or("-")
            );
        }
        for date in doc["dates"].as_array().expect("dates") {
            let _ = writeln!(
                dump,
                "  date: {} [{}] -> {}",
                date["text"].as_str().expect("date text"),
                date["kind"].as_str().expect("kind"),
                date["date"].as_str().or(date["weekday"].as_str()).unwrap_or("-")
            );
        }
        for c in doc["chrome"].as_array().expect("chrome") {
            let _ = writeln!(
                dump,
                "  {}: {}",
                c["kind"].as_str().expect("kind"),
                c["text"].as_str().expect("text")
            );
        }
    }
    expect_file!["examples.golden"].assert_eq(&dump);
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let dir = TempDir::new("bad");
    let good = dir.write(
        "good.txt",
        "عنوان الخبر\n\nوقال الوزير في مؤتمر صحفي اليوم إن المحادثات كانت بناءة ومثمرة.\n"
            .as_bytes(),
    );
    let feed = dir.write(
        "feed.jsonl",
        "{\"title\": \"t\", \"content\": \"نص كامل للخبر هنا.\"}\n{broken\n".as_bytes(),
    );
    let binary = dir.write("photo.txt", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 0]);
    let missing = dir.0.join("missing.txt").display().to_string();
    let out = khabar(&["process", &good, &feed, &binary, &missing], b"");
    assert_eq!(out.status.code(), Some(2), "a failure makes the exit code 2");
    assert_eq!(documents(&out.stdout).len(), 2, "the good page and the good feed line are written");
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&dir.0.display().to_string(), "DIR");
    expect![[r#"
        DIR/missing.txt: cannot read: No such file or directory (os error 2)
        DIR/feed.jsonl#2: not valid JSON: key must be a string at line 1 column 2
        DIR/photo.txt: binary data, not text
        khabar: 4 inputs, 2 articles read, 2 documents written, 3 failed (bad encoding: 1, bad json: 1, unreadable: 1)
    "#]]
    .assert_eq(&stderr);
}

#[test]
fn reads_stdin_and_writes_the_out_file() {
    let dir = TempDir::new("out");
    let out_path = dir.0.join("docs.jsonl").display().to_string();
    let page = "Iran and Oman discuss Yemen\n\nMUSCAT (Reuters) - The foreign ministers of Iran and Oman met on Sunday and discussed the war in Yemen, officials said.\n";
    let out = khabar(&["process", "-", "--out", &out_path, "--quiet"], page.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "documents go to the file, not stdout");
    let written = std::fs::read(&out_path).expect("the out file exists");
    let docs = documents(&written);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["origin"], "-");
    assert_eq!(docs[0]["lang"]["code"], "en");
    assert_eq!(docs[0]["title"]["text"], "Iran and Oman discuss Yemen");
    assert!(
        !std::path::Path::new(&format!("{out_path}.partial")).exists(),
        "no partial file is left"
    );
}

#[test]
fn nothing_to_read_exits_one() {
    let dir = TempDir::new("empty");
    let out = khabar(&["process", &dir.0.display().to_string()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "khabar: 0 inputs, 0 articles read, 0 documents written\n"
    );
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let one = khabar(&["process", "examples/corpus", "--quiet", "--jobs", "1"], b"");
    let two = khabar(&["process", "examples/corpus", "--quiet", "--jobs", "2"], b"");
    assert_eq!(one.status.code(), Some(0));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

/// An Arabic page naming a person the knowledge base does not know, after a title.
const NEW_MINISTER_PAGE: &str = "زيارة وزير الخارجية الماليزي\n\nوصل وزير الخارجية الماليزي سيف الدين عبد الله الى طهران اليوم والتقى الرئيس الايراني حسن روحاني.\nوقال عبد الله ان بلاده تدعم الحوار.\n";

#[test]
fn actors_lists_new_persons_and_a_user_table_makes_them_known() {
    let dir = TempDir::new("actors");
    let page = dir.write("page.txt", NEW_MINISTER_PAGE.as_bytes());
    let out = khabar(&["actors", &page, "--quiet"], b"");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    expect![[r#"
        name	count	country	sector	context
        سيف الدين عبد الله	2	MYS	GOV	وصل وزير الخارجية الماليزي سيف الدين عبد الله الى طهران اليوم والتقى الرئيس
    "#]].assert_eq(&String::from_utf8_lossy(&out.stdout));

    let table = dir.write(
        "mine.tsv",
        "id\tnames_en\tnames_ar\tnames_fa\toffices\twikidata\nabdullah_saifuddin\tSaifuddin Abdullah\tسيف الدين عبد الله\t\tforeign_minister@MYS:2021-2022\t\n"
            .as_bytes(),
    );
    let out = khabar(&["process", &page, "--actors", &table, "--quiet"], b"");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let docs = documents(&out.stdout);
    assert_spans_point_into_text(&docs[0]);
    let persons: Vec<String> = docs[0]["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter(|e| e["kind"] == "person")
        .map(|e| format!("{} {} {} {}", e["text"], e["actor"], e["country"], e["evidence"]))
        .collect();
    expect![[r#"
        [
            "\"سيف الدين عبد الله\" \"abdullah_saifuddin\" \"MYS\" \"name\"",
            "\"حسن روحاني\" \"rouhani_hassan\" \"IRN\" \"name\"",
            "\"عبد الله\" \"abdullah_saifuddin\" \"MYS\" \"short-form\"",
        ]
    "#]]
    .assert_debug_eq(&persons);
}

#[test]
fn the_persons_table_of_khabar_actors_goes_back_in_with_actors() {
    let dir = TempDir::new("actors-persons");
    let dated = NEW_MINISTER_PAGE.replacen("\n\n", "\n\nالثلاثاء ٢٣ مايو ٢٠١٧\n\n", 1);
    let page = dir.write("page.txt", dated.as_bytes());
    let out = khabar(&["actors", &page, "--quiet", "--format", "persons"], b"");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    let rows: Vec<&str> = table.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        rows,
        [
            "id\tnames_en\tnames_ar\tnames_fa\toffices\twikidata",
            "new_defc6699\t\tسيف الدين عبد الله\t\tforeign_minister@MYS:2017-2017\t",
        ]
    );
    let table = dir.write("new.tsv", table.as_bytes());
    let out = khabar(&["process", &page, "--actors", &table, "--quiet"], b"");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let docs = documents(&out.stdout);
    let linked: Vec<String> = docs[0]["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter(|e| e["kind"] == "person")
        .map(|e| format!("{} {} {}", e["text"], e["actor"], e["is_new"]))
        .collect();
    assert_eq!(
        linked,
        [
            "\"سيف الدين عبد الله\" \"new_defc6699\" false",
            "\"حسن روحاني\" \"rouhani_hassan\" false",
            "\"عبد الله\" \"new_defc6699\" false",
        ]
    );
}

#[test]
fn a_bad_actor_table_is_an_error() {
    let dir = TempDir::new("bad-actors");
    let page = dir.write("page.txt", NEW_MINISTER_PAGE.as_bytes());
    let table = dir.write("bad.tsv", b"id\tname\nx\tX\n");
    let out = khabar(&["process", &page, "--actors", &table, "--quiet"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not an actor table: line 1"),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn events_name_their_trigger_and_participants() {
    let page = "شمخاني يلتقي الأسد\n\nالتقى أمين المجلس الأعلى للأمن القومي الإيراني علي شمخاني اليوم في دمشق بالرئيس السوري بشار الأسد وبحث معه العلاقات الثنائية بين البلدين.\n";
    let out = khabar(&["process", "-", "--quiet"], page.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let docs = documents(&out.stdout);
    assert_spans_point_into_text(&docs[0]);
    let mut got = String::new();
    for e in docs[0]["events"].as_array().expect("events") {
        let names = |key: &str| -> Vec<String> {
            e[key].as_array().expect("participants").iter().map(|p| p["text"].to_string()).collect()
        };
        let _ = writeln!(
            got,
            "{} {} {} {} {:?} -> {:?} negated={} modality={}",
            e["type"],
            e["mode"],
            e["quad_class"],
            e["trigger"]["text"],
            names("actors"),
            names("recipients"),
            e["is_negated"],
            e["modality"]
        );
    }
    expect![[r#"
        "CONSULT" "meet" "verbal-cooperation" "التقى" ["\"علي شمخاني\""] -> ["\"بشار الأسد\""] negated=false modality=null
    "#]].assert_eq(&got);
}
