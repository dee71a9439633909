//! The dates evaluation: calendar tables, the seed pages, Fars News publication dates and SaudiNewsNet relative days.
#![allow(clippy::disallowed_methods, reason = "the evaluation reads the shared data files")]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use model::when::{
    Calendar, CivilDate, DateAnchor, DateMention, MentionKind, Moment, Published, Weekday, Zone,
};
use pipeline::calendar::{self, Ymd};
use pipeline::dates;

/// Runs every dates check against the data under `shared` (the `../shared` folder) and returns
/// a printable report.
///
/// Fails on the first calendar disagreement, on a seed page whose expected dates do not come
/// out, and on missing or unreadable data (naming the path).
pub(crate) fn run(shared: &Path) -> anyhow::Result<String> {
    let mut report = String::new();
    let calendars = shared.join("data/gold/calendars");
    report.push_str(&check_calendar_csv(&calendars.join("gregorian-jalali-hijri.csv"))?);
    for name in [
        "kfupm_comparison_calendar.json",
        "ummalqura_calendar_website.json",
        "ummalqura_newspaper_issues.json",
    ] {
        report.push_str(&check_hijri_fixtures(&calendars.join(name))?);
    }
    report.push_str(&check_seeds(&shared.join("seeds"))?);
    report.push_str(&fars(&shared.join("data/corpus/farsnews.jsonl.gz"))?);
    report.push_str(&saudi(&shared.join("data/corpus/saudinewsnet.jsonl.gz"))?);
    Ok(report)
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

fn parse_ymd(text: &str) -> Option<Ymd> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some(Ymd { year, month, day })
}

fn civil(ymd: Ymd) -> Option<CivilDate> {
    CivilDate::new(ymd.year, ymd.month, ymd.day)
}

/// Checks both directions of every row: Gregorian ↔ Jalali, and Gregorian ↔ Umm al-Qura where
/// the table gives a Hijri date (elsewhere the result must be flagged arithmetic).
fn check_calendar_csv(path: &Path) -> anyhow::Result<String> {
    let text = read(path)?;
    let (mut n_rows, mut n_hijri, mut n_arithmetic) = (0, 0, 0);
    for (line_idx, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("gregorian") || line.is_empty() {
            continue;
        }
        let at = || format!("{}:{}: {line}", path.display(), line_idx + 1);
        let fields: Vec<&str> = line.split(',').collect();
        let [gregorian, jalali, hijri] = fields[..] else {
            bail!("{}: expected three fields", at());
        };
        let day = parse_ymd(gregorian)
            .and_then(civil)
            .with_context(|| format!("{}: bad gregorian date", at()))?;
        let jalali = parse_ymd(jalali).with_context(|| format!("{}: bad jalali date", at()))?;
        let got = calendar::from_gregorian(Calendar::Jalali, day).map(|(it, _)| it);
        if got != Some(jalali) {
            bail!("{}: gregorian to jalali gives {got:?}", at());
        }
        let back = calendar::to_gregorian(Calendar::Jalali, jalali).map(|(it, _)| it);
        if back != Some(day) {
            bail!("{}: jalali to gregorian gives {back:?}", at());
        }
        let got = calendar::from_gregorian(Calendar::HijriUmmAlQura, day);
        if hijri.is_empty() {
            if !matches!(got, Some((_, Calendar::HijriArithmetic))) {
                bail!(
                    "{}: outside the umm al-qura table, but hijri conversion gives {got:?}",
                    at()
                );
            }
            n_arithmetic += 1;
        } else {
            let hijri = parse_ymd(hijri).with_context(|| format!("{}: bad hijri date", at()))?;
            if got != Some((hijri, Calendar::HijriUmmAlQura)) {
                bail!("{}: gregorian to hijri gives {got:?}", at());
            }
            let back = calendar::to_gregorian(Calendar::HijriUmmAlQura, hijri);
            if back != Some((day, Calendar::HijriUmmAlQura)) {
                bail!("{}: hijri to gregorian gives {back:?}", at());
            }
            n_hijri += 1;
        }
        n_rows += 1;
    }
    if n_rows == 0 {
        bail!("{}: no rows", path.display());
    }
    Ok(format!(
        "calendar table: {n_rows}/{n_rows} rows agree (jalali both ways); umm al-qura {n_hijri}/{n_hijri} both ways; {n_arithmetic} rows outside the table flagged arithmetic\n"
    ))
}

