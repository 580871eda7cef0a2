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
//! - before that, an article's unplaced posts are placed where the graph places its
//!   officials ([`resolve::place_unplaced`]);
//! - then every area becomes the gazetteer unit it is, and the units around it join the
//!   graph ([`crate::gazetteer::enrich`]).
//!
//! Nothing is dropped silently: [`Combined::left_out`] counts what was left out and `build`
//! prints it.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::extract::{self, SiteTable};
use crate::gazetteer::{Enrichment, Gazetteer};
use crate::load::{Dataset, Judgement, LoadedArticle};
use crate::model::{
    Document, EntityId, FastMap, FastSet, Kind, PartialDate, Relation, RelationKind,
};
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
    /// Unplaced posts placed through their articles' officials ([`resolve::place_unplaced`]).
    pub placing: resolve::Placing,
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
    let extracted = extract_all(dataset, sites, &|_| None);
    combine_curated(
        dataset.document.clone(),
        &dataset.judgements,
        extracted,
        Vec::new(),
    )
}

/// [`combine`], taking the dataset: its records move into the combined document instead
/// of being copied.
pub fn combine_owned(mut dataset: Dataset, sites: &SiteTable) -> Combined {
    let extracted = extract_all(&dataset, sites, &|_| None);
    let curated = std::mem::take(&mut dataset.document);
    combine_curated(curated, &dataset.judgements, extracted, Vec::new())
}

/// [`combine`], with more extracted documents besides the data directory's own articles
/// (`govgraph resolve --extracted FILE`).
pub fn combine_with(dataset: &Dataset, sites: &SiteTable, documents: Vec<Document>) -> Combined {
    let extracted = extract_all(dataset, sites, &|_| None);
    combine_curated(
        dataset.document.clone(),
        &dataset.judgements,
        extracted,
        documents,
    )
}

/// A relation's key with its ends as positions among the curated entities.
type CuratedKey = (
    RelationKind,
    u32,
    u32,
    Option<PartialDate>,
    Option<PartialDate>,
    Option<PartialDate>,
);

/// What precedence needs to know of the curated records once they have moved into
/// resolution: their entity ids, the key of every curated fact (ends as integers, so a
/// million facts cost a sorted list of small tuples) and the sources curated evidence cites.
struct Curated {
    ids: FastMap<EntityId, u32>,
    keys: Vec<CuratedKey>,
    sources: FastSet<EntityId>,
}

impl Curated {
    fn of(document: &Document) -> Self {
        let ids: FastMap<EntityId, u32> = document
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        let mut curated = Curated {
            ids,
            keys: Vec::with_capacity(document.relations.len()),
            sources: FastSet::default(),
        };
        for relation in &document.relations {
            // A curated fact names curated entities (the records were validated); one that
            // does not cannot be found by key, and is found by its evidence only.
            if let Some(key) = curated.key(relation) {
                curated.keys.push(key);
            }
            for evidence in &relation.evidence {
                if !curated.sources.contains(&evidence.source) {
                    curated.sources.insert(evidence.source.clone());
                }
            }
        }
        curated.keys.sort_unstable();
        curated.keys.dedup();
        curated
    }

    fn key(&self, relation: &Relation) -> Option<CuratedKey> {
        Some((
            relation.kind,
            *self.ids.get(&relation.from)?,
            *self.ids.get(&relation.to)?,
            relation.as_of,
            relation.start,
            relation.end,
        ))
    }

    /// True when a curated record states this fact (same key).
    fn states(&self, relation: &Relation) -> bool {
        self.key(relation)
            .is_some_and(|key| self.keys.binary_search(&key).is_ok())
    }
}

/// Renames each area that extraction gave a gazetteer unit's id (`area:vn-07030`) to the
/// curated area that is that unit (`area:hoanh-bo`), so that an article's facts about a
/// curated commune are facts about it before precedence compares them with the records.
/// Costs nothing when no article named such an area.
fn to_curated_areas(curated: &Document, documents: &mut [Document]) {
    let coded = |id: &EntityId| id.as_str().starts_with("area:vn-");
    if !documents
        .iter()
        .any(|d| d.entities.iter().any(|e| coded(&e.id)))
    {
        return;
    }
    let units = crate::gazetteer::curated_units(curated, Gazetteer::embedded());
    if units.is_empty() {
        return;
    }
    let rename = |id: &mut EntityId| {
        if coded(id)
            && let Some(to) = units.get(id)
        {
            *id = to.clone();
        }
    };
    for document in documents {
        for entity in &mut document.entities {
            rename(&mut entity.id);
        }
        for relation in &mut document.relations {
            rename(&mut relation.from);
            rename(&mut relation.to);
        }
    }
}

