//! `khabar process`: inputs to JSON Lines documents, with progress, per-input failures and a summary.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use model::RawArticle;
use pipeline::clean::RepeatedLines;
use rayon::prelude::*;

use crate::json::DocumentJson;

/// Articles processed together; their short lines are counted before any of them is cleaned.
const WINDOW: usize = 512;

pub(crate) struct Options {
    pub(crate) paths: Vec<PathBuf>,
    pub(crate) out: Option<PathBuf>,
    pub(crate) quiet: bool,
    pub(crate) outlets: Vec<PathBuf>,
    pub(crate) actors: Vec<PathBuf>,
    pub(crate) triggers: Vec<PathBuf>,
    /// Worker threads; `None` for one per core.
    pub(crate) jobs: Option<usize>,
}

/// What a run did, for the summary and the exit code.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    n_inputs: usize,
    n_read: usize,
    n_written: usize,
    failed: BTreeMap<&'static str, usize>,
}

impl Outcome {
    pub(crate) fn exit_code(&self) -> u8 {
        if self.failed.values().any(|&n| n > 0) {
            2
        } else if self.n_written == 0 {
            1
        } else {
            0
        }
    }

    fn fail(&mut self, reason: &'static str) {
        *self.failed.entry(reason).or_insert(0) += 1;
    }

    pub(crate) fn summary(&self) -> String {
        let mut line = format!(
            "khabar: {} inputs, {} articles read, {} documents written",
            self.n_inputs, self.n_read, self.n_written
        );
        let n_failed: usize = self.failed.values().sum();
        if n_failed > 0 {
            let reasons: Vec<String> =
                self.failed.iter().map(|(reason, n)| format!("{reason}: {n}")).collect();
            line.push_str(&format!(", {n_failed} failed ({})", reasons.join(", ")));
        }
        line
    }
}

pub(crate) fn run(options: &Options) -> anyhow::Result<Outcome> {
    let cfg = config(options)?;
    let mut sink = Sink::create(options.out.as_deref())?;
    let outcome = each_document(options, &cfg, &mut |processed| {
        sink.write(&DocumentJson::new(&processed.doc, &processed.diagnostics))
    })?;
    sink.finish()?;
    if !options.quiet {
        report(&outcome.summary());
    }
    Ok(outcome)
}

/// The run's configuration, with the users' outlet, actor and trigger tables added to the
/// built-in ones.
pub(crate) fn config(options: &Options) -> anyhow::Result<pipeline::Config> {
    let mut outlet_table = pipeline::sources::Outlets::builtin();
    for path in &options.outlets {
        let tsv =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        if let Err(message) = outlet_table.add_tsv(&tsv) {
            anyhow::bail!("{}: not an outlets table: {message}", path.display());
        }
    }
    let mut knowledge = pipeline::entities::Knowledge::builtin();
    for path in &options.actors {
        let tsv =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        if let Err(message) = knowledge.add_tsv(&tsv) {
            anyhow::bail!("{}: not an actor table: {message}", path.display());
        }
    }
    let mut triggers = pipeline::events::Triggers::builtin();
    for path in &options.triggers {
        let tsv =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        if let Err(message) = triggers.add_tsv(&tsv) {
            anyhow::bail!("{}: not a trigger or cue table: {message}", path.display());
        }
    }
    Ok(pipeline::Config {
        detector: pipeline::lang::Detector::default(),
        dates: pipeline::dates::Lexicon::default(),
        outlets: outlet_table,
        knowledge,
        triggers,
    })
}

