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

use crate::error::{Error, Position, Problem, ProblemKind, Result};
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
    /// Builds the graph from a document: sorts it, then checks what the graph relies on
    /// (ids unique and well-formed, every relation's ends present and of allowed kinds,
    /// every evidence source a source entity) and refuses an inconsistent document with
    /// every problem found. O(n log n) in entities plus relations.
    pub fn new(mut document: Document) -> Result<Self> {
        document.sort();
        let problems = check_document(&document);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let mut graph = DiGraph::with_capacity(document.entities.len(), document.relations.len());
        for _ in &document.entities {
            graph.add_node(());
        }
        for relation in &document.relations {
            // Both ends exist: `check_document` looked them up.
            let (Ok(from), Ok(to)) = (
                position(&document, &relation.from),
                position(&document, &relation.to),
            ) else {
                continue;
            };
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
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
        Ok(Graph {
            document,
            graph,
            names,
        })
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
            [] if !all.is_empty() => Err(Error::Name(format!(
                "`{name}` is {}, not a {what}",
                all.iter()
                    .map(|e| format!("`{}` (of kind {})", e.id, e.kind()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
            [] => Err(Error::Name(format!("no {what} named `{name}`"))),
            many => Err(Error::Name(format!(
                "`{name}` is ambiguous; it names {}: {}",
                many.len(),
                many.iter()
                    .map(|e| format!("`{}` ({})", e.id, e.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }
}

fn position(document: &Document, id: &EntityId) -> std::result::Result<usize, usize> {
    document.entities.binary_search_by(|e| e.id.cmp(id))
}

/// Everything wrong with a sorted document that a graph cannot stand, each as a problem
/// of kind [`ProblemKind::Graph`] naming the offending record. Used by `Graph::new` and
/// on the combined (curated + extracted + resolved) document before it is built.
pub fn check_document(document: &Document) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut problem = |message: String| {
        problems.push(Problem::at(
            "document",
            Position::START,
            ProblemKind::Graph,
            message,
        ))
    };
    for (i, entity) in document.entities.iter().enumerate() {
        if let Some(message) = entity.id.problem() {
            problem(message);
        }
        if i > 0 && document.entities[i - 1].id == entity.id {
            problem(format!("duplicate id `{}`", entity.id));
        }
    }
    let entity = |id: &EntityId| position(document, id).ok().map(|i| &document.entities[i]);
    for relation in &document.relations {
        let what = format!(
            "`{}` relation from `{}` to `{}`",
            relation.kind, relation.from, relation.to
        );
        match entity(&relation.from) {
            None => problem(format!("{what}: unknown entity `{}`", relation.from)),
            Some(from) => {
                if let Some(message) = relation.kind.check_from(from) {
                    problem(format!("{what}: {message}"));
                }
            }
        }
        match entity(&relation.to) {
            None => problem(format!("{what}: unknown entity `{}`", relation.to)),
            Some(to) => {
                if let Some(message) = relation.kind.check_to(to) {
                    problem(format!("{what}: {message}"));
                }
            }
        }
        for evidence in &relation.evidence {
            match entity(&evidence.source) {
                Some(source) if source.kind() == Kind::Source => {}
                Some(_) => problem(format!(
                    "{what}: evidence source `{}` is not a source",
                    evidence.source
                )),
                None => problem(format!(
                    "{what}: evidence source `{}` does not exist",
                    evidence.source
                )),
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}
