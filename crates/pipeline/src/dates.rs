//! Dates and times: every date and time expression of a text (`extract`), and when the text was published (`published`).
//!
//! `extract` folds the text (digits, letter variants, ZWNJ), looks words up in a lexicon of month,
//! weekday, relative-day, era and zone names in Arabic, Persian and English, parses pieces
//! (a date, a time, a zone, a weekday, a relative day) and joins adjacent pieces into one
//! expression, then resolves it: written dates through `calendar`, relative days and
//! `الأحد الماضي`-style weekdays against the anchor.
//! Disagreements (a weekday that is not the date's, a written date that is not the counted
//! day, two linked dates that differ) are diagnostics; the mention keeps what the text says.
//!
//! `published` takes the metadata date when it parses, else a header line or a dateline,
//! else what a `اليوم الأحد`-style expression says (often only a weekday).
//! It never invents a date the text does not give.

mod lexicon;
mod meta;
mod scan;

use model::when::{
    Calendar, CivilDate, DateAnchor, DateMention, DateTime, MentionKind, Moment, PartialDate,
    Provenance, Published, WrittenDate, Zone,
};
use model::{Diagnostic, Span};

use crate::calendar::{self, Ymd};
use scan::{Expression, Parser};

/// Finds every date and time expression in `text`, in order, with what it resolves to.
///
/// `anchor` is "today" for relative expressions (`اليوم`, `أمس`, `last week`), for
/// `الأحد الماضي`-style weekdays and for dates written without a year; without it they keep
/// what the text says and resolve to no day.
/// Spans are byte offsets into `text`.
pub fn extract(text: &str, anchor: Option<DateAnchor>) -> (Vec<DateMention>, Vec<Diagnostic>) {
    extract_with(text, anchor, &Lexicon::default())
}

/// The month, weekday and relative-day names, folded and sorted. Build it once per run: it
/// takes a few hundred string folds, far more than reading one short article.
#[derive(Debug)]
pub struct Lexicon(lexicon::Lexicon);

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon(lexicon::Lexicon::build())
    }
}

/// `extract`, with a lexicon built once for a whole run.
pub fn extract_with(
    text: &str,
    anchor: Option<DateAnchor>,
    lexicon: &Lexicon,
) -> (Vec<DateMention>, Vec<Diagnostic>) {
    resolve_all(text, &scan_text(text, lexicon), anchor)
}

/// The date and time expressions of a text, found but not yet resolved against an anchor.
///
/// Scanning is the costly half of `extract`; finding the publication date and resolving the
/// relative expressions against it both start from one scan.
#[derive(Debug)]
pub struct Scanned {
    expressions: Vec<Expression>,
}

/// Scans `text` for date and time expressions.
pub fn scan_text(text: &str, lexicon: &Lexicon) -> Scanned {
    let atoms = scan::atoms(text, &lexicon.0);
    let parser = Parser::new(&atoms, scan::is_persian(text));
    let pieces = parser.pieces();
    Scanned { expressions: parser.expressions(&pieces) }
}

/// Resolves scanned expressions against `anchor`; the second half of `extract`.
pub fn resolve_all(
    text: &str,
    scanned: &Scanned,
    anchor: Option<DateAnchor>,
) -> (Vec<DateMention>, Vec<Diagnostic>) {
    let expressions = &scanned.expressions;
    let mut mentions: Vec<DateMention> = Vec::with_capacity(expressions.len());
    let mut diagnostics = Vec::new();
    // The mention made from the previous expression, if it made one.
    let mut previous: Option<usize> = None;
    for expression in expressions {
        let Some(mention) = resolve(text, expression, anchor, &mut diagnostics) else {
            previous = None;
            continue;
        };
        if let Some(before) = previous.map(|idx| &mentions[idx])
            && expression.is_equivalent_of_previous
        {
            check_equivalent(text, before, &mention, &mut diagnostics);
        }
        previous = Some(mentions.len());
        mentions.push(mention);
    }
    (mentions, diagnostics)
}

