//! Posts an article left unplaced, placed through its officials once people are resolved.
//!
//! An article that names no province ("Bí thư Tỉnh ủy", "the provincial People's
//! Committee", with no province, site or `--area` to say which) gives its provincial posts
//! a placeholder body, `org:unplaced-<body>` ("Party Committee (place unknown)"). Once
//! resolution has joined its officials with the people of other articles and records, the
//! graph may know where they serve:
//!
//! - an official of the article votes for a province when, besides the unplaced post, they
//!   hold a post of the same role in the same kind of body placed in exactly one province
//!   or centrally-run city;
//! - when the article's votes name one province and no other, every unplaced post of that
//!   article is placed there, exactly as extraction would have placed it had the article
//!   named the province (the same post and body ids), and its evidence says so: the rule
//!   gains `+placed-by-officials` and its confidence is at most
//!   [`PLACED_CONFIDENCE`];
//! - otherwise the posts stay unplaced, and each article keeps placeholders of its own
//!   (`org:unplaced-party-committee-in-<article>`), so two articles that did not say where
//!   never share a post, and no path runs through "Party Committee (place unknown)".
//!
//! Only extracted evidence moves; a curated record is never changed. Pure: no I/O.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::extract::{UNPLACED_NAME, is_unplaced_body, placed_post};
use crate::model::{
    AreaLevel, Classification, Document, Entity, EntityId, EntityKind, Evidence, Method,
    OwnedRelationKey, Relation, RelationKind, Role,
};

/// The highest confidence of a fact placed through its article's officials.
pub const PLACED_CONFIDENCE: u8 = 40;

/// What [`place_unplaced`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Placing {
    /// Articles whose unplaced posts were placed, and the posts held there that moved (one
    /// per holder and article).
    pub articles: usize,
    pub posts: usize,
    /// Articles whose posts stay unplaced, each with placeholders of its own.
    pub unplaced_articles: usize,
}

/// Places the unplaced posts of each article whose officials the graph places in one
/// province; gives the rest placeholders per article.
pub fn place_unplaced(document: &mut Document) -> Placing {
    // Curated records alone (a million of them) have no placeholder: nothing to index.
    if !document.entities.iter().any(|e| is_unplaced_body(&e.id)) {
        return Placing::default();
    }
    let index = Index::of(document);
    if index.placeholders.is_empty() {
        return Placing::default();
    }
    // The article's officials, the unplaced posts they hold there.
    let mut held: BTreeMap<EntityId, BTreeSet<(EntityId, EntityId)>> = BTreeMap::new();
    for relation in &document.relations {
        if relation.kind == RelationKind::Holds && index.placeholders.contains_key(&relation.to) {
            for evidence in extracted(relation) {
                held.entry(evidence.source.clone())
                    .or_default()
                    .insert((relation.from.clone(), relation.to.clone()));
            }
        }
    }
    let mut placed: BTreeMap<EntityId, EntityId> = BTreeMap::new();
    for (source, holdings) in &held {
        let votes: BTreeSet<&EntityId> = holdings
            .iter()
            .filter_map(|(person, post)| index.vote(person, post, source))
            .collect();
        if let [province] = votes.into_iter().collect::<Vec<_>>()[..] {
            placed.insert(source.clone(), province.clone());
        }
    }
    let sources: BTreeSet<&EntityId> = index
        .placeholder_sources
        .iter()
        .chain(held.keys())
        .collect();
    let placing = Placing {
        articles: placed.len(),
        posts: 0,
        unplaced_articles: sources.iter().filter(|s| !placed.contains_key(**s)).count(),
    };
    rewrite(document, &index, &placed, placing)
}

/// The evidence of a relation that extraction found (curated evidence never moves).
fn extracted(relation: &Relation) -> impl Iterator<Item = &Evidence> {
    relation.evidence.iter().filter(|e| !e.method.is_curated())
}

struct Index {
    /// Unplaced posts and bodies, with their role or classification and the body a post is of.
    placeholders: HashMap<EntityId, Placeholder>,
    /// Sources citing a fact about a placeholder.
    placeholder_sources: BTreeSet<EntityId>,
    /// A person's posts placed in a province: role, the body's classification, the
    /// province and the source that says so.
    posts: HashMap<EntityId, Vec<(Role, Classification, EntityId, EntityId)>>,
    /// Province-level areas by id, with name and level.
    provinces: HashMap<EntityId, (String, AreaLevel)>,
}

#[derive(Debug, Clone)]
struct Placeholder {
    name: String,
    /// A post's role and body; `None` for a body.
    post: Option<(Role, EntityId)>,
    /// The body's classification (for a post, its body's).
    classification: Classification,
}