/// Checks every `[[hijri], [gregorian]]` pair of a hijridate fixture file, both ways.
fn check_hijri_fixtures(path: &Path) -> anyhow::Result<String> {
    let text = read(path)?;
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let triple = |value: &serde_json::Value| -> Option<Ymd> {
        let parts = value.as_array()?;
        Some(Ymd {
            year: i32::try_from(parts.first()?.as_i64()?).ok()?,
            month: u8::try_from(parts.get(1)?.as_i64()?).ok()?,
            day: u8::try_from(parts.get(2)?.as_i64()?).ok()?,
        })
    };
    for (idx, item) in items.iter().enumerate() {
        let pair =
            item.get(0).with_context(|| format!("{} item {idx}: no pair", path.display()))?;
        let (Some(hijri), Some(day)) =
            (pair.get(0).and_then(triple), pair.get(1).and_then(triple).and_then(civil))
        else {
            bail!("{} item {idx}: expected [[y, m, d], [y, m, d]], got {pair}", path.display());
        };
        let got = calendar::to_gregorian(Calendar::HijriUmmAlQura, hijri);
        if got != Some((day, Calendar::HijriUmmAlQura)) {
            bail!(
                "{} item {idx}: hijri {hijri} to gregorian gives {got:?}, expected {day}",
                path.display()
            );
        }
        let back = calendar::from_gregorian(Calendar::HijriUmmAlQura, day);
        if back != Some((hijri, Calendar::HijriUmmAlQura)) {
            bail!(
                "{} item {idx}: gregorian {day} to hijri gives {back:?}, expected {hijri}",
                path.display()
            );
        }
    }
    let name = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(format!("{name}: {n}/{n} fixtures agree both ways\n", n = items.len()))
}

fn show_moment(published: &Published) -> String {
    let moment = match published.moment {
        Moment::Utc { utc, local, zone } => format!("{utc} UTC (local {local} {zone:?})"),
        Moment::Local(local) => format!("{local} local, zone unknown"),
        Moment::Day(day) => format!("{day}"),
        Moment::Partial(partial) => {
            let mut parts = Vec::new();
            if let Some(year) = partial.written.year {
                parts.push(format!("year {year}"));
            }
            if let Some(month) = partial.written.month {
                parts.push(format!("month {month}"));
            }
            if let Some(day) = partial.written.day {
                parts.push(format!("day {day}"));
            }
            if let Some(weekday) = partial.weekday {
                parts.push(format!("a {}", weekday.name()));
            }
            format!("only {} ({})", parts.join(", "), partial.calendar.name())
        }
    };
    format!("{moment} [{}] {:?}", published.provenance.name(), published.original)
}

/// The local weekday of a publication moment, when it has one.
fn local_weekday(moment: &Moment) -> Option<Weekday> {
    match *moment {
        Moment::Utc { local, .. } | Moment::Local(local) => Some(local.date.weekday()),
        Moment::Day(day) => Some(day.weekday()),
        Moment::Partial(partial) => partial.weekday,
    }
}