/// Turns one expression into a mention, or `None` when it is only a zone.
fn resolve(
    text: &str,
    expression: &Expression,
    anchor: Option<DateAnchor>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<DateMention> {
    let span = Span::new(expression.start, expression.end);
    let kind = if let Some(days) = expression.relative {
        MentionKind::Relative { days }
    } else if let Some(weeks) = expression.relative_week {
        MentionKind::RelativeWeek { weeks }
    } else if expression.date.is_some() {
        MentionKind::Absolute
    } else if let Some((_, step)) = expression.weekday {
        MentionKind::Weekday { step }
    } else if expression.time.is_some() {
        MentionKind::Time
    } else {
        return None;
    };
    let (mut calendar, written) =
        expression.date.unwrap_or((Calendar::Gregorian, WrittenDate::default()));
    let mut mention = DateMention {
        span,
        kind,
        calendar,
        written,
        gregorian: None,
        weekday: None,
        time: expression.time,
        zone: expression.zone,
        is_approximate: false,
        is_year_inferred: false,
    };
    let quoted = &text[span.range()];
    let mut diagnose = |code: &'static str, message: String| {
        diagnostics.push(Diagnostic { stage: "dates", code, message, span: Some(span) });
    };

    if let Some(ymd) = complete(written) {
        match calendar::to_gregorian(calendar, ymd) {
            Some((day, used)) => {
                calendar = used;
                mention.gregorian = Some(day);
            }
            None => diagnose(
                "invalid-date",
                format!(
                    "{quoted:?} writes {ymd}, which is no day of the {} calendar",
                    calendar.name()
                ),
            ),
        }
    }

    let anchor_date = match anchor {
        Some(DateAnchor::Date(date)) => Some(date),
        _ => None,
    };
    match (expression.relative, anchor_date) {
        (Some(days), Some(anchor_date)) => {
            let counted = anchor_date.add_days(i64::from(days));
            match mention.gregorian {
                Some(day) if day != counted => diagnose(
                    "date-conflict",
                    format!(
                        "{quoted:?} writes {day}, but counted from {anchor_date} it is {counted}"
                    ),
                ),
                Some(_) => {}
                None => {
                    if let Some((ymd, used)) = calendar::from_gregorian(calendar, counted) {
                        if has_parts(written) {
                            calendar = used;
                        }
                        if !agrees(written, ymd) {
                            diagnose(
                                "date-conflict",
                                format!(
                                    "{quoted:?} writes {}, but counted from {anchor_date} it is {ymd} ({})",
                                    show_written(written),
                                    calendar.name()
                                ),
                            );
                        }
                    }
                    mention.gregorian = Some(counted);
                }
            }
        }
        (None, Some(anchor_date)) if mention.gregorian.is_none() => {
            if written.year.is_none() && written.month.is_some() && written.day.is_some() {
                if let Some((day, used)) = nearest_year(calendar, written, anchor_date) {
                    calendar = used;
                    mention.gregorian = Some(day);
                    mention.is_year_inferred = true;
                }
            } else if let (Some((weekday, step @ (-1 | 1))), false) =
                (expression.weekday, has_parts(written))
            {
                let today = i64::from(anchor_date.weekday().index());
                let target = i64::from(weekday.index());
                // The next or last such weekday, never the anchor's own day.
                let days = if step > 0 {
                    let ahead = (target - today).rem_euclid(7);
                    if ahead == 0 { 7 } else { ahead }
                } else {
                    let back = (today - target).rem_euclid(7);
                    -(if back == 0 { 7 } else { back })
                };
                mention.gregorian = Some(anchor_date.add_days(days));
            }
        }
        _ => {}
    }

    let named = expression.weekday.map(|(weekday, _)| weekday);
    let derived = match (mention.gregorian, anchor, expression.relative) {
        (Some(day), _, _) => Some(day.weekday()),
        (None, Some(DateAnchor::Weekday(weekday)), Some(days)) => {
            Some(weekday.add_days(i64::from(days)))
        }
        _ => None,
    };
    if let (Some(named), Some(derived)) = (named, derived)
        && named != derived
    {
        let day = mention.gregorian.map_or_else(|| "the day".to_owned(), |d| d.to_string());
        diagnose(
            "weekday-conflict",
            format!("{quoted:?} names a {}, but {day} is a {}", named.name(), derived.name()),
        );
    }
    mention.weekday = named.or(derived);
    mention.calendar = calendar;
    mention.is_approximate = calendar == Calendar::HijriArithmetic && mention.gregorian.is_some();
    Some(mention)
}

/// Two dates linked by `الموافق` must be the same day.
fn check_equivalent(
    text: &str,
    before: &DateMention,
    after: &DateMention,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let is_firm = |m: &DateMention| !m.is_year_inferred && m.kind == MentionKind::Absolute;
    if let (Some(a), Some(b)) = (before.gregorian, after.gregorian)
        && a != b
        && is_firm(before)
        && is_firm(after)
    {
        diagnostics.push(Diagnostic {
            stage: "dates",
            code: "date-conflict",
            message: format!(
                "{:?} is given as the same day as {:?}, but they are {a} and {b}",
                &text[after.span.range()],
                &text[before.span.range()]
            ),
            span: Some(Span { start: before.span.start, end: after.span.end }),
        });
    }
}

fn complete(written: WrittenDate) -> Option<Ymd> {
    Some(Ymd { year: written.year?, month: written.month?, day: written.day? })
}

