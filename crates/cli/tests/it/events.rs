//! `khabar events`: the four export formats on a team-written report.

use crate::khabar;

/// A Persian report dated in its header: a meeting in Tehran and a denied one.
const PAGE: &str = "شمخانی با وزیر خارجه سوریه دیدار کرد\n\n16:35 - 28 دی 1395\n\nعلی شمخانی دبیر شورای عالی امنیت ملی امروز در تهران با ولید المعلم وزیر امور خارجه سوریه دیدار کرد.\n\nشمخانی با وزیر دفاع ترکیه دیدار نکرد.\n";

fn run(format: &str, extra: &[&str]) -> String {
    let mut args = vec!["events", "-", "--quiet", "--format", format];
    args.extend_from_slice(extra);
    let out = khabar(&args, PAGE.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn plover_records_carry_actor_recipient_place_date_and_offsets() {
    let out = run("plover", &[]);
    let records: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("one JSON object a line")).collect();
    // The denied meeting (`دیدار نکرد`) is no event.
    assert_eq!(records.len(), 1, "{out}");
    let r = &records[0];
    assert_eq!(r["event"], "CONSULT");
    assert_eq!(r["actor"]["actor_id"], "shamkhani_ali");
    assert_eq!(r["actor"]["country"], "IRN");
    assert_eq!(r["recipient"]["text"], "ولید المعلم");
    assert_eq!(r["event_loc"]["name"], "تهران");
    assert_eq!(r["event_loc"]["country"], "IRN");
    assert_eq!(r["date"], "2017-01-17");
    assert_eq!(r["date_how"], "sentence");
    let (start, end) = (
        r["text_info"]["trigger_start"].as_u64().expect("offset") as usize,
        r["text_info"]["trigger_end"].as_u64().expect("offset") as usize,
    );
    assert_eq!(&PAGE[start..end], r["text_info"]["trigger_text"].as_str().expect("text"));
    let (s, e) = (
        r["text_info"]["start"].as_u64().expect("offset") as usize,
        r["text_info"]["end"].as_u64().expect("offset") as usize,
    );
    assert_eq!(&PAGE[s..e], r["event_text"].as_str().expect("text"));
}

#[test]
fn include_negated_adds_the_denied_meeting_marked_so() {
    let out = run("plover", &["--include-negated"]);
    let negated: Vec<bool> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["is_negated"] == true)
        .collect();
    assert_eq!(negated, [false, true]);
    let contexts: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON")["context"].clone())
        .collect();
    assert_eq!(contexts, [serde_json::json!([]), serde_json::json!(["negation"])]);
}

#[test]
fn csv_and_json_hold_the_same_flat_records() {
    let csv = run("csv", &[]);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 2, "a header and one event: {csv}");
    assert!(lines[0].starts_with("event_id,doc_id,date,weekday,date_how,type,mode,cameo,"));
    let json: serde_json::Value = serde_json::from_str(&run("json", &[])).expect("one JSON array");
    let rows = json.as_array().expect("array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["type"], "CONSULT");
    assert_eq!(rows[0]["place"], "تهران");
    assert_eq!(rows[0]["date"], "2017-01-17");
    assert_eq!(rows[0]["is_negated"], false);
    let header: Vec<&str> = lines[0].split(',').collect();
    let keys: Vec<&str> = rows[0].as_object().expect("object").keys().map(String::as_str).collect();
    let mut sorted_header = header.clone();
    sorted_header.sort_unstable();
    let mut sorted_keys = keys;
    sorted_keys.sort_unstable();
    assert_eq!(sorted_header, sorted_keys);
}

#[test]
fn gdelt_rows_have_every_column_and_character_offsets() {
    let out = run("gdelt", &[]);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].len(), rows[1].len());
    let col = |name: &str| rows[0].iter().position(|c| *c == name).expect("column");
    let row = &rows[1];
    assert_eq!(row[col("SQLDATE")], "20170117");
    assert_eq!(row[col("Actor1Code")], "IRNGOV");
    assert_eq!(row[col("EventRootCode")], "04");
    assert_eq!(row[col("QuadClass")], "1");
    assert_eq!(row[col("ActionGeo_FullName")], "تهران");
    // GDELT counts characters; the byte offsets stand in their own columns.
    let trigger_byte: usize = row[col("TriggerByteStart")].parse().expect("number");
    let action_char: usize = row[col("ActionCharOffset")].parse().expect("number");
    assert_eq!(PAGE[..trigger_byte].chars().count(), action_char);
}

#[test]
fn a_user_trigger_table_adds_forms_without_a_rebuild() {
    let dir = crate::TempDir::new("triggers");
    let page = "Russian President Vladimir Putin shook hands with Turkish President Recep Tayyip Erdogan in Sochi on Friday.\n";
    let input = dir.write("page.txt", page.as_bytes());
    let table = dir.write(
        "mine.tsv",
        "event\tmode\tcameo\tlang\tforms\tactor\trecipient\tnotes\nCONSULT\tmeet\t04\ten\tshook hands with\tsubject\tobject\ta greeting at a meeting\n"
            .as_bytes(),
    );
    let without = khabar(&["events", &input, "--quiet"], b"");
    assert_eq!(without.status.code(), Some(0));
    assert!(
        without.stdout.is_empty(),
        "no shipped form matches: {}",
        String::from_utf8_lossy(&without.stdout)
    );
    let with = khabar(&["events", &input, "--quiet", "--triggers", &table], b"");
    assert_eq!(with.status.code(), Some(0), "{}", String::from_utf8_lossy(&with.stderr));
    let record: serde_json::Value = serde_json::from_slice(&with.stdout).expect("one record");
    assert_eq!(record["event"], "CONSULT");
    assert_eq!(record["actor"]["actor_id"], "putin_vladimir");
    assert_eq!(record["recipient"]["actor_id"], "erdogan_recep_tayyip");
    assert_eq!(record["event_loc"]["name"], "Sochi");
}

#[test]
fn a_bad_trigger_table_is_an_error_that_names_the_line() {
    let dir = crate::TempDir::new("bad-triggers");
    let input = dir.write("page.txt", PAGE.as_bytes());
    let table = dir.write(
        "bad.tsv",
        "event\tmode\tcameo\tlang\tforms\tactor\trecipient\tnotes\nMEET\t\t04\ten\tgreeted\tsubject\tobject\t\n".as_bytes(),
    );
    let out = khabar(&["events", &input, "--quiet", "--triggers", &table], b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.tsv: not a trigger or cue table: line 2: unknown event type \"MEET\""),
        "{stderr}"
    );
}

#[test]
fn an_unnamed_group_is_the_actor_with_no_id() {
    let page = "Attack near the capital\n\nGunmen killed five civilians near Kabul on Monday.\n";
    let out = khabar(&["events", "-", "--quiet"], page.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one record");
    assert_eq!(record["event"], "ASSAULT");
    assert_eq!(record["actor"]["text"], "Gunmen");
    assert_eq!(record["actor"]["actor_id"], serde_json::Value::Null);
    assert_eq!(record["recipient"]["text"], "civilians");
    let [start, end] =
        [0, 1].map(|i| record["actor"]["span"][i].as_u64().expect("offset") as usize);
    assert_eq!(&page[start..end], "Gunmen");
}
