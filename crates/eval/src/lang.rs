//! Language accuracy: lingua's own Arabic and Persian test sets, and the two real corpora.

use std::path::Path;

use model::Lang;

use crate::corpora;

pub(crate) fn run(shared: &Path) -> anyhow::Result<()> {
    let cfg = crate::config();
    println!("== language identification");
    println!("lingua test sets (1,000 lines each), text as given:");
    let sets = [
        ("arabic", Lang::Ar, &lingua_arabic_language_model::ARABIC_TESTDATA_DIRECTORY),
        ("persian", Lang::Fa, &lingua_persian_language_model::PERSIAN_TESTDATA_DIRECTORY),
    ];
    for (name, lang, dir) in sets {
        for file in ["single-words.txt", "word-pairs.txt", "sentences.txt"] {
            let text = dir
                .get_file(file)
                .and_then(|f| f.contents_utf8())
                .ok_or_else(|| anyhow::anyhow!("lingua's {name} test data has no {file}"))?;
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            let wrong: Vec<&&str> = lines
                .iter()
                .filter(|l| pipeline::lang::detect(l, &cfg.detector).lang != lang)
                .collect();
            let n_right = lines.len() - wrong.len();
            if file == "single-words.txt" {
                let examples: Vec<&str> = wrong.iter().take(20).map(|s| **s).collect();
                println!("      e.g. missed: {}", examples.join(" "));
            }
            println!(
                "  {name:<8} {file:<17} {n_right:>4}/{:<4} = {:.1}%",
                lines.len(),
                100.0 * n_right as f64 / lines.len().max(1) as f64
            );
        }
    }
    println!("real corpora, whole documents and titles alone:");
    for (corpus, lang) in [("saudinewsnet", Lang::Ar), ("farsnews", Lang::Fa)] {
        let mut n_docs = 0usize;
        let mut n_docs_right = 0usize;
        let mut n_titles = 0usize;
        let mut n_titles_right = 0usize;
        let mut wrong_titles: Vec<String> = Vec::new();
        corpora::for_each(shared, corpus, &cfg, |raw, processed| {
            n_docs += 1;
            n_docs_right += usize::from(processed.doc.lang.lang == lang);
            if let Some(title) = &raw.title {
                n_titles += 1;
                let is_right = pipeline::lang::detect(title, &cfg.detector).lang == lang;
                n_titles_right += usize::from(is_right);
                if !is_right && wrong_titles.len() < 12 {
                    wrong_titles.push(title.clone());
                }
            }
        })?;
        println!(
            "  {corpus:<12} documents {n_docs_right}/{n_docs} = {:.2}%   titles {n_titles_right}/{n_titles} = {:.2}%",
            100.0 * n_docs_right as f64 / n_docs.max(1) as f64,
            100.0 * n_titles_right as f64 / n_titles.max(1) as f64
        );
        for title in wrong_titles {
            println!("      e.g. missed title: {title}");
        }
    }
    Ok(())
}
