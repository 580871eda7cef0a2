//! Measuring extraction against curated records: precision, recall and F1 per fact type.
//!
//! Facts are compared by what they say, not by ids: a person is matched by the search key
//! of its name or of any alias; a post held by (person, role, kind of organization, area);
//! a working-group leader by (group number, person); a group's area by (group number,
//! area name); a chair by (source of the meeting, person). The comparison is pure: the
//! caller extracts and loads.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{Document, Entity, EntityId, EntityKind, Kind, RelationKind};
use crate::text::search_key;

/// The kinds of fact measured.
pub const FACT_TYPES: [&str; 5] = ["persons", "posts", "leaders", "group_areas", "chairs"];

/// Counts for one fact type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    pub true_positives: usize,
    pub extracted: usize,
    pub curated: usize,
    pub missed: Vec<String>,
    pub invented: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.extracted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.curated)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: &Score) {
        self.true_positives += other.true_positives;
        self.extracted += other.extracted;
        self.curated += other.curated;
        self.missed.extend(other.missed.iter().cloned());
        self.invented.extend(other.invented.iter().cloned());
    }
}

/// Nothing to find and nothing found is a perfect score.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores of one article, by fact type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleScore {
    pub source: EntityId,
    pub scores: BTreeMap<String, Score>,
}

/// The whole evaluation: per article and summed over all of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub articles: Vec<ArticleScore>,
    pub overall: BTreeMap<String, Score>,
}

impl Report {
    pub fn f1(&self, fact: &str) -> f64 {
        self.overall.get(fact).map_or(1.0, Score::f1)
    }
}

/// One article to measure: the extracted document, and the sources whose curated facts
/// count for it (itself plus the articles it translates or that translate it).
pub struct Case<'a> {
    pub source: EntityId,
    pub related_sources: BTreeSet<EntityId>,
    pub extracted: &'a Document,
}

