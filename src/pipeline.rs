//! From a loaded data directory to the one document the graph is built from.
//!
//! This is the one place where curated records, extracted records and entity resolution
//! meet, so `build`, `query`, `export`, `resolve` and the staleness test all see the same
//! graph. Pure: the caller loads the data and the site table.
//!
//! Precedence: every article is extracted and every person resolved, then
//! - a fact with curated evidence stands, and extracted evidence for the same fact (same
//!   kind and ends, whatever its dates) is added to it: the fact was also found by a rule;
//! - a fact found only by extraction, in an article that has curated records, is left out:
//!   the curator read that article, and `govgraph eval` lists such facts as invented;
//! - a fact found only by extraction in an article without curated records is added, marked
//!   `extracted` with its rule and confidence;
//! - an entity no kept fact or curated record names is left out with its facts;
//! - then every area becomes the gazetteer unit it is, and the units around it join the
//!   graph ([`crate::gazetteer::enrich`]).
//!
//! Nothing is dropped silently: [`Combined::left_out`] counts what was left out and `build`
//! prints it.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::extract::{self, SiteTable};
use crate::gazetteer::{Enrichment, Gazetteer};
use crate::load::{Dataset, LoadedArticle};
use crate::model::{Document, EntityId, Kind, RelationKind};
use crate::resolve::{self, Resolution};

/// The combined document and what happened on the way.
#[derive(Debug)]
pub struct Combined {
    pub document: Document,
    pub resolution_report: resolve::Report,
    /// Articles extracted, and extraction diagnostics over all of them.
    pub articles: usize,
    pub diagnostics: usize,
    /// Facts found only by extraction, added from articles without curated records.
    pub extracted_added: usize,
    /// Extracted facts of curated articles that state a curated fact with other dates:
    /// their evidence joined the curated fact.
    pub corroborated: usize,
    /// Facts found only by extraction in curated articles, left out.
    pub left_out: usize,
    /// Entities left out because nothing kept names them.
    pub entities_left_out: usize,
    /// Areas made gazetteer units, and the units around them added ([`crate::gazetteer::enrich`]).
    pub places: Enrichment,
}

/// One article's extraction as the pipeline uses it: its records and how many diagnostics
/// the extractor gave. A pure function of the article's text, its front matter and the
/// site table (and the program), so it can be cached under the hash of those.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extracted {
    pub document: Document,
    pub diagnostics: usize,
}

/// Extracts one article.
pub fn extract_one(article: &LoadedArticle, sites: &SiteTable) -> Extracted {
    let extraction = extract::extract_article(&article.stem, &article.text, sites);
    Extracted {
        diagnostics: extraction.diagnostics.len(),
        document: extraction.document,
    }
}

/// Every article of `dataset` extracted, in article order, on every core (rayon): the
/// result is the same whatever the number of threads. `cached` answers for an article
/// whose extraction is known already (`None`: extract it).
pub fn extract_all(
    dataset: &Dataset,
    sites: &SiteTable,
    cached: &(dyn Fn(&LoadedArticle) -> Option<Extracted> + Sync),
) -> Vec<Extracted> {
    let articles: Vec<&LoadedArticle> = dataset.articles.values().collect();
    articles
        .par_iter()
        .map(|article| cached(article).unwrap_or_else(|| extract_one(article, sites)))
        .collect()
}

/// The extractions of the data directory's articles (in article order, as [`extract_all`]
/// returns them) and of articles extracted elsewhere (`build --extracted`), together in
/// source-id order: the order `dataset.articles` would give them had they been files of
/// the directory, so the graph is the same either way.
pub fn with_extracted(
    dataset: &Dataset,
    extracted: Vec<Extracted>,
    more: BTreeMap<EntityId, Extracted>,
) -> Vec<Extracted> {
    if more.is_empty() {
        return extracted;
    }
    let mut all: BTreeMap<EntityId, Extracted> = more;
    for (id, extraction) in dataset.articles.keys().zip(extracted) {
        all.insert(id.clone(), extraction);
    }
    all.into_values().collect()
}

