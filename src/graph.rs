//! The graph: a petgraph `DiGraph` over a sorted [`Document`], plus a name index.
//!
//! Invariants: entities are stored sorted by id and node `i` is entity `i`; relations are
//! stored sorted by key and edge `j` is relation `j`. Every neighbour list handed out is
//! sorted by relation index, never in petgraph's (reverse insertion) order, so every
//! answer and every export is deterministic.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::error::{Error, Result};
use crate::model::{Document, Entity, EntityId, Kind, Relation, RelationKind};
use crate::text::search_key;

pub struct Graph {
    document: Document,
    graph: DiGraph<(), ()>,
    /// Search key of every id, name and alias → the entities that carry it.
    names: BTreeMap<String, BTreeSet<usize>>,
}

/// One relation seen from one of its ends.
#[derive(Debug, Clone, Copy)]
pub struct Link<'g> {
    pub relation: &'g Relation,
    /// The entity at the other end.
    pub other: &'g Entity,
    /// True when the relation points away from the entity it was asked about.
    pub outgoing: bool,
    pub relation_index: usize,
    /// The node (and entity) index of `other`.
    pub other_index: usize,
}

impl Graph {
    /// Builds the graph from a document that `load::validate` accepted (every relation's ends
    /// exist). O(n log n) in entities plus relations.
    pub fn new(mut document: Document) -> Self {
        document.sort();
        let mut graph = DiGraph::with_capacity(document.entities.len(), document.relations.len());
        for _ in &document.entities {
            graph.add_node(());
        }
        let position = |id: &EntityId| {
            document
                .entities
                .binary_search_by(|e| e.id.cmp(id))
                .expect("validated documents only reference existing entities")
        };
        for relation in &document.relations {
            let from = NodeIndex::new(position(&relation.from));
            let to = NodeIndex::new(position(&relation.to));
            graph.add_edge(from, to, ());
        }
        let mut names: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (i, entity) in document.entities.iter().enumerate() {
            let texts = [entity.id.as_str(), entity.name.as_str()]
                .into_iter()
                .chain(entity.aliases.iter().map(|a| a.text.as_str()));
            for text in texts {
                let key = search_key(text);
                if !key.is_empty() {
                    names.entry(key).or_default().insert(i);
                }
            }
        }
        Graph {
            document,
            graph,
            names,
        }
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn entities(&self) -> &[Entity] {
        &self.document.entities
    }

    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.index_of(id).map(|i| &self.document.entities[i])
    }

    pub fn index_of(&self, id: &EntityId) -> Option<usize> {
        self.document
            .entities
            .binary_search_by(|e| e.id.cmp(id))
            .ok()
    }

    pub fn entities_of_kind(&self, kind: Kind) -> impl Iterator<Item = &Entity> {
        self.document
            .entities
            .iter()
            .filter(move |e| e.kind() == kind)
    }

    /// Every relation at `id`, in relation order. O(degree · log degree).
    pub fn links(&self, id: &EntityId) -> Vec<Link<'_>> {
        match self.index_of(id) {
            Some(i) => self.links_at(i),
            None => Vec::new(),
        }
    }

    /// Every relation at the entity with index `i`, in relation order. O(degree · log degree).
    pub fn links_at(&self, i: usize) -> Vec<Link<'_>> {
        let node = NodeIndex::new(i);
        let mut links: Vec<Link<'_>> = Vec::new();
        for (direction, outgoing) in [(Direction::Outgoing, true), (Direction::Incoming, false)] {
            for edge in self.graph.edges_directed(node, direction) {
                let other = if outgoing {
                    edge.target()
                } else {
                    edge.source()
                };
                let relation_index = EdgeIndex::index(edge.id());
                links.push(Link {
                    relation: &self.document.relations[relation_index],
                    other: &self.document.entities[other.index()],
                    outgoing,
                    relation_index,
                    other_index: other.index(),
                });
            }
        }
        links.sort_by_key(|l| (l.relation_index, l.outgoing));
        links
    }

    /// Entities reached from `id` by outgoing relations of `kind`, in relation order.
    pub fn targets(&self, id: &EntityId, kind: RelationKind) -> Vec<Link<'_>> {
        self.links(id)
            .into_iter()
            .filter(|l| l.outgoing && l.relation.kind == kind)
            .collect()
    }

    /// Entities with a relation of `kind` pointing at `id`, in relation order.
    pub fn sources(&self, id: &EntityId, kind: RelationKind) -> Vec<Link<'_>> {
        self.links(id)
            .into_iter()
            .filter(|l| !l.outgoing && l.relation.kind == kind)
            .collect()
    }

    /// Finds the entity a user means by `name`: an id, a canonical name or any alias, in any
    /// script, ignoring case and diacritics; with `kinds`, only entities of those kinds.
    /// An ambiguous name is an error that lists the candidates.
    pub fn find(&self, name: &str, kinds: &[Kind]) -> Result<&Entity> {
        let wanted = |e: &Entity| kinds.is_empty() || kinds.contains(&e.kind());
        if let Some(entity) = self.entity(&EntityId::new(name))
            && wanted(entity)
        {
            return Ok(entity);
        }
        let key = search_key(name);
        let all: Vec<&Entity> = self
            .names
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&i| &self.document.entities[i])
            .collect();
        let matching: Vec<&Entity> = all.iter().copied().filter(|e| wanted(e)).collect();
        let what = if kinds.is_empty() {
            "entity".to_string()
        } else {
            kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(" or ")
        };
        match matching.as_slice() {
            [one] => Ok(one),
            [] if !all.is_empty() => Err(Error::Usage(format!(
                "`{name}` is {}, not a {what}",
                all.iter()
                    .map(|e| format!("`{}` (of kind {})", e.id, e.kind()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
            [] => Err(Error::Usage(format!("no {what} named `{name}`"))),
            many => Err(Error::Usage(self.ambiguity(name, many))),
        }
    }

    /// The message for a name that names several entities: each with its posts, places
    /// and dates, and how to pick one or record a judgement.
    fn ambiguity(&self, name: &str, many: &[&Entity]) -> String {
        let mut text = format!("`{name}` is ambiguous; it names {}:", many.len());
        for entity in many {
            text.push_str(&format!("\n  `{}` ({})", entity.id, entity.name));
            let posts: Vec<String> = self
                .links(&entity.id)
                .into_iter()
                .filter(|l| l.outgoing && l.relation.kind == RelationKind::Holds)
                .map(|l| {
                    let r = l.relation;
                    let when = match (r.start, r.end, r.as_of) {
                        (None, None, Some(d)) => format!("as of {d}"),
                        (None, None, None) => "undated".to_string(),
                        (s, e, _) => format!(
                            "{}..{}",
                            s.map(|d| d.to_string()).unwrap_or_default(),
                            e.map(|d| d.to_string()).unwrap_or_default()
                        ),
                    };
                    format!("{} ({when})", l.other.name)
                })
                .collect();
            if posts.is_empty() {
                text.push_str(": no post known");
            } else {
                text.push_str(": ");
                text.push_str(&posts.join("; "));
            }
        }
        if many.iter().all(|e| e.kind() == Kind::Person) && many.len() >= 2 {
            text.push_str(&format!(
                "\nask again by id, or record who is who in data/judgements.ron: \
                 same(a: \"{}\", b: \"{}\", note: \"why\") or not_same(...)",
                many[0].id, many[1].id
            ));
        }
        text
    }
}