fn has_parts(written: WrittenDate) -> bool {
    written.year.is_some() || written.month.is_some() || written.day.is_some()
}

/// Whether every part the text writes matches `ymd`.
fn agrees(written: WrittenDate, ymd: Ymd) -> bool {
    written.year.is_none_or(|y| y == ymd.year)
        && written.month.is_none_or(|m| m == ymd.month)
        && written.day.is_none_or(|d| d == ymd.day)
}

fn show_written(written: WrittenDate) -> String {
    let part = |it: Option<i64>, width: usize| {
        it.map_or_else(|| "?".to_owned(), |v| format!("{v:0width$}"))
    };
    format!(
        "{}-{}-{}",
        part(written.year.map(i64::from), 4),
        part(written.month.map(i64::from), 2),
        part(written.day.map(i64::from), 2)
    )
}

/// The day with the written month and day in the year of `calendar` that puts it nearest `anchor`.
fn nearest_year(
    calendar: Calendar,
    written: WrittenDate,
    anchor: CivilDate,
) -> Option<(CivilDate, Calendar)> {
    let (anchor_ymd, _) = calendar::from_gregorian(calendar, anchor)?;
    let (month, day) = (written.month?, written.day?);
    (anchor_ymd.year - 1..=anchor_ymd.year + 1)
        .filter_map(|year| calendar::to_gregorian(calendar, Ymd { year, month, day }))
        .min_by_key(|(it, _)| (it.to_days() - anchor.to_days()).abs())
}

/// Moves a date written without its year by `days` days, when that stays inside the month
/// whatever the year (days 1 to 28); otherwise keeps no parts, since month lengths vary.
fn shift_within_month(written: WrittenDate, days: i32) -> WrittenDate {
    if days == 0 {
        return written;
    }
    let shifted = written.day.map(|day| i32::from(day) + days);
    match (written.year, shifted) {
        // `shifted` is in 1..=28 here.
        (None, Some(day @ 1..=28)) => WrittenDate { day: Some(day as u8), ..written },
        _ => WrittenDate::default(),
    }
}

/// Finds when a document was published.
///
/// In order: the metadata string `meta` (ISO 8601 such as `2015-07-21 02:51:32` or
/// `2019-10-16T08:00:00+03:30`, or RFC 2822), a header line that is only a date and time
/// (`16:35 - 28 دی 1395`), a dateline opening the body (`بريدة 25 شوال 1436 هـ`), and last
/// an expression like `اليوم الأحد`, which gives only what it says (here: a Sunday).
/// A time with a zone, or with `country_zone` when the text gives none, becomes UTC;
/// without either it stays local.
/// `None` when nothing says when.
pub fn published(meta: Option<&str>, text: &str, country_zone: Option<Zone>) -> Option<Published> {
    published_scanned(meta, text, country_zone, &scan_text(text, &Lexicon::default()))
}

/// `published`, from a text already scanned with `scan_text`.
pub fn published_scanned(
    meta: Option<&str>,
    text: &str,
    country_zone: Option<Zone>,
    scanned: &Scanned,
) -> Option<Published> {
    if let Some(meta) = meta
        && let Some(parsed) = meta::parse(meta)
    {
        let moment = match parsed.time {
            Some(time) => timed(DateTime { date: parsed.date, time }, parsed.zone.or(country_zone)),
            None => Moment::Day(parsed.date),
        };
        return Some(Published {
            moment,
            provenance: Provenance::Metadata,
            original: meta.trim().to_owned(),
            span: None,
        });
    }
    let (mentions, _) = resolve_all(text, scanned, None);
    if let Some(found) = header_or_dateline(text, &mentions, country_zone) {
        return Some(found);
    }
    inferred(text, &mentions)
}

/// A local date and time in `zone`, converted to UTC when the zone's offset is known.
fn timed(local: DateTime, zone: Option<Zone>) -> Moment {
    match zone.and_then(|zone| calendar::utc_offset(zone, local).map(|offset| (zone, offset))) {
        Some((zone, offset)) => Moment::Utc { utc: local.minus_minutes(offset), local, zone },
        None => Moment::Local(local),
    }
}

/// How many of the first lines may hold a header line or a dateline.
const HEAD_LINES: usize = 12;
/// How many letters a header line may have besides its date: a label such as `تاريخ النشر:`.
const HEADER_LABEL_LETTERS: usize = 20;
/// How many words a dateline may put before its date: a place name.
const DATELINE_PLACE_WORDS: usize = 3;

