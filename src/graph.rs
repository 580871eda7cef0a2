//! The graph: a petgraph `DiGraph` over a sorted [`Document`], plus a name index.
//!
//! Invariants: entities are stored sorted by id and node `i` is entity `i`; relations are
//! stored sorted by key and edge `j` is relation `j`. Every neighbour list handed out is
//! sorted by relation index, never in petgraph's (reverse insertion) order, so every
//! answer and every export is deterministic. A relation's ends and its evidence sources
//! share their entity's id text (one allocation per id), and the name index is three flat
//! arrays, so a million entities stay small in memory and the snapshot can store the index
//! as it is.

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::error::{Error, Position, Problem, ProblemKind, Result};
use crate::model::{Document, Entity, EntityId, EntityKind, Kind, Relation, RelationKind};
use crate::text::search_key;

pub struct Graph {
    document: Document,
    graph: DiGraph<(), ()>,
    /// Search key of every id, name and alias → the entities that carry it.
    names: NameIndex,
}

/// Search keys sorted, each with one entity index: key `i` is
/// `text[ends[i - 1]..ends[i]]` (from 0 for the first) and names entity `entities[i]`.
/// Pairs are sorted by (key, entity) and unique.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameIndex {
    pub(crate) text: String,
    pub(crate) ends: Vec<u32>,
    pub(crate) entities: Vec<u32>,
}

impl NameIndex {
    /// The search key of every id, name and alias of `entities` (in order, so indices are
    /// positions).
    pub fn of(entities: &[Entity]) -> Self {
        let mut pairs: Vec<(String, u32)> = Vec::with_capacity(entities.len() * 2);
        for (i, entity) in entities.iter().enumerate() {
            // A gazetteer area is also found by its unit's id (`area:vn-06385`).
            let code = match &entity.kind {
                EntityKind::Area {
                    code: Some(code), ..
                } => format!("area:{code}"),
                _ => String::new(),
            };
            let texts = [entity.id.as_str(), entity.name.as_str(), code.as_str()]
                .into_iter()
                .chain(entity.aliases.iter().map(|a| a.text.as_str()));
            for text in texts {
                let key = search_key(text);
                if !key.is_empty() {
                    pairs.push((key, i as u32));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut index = NameIndex {
            text: String::with_capacity(pairs.iter().map(|(k, _)| k.len()).sum()),
            ends: Vec::with_capacity(pairs.len()),
            entities: Vec::with_capacity(pairs.len()),
        };
        for (key, entity) in pairs {
            index.text.push_str(&key);
            index.ends.push(index.text.len() as u32);
            index.entities.push(entity);
        }
        index
    }

    /// An index from its three arrays, checked: ends rise within the text on character
    /// boundaries, pairs are sorted and unique, entity indices are below `entity_count`.
    pub(crate) fn from_parts(
        text: String,
        ends: Vec<u32>,
        entities: Vec<u32>,
        entity_count: usize,
    ) -> std::result::Result<Self, String> {
        if ends.len() != entities.len() {
            return Err("name index arrays differ in length".into());
        }
        let index = NameIndex {
            text,
            ends,
            entities,
        };
        let mut start = 0usize;
        let mut previous: Option<(&str, u32)> = None;
        for i in 0..index.ends.len() {
            let end = index.ends[i] as usize;
            let Some(key) = (start <= end).then(|| index.text.get(start..end)).flatten() else {
                return Err(format!("name index key {i} is out of bounds"));
            };
            let entity = index.entities[i];
            if entity as usize >= entity_count {
                return Err(format!("name index entry {i} names no entity"));
            }
            if previous.is_some_and(|p| p >= (key, entity)) {
                return Err(format!("name index entry {i} is out of order"));
            }
            previous = Some((key, entity));
            start = end;
        }
        if start != index.text.len() {
            return Err("name index text has bytes no key covers".into());
        }
        Ok(index)
    }

    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The entities whose id, name or an alias has search key `key`, in index order.
    pub fn lookup(&self, key: &str) -> &[u32] {
        let n = self.ends.len();
        let first = partition(n, |i| self.key(i) < key);
        let last = partition(n, |i| self.key(i) <= key);
        &self.entities[first..last]
    }
}

/// The first `i` in `0..n` for which `below(i)` is false (`below` is monotone).
fn partition(n: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
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
    pub fn new(mut document: Document) -> Result<Self> {
        document.sort();
        let problems = check_document(&document);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let names = NameIndex::of(&document.entities);
        Ok(Self::assemble(document, names))
    }

    /// A graph from a document already sorted (entities by id, relations by key), its name
    /// index and the entity index of each relation's ends: what a snapshot holds. The
    /// caller checked all three (`snapshot::decode`), so nothing is searched or sorted.
    pub(crate) fn from_sorted(document: Document, names: NameIndex, ends: &[(u32, u32)]) -> Self {
        let mut graph = DiGraph::with_capacity(document.entities.len(), document.relations.len());
        for _ in &document.entities {
            graph.add_node(());
        }
        for &(from, to) in ends {
            graph.add_edge(
                NodeIndex::new(from as usize),
                NodeIndex::new(to as usize),
                (),
            );
        }
        Graph {
            document,
            graph,
            names,
        }
    }

    fn assemble(mut document: Document, names: NameIndex) -> Self {
        let mut graph = DiGraph::with_capacity(document.entities.len(), document.relations.len());
        for _ in &document.entities {
            graph.add_node(());
        }
        let entities = &document.entities;
        let position = |id: &EntityId| {
            entities
                .binary_search_by(|e| e.id.cmp(id))
                .expect("validated documents only reference existing entities")
        };
        let shared = |id: &mut EntityId| {
            if let Ok(i) = entities.binary_search_by(|e| e.id.cmp(id)) {
                *id = entities[i].id.clone();
            }
        };
        for relation in &mut document.relations {
            let from = position(&relation.from);
            let to = position(&relation.to);
            relation.from = entities[from].id.clone();
            relation.to = entities[to].id.clone();
            for evidence in &mut relation.evidence {
                shared(&mut evidence.source);
            }
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
        }
        Graph {
            document,
            graph,
            names,
        }
    }

    /// The name index (for the snapshot).
    pub(crate) fn names(&self) -> &NameIndex {
        &self.names
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
            .lookup(&key)
            .iter()
            .map(|&i| &self.document.entities[i as usize])
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
            many => Err(Error::Ambiguous(self.ambiguity(name, many))),
        }
    }

    /// The message for a name that names several entities: each with its posts, places
    /// and dates, and how to pick one or record a judgement.
    fn ambiguity(&self, name: &str, many: &[&Entity]) -> String {
        use crate::error::escape;
        let mut text = format!("`{}` is ambiguous; it names {}:", escape(name), many.len());
        for entity in many {
            text.push_str(&format!(
                "\n  `{}` ({})",
                escape(entity.id.as_str()),
                escape(&entity.name)
            ));
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
                    format!("{} ({when})", escape(&l.other.name))
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
                escape(many[0].id.as_str()),
                escape(many[1].id.as_str())
            ));
        }
        text
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