/// The document the graph of a data directory is built from.
pub fn combine(dataset: &Dataset, sites: &SiteTable) -> Combined {
    combine_extracted(dataset, extract_all(dataset, sites, &|_| None), Vec::new())
}

/// [`combine`], with more extracted documents besides the data directory's own articles
/// (`govgraph resolve --extracted FILE`).
pub fn combine_with(dataset: &Dataset, sites: &SiteTable, documents: Vec<Document>) -> Combined {
    combine_extracted(dataset, extract_all(dataset, sites, &|_| None), documents)
}

/// [`combine`] from the extractions of the data directory's articles (in article order,
/// as [`extract_all`] returns them) and more extracted documents.
pub fn combine_extracted(
    dataset: &Dataset,
    extracted: Vec<Extracted>,
    mut documents: Vec<Document>,
) -> Combined {
    let given = documents.len();
    let mut diagnostics = 0;
    for extraction in extracted {
        diagnostics += extraction.diagnostics;
        documents.push(extraction.document);
    }
    let Resolution { document, report } =
        resolve::resolve(&dataset.document, &documents, &dataset.judgements);

    let curated_ids: BTreeSet<&EntityId> =
        dataset.document.entities.iter().map(|e| &e.id).collect();
    let curated_sources: BTreeSet<&EntityId> = dataset
        .document
        .relations
        .iter()
        .flat_map(|r| r.evidence.iter().map(|e| &e.source))
        .collect();

    // Resolution keeps curated ids, so a curated fact keeps its key through it.
    let curated_keys: BTreeSet<_> = dataset.document.relations.iter().map(|r| r.key()).collect();
    let mut left_out = 0;
    let mut corroborated = 0;
    let mut extracted_added = 0;
    let mut relations = Vec::new();
    let mut unconfirmed = Vec::new();
    for relation in document.relations {
        let curated = curated_keys.contains(&relation.key())
            || relation.evidence.iter().any(|e| e.method.is_curated());
        let from_curated_article = !relation.evidence.is_empty()
            && relation
                .evidence
                .iter()
                .all(|e| curated_sources.contains(&e.source));
        if curated {
            relations.push(relation);
        } else if from_curated_article {
            unconfirmed.push(relation);
        } else {
            extracted_added += 1;
            relations.push(relation);
        }
    }
    // An extracted fact of a curated article that states a curated fact with other dates
    // (the article's day where the curator kept only the month) is that fact: its evidence
    // joins the curated relation, whose dates stand.
    let mut by_ends: BTreeMap<(RelationKind, EntityId, EntityId), usize> = BTreeMap::new();
    for (i, relation) in relations.iter().enumerate() {
        if curated_keys.contains(&relation.key()) {
            by_ends
                .entry((relation.kind, relation.from.clone(), relation.to.clone()))
                .or_insert(i);
        }
    }
    for relation in unconfirmed {
        match by_ends.get(&(relation.kind, relation.from.clone(), relation.to.clone())) {
            Some(&i) => {
                relations[i].evidence.extend(relation.evidence);
                corroborated += 1;
            }
            None => left_out += 1,
        }
    }
    let named: BTreeSet<&EntityId> = relations.iter().flat_map(|r| [&r.from, &r.to]).collect();
    let mut entities = Vec::new();
    let mut entities_left_out = 0;
    for entity in document.entities {
        let kept = curated_ids.contains(&entity.id)
            || named.contains(&entity.id)
            || entity.kind() == Kind::Source;
        if kept {
            entities.push(entity);
        } else {
            entities_left_out += 1;
        }
    }
    let mut document = Document {
        entities,
        relations,
    };
    let places = crate::gazetteer::enrich(&mut document, Gazetteer::embedded());
    document.sort();
    Combined {
        document,
        resolution_report: report,
        articles: documents.len() - given,
        diagnostics,
        extracted_added,
        corroborated,
        left_out,
        entities_left_out,
        places,
    }
}