/// The combined document from the curated records (moved), the judgements, the
/// extractions of the data directory's articles (in article order, as [`extract_all`]
/// returns them) and more extracted documents.
pub fn combine_curated(
    curated: Document,
    judgements: &[Judgement],
    extracted: Vec<Extracted>,
    mut documents: Vec<Document>,
) -> Combined {
    let given = documents.len();
    let mut diagnostics = 0;
    for extraction in extracted {
        diagnostics += extraction.diagnostics;
        documents.push(extraction.document);
    }
    let extracted_documents = documents.len() - given;
    to_curated_areas(&curated, &mut documents);
    let (
        Resolution {
            mut document,
            report,
        },
        known,
    ) = resolve::resolve_owned_beside(curated, documents, judgements, Curated::of);
    let placing = resolve::place_unplaced(&mut document);

    // Resolution keeps curated ids, so a curated fact keeps its key through it.
    let mut left_out = 0;
    let mut corroborated = 0;
    let mut extracted_added = 0;
    // Sorted out in place (memory: no second list of the relations), in order.
    let mut relations = document.relations;
    let unconfirmed: Vec<Relation> = relations
        .extract_if(.., |relation| {
            let curated =
                relation.evidence.iter().any(|e| e.method.is_curated()) || known.states(relation);
            let from_curated_article = !relation.evidence.is_empty()
                && relation
                    .evidence
                    .iter()
                    .all(|e| known.sources.contains(&e.source));
            if !curated && !from_curated_article {
                extracted_added += 1;
            }
            !curated && from_curated_article
        })
        .collect();
    // An extracted fact of a curated article that states a curated fact with other dates
    // (the article's day where the curator kept only the month) is that fact: its evidence
    // joins the curated relation, whose dates stand.
    if !unconfirmed.is_empty() {
        let mut by_ends: BTreeMap<(RelationKind, &EntityId, &EntityId), usize> = BTreeMap::new();
        for (i, relation) in relations.iter().enumerate() {
            if known.states(relation) {
                by_ends
                    .entry((relation.kind, &relation.from, &relation.to))
                    .or_insert(i);
            }
        }
        let mut joins: Vec<(usize, Relation)> = Vec::new();
        for relation in unconfirmed {
            match by_ends.get(&(relation.kind, &relation.from, &relation.to)) {
                Some(&i) => joins.push((i, relation)),
                None => left_out += 1,
            }
        }
        drop(by_ends);
        for (i, relation) in joins {
            relations[i].evidence.extend(relation.evidence);
            corroborated += 1;
        }
    }
    // Entities that neither the curated records nor a kept fact name are left out.
    let unnamed: FastSet<&EntityId> = document
        .entities
        .iter()
        .filter(|e| !known.ids.contains_key(&e.id) && e.kind() != Kind::Source)
        .map(|e| &e.id)
        .collect();
    let named: FastSet<&EntityId> = if unnamed.is_empty() {
        FastSet::default()
    } else {
        relations
            .iter()
            .flat_map(|r| [&r.from, &r.to])
            .filter(|id| unnamed.contains(id))
            .collect()
    };
    let kept: Vec<bool> = document
        .entities
        .iter()
        .map(|e| !unnamed.contains(&e.id) || named.contains(&e.id))
        .collect();
    drop((unnamed, named));
    let mut entities = document.entities;
    let entities_left_out = kept.iter().filter(|&&k| !k).count();
    // `retain` visits every entity once, in order.
    let mut kept = kept.into_iter();
    entities.retain(|_| kept.next().unwrap_or(true));
    drop(known);
    let mut document = Document {
        entities,
        relations,
    };
    let places = crate::gazetteer::enrich(&mut document, Gazetteer::embedded());
    document.sort();
    Combined {
        document,
        resolution_report: report,
        articles: extracted_documents,
        diagnostics,
        extracted_added,
        corroborated,
        left_out,
        entities_left_out,
        places,
        placing,
    }
}