impl Index {
    fn of(document: &Document) -> Index {
        let entities: HashMap<&EntityId, &Entity> =
            document.entities.iter().map(|e| (&e.id, e)).collect();
        let mut post_of: HashMap<&EntityId, &EntityId> = HashMap::new();
        let mut within: HashMap<&EntityId, &EntityId> = HashMap::new();
        for relation in &document.relations {
            match relation.kind {
                RelationKind::PostOf => {
                    post_of.entry(&relation.from).or_insert(&relation.to);
                }
                RelationKind::Within => {
                    within.entry(&relation.from).or_insert(&relation.to);
                }
                _ => {}
            }
        }
        // An unplaced body: its id says so, nothing places it, and it is an organization.
        let unplaced_body = |id: &EntityId| {
            if !is_unplaced_body(id) || within.contains_key(id) {
                return None;
            }
            entities.get(id).and_then(|e| e.classification())
        };
        let mut placeholders = HashMap::new();
        let mut provinces = HashMap::new();
        for entity in &document.entities {
            match &entity.kind {
                EntityKind::Organization { .. } => {
                    if let Some(classification) = unplaced_body(&entity.id) {
                        placeholders.insert(
                            entity.id.clone(),
                            Placeholder {
                                name: entity.name.clone(),
                                post: None,
                                classification,
                            },
                        );
                    }
                }
                EntityKind::Post { role } => {
                    let body = post_of
                        .get(&entity.id)
                        .and_then(|&org| Some((org, unplaced_body(org)?)));
                    if let Some((org, classification)) = body {
                        placeholders.insert(
                            entity.id.clone(),
                            Placeholder {
                                name: entity.name.clone(),
                                post: Some((*role, org.clone())),
                                classification,
                            },
                        );
                    }
                }
                EntityKind::Area { level, .. }
                    if matches!(level, AreaLevel::Province | AreaLevel::City) =>
                {
                    provinces.insert(entity.id.clone(), (entity.name.clone(), *level));
                }
                _ => {}
            }
        }
        let mut posts: HashMap<EntityId, Vec<_>> = HashMap::new();
        let mut placeholder_sources = BTreeSet::new();
        for relation in &document.relations {
            if placeholders.contains_key(&relation.from) || placeholders.contains_key(&relation.to)
            {
                placeholder_sources.extend(extracted(relation).map(|e| e.source.clone()));
                continue;
            }
            if relation.kind != RelationKind::Holds {
                continue;
            }
            let Some(role) = entities.get(&relation.to).and_then(|e| e.role()) else {
                continue;
            };
            let Some(&org) = post_of.get(&relation.to) else {
                continue;
            };
            let Some(area) = within.get(org).filter(|a| provinces.contains_key(**a)) else {
                continue;
            };
            let Some(classification) = entities.get(org).and_then(|e| e.classification()) else {
                continue;
            };
            let sources = relation.evidence.iter().map(|e| e.source.clone());
            for source in sources {
                posts.entry(relation.from.clone()).or_default().push((
                    role,
                    classification,
                    (*area).clone(),
                    source,
                ));
            }
        }
        Index {
            placeholders,
            placeholder_sources,
            posts,
            provinces,
        }
    }