/// Runs the seed pages and checks the dates issue 3 states for them.
fn check_seeds(dir: &Path) -> anyhow::Result<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .with_context(|| format!("listing {}", dir.display()))?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let mut out = String::from("seeds (outlet zone Tehran):\n");
    let mut n_ok = 0;
    for path in &paths {
        let text = read(path)?;
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let found = dates::published(None, &text, Some(Zone::Tehran));
        let anchor = found.as_ref().and_then(Published::anchor);
        let (mentions, diagnostics) = dates::extract(&text, anchor);
        let today: Vec<&DateMention> = mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Relative { days: 0 } && m.weekday.is_some())
            .collect();
        let meeting = today.first().map(|m| {
            let day = m.gregorian.map_or_else(|| "no date".to_owned(), |d| d.to_string());
            format!(
                "{:?} = {day}, a {}",
                &text[m.span.range()],
                m.weekday.map_or("?", Weekday::name)
            )
        });
        let _ = writeln!(
            out,
            "  {name}: published {}; meeting {}; {} mentions, {} diagnostics",
            found.as_ref().map_or_else(|| "none".to_owned(), show_moment),
            meeting.as_deref().unwrap_or("none"),
            mentions.len(),
            diagnostics.len()
        );
        let utc = |y, mo, d, h, mi| match found.as_ref().map(|p| p.moment) {
            Some(Moment::Utc { utc, .. }) => {
                utc.date == CivilDate { year: y, month: mo, day: d }
                    && (utc.time.hour, utc.time.minute) == (h, mi)
            }
            _ => false,
        };
        let weekday = found.as_ref().and_then(|p| local_weekday(&p.moment));
        let is_meeting_on = |want: Weekday, date: Option<CivilDate>| {
            today.first().is_some_and(|m| m.weekday == Some(want) && m.gregorian == date)
        };
        let is_ok = if name.starts_with("002_") {
            utc(2017, 5, 23, 4, 59) && weekday == Some(Weekday::Tuesday)
        } else if name.starts_with("003_") {
            utc(2017, 1, 8, 3, 46) && weekday == Some(Weekday::Sunday)
        } else if name.starts_with("004_") {
            utc(2017, 1, 17, 13, 5) && is_meeting_on(Weekday::Tuesday, CivilDate::new(2017, 1, 17))
        } else if name.starts_with("000_") || name.starts_with("001_") {
            let is_sunday_only = matches!(
                found.as_ref().map(|p| p.moment),
                Some(Moment::Partial(partial)) if partial.weekday == Some(Weekday::Sunday) && partial.written == Default::default()
            );
            is_sunday_only && is_meeting_on(Weekday::Sunday, None)
        } else {
            true
        };
        if !is_ok {
            bail!("seed {name}: the dates do not match issue 3's expectations:\n{out}");
        }
        n_ok += 1;
    }
    if n_ok == 0 {
        bail!("{}: no seed pages", dir.display());
    }
    let _ = writeln!(out, "  {n_ok}/{} seeds as expected", paths.len());
    Ok(out)
}

/// Reads a gzip JSON Lines file, calling `each` with every object.
fn each_json_line(path: &Path, mut each: impl FnMut(&serde_json::Value)) -> anyhow::Result<usize> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let reader = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut n_lines = 0;
    for (idx, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("reading {} line {}", path.display(), idx + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("parsing {} line {}", path.display(), idx + 1))?;
        each(&value);
        n_lines += 1;
    }
    Ok(n_lines)
}

/// The Solar Hijri date a Fars News id starts with: `8707060255` → 1387-07-06,
/// `13911222000865` → 1391-12-22.
fn fars_id_date(link: &str) -> Option<Ymd> {
    let id = link.split("/news/").nth(1)?.split('/').next()?;
    if !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |range: std::ops::Range<usize>| id.get(range)?.parse::<i32>().ok();
    let (year, rest) = match id.len() {
        10 => (1300 + num(0..2)?, 2),
        14 => (num(0..4)?, 4),
        _ => return None,
    };
    let ymd = Ymd {
        year,
        month: u8::try_from(num(rest..rest + 2)?).ok()?,
        day: u8::try_from(num(rest + 2..rest + 4)?).ok()?,
    };
    calendar::to_gregorian(Calendar::Jalali, ymd).map(|_| ymd)
}