/// Reads every input and processes it in windows, handing each document to `handle`.
pub(crate) fn each_document(
    options: &Options,
    cfg: &pipeline::Config,
    handle: &mut dyn FnMut(&pipeline::Processed) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let (inputs, errors) = ingest::expand(&options.paths);
    for err in &errors {
        report(&err.to_string());
        outcome.fail(err.reason());
    }
    outcome.n_inputs = inputs.len() + errors.len();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .build()
        .context("starting the worker threads")?;
    let progress = progress_bar(inputs.len() as u64, options.quiet);
    let mut repeated = RepeatedLines::default();
    let mut window: Vec<RawArticle> = Vec::with_capacity(WINDOW);
    for input in &inputs {
        progress.set_message(input.name());
        let articles = match ingest::open(input) {
            Ok(articles) => articles,
            Err(err) => {
                progress.suspend(|| report(&err.to_string()));
                outcome.fail(err.reason());
                progress.inc(1);
                continue;
            }
        };
        for article in articles {
            match article {
                Ok(raw) => {
                    outcome.n_read += 1;
                    window.push(raw);
                    if window.len() == WINDOW {
                        progress.set_message(format!(
                            "{} ({} articles)",
                            input.name(),
                            outcome.n_read
                        ));
                        flush(
                            &pool,
                            &mut window,
                            cfg,
                            &mut repeated,
                            handle,
                            &mut outcome,
                            &progress,
                        )?;
                    }
                }
                Err(err) => {
                    progress.suspend(|| report(&err.to_string()));
                    outcome.fail(err.reason());
                }
            }
        }
        progress.inc(1);
    }
    flush(&pool, &mut window, cfg, &mut repeated, handle, &mut outcome, &progress)?;
    progress.finish_and_clear();
    Ok(outcome)
}

fn flush(
    pool: &rayon::ThreadPool,
    window: &mut Vec<RawArticle>,
    cfg: &pipeline::Config,
    repeated: &mut RepeatedLines,
    handle: &mut dyn FnMut(&pipeline::Processed) -> anyhow::Result<()>,
    outcome: &mut Outcome,
    progress: &ProgressBar,
) -> anyhow::Result<()> {
    for raw in window.iter() {
        repeated.observe(raw);
    }
    let repeated = &*repeated;
    // Articles are independent once their window's lines are counted; order is kept.
    let results: Vec<Result<pipeline::Processed, String>> = pool.install(|| {
        window.par_iter().map(|raw| pipeline::process_isolated(raw, cfg, repeated)).collect()
    });
    for (raw, res) in window.iter().zip(results) {
        match res {
            Ok(processed) => {
                handle(&processed)?;
                outcome.n_written += 1;
            }
            Err(message) => {
                progress.suspend(|| {
                    report(&format!("{}: internal error, article skipped: {message}", raw.origin))
                });
                outcome.fail("internal error");
            }
        }
    }
    window.clear();
    Ok(())
}

#[expect(clippy::print_stderr, reason = "the one place that writes diagnostics for the user")]
pub(crate) fn report(line: &str) {
    eprintln!("{line}");
}

fn progress_bar(n_inputs: u64, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    // indicatif draws only when standard error is a terminal, so pipes and CI stay clean.
    let bar = ProgressBar::with_draw_target(Some(n_inputs), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:30} {pos}/{len} inputs, {elapsed} {wide_msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// Where documents go: standard output, or a file written in place of a temporary and renamed
/// when the run ends, so that an interrupted run never leaves a half-written file behind.
pub(crate) struct Sink {
    writer: BufWriter<Box<dyn Write>>,
    target: Option<(PathBuf, PathBuf)>,
}

impl Sink {
    pub(crate) fn create(out: Option<&Path>) -> anyhow::Result<Sink> {
        let Some(path) = out else {
            return Ok(Sink {
                writer: BufWriter::with_capacity(1 << 16, Box::new(io::stdout().lock())),
                target: None,
            });
        };
        let mut tmp_name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        tmp_name.push(".partial");
        let tmp = path.with_file_name(tmp_name);
        let file = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        Ok(Sink {
            writer: BufWriter::with_capacity(1 << 16, Box::new(file)),
            target: Some((tmp, path.to_owned())),
        })
    }

    fn write(&mut self, doc: &DocumentJson<'_>) -> anyhow::Result<()> {
        serde_json::to_writer(&mut self.writer, doc).context("writing a document")?;
        self.writer.write_all(b"\n").context("writing a document")?;
        Ok(())
    }

    /// Writes raw output bytes: a table row, a JSON record with its newline.
    pub(crate) fn write_bytes(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.writer.write_all(bytes).context("writing the output")
    }

    pub(crate) fn finish(mut self) -> anyhow::Result<()> {
        self.writer.flush().context("writing the output")?;
        if let Some((tmp, path)) = self.target.take() {
            std::fs::rename(&tmp, &path)
                .with_context(|| format!("renaming {} to {}", tmp.display(), path.display()))?;
        }
        Ok(())
    }
}
