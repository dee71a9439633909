//! The `khabar` command-line tool: the one binary that drives ingest and the pipeline.
//!
//! `main` parses flags into `Args`, resolves them into a validated `pipeline::Config`, runs the
//! subcommand and maps the outcome to an exit code: 0 when every input was processed, 1 when
//! there was nothing to process, 2 when anything failed. A closed pipe is not a failure.

#![allow(
    clippy::disallowed_methods,
    reason = "the binary is the IO edge: it reads inputs and writes outputs"
)]

mod actors;
mod events;
mod json;
mod process;

use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// khabar: structured, evidence-backed news data from Arabic, Persian and English reports.
#[derive(Debug, Parser)]
#[command(name = "khabar", version, about, long_about = None)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

/// The user's own tables, added to the shipped ones; each flag may be given more than once.
#[derive(Debug, clap::Args)]
struct Tables {
    /// Add the outlets of this table (same format as crates/pipeline/data/outlets.tsv).
    #[arg(long, value_name = "FILE")]
    outlets: Vec<PathBuf>,
    /// Add the actors of this table (any format of crates/pipeline/data/actors, told by its
    /// header line); `khabar actors` then no longer counts them as new.
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// Add the trigger or cue rows of this table (the format of
    /// crates/pipeline/data/events/triggers.tsv or cues.tsv, told by its header line).
    #[arg(long, value_name = "FILE")]
    triggers: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read articles and write one JSON document per article: clean text, languages,
    /// normalized forms, sentences, dates, sources, entities, events and quotes.
    ///
    /// PATH may be a text page (.txt), an HTML page (.html, .htm), JSON Lines (.jsonl, .jsonl.gz),
    /// a WARC file (.warc, .warc.gz), a directory (read recursively) or - for standard input.
    /// The output schema is documented in docs/schema.md.
    Process {
        /// Inputs: files, directories or - for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Write the JSON Lines here instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Print no progress bar and no summary on standard error.
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        tables: Tables,
        /// Worker threads (default: one per core). Output order never depends on it.
        #[arg(long, short, value_name = "N")]
        jobs: Option<usize>,
    },
    /// Extract the events of articles and write them as PLOVER JSON Lines, a GDELT-style
    /// table, CSV or JSON, one record per event with its evidence offsets (docs/exports.md).
    ///
    /// Events a negation denies (`لم يلتق`, `نفى … أن`) are no events and are left out unless
    /// --include-negated is given; future, intended and possible ones are written with their
    /// modality.
    Events {
        /// Inputs: files, directories or - for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The output format.
        #[arg(long, short, value_enum, default_value = "plover")]
        format: events::Format,
        /// Write here instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Also write the events a negation denies, marked as negated.
        #[arg(long)]
        include_negated: bool,
        /// Print no progress bar and no summary on standard error.
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        tables: Tables,
        /// Worker threads (default: one per core). Output order never depends on it.
        #[arg(long, short, value_name = "N")]
        jobs: Option<usize>,
    },
    /// List the persons a corpus names that the actor knowledge base does not know, most
    /// mentioned first: as TSV to review (name, count, country, sector and an example
    /// context), or as a persons table to edit and pass back with --actors.
    Actors {
        /// Inputs: files, directories or - for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// `review`: name, count, country, sector and context; `persons`: a persons table to
        /// edit and pass back with --actors.
        #[arg(long, short, value_enum, default_value = "review")]
        format: actors::Format,
        /// Print no progress bar and no summary on standard error.
        #[arg(long, short)]
        quiet: bool,
        #[command(flatten)]
        tables: Tables,
    },
}

fn options(
    paths: Vec<PathBuf>,
    out: Option<PathBuf>,
    quiet: bool,
    tables: Tables,
    jobs: Option<usize>,
) -> process::Options {
    let Tables { outlets, actors, triggers } = tables;
    process::Options { paths, out, quiet, outlets, actors, triggers, jobs }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let res = match args.command {
        Command::Process { paths, out, quiet, tables, jobs } => {
            process::run(&options(paths, out, quiet, tables, jobs))
        }
        Command::Events { paths, format, out, include_negated, quiet, tables, jobs } => {
            events::run(&options(paths, out, quiet, tables, jobs), format, include_negated)
        }
        Command::Actors { paths, format, quiet, tables } => {
            actors::run(&options(paths, None, quiet, tables, None), format)
        }
    };
    match res {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(io::stderr(), "khabar: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
