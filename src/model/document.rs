//! The records document: what a records file holds and what `export` writes.

use serde::{Deserialize, Serialize};

use super::entity::Entity;
use super::id::FastMap;
use super::relation::Relation;

/// A set of entities and relations. A file under `data/` holds any part of the whole;
/// an exported graph holds all of it, sorted (see [`Document::sort`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub relations: Vec<Relation>,
}

impl Document {
    /// Puts the document in its one canonical order: entities by id, their aliases sorted
    /// and deduplicated, relations by key, evidence sorted and deduplicated.
    pub fn sort(&mut self) {
        for entity in &mut self.entities {
            entity.aliases.sort();
            entity.aliases.dedup();
        }
        self.sort_entities();
        for relation in &mut self.relations {
            relation.evidence.sort();
            relation.evidence.dedup();
        }
        self.sort_relations();
    }

    /// Entities by id, stably (equal ids keep their order).
    pub(crate) fn sort_entities(&mut self) {
        if !self.entities.is_sorted_by(|a, b| a.id <= b.id) {
            self.entities.sort_by(|a, b| a.id.cmp(&b.id));
        }
    }

    /// Relations by [`Relation::key`], stably, the entities being sorted by id already
    /// ([`Document::sort_entities`]).
    pub(crate) fn sort_relations(&mut self) {
        sort_relations(&self.entities, &mut self.relations);
    }
}

/// Sorts `relations` by [`Relation::key`], stably, given `entities` sorted by id. When
/// every end is an entity, ends are compared as positions of the first entity of their id
/// (the same order as their text, found with one hash lookup each instead of a string
/// comparison at every step of the sort); otherwise by text.
fn sort_relations(entities: &[Entity], relations: &mut [Relation]) {
    if relations.is_sorted_by(|a, b| a.key() <= b.key()) {
        return;
    }
    let mut rank: FastMap<&str, u32> =
        FastMap::with_capacity_and_hasher(entities.len(), Default::default());
    for (i, entity) in entities.iter().enumerate() {
        rank.entry(entity.id.as_str()).or_insert(i as u32);
    }
    let ranked = relations
        .iter()
        .all(|r| rank.contains_key(r.from.as_str()) && rank.contains_key(r.to.as_str()));
    if !ranked {
        relations.sort_by(|a, b| a.key().cmp(&b.key()));
        return;
    }
    // Stable: `sort_by_cached_key` breaks ties by original position.
    relations.sort_by_cached_key(|r| {
        (
            r.kind,
            rank[r.from.as_str()],
            rank[r.to.as_str()],
            r.as_of,
            r.start,
            r.end,
        )
    });
}