/// Whether a publication moment agrees with the Solar Hijri day `want`: every part it gives
/// (date, or the parts and weekday of a partial date) must match.
fn agrees_with(moment: &Moment, want: Ymd) -> bool {
    let Some((want_day, _)) = calendar::to_gregorian(Calendar::Jalali, want) else {
        return false;
    };
    match *moment {
        Moment::Utc { local, .. } | Moment::Local(local) => local.date == want_day,
        Moment::Day(day) => day == want_day,
        Moment::Partial(partial) => {
            let Some((ymd, _)) = calendar::from_gregorian(partial.calendar, want_day) else {
                return false;
            };
            partial.written.year.is_none_or(|y| y == ymd.year)
                && partial.written.month.is_none_or(|m| m == ymd.month)
                && partial.written.day.is_none_or(|d| d == ymd.day)
                && partial.weekday.is_none_or(|w| w == want_day.weekday())
        }
    }
}

fn moment_kind(moment: &Moment) -> &'static str {
    match moment {
        Moment::Utc { .. } => "date and time, utc",
        Moment::Local(_) => "date and time, local",
        Moment::Day(_) => "day",
        Moment::Partial(p) if p.written.day.is_some() => "day and month, no year",
        Moment::Partial(p) if p.written != Default::default() => "other partial date",
        Moment::Partial(_) => "weekday only",
    }
}

