//! `khabar-eval`: evaluations, real-data checks and benchmarks over `../shared/data`.
//!
//! Each subcommand prints its figures and exits non-zero when its data is missing or a check
//! fails, so that `.ci/run` fails loudly. `all` runs every check (not the benchmarks).
//! The data belongs to others: it is read in place and never copied into the repository.

#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a report printer")]
#![allow(clippy::disallowed_methods, reason = "evaluation reads files and times runs")]

mod bench;
mod corpora;
mod dates;
mod events;
mod html;
mod lang;
mod ner;
mod seeds;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str =
    "usage: khabar-eval [--shared DIR] <all|lang|html|corpora|dates|seeds [--bless]|ner [--errors]|events [--errors]|bench>

  all       every evaluation and check below except bench (what .ci/run calls)
  lang      language accuracy: lingua's Arabic/Persian test sets and both real corpora
  html      main-text extraction F1 and speed on the 442 pages of gold/html-extraction
  corpora   read both real corpora end to end; fail on any failed article
  dates     calendar tables and Hijri fixtures, seed dates, Fars and SaudiNewsNet date agreement
  seeds     compare the five seed pages with the golden files in crates/eval/golden
  ner       entity mention precision, recall and F1 per type on ANERcorp and PEYMA test;
            --errors also lists every missed and wrong mention of ANERcorp and PEYMA train
  events    PROTEST and ASSAULT sentence detection P/R/F1 and actor overlap on gold/events-ar;
            --errors also lists every false positive and false negative with its triggers
  bench     throughput and peak memory over SaudiNewsNet on one core

  --shared DIR   the shared folder (default: ../shared beside the repository)";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut shared = default_shared();
    if let Some(pos) = args.iter().position(|a| a == "--shared") {
        if pos + 1 >= args.len() {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        shared = PathBuf::from(args.remove(pos + 1));
        args.remove(pos);
    }
    let is_bless = args.iter().any(|a| a == "--bless");
    args.retain(|a| a != "--bless");
    let is_errors = args.iter().any(|a| a == "--errors");
    args.retain(|a| a != "--errors");
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let res = match command.as_str() {
        "all" => all(&shared),
        "lang" => lang::run(&shared),
        "html" => html::run(&shared),
        "corpora" => corpora::run(&shared),
        "dates" => run_dates(&shared),
        "seeds" => seeds::run(&shared, is_bless),
        "ner" => ner::run(&shared, is_errors),
        "events" => events::run(&shared, is_errors),
        "bench" => bench::run(&shared),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("khabar-eval: FAILED: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn all(shared: &Path) -> anyhow::Result<()> {
    seeds::run(shared, false)?;
    lang::run(shared)?;
    corpora::run(shared)?;
    run_dates(shared)?;
    html::run(shared)?;
    ner::run(shared, false)?;
    events::run(shared, false)?;
    Ok(())
}

fn run_dates(shared: &Path) -> anyhow::Result<()> {
    println!("== dates and calendars");
    print!("{}", dates::run(shared)?);
    Ok(())
}

/// `../shared` beside the repository this binary was built from.
fn default_shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// A path under the shared folder that must exist, or an error that says what is missing.
pub(crate) fn require(shared: &Path, relative: &str) -> anyhow::Result<PathBuf> {
    let path = shared.join(relative);
    if !path.exists() {
        anyhow::bail!(
            "missing real data: {} does not exist (khabar-eval needs the shared data folder beside the repository, or --shared DIR)",
            path.display()
        );
    }
    Ok(path)
}

/// The configuration every evaluation runs with, as `khabar process` does.
pub(crate) fn config() -> pipeline::Config {
    pipeline::Config {
        detector: pipeline::lang::Detector::default(),
        dates: pipeline::dates::Lexicon::default(),
        outlets: pipeline::sources::Outlets::builtin(),
        knowledge: pipeline::entities::Knowledge::builtin(),
        triggers: pipeline::events::Triggers::builtin(),
    }
}

/// Peak resident memory of this process so far, in MiB, from /proc (Linux only).
pub(crate) fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Current resident memory, in MiB.
pub(crate) fn rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