/// Compares every case with the curated document.
pub fn evaluate(curated: &Document, cases: &[Case<'_>]) -> Report {
    let mut report = Report::default();
    for fact in FACT_TYPES {
        report.overall.insert(fact.to_string(), Score::default());
    }
    for case in cases {
        let gold = facts(curated, Some(&case.related_sources), None);
        let got = facts(case.extracted, None, Some(curated));
        let mut article = ArticleScore {
            source: case.source.clone(),
            scores: BTreeMap::new(),
        };
        for fact in FACT_TYPES {
            let g = gold.get(fact).cloned().unwrap_or_default();
            let e = got.get(fact).cloned().unwrap_or_default();
            let score = Score {
                true_positives: g.intersection(&e).count(),
                extracted: e.len(),
                curated: g.len(),
                missed: g
                    .difference(&e)
                    .map(|f| format!("{}: {f}", case.source))
                    .collect(),
                invented: e
                    .difference(&g)
                    .map(|f| format!("{}: {f}", case.source))
                    .collect(),
            };
            if let Some(total) = report.overall.get_mut(fact) {
                total.add(&score);
            }
            article.scores.insert(fact.to_string(), score);
        }
        report.articles.push(article);
    }
    report
}

type Facts = BTreeMap<&'static str, BTreeSet<String>>;

/// The person keys of an entity: its name and aliases, as search keys.
fn person_keys(entity: &Entity) -> BTreeSet<String> {
    std::iter::once(entity.name.as_str())
        .chain(entity.aliases.iter().map(|a| a.text.as_str()))
        .map(search_key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// Normalized facts of a document. With `sources`, only relations with evidence from one
/// of them (and the entities at their ends) count. With `reference`, people are named
/// after the reference's person that shares a key with them, so that the same person
/// gives the same fact text on both sides.
fn facts(
    doc: &Document,
    sources: Option<&BTreeSet<EntityId>>,
    reference: Option<&Document>,
) -> Facts {
    let by_id: BTreeMap<&EntityId, &Entity> = doc.entities.iter().map(|e| (&e.id, e)).collect();
    let reference_people: Vec<(String, BTreeSet<String>)> = reference
        .map(|r| {
            r.entities
                .iter()
                .filter(|e| e.kind() == Kind::Person)
                .map(|e| (search_key(&e.name), person_keys(e)))
                .collect()
        })
        .unwrap_or_default();
    let person_name = |id: &EntityId| -> Option<String> {
        let entity = by_id.get(id)?;
        let keys = person_keys(entity);
        let matched = reference_people
            .iter()
            .find(|(_, other)| !other.is_disjoint(&keys))
            .map(|(name, _)| name.clone());
        Some(matched.unwrap_or_else(|| search_key(&entity.name)))
    };
    let counts = |r: &crate::model::Relation| {
        sources.is_none_or(|s| r.evidence.iter().any(|e| s.contains(&e.source)))
    };
    // An area is named after the reference's area that shares a name or alias with it.
    let area_name = |id: &EntityId| -> String {
        let Some(entity) = by_id.get(id) else {
            return id.as_str().trim_start_matches("area:").replace('-', " ");
        };
        reference
            .and_then(|r| matching_area(r, &person_keys(entity)))
            .unwrap_or_else(|| search_key(&entity.name))
    };
    let group_number = |id: &EntityId| -> Option<u32> {
        match by_id.get(id).map(|e| &e.kind) {
            Some(EntityKind::WorkingGroup { number }) => *number,
            _ => None,
        }
    };
    // Organization → area, by `within` or by the id's prefix.
    let mut org_area: BTreeMap<&EntityId, String> = BTreeMap::new();
    for r in &doc.relations {
        if r.kind == RelationKind::Within
            && by_id
                .get(&r.from)
                .is_some_and(|e| e.kind() == Kind::Organization)
        {
            org_area.insert(&r.from, area_name(&r.to));
        }
    }
    let mut post_org: BTreeMap<&EntityId, &EntityId> = BTreeMap::new();
    for r in &doc.relations {
        if r.kind == RelationKind::PostOf {
            post_org.insert(&r.from, &r.to);
        }
    }
    let mut out: Facts = BTreeMap::new();
    let mut people: BTreeSet<String> = BTreeSet::new();
    for r in doc.relations.iter().filter(|r| counts(r)) {
        for end in [&r.from, &r.to] {
            if by_id.get(end).is_some_and(|e| e.kind() == Kind::Person)
                && let Some(name) = person_name(end)
            {
                people.insert(name);
            }
        }
        match r.kind {
            RelationKind::Holds => {
                let (Some(person), Some(post)) = (person_name(&r.from), by_id.get(&r.to)) else {
                    continue;
                };
                let role = post.role().map_or("?".to_string(), |r| r.to_string());
                let org = post_org.get(&r.to).and_then(|o| by_id.get(*o));
                let class = org
                    .and_then(|o| o.classification())
                    .map_or("?".to_string(), |c| c.to_string());
                let area = org
                    .and_then(|o| org_area.get(&o.id).cloned())
                    .unwrap_or_else(|| "-".to_string());
                out.entry("posts")
                    .or_default()
                    .insert(format!("{person} | {role} | {class} | {area}"));
            }
            RelationKind::Leads => {
                if let (Some(person), Some(n)) = (person_name(&r.from), group_number(&r.to)) {
                    out.entry("leaders")
                        .or_default()
                        .insert(format!("group {n} | {person}"));
                }
            }
            RelationKind::WorksWith => {
                if let Some(n) = group_number(&r.from) {
                    let name = area_name(&r.to);
                    out.entry("group_areas")
                        .or_default()
                        .insert(format!("group {n} | {name}"));
                }
            }
            RelationKind::Chaired => {
                // Within one article (and its translations) a chair is known by the person.
                if let Some(person) = person_name(&r.from) {
                    out.entry("chairs")
                        .or_default()
                        .insert(format!("chair | {person}"));
                }
            }
            _ => {}
        }
    }
    // Every extracted person counts, with or without a relation.
    if sources.is_none() {
        for e in doc.entities.iter().filter(|e| e.kind() == Kind::Person) {
            if let Some(name) = person_name(&e.id) {
                people.insert(name);
            }
        }
    }
    // Curated people count for an article when an alias is sourced to it, too.
    if let Some(sources) = sources {
        for e in doc.entities.iter().filter(|e| e.kind() == Kind::Person) {
            if e.aliases
                .iter()
                .any(|a| a.source.as_ref().is_some_and(|s| sources.contains(s)))
            {
                people.insert(search_key(&e.name));
            }
        }
    }
    out.insert("persons", people);
    out
}

/// The name of the reference area sharing a name or alias key with `keys`.
fn matching_area(reference: &Document, keys: &BTreeSet<String>) -> Option<String> {
    reference
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Area)
        .find(|e| !person_keys(e).is_disjoint(keys))
        .map(|e| search_key(&e.name))
}

/// A plain-text table of a report: overall, then per article, then what was missed and
/// invented.
pub fn table(report: &Report) -> String {
    let mut out = String::new();
    let line = |out: &mut String, label: &str, scores: &BTreeMap<String, Score>| {
        for fact in FACT_TYPES {
            if let Some(s) = scores.get(fact) {
                out.push_str(&format!(
                    "{label:<28} {fact:<12} {:>5.3} {:>5.3} {:>5.3} {:>4} {:>4} {:>4}\n",
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.true_positives,
                    s.extracted,
                    s.curated
                ));
            }
        }
    };
    out.push_str(&format!(
        "{:<28} {:<12} {:>5} {:>5} {:>5} {:>4} {:>4} {:>4}\n",
        "article", "fact", "P", "R", "F1", "tp", "ext", "cur"
    ));
    line(&mut out, "overall", &report.overall);
    for article in &report.articles {
        line(&mut out, article.source.as_str(), &article.scores);
    }
    for fact in FACT_TYPES {
        if let Some(s) = report.overall.get(fact) {
            for m in &s.missed {
                out.push_str(&format!("missed   {fact:<12} {m}\n"));
            }
            for i in &s.invented {
                out.push_str(&format!("invented {fact:<12} {i}\n"));
            }
        }
    }
    out
}
