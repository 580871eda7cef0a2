//! `govgraph eval`: extract the curated articles and score the result.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use crate::cli::QueryFormat;
use crate::error::{Error, Result};
use crate::eval::{self, Case, Report};
use crate::extract;
use crate::load;
use crate::model::{Document, EntityId, EntityKind};

/// Loads `data`, extracts every article that curated records cite, and scores it.
pub fn report(data: &Path) -> Result<Report> {
    let dataset = load::load_data_dir(data)?;
    let sites = super::files::site_table(data)?;
    let curated = &dataset.document;
    let cited: BTreeSet<&EntityId> = curated
        .relations
        .iter()
        .flat_map(|r| r.evidence.iter().map(|e| &e.source))
        .collect();
    // Translation pairs: each article counts the facts of the other.
    let mut translation: Vec<(EntityId, EntityId)> = Vec::new();
    for e in &curated.entities {
        if let EntityKind::Source {
            translation_of: Some(t),
            ..
        } = &e.kind
        {
            translation.push((e.id.clone(), t.clone()));
        }
    }
    for (id, loaded) in &dataset.articles {
        if let Some(t) = &loaded.article.translation_of {
            translation.push((id.clone(), t.clone()));
        }
    }
    let mut extracted: Vec<(EntityId, BTreeSet<EntityId>, Document)> = Vec::new();
    for (id, loaded) in &dataset.articles {
        let mut related: BTreeSet<EntityId> = BTreeSet::from([id.clone()]);
        for (a, b) in &translation {
            if a == id {
                related.insert(b.clone());
            }
            if b == id {
                related.insert(a.clone());
            }
        }
        if !related.iter().any(|s| cited.contains(s)) {
            continue;
        }
        // The loader read the text and made the source id from the same stem.
        let extraction = extract::extract_article(&loaded.stem, &loaded.text, &sites);
        extracted.push((id.clone(), related, extraction.document));
    }
    let cases: Vec<Case<'_>> = extracted
        .iter()
        .map(|(source, related, document)| Case {
            source: source.clone(),
            related_sources: related.clone(),
            extracted: document,
        })
        .collect();
    Ok(eval::evaluate(curated, &cases))
}

pub fn run(data: &Path, format: QueryFormat, out: &mut dyn Write) -> Result<()> {
    let report = report(data)?;
    let text = super::render(&report, format, || eval::table(&report));
    out.write_all(text.as_bytes())
        .map_err(|e| Error::io("stdout", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// F1 per fact type that `govgraph eval` must keep reaching on `data/`. They only
    /// ever go up.
    const FLOORS: [(&str, f64); 5] = [
        ("persons", 0.99),
        ("posts", 0.98),
        ("leaders", 0.99),
        ("group_areas", 0.99),
        ("chairs", 0.99),
    ];

    #[test]
    fn eval_over_the_samples_stays_above_its_floors() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let report = report(&data).expect("data/ loads");
        assert!(
            report.articles.len() >= 5,
            "{} articles",
            report.articles.len()
        );
        for (fact, floor) in FLOORS {
            let f1 = report.f1(fact);
            assert!(
                f1 >= floor,
                "{fact}: F1 {f1:.3} fell below {floor}\n{}",
                eval::table(&report)
            );
        }
    }
}
