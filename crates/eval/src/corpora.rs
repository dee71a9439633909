//! Reads both real corpora end to end through ingest and the whole pipeline.

use std::path::Path;

use model::RawArticle;
use pipeline::Processed;
use pipeline::clean::RepeatedLines;

/// Runs every article of a corpus through the pipeline, in windows as `khabar process` does,
/// calling `visit` for each. Any article that fails to read or process is an error.
pub(crate) fn for_each(
    shared: &Path,
    corpus: &str,
    cfg: &pipeline::Config,
    mut visit: impl FnMut(&RawArticle, &Processed),
) -> anyhow::Result<usize> {
    let path = crate::require(shared, &format!("data/corpus/{corpus}.jsonl.gz"))?;
    let input = ingest::Input::File(path);
    let mut repeated = RepeatedLines::default();
    let mut window: Vec<RawArticle> = Vec::with_capacity(512);
    let mut n_articles = 0usize;
    let mut failures: Vec<String> = Vec::new();
    let mut run_window = |window: &mut Vec<RawArticle>, failures: &mut Vec<String>| {
        for (raw, res) in window.iter().zip(pipeline::process_window(window, cfg, &mut repeated)) {
            match res {
                Ok(processed) => visit(raw, &processed),
                Err(message) => failures.push(format!("{}: internal error: {message}", raw.origin)),
            }
        }
        window.clear();
    };
    for article in ingest::open(&input)? {
        match article {
            Ok(raw) => {
                n_articles += 1;
                window.push(raw);
                if window.len() == 512 {
                    run_window(&mut window, &mut failures);
                }
            }
            Err(err) => failures.push(err.to_string()),
        }
    }
    run_window(&mut window, &mut failures);
    if !failures.is_empty() {
        anyhow::bail!("{corpus}: {} articles failed, first: {}", failures.len(), failures[0]);
    }
    Ok(n_articles)
}

pub(crate) fn run(shared: &Path) -> anyhow::Result<()> {
    let cfg = crate::config();
    println!("== real corpora, end to end");
    for corpus in ["saudinewsnet", "farsnews"] {
        let mut n_no_body = 0usize;
        let mut n_chrome = 0usize;
        let n = for_each(shared, corpus, &cfg, |_, processed| {
            n_no_body += usize::from(processed.doc.paragraphs.is_empty());
            n_chrome += processed.doc.chrome.len();
        })?;
        println!(
            "  {corpus:<12} {n} articles read and processed, 0 failed; {n_no_body} with no body, {n_chrome} furniture spans"
        );
    }
    Ok(())
}
