//! Places and bodies across spellings: an extracted area or organization joins the curated
//! entity it names.
//!
//! Extraction builds ids from its own romanization, so a ward the curator calls Dong Kinh
//! may come back as `area:dung-kinh` while both carry the Arabic spelling دونغ كينه. An
//! extracted area or organization joins a curated entity when
//! - both are of the same kind (and the same level or classification),
//! - they share a spelling: a name or alias with the same search key, and
//! - they lie in the same place (`within`), when both say where they lie,
//!
//! and exactly one curated entity qualifies; with two or more it stays apart. Places share
//! names across provinces (many provinces have a Tan Thanh), hence the place condition.
//! Cost: one index of curated spellings, one lookup per extracted spelling.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Document, Entity, EntityId, EntityKind, RelationKind};
use crate::text::search_key;

/// Why an extracted entity was joined to a curated one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Joined {
    /// The label of the extracted document the entity came from.
    pub document: String,
    pub from: EntityId,
    pub into: EntityId,
    pub spelling: String,
}

/// What sort of entity must match: the kind with its level or classification.
fn sort_of(entity: &Entity) -> Option<String> {
    match &entity.kind {
        EntityKind::Area { level, .. } => Some(format!("area/{level}")),
        EntityKind::Organization { classification } => Some(format!("org/{classification}")),
        _ => None,
    }
}

fn places(document: &Document) -> BTreeMap<&EntityId, BTreeSet<&EntityId>> {
    let mut within: BTreeMap<&EntityId, BTreeSet<&EntityId>> = BTreeMap::new();
    for relation in &document.relations {
        if relation.kind == RelationKind::Within {
            within
                .entry(&relation.from)
                .or_default()
                .insert(&relation.to);
        }
    }
    within
}

/// For each extracted document (index `d` in `extracted`), the extracted ids to re-point
/// to a curated id, with the reason.
pub fn join_to_curated<'a>(
    curated: &Document,
    extracted: &'a [Document],
    label: impl Fn(usize) -> String,
) -> (BTreeMap<(usize, &'a EntityId), EntityId>, Vec<Joined>) {
    let mut index: BTreeMap<(String, String), BTreeSet<&EntityId>> = BTreeMap::new();
    let curated_ids: BTreeSet<&EntityId> = curated.entities.iter().map(|e| &e.id).collect();
    for entity in &curated.entities {
        let Some(sort) = sort_of(entity) else {
            continue;
        };
        for text in spellings(entity) {
            index
                .entry((sort.clone(), text))
                .or_default()
                .insert(&entity.id);
        }
    }
    let curated_places = places(curated);
    let mut map = BTreeMap::new();
    let mut joined = Vec::new();
    for (d, document) in extracted.iter().enumerate() {
        let extracted_places = places(document);
        for entity in &document.entities {
            if curated_ids.contains(&entity.id) {
                continue;
            }
            let Some(sort) = sort_of(entity) else {
                continue;
            };
            let mut candidates: BTreeMap<&EntityId, String> = BTreeMap::new();
            for text in spellings(entity) {
                for id in index
                    .get(&(sort.clone(), text.clone()))
                    .into_iter()
                    .flatten()
                {
                    candidates.entry(id).or_insert_with(|| text.clone());
                }
            }
            let here = extracted_places.get(&entity.id);
            candidates.retain(|id, _| match (here, curated_places.get(id)) {
                (Some(a), Some(b)) => !a.is_disjoint(b),
                _ => true,
            });
            if let [(into, spelling)] = candidates.into_iter().collect::<Vec<_>>().as_slice() {
                map.insert((d, &entity.id), (*into).clone());
                joined.push(Joined {
                    document: label(d),
                    from: entity.id.clone(),
                    into: (*into).clone(),
                    spelling: spelling.clone(),
                });
            }
        }
    }
    joined.sort();
    (map, joined)
}

fn spellings(entity: &Entity) -> BTreeSet<String> {
    std::iter::once(entity.name.as_str())
        .chain(entity.aliases.iter().map(|a| a.text.as_str()))
        .map(search_key)
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alias, AreaLevel, Lang, Relation};

    fn area(id: &str, name: &str, arabic: &str) -> Entity {
        Entity {
            id: EntityId::new(id),
            name: name.to_string(),
            kind: EntityKind::area(AreaLevel::Ward),
            aliases: vec![Alias {
                text: arabic.to_string(),
                lang: Lang::Ar,
                source: None,
            }],
            note: None,
        }
    }

    fn within(from: &str, to: &str) -> Relation {
        Relation {
            kind: RelationKind::Within,
            from: EntityId::new(from),
            to: EntityId::new(to),
            as_of: None,
            start: None,
            end: None,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn a_ward_spelled_the_same_in_arabic_joins_the_curated_ward() {
        let curated = Document {
            entities: vec![area("area:dong-kinh", "Dong Kinh", "دونغ كينه")],
            relations: vec![within("area:dong-kinh", "area:lang-son")],
        };
        let extracted = [Document {
            entities: vec![area("area:dung-kinh", "Dung Kinh", "دونغ كينه")],
            relations: vec![within("area:dung-kinh", "area:lang-son")],
        }];
        let (map, joined) = join_to_curated(&curated, &extracted, |d| format!("doc {d}"));
        assert_eq!(
            map[&(0, &EntityId::new("area:dung-kinh"))],
            EntityId::new("area:dong-kinh")
        );
        assert_eq!(joined[0].spelling, search_key("دونغ كينه"));
    }

    #[test]
    fn the_same_name_in_another_province_stays_apart() {
        let curated = Document {
            entities: vec![area("area:tan-thanh", "Tan Thanh", "تان ثانه")],
            relations: vec![within("area:tan-thanh", "area:lang-son")],
        };
        let extracted = [Document {
            entities: vec![area("area:tan-thanh-2", "Tan Thanh", "تان ثانه")],
            relations: vec![within("area:tan-thanh-2", "area:quang-ninh")],
        }];
        let (map, _) = join_to_curated(&curated, &extracted, |d| format!("doc {d}"));
        assert!(map.is_empty());
    }

    #[test]
    fn two_curated_matches_are_ambiguous_and_join_nothing() {
        let curated = Document {
            entities: vec![
                area("area:tan-thanh", "Tan Thanh", "تان ثانه"),
                area("area:tan-thanh-commune", "Tan Thanh", "تان ثانه"),
            ],
            relations: Vec::new(),
        };
        let extracted = [Document {
            entities: vec![area("area:tan-thanh-x", "Tan Thanh", "تان ثانه")],
            relations: Vec::new(),
        }];
        let (map, _) = join_to_curated(&curated, &extracted, |d| format!("doc {d}"));
        assert!(map.is_empty());
    }
}