fn header_or_dateline(
    text: &str,
    mentions: &[DateMention],
    country_zone: Option<Zone>,
) -> Option<Published> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n').take(HEAD_LINES) {
        let line_end = line_start + line.len();
        let in_line: Vec<&DateMention> = mentions
            .iter()
            .filter(|m| m.span.range().start >= line_start && m.span.range().end <= line_end)
            .collect();
        let dated =
            in_line.iter().find(|m| m.kind == MentionKind::Absolute && m.written.month.is_some());
        if let Some(&mention) = dated {
            let prefix = text[line_start..mention.span.range().start].trim();
            let outside: usize = letters(&text[line_start..line_end])
                - in_line.iter().map(|m| letters(&text[m.span.range()])).sum::<usize>();
            let is_label = prefix.is_empty() || prefix.ends_with([':', '|']);
            let is_header =
                is_label && outside <= HEADER_LABEL_LETTERS && mention.gregorian.is_some();
            let n_prefix_words = prefix.split_whitespace().count();
            let after_dates = linked_end(text, &in_line, mention);
            let is_dateline = !is_header
                && (1..=DATELINE_PLACE_WORDS).contains(&n_prefix_words)
                && !prefix.contains(':')
                && !prefix.split_whitespace().any(is_function_word)
                && mention.written.day.is_some()
                && is_dateline_tail(&text[after_dates..line_end], mention.gregorian.is_some());
            if is_header || is_dateline {
                let provenance =
                    if is_header { Provenance::HeaderLine } else { Provenance::Dateline };
                return Some(Published {
                    moment: moment_of(mention, country_zone),
                    provenance,
                    original: text[mention.span.range()].to_owned(),
                    span: Some(mention.span),
                });
            }
        }
        line_start = line_end;
    }
    None
}

/// The end of `mention` and of any dates linked to it by `الموافق` / `برابر با` right after it.
fn linked_end(text: &str, in_line: &[&DateMention], mention: &DateMention) -> usize {
    let mut end = mention.span.range().end;
    let start = end;
    for next in in_line.iter().filter(|m| m.span.range().start >= start) {
        let gap: String = text[end..next.span.range().start]
            .chars()
            .filter(|c| c.is_alphabetic())
            .filter_map(scan::fold)
            .collect();
        if !matches!(gap.as_str(), "الموافق" | "برابربا" | "مطابقبا") {
            break;
        }
        end = next.span.range().end;
    }
    end
}

/// Whether what follows a dateline's date ends the dateline: an optional agency (`(رويترز)`,
/// `واس`) and then a dash; for a full date, the end of the line also does (`... 2015 م واس`).
/// A date inside a sentence or a title fails this.
fn is_dateline_tail(after: &str, is_full_date: bool) -> bool {
    let (head, has_dash) = match after.find(['-', '–', '—']) {
        Some(idx) => (&after[..idx], true),
        None => (after, false),
    };
    let head = head.trim();
    let agency = match head.strip_prefix('(').and_then(|it| it.strip_suffix(')')) {
        Some(inner) => inner,
        None => head,
    };
    let n_words = agency.split_whitespace().count();
    if has_dash { n_words <= DATELINE_PLACE_WORDS } else { is_full_date && n_words <= 2 }
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Words that show a date is part of a sentence (`في 23 مايو`), not a dateline's place.
fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] =
        &["في", "من", "على", "منذ", "حتى", "در", "از", "به", "تا", "on", "in", "since", "until"];
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    WORDS.contains(&word.to_lowercase().as_str())
}

fn moment_of(mention: &DateMention, country_zone: Option<Zone>) -> Moment {
    match (mention.gregorian, mention.time) {
        (Some(date), Some(time)) => timed(DateTime { date, time }, mention.zone.or(country_zone)),
        (Some(date), None) => Moment::Day(date),
        (None, _) => Moment::Partial(PartialDate {
            calendar: mention.calendar,
            written: mention.written,
            weekday: mention.weekday,
        }),
    }
}

/// The publication day as a relative expression gives it: `اليوم الأحد` (a Sunday),
/// `أمس السبت` (the day after a Saturday), `امروز (چهارشنبه 9 دی ماه)`.
fn inferred(text: &str, mentions: &[DateMention]) -> Option<Published> {
    for mention in mentions {
        let MentionKind::Relative { days } = mention.kind else {
            continue;
        };
        let moment = match mention.gregorian {
            Some(day) => Moment::Day(day.add_days(-i64::from(days))),
            None => {
                let written = shift_within_month(mention.written, -days);
                let weekday = mention.weekday.map(|w| w.add_days(-i64::from(days)));
                if weekday.is_none() && !has_parts(written) {
                    continue;
                }
                let calendar =
                    if has_parts(written) { mention.calendar } else { Calendar::Gregorian };
                Moment::Partial(PartialDate { calendar, written, weekday })
            }
        };
        return Some(Published {
            moment,
            provenance: Provenance::Inferred,
            original: text[mention.span.range()].to_owned(),
            span: Some(mention.span),
        });
    }
    None
}

#[cfg(test)]
mod tests;
