//! Throughput and memory over SaudiNewsNet on one core: ingest plus every pipeline stage.

use std::path::Path;
use std::time::Instant;

use model::RawArticle;
use pipeline::clean::RepeatedLines;

pub(crate) fn run(shared: &Path) -> anyhow::Result<()> {
    let path = crate::require(shared, "data/corpus/saudinewsnet.jsonl.gz")?;
    let json_bytes = gunzipped_len(&path)?;
    let started = Instant::now();
    let cfg = crate::config();
    let model_seconds = started.elapsed().as_secs_f64();
    let rss_after_models = crate::rss_mib().unwrap_or(0.0);

    let started = Instant::now();
    let mut pipeline_seconds = 0.0f64;
    let mut repeated = RepeatedLines::default();
    let mut window: Vec<RawArticle> = Vec::with_capacity(512);
    let mut n_docs = 0usize;
    let mut n_text_bytes = 0usize;
    let mut rss_samples: Vec<(usize, f64)> = Vec::new();
    // Each issue's stages also run again on their own, timed apart: the text stages (issue 2)
    // through `pipeline::read`, sources and dates (issue 3), entities (issue 4).
    let mut read_seconds = 0.0f64;
    let mut when_seconds = 0.0f64;
    // The entities stage (issue 4) runs again on each document's paragraphs, timed apart too.
    let mut who_seconds = 0.0f64;
    // The events stages (issue 5: quotes, events, their places and dates) run again on each document's paragraphs and entities.
    let mut what_seconds = 0.0f64;
    let mut run_window = |window: &mut Vec<RawArticle>, n_docs: &mut usize| {
        let t = Instant::now();
        let results = pipeline::process_window(window, &cfg, &mut repeated);
        pipeline_seconds += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for raw in window.iter() {
            std::hint::black_box(pipeline::read(raw, &cfg, &repeated));
        }
        read_seconds += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for (raw, processed) in window.iter().zip(&results) {
            let Ok(processed) = processed else { continue };
            let labels: Vec<model::Span> = processed.doc.chrome.iter().map(|c| c.span).collect();
            let words = pipeline::paragraph_words(&processed.doc.paragraphs);
            let found = pipeline::sources::find(
                &raw.text,
                raw.url.as_deref(),
                raw.source.as_deref(),
                &labels,
                &processed.doc.paragraphs,
                &words,
                &cfg.outlets,
            );
            let scanned = pipeline::dates::scan_text(&raw.text, &cfg.dates);
            let published = pipeline::dates::published_scanned(
                raw.published.as_deref(),
                &raw.text,
                None,
                &scanned,
            );
            let anchor = published.as_ref().and_then(|p| p.anchor());
            std::hint::black_box((
                found,
                pipeline::dates::resolve_all(&raw.text, &scanned, anchor),
            ));
        }
        when_seconds += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for processed in results.iter().flatten() {
            let words = pipeline::paragraph_words(&processed.doc.paragraphs);
            let passages: Vec<pipeline::entities::Passage<'_>> = processed
                .doc
                .paragraphs
                .iter()
                .zip(&words)
                .map(|(p, words)| pipeline::entities::Passage {
                    norm: &p.norm,
                    map: &p.norm_map,
                    lang: p.lang.lang,
                    words: Some(words),
                })
                .collect();
            std::hint::black_box(pipeline::entities::find(&passages, None, &cfg.knowledge));
        }
        who_seconds += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for processed in results.iter().flatten() {
            let doc = &processed.doc;
            let words = pipeline::paragraph_words(&doc.paragraphs);
            let prepared = pipeline::events::prepare(&doc.paragraphs, &words, &cfg.triggers);
            let quotes = pipeline::events::quotes::find(&prepared, &doc.entities);
            let mut events = pipeline::events::find(
                &prepared,
                &doc.entities,
                &quotes,
                &cfg.triggers,
                &cfg.knowledge,
            );
            pipeline::situate::situate(
                &doc.text,
                &doc.paragraphs,
                &doc.entities,
                &doc.dates,
                doc.published.as_ref(),
                &quotes,
                &mut events,
            );
            std::hint::black_box((quotes, events));
        }
        what_seconds += t.elapsed().as_secs_f64();
        *n_docs += results.iter().filter(|r| r.is_ok()).count();
        window.clear();
    };
    for article in ingest::open(&ingest::Input::File(path))? {
        let raw = article?;
        n_text_bytes += raw.text.len();
        window.push(raw);
        if window.len() == 512 {
            run_window(&mut window, &mut n_docs);
            if n_docs.is_multiple_of(5120) {
                rss_samples.push((n_docs, crate::rss_mib().unwrap_or(0.0)));
            }
        }
    }
    run_window(&mut window, &mut n_docs);
    // The timed-apart re-runs are not part of a real run.
    let total =
        started.elapsed().as_secs_f64() - read_seconds - when_seconds - who_seconds - what_seconds;
    println!("== benchmark: SaudiNewsNet, one core");
    println!(
        "  {n_docs} documents, {:.1} MB of JSON, {:.1} MB of article text",
        json_bytes as f64 / 1e6,
        n_text_bytes as f64 / 1e6
    );
    println!(
        "  language models loaded in {model_seconds:.2} s, resident {rss_after_models:.0} MiB after loading"
    );
    println!(
        "  end to end (gunzip, JSON, every stage): {total:.2} s = {:.0} docs/s, {:.1} MB/s of JSON",
        n_docs as f64 / total,
        json_bytes as f64 / 1e6 / total
    );
    println!(
        "  pipeline stages alone: {pipeline_seconds:.2} s = {:.0} docs/s, {:.1} MB/s of article text",
        n_docs as f64 / pipeline_seconds,
        n_text_bytes as f64 / 1e6 / pipeline_seconds
    );
    println!(
        "  text stages (issue 2: clean, language, normalize, segment), timed apart: {read_seconds:.2} s = {:.0} docs/s, {:.1} MB/s of article text",
        n_docs as f64 / read_seconds.max(f64::MIN_POSITIVE),
        n_text_bytes as f64 / 1e6 / read_seconds.max(f64::MIN_POSITIVE)
    );
    println!(
        "  sources and dates (issue 3), timed apart: {when_seconds:.2} s = {:.0} docs/s",
        n_docs as f64 / when_seconds.max(f64::MIN_POSITIVE)
    );
    println!(
        "  entities (issue 4), timed apart: {who_seconds:.2} s = {:.0} docs/s",
        n_docs as f64 / who_seconds.max(f64::MIN_POSITIVE)
    );
    println!(
        "  events (issue 5), timed apart: {what_seconds:.2} s = {:.0} docs/s",
        n_docs as f64 / what_seconds.max(f64::MIN_POSITIVE)
    );
    let samples: Vec<String> =
        rss_samples.iter().map(|(n, mib)| format!("{n}: {mib:.0}")).collect();
    println!("  resident MiB after N documents: {}", samples.join(", "));
    println!("  peak resident memory: {:.0} MiB", crate::peak_rss_mib().unwrap_or(0.0));
    Ok(())
}

fn gunzipped_len(path: &Path) -> anyhow::Result<u64> {
    let file = std::fs::File::open(path)?;
    Ok(std::io::copy(&mut flate2::read::MultiGzDecoder::new(file), &mut std::io::sink())?)
}
