//! The records document: what a records file holds and what `export` writes.

use serde::{Deserialize, Serialize};

use super::entity::Entity;
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
        self.entities.sort_by(|a, b| a.id.cmp(&b.id));
        for relation in &mut self.relations {
            relation.evidence.sort();
            relation.evidence.dedup();
        }
        self.relations.sort_by(|a, b| a.key().cmp(&b.key()));
    }
}