/// Fars News: the publication date found in the text against the date in the news id.
fn fars(path: &Path) -> anyhow::Result<String> {
    let mut n_records = 0;
    let mut n_no_id = 0;
    // (provenance, kind) -> (found, agree)
    let mut by_kind: BTreeMap<(&'static str, &'static str), (usize, usize)> = BTreeMap::new();
    let mut disagreements: Vec<String> = Vec::new();
    each_json_line(path, |record| {
        n_records += 1;
        let link = record.get("link").and_then(|v| v.as_str()).unwrap_or("");
        let Some(want) = fars_id_date(link) else {
            n_no_id += 1;
            return;
        };
        let field = |name: &str| record.get(name).and_then(|v| v.as_str()).unwrap_or("").to_owned();
        let mut text = format!("{}\n{}\n", field("title"), field("abstract"));
        for paragraph in record.get("paragraphs").and_then(|v| v.as_array()).into_iter().flatten() {
            text.push_str(paragraph.as_str().unwrap_or(""));
            text.push('\n');
        }
        let Some(found) = dates::published(None, &text, Some(Zone::Tehran)) else {
            return;
        };
        let is_agreed = agrees_with(&found.moment, want);
        let entry =
            by_kind.entry((found.provenance.name(), moment_kind(&found.moment))).or_default();
        entry.0 += 1;
        entry.1 += usize::from(is_agreed);
        if !is_agreed && disagreements.len() < 8 {
            disagreements.push(format!("    id {want}: {}", show_moment(&found)));
        }
    })?;
    let n_dated = n_records - n_no_id;
    let n_found: usize = by_kind.values().map(|v| v.0).sum();
    let n_agree: usize = by_kind.values().map(|v| v.1).sum();
    let mut out = format!(
        "fars news: {n_records} records, {n_dated} with a dated id; a publication date found in {n_found} texts, {n_agree} of them agree with the id\n"
    );
    for ((provenance, kind), (found, agree)) in &by_kind {
        let _ = writeln!(out, "  {provenance}, {kind}: {found} found, {agree} agree");
    }
    if !disagreements.is_empty() {
        out.push_str("  first disagreements:\n");
        for line in &disagreements {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// SaudiNewsNet: weekdays named with a relative day (`اليوم (الاثنين)`, `أمس الأحد`) against
/// the day `date_extracted` gives.
fn saudi(path: &Path) -> anyhow::Result<String> {
    let mut n_records = 0;
    let mut n_docs_found = 0;
    // Keyed by (bracketed, named weekday minus resolved weekday in -3..=3).
    let mut offsets: BTreeMap<(bool, i64), usize> = BTreeMap::new();
    let mut n_bad_date = 0;
    let mut n_conflicts = 0;
    let mut mismatches: Vec<String> = Vec::new();
    each_json_line(path, |record| {
        n_records += 1;
        let date_extracted = record.get("date_extracted").and_then(|v| v.as_str()).unwrap_or("");
        let Some(day) = date_extracted.get(..10).and_then(parse_ymd).and_then(civil) else {
            n_bad_date += 1;
            return;
        };
        let content = record.get("content").and_then(|v| v.as_str()).unwrap_or("");
        // Without an anchor, a mention's weekday is the named one.
        let (mentions, _) = dates::extract(content, None);
        let mut is_found = false;
        for mention in &mentions {
            let (MentionKind::Relative { days }, Some(named)) = (mention.kind, mention.weekday)
            else {
                continue;
            };
            is_found = true;
            let resolved = day.add_days(i64::from(days)).weekday();
            let mut diff = (i64::from(named.index()) - i64::from(resolved.index())).rem_euclid(7);
            if diff > 3 {
                diff -= 7;
            }
            let is_bracketed = content[mention.span.range()].contains('(');
            *offsets.entry((is_bracketed, diff)).or_default() += 1;
        }
        n_docs_found += usize::from(is_found);
        if is_found {
            // Anchored on the same day, each disagreement must come back as a diagnostic.
            let (anchored, diagnostics) = dates::extract(content, Some(DateAnchor::Date(day)));
            for mention in &anchored {
                let (MentionKind::Relative { days }, Some(named)) = (mention.kind, mention.weekday)
                else {
                    continue;
                };
                // A weekday that is not the counted day's, or a written date that is not the counted
                // day (`اليوم الاثنين 4/10/1436` read a day later).
                let is_diagnosed = diagnostics.iter().any(|d| {
                    matches!(d.code, "weekday-conflict" | "date-conflict")
                        && d.span == Some(mention.span)
                });
                if !mentions.iter().any(|m| m.span == mention.span && m.weekday.is_some()) {
                    continue;
                }
                let is_off = day.add_days(i64::from(days)).weekday() != named;
                n_conflicts += usize::from(is_diagnosed);
                if is_diagnosed != is_off && mismatches.len() < 5 {
                    mismatches.push(format!(
                        "{date_extracted}: {:?} diagnosed {is_diagnosed}",
                        &content[mention.span.range()]
                    ));
                }
            }
        }
    })?;
    let count = |bracketed: Option<bool>, diff: Option<i64>| -> usize {
        offsets
            .iter()
            .filter(|((b, d), _)| {
                bracketed.is_none_or(|it| it == *b) && diff.is_none_or(|it| it == *d)
            })
            .map(|(_, n)| n)
            .sum()
    };
    let mut out = format!(
        "saudinewsnet: {n_records} records ({n_bad_date} without a usable date_extracted); {n_docs_found} texts name a weekday with a relative day\n"
    );
    for (label, bracketed) in [
        ("bracketed, as `اليوم (الاثنين)`", Some(true)),
        ("unbracketed, as `أمس الأحد`", Some(false)),
        ("all", None),
    ] {
        let found = count(bracketed, None);
        let agree = count(bracketed, Some(0));
        let day_before = count(bracketed, Some(-1));
        let _ = writeln!(
            out,
            "  {label}: {found} found, {agree} agree with date_extracted ({:.1}%), {day_before} name the day before, {} further off",
            percent(agree, found),
            found - agree - day_before
        );
    }
    let n_disagree = count(None, None) - count(None, Some(0));
    let _ = writeln!(
        out,
        "  anchored on date_extracted, extract diagnoses {n_conflicts} of them (weekday-conflict or date-conflict), the {n_disagree} that disagree"
    );
    if n_conflicts != n_disagree {
        bail!(
            "saudinewsnet: {n_conflicts} conflicts diagnosed for {n_disagree} disagreeing mentions, for example {mismatches:?}\n{out}"
        );
    }
    Ok(out)
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { 100.0 * part as f64 / whole as f64 }
}