    /// The one province where `person` holds a post like the unplaced `post`, from another
    /// source than `source`.
    fn vote(&self, person: &EntityId, post: &EntityId, source: &EntityId) -> Option<&EntityId> {
        let placeholder = self.placeholders.get(post)?;
        let (role, _) = placeholder.post.as_ref()?;
        let classification = placeholder.classification;
        let provinces: BTreeSet<&EntityId> = self
            .posts
            .get(person)?
            .iter()
            .filter(|(r, c, _, s)| r == role && *c == classification && s != source)
            .map(|(_, _, area, _)| area)
            .collect();
        match provinces.into_iter().collect::<Vec<_>>()[..] {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Moves each placeholder fact's extracted evidence to the relation it states in its
/// source: the placed post and body where the source is placed, the source's own
/// placeholders elsewhere.
fn rewrite(
    document: &mut Document,
    index: &Index,
    placed: &BTreeMap<EntityId, EntityId>,
    mut placing: Placing,
) -> Placing {
    // Each (placeholder, source) that a fact cites → the entity it becomes.
    let mut renamed: BTreeMap<(EntityId, EntityId), Entity> = BTreeMap::new();
    for relation in &document.relations {
        for id in [&relation.from, &relation.to] {
            if !index.placeholders.contains_key(id) {
                continue;
            }
            for evidence in extracted(relation) {
                let key = (id.clone(), evidence.source.clone());
                if !renamed.contains_key(&key)
                    && let Some(entity) = become_of(index, id, &evidence.source, placed)
                {
                    renamed.insert(key, entity);
                }
            }
        }
    }
    let map = |id: &EntityId, source: &EntityId| -> Option<&Entity> {
        renamed.get(&(id.clone(), source.clone()))
    };

    let mut relations: Vec<Relation> = Vec::with_capacity(document.relations.len());
    let mut at: HashMap<OwnedRelationKey, usize> = HashMap::new();
    let mut moved: Vec<Relation> = Vec::new();
    let mut held_there: BTreeSet<(EntityId, EntityId, EntityId)> = BTreeSet::new();
    for mut relation in std::mem::take(&mut document.relations) {
        let touches = index.placeholders.contains_key(&relation.from)
            || index.placeholders.contains_key(&relation.to);
        if touches {
            let mut kept = Vec::new();
            for mut evidence in std::mem::take(&mut relation.evidence) {
                let source = evidence.source.clone();
                let end = |id: &EntityId| {
                    if index.placeholders.contains_key(id) {
                        map(id, &source).map(|e| e.id.clone())
                    } else {
                        Some(id.clone())
                    }
                };
                match (
                    evidence.method.is_curated(),
                    end(&relation.from),
                    end(&relation.to),
                ) {
                    (false, Some(from), Some(to)) => {
                        if placed.contains_key(&source) {
                            mark_placed(&mut evidence);
                            if relation.kind == RelationKind::Holds {
                                held_there.insert((from.clone(), to.clone(), source.clone()));
                            }
                        }
                        let fact = Relation {
                            evidence: vec![evidence],
                            from,
                            to,
                            ..relation.clone()
                        };
                        // A placed body lies in its province, as extraction would have said.
                        if relation.kind == RelationKind::PostOf
                            && let Some(area) = placed.get(&source)
                        {
                            moved.push(Relation {
                                kind: RelationKind::Within,
                                from: fact.to.clone(),
                                to: area.clone(),
                                ..fact.clone()
                            });
                        }
                        moved.push(fact);
                    }
                    _ => kept.push(evidence),
                }
            }
            if kept.is_empty() {
                continue;
            }
            relation.evidence = kept;
        }
        at.insert(relation.owned_key(), relations.len());
        relations.push(relation);
    }
    placing.posts = held_there.len();
    for relation in moved {
        match at.get(&relation.owned_key()) {
            Some(&i) => relations[i].evidence.extend(relation.evidence),
            None => {
                at.insert(relation.owned_key(), relations.len());
                relations.push(relation);
            }
        }
    }
    for relation in &mut relations {
        relation.evidence.sort();
        relation.evidence.dedup();
    }
    document.relations = relations;

    // Placeholders nothing cites any more go; the entities they became come in once each.
    let named: BTreeSet<&EntityId> = document
        .relations
        .iter()
        .flat_map(|r| [&r.from, &r.to])
        .collect();
    let present: BTreeSet<EntityId> = document
        .entities
        .iter()
        .filter(|e| !index.placeholders.contains_key(&e.id) || named.contains(&e.id))
        .map(|e| e.id.clone())
        .collect();
    let mut added: BTreeMap<EntityId, Entity> = BTreeMap::new();
    for entity in renamed.into_values() {
        if named.contains(&entity.id) && !present.contains(&entity.id) {
            added.entry(entity.id.clone()).or_insert(entity);
        }
    }
    document
        .entities
        .retain(|e| !index.placeholders.contains_key(&e.id) || named.contains(&e.id));
    document.entities.extend(added.into_values());
    placing
}

/// What the placeholder `id` is in `source`: the placed post or body where the source is
/// placed, else the source's own placeholder.
fn become_of(
    index: &Index,
    id: &EntityId,
    source: &EntityId,
    placed: &BTreeMap<EntityId, EntityId>,
) -> Option<Entity> {
    let placeholder = index.placeholders.get(id)?;
    let org = match &placeholder.post {
        Some((_, org)) => org,
        None => id,
    };
    let org_name = &index.placeholders.get(org)?.name;
    let classification = placeholder.classification;
    let kind = match placeholder.post {
        Some((role, _)) => EntityKind::Post { role },
        None => EntityKind::Organization { classification },
    };
    if let Some(area) = placed.get(source) {
        let (area_name, level) = index.provinces.get(area)?;
        let role = placeholder.post.as_ref().map_or(Role::Member, |(r, _)| *r);
        let [post, body] = placed_post(
            role,
            classification,
            (org, org_name),
            (area, area_name, *level),
        )?;
        let (id, name) = if placeholder.post.is_some() {
            post
        } else {
            body
        };
        return Some(entity(id, name, kind));
    }
    let article = source.as_str().strip_prefix("source:")?;
    let name = placeholder
        .name
        .strip_suffix(UNPLACED_NAME)
        .unwrap_or(&placeholder.name);
    Some(entity(
        EntityId::new(format!("{id}-in-{article}")),
        format!("{name} (place unknown, in {article})"),
        kind,
    ))
}

fn entity(id: EntityId, name: String, kind: EntityKind) -> Entity {
    Entity {
        id,
        name,
        kind,
        aliases: Vec::new(),
        note: None,
    }
}

/// Evidence of a fact placed through its article's officials says so.
fn mark_placed(evidence: &mut Evidence) {
    if let Method::Extracted { rule, confidence } = &mut evidence.method {
        rule.push_str("+placed-by-officials");
        *confidence = (*confidence).min(PLACED_CONFIDENCE);
    }
}

#[cfg(test)]
mod tests;
