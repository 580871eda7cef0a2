//! The graph: a sorted [`Document`], the relations at each entity in compressed rows
//! (integer indices only), and a name index.
//!
//! Invariants: entities are stored sorted by id and node `i` is entity `i`; relations are
//! stored sorted by key and edge `j` is relation `j`. Every neighbour list handed out is
//! sorted by relation index (the compressed rows are filled in relation order), so every
//! answer and every export is deterministic. Searches walk [`Graph::edges_at`] (indices
//! only); a graph opened from a snapshot decodes a relation only when it is asked for. A relation's ends and its evidence sources
//! share their entity's id text (one allocation per id), and the name index is three flat
//! arrays, so a million entities stay small in memory and the snapshot can store the index
//! as it is.

use std::borrow::Cow;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::error::{Error, Position, Problem, ProblemKind, Result};
use crate::model::{
    Document, Entity, EntityId, EntityKind, FastMap, Kind, Relation, RelationKind, Role,
};
use crate::pages::huge_filled;
use crate::snapshot::Lazy;
use crate::text::search_key;

pub struct Graph {
    store: Store,
    /// Relation `j`'s kind and the entity indices of its ends.
    kinds: Vec<RelationKind>,
    ends: Vec<(u32, u32)>,
    adjacency: Adjacency,
    /// Search key of every id, name and alias → the entities that carry it (from a
    /// snapshot: read and checked the first time a name is looked up).
    names: OnceLock<NameIndex>,
    name_order: OnceLock<NameOrder>,
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

/// One relation seen from one of its ends, by index only: what searches walk, without
/// touching (or, from a snapshot, decoding) the relation itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub relation_index: usize,
    pub kind: RelationKind,
    /// The entity index of the other end.
    pub other_index: usize,
    /// True when the relation points away from the entity it was asked about.
    pub outgoing: bool,
}

enum Store {
    /// Built from a document: everything in memory.
    Built(Document),
    /// Opened from a snapshot: entities and relations decoded when asked; the whole
    /// document only when something asks for it (an export).
    Snapshot {
        lazy: Box<Lazy>,
        document: OnceLock<Document>,
    },
}

/// The entities in order of (name, id), and each entity's place in it: what sorts rows by
/// name with integer comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameOrder {
    /// Entity indices sorted by (name, index); index order is id order.
    pub by_name: Vec<u32>,
    /// `position[i]`: where entity `i` stands in `by_name` (unique).
    pub position: Vec<u32>,
    /// `rank[i]`: orders as entity `i`'s name does among the names (equal names, equal
    /// rank): the rank among distinct names, or (from a snapshot) the name's string index.
    pub rank: Vec<u32>,
}

impl NameOrder {
    pub(crate) fn of(graph: &Graph) -> Self {
        let mut by_name: Vec<u32> = (0..graph.entity_count() as u32).collect();
        by_name.par_sort_unstable_by(|&a, &b| {
            graph
                .name_at(a as usize)
                .cmp(graph.name_at(b as usize))
                .then(a.cmp(&b))
        });
        Self::from_sorted(by_name, |i| graph.name_at(i)).expect("sorted just now")
    }

    /// From the entity indices sorted by (name, index), `name(i)` naming entity `i`;
    /// an error unless `by_name` lists every entity once, in that order.
    pub(crate) fn from_sorted<'a>(
        by_name: Vec<u32>,
        name: impl Fn(usize) -> &'a str,
    ) -> std::result::Result<Self, String> {
        let n = by_name.len();
        let mut position = huge_filled(n, u32::MAX);
        let mut rank = huge_filled(n, 0u32);
        let mut current = 0u32;
        for (p, &i) in by_name.iter().enumerate() {
            match position.get_mut(i as usize) {
                Some(slot) if *slot == u32::MAX => *slot = p as u32,
                _ => return Err(format!("the name order lists entity {i} wrongly")),
            }
            if p > 0 {
                let previous = by_name[p - 1];
                match name(previous as usize).cmp(name(i as usize)) {
                    std::cmp::Ordering::Less => current += 1,
                    std::cmp::Ordering::Equal if previous < i => {}
                    _ => return Err("the name order is out of order".into()),
                }
            }
            rank[i as usize] = current;
        }
        Ok(NameOrder {
            by_name,
            position,
            rank,
        })
    }
}

/// The relations at each entity in compressed rows: the relations at entity `i` are
/// `entries[offsets[i]..offsets[i + 1]]`, each `relation << 1 | outgoing`, ascending (so in
/// relation order, a self-loop's incoming side first).
pub(crate) struct Adjacency {
    offsets: Vec<u32>,
    entries: Vec<u32>,
}

impl Adjacency {
    pub(crate) fn of(n: usize, ends: &[(u32, u32)]) -> Self {
        let mut offsets = huge_filled(n + 1, 0u32);
        for &(from, to) in ends {
            offsets[from as usize + 1] += 1;
            offsets[to as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill: Vec<u32> = offsets[..n].to_vec();
        let mut entries = huge_filled(ends.len() * 2, 0u32);
        for (j, &(from, to)) in ends.iter().enumerate() {
            let j = j as u32;
            // The incoming side first: a self-loop then lists (j, in) before (j, out).
            entries[fill[to as usize] as usize] = j << 1;
            fill[to as usize] += 1;
            entries[fill[from as usize] as usize] = (j << 1) | 1;
            fill[from as usize] += 1;
        }
        Adjacency { offsets, entries }
    }

    fn at(&self, i: usize) -> &[u32] {
        &self.entries[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// The most relations a graph holds: adjacency entries are `relation << 1 | outgoing` in
/// 32 bits, and there are two per relation.
pub const MAX_RELATIONS: usize = (u32::MAX >> 2) as usize;

impl Graph {
    /// Builds the graph from a document that `load::validate` accepted (every relation's ends
    /// exist). O(n log n) in entities plus relations.
    pub fn new(mut document: Document) -> Result<Self> {
        document.sort();
        // The checks and the name index read the document only: both at once.
        let (mut problems, names) = rayon::join(
            || check_document(&document),
            || NameIndex::of(&document.entities),
        );
        if document.relations.len() > MAX_RELATIONS || document.entities.len() > u32::MAX as usize {
            problems.push(Problem::at(
                "document",
                Position::START,
                ProblemKind::Graph,
                format!(
                    "{} entities and {} relations are more than a graph holds",
                    document.entities.len(),
                    document.relations.len()
                ),
            ));
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        Ok(Self::assemble(document, names))
    }

    /// A graph opened from a snapshot: `lazy` holds the entities and relation details,
    /// checked by `snapshot`; `kinds` and `ends` are one per relation (ends below the
    /// entity count, relations in key order) and `adjacency` their compressed rows
    /// ([`Adjacency::of`] the ends, built by `snapshot` while it checks the rest).
    pub(crate) fn from_snapshot(
        lazy: Lazy,
        kinds: Vec<RelationKind>,
        ends: Vec<(u32, u32)>,
        adjacency: Adjacency,
    ) -> Self {
        Graph {
            store: Store::Snapshot {
                lazy: Box::new(lazy),
                document: OnceLock::new(),
            },
            kinds,
            ends,
            adjacency,
            names: OnceLock::new(),
            name_order: OnceLock::new(),
        }
    }

    /// Checks what opening a snapshot leaves for later (the stored name index and name
    /// order) and keeps them; nothing to do for a built graph.
    pub(crate) fn check_lazy_parts(&self) -> std::result::Result<(), String> {
        if let Store::Snapshot { lazy, .. } = &self.store {
            if self.names.get().is_none() {
                let _ = self.names.set(lazy.name_index()?);
            }
            if self.name_order.get().is_none() {
                let _ = self.name_order.set(lazy.name_order()?);
            }
        }
        Ok(())
    }

    fn assemble(mut document: Document, names: NameIndex) -> Self {
        let Document {
            entities,
            relations,
        } = &mut document;
        let mut at: FastMap<&str, u32> =
            FastMap::with_capacity_and_hasher(entities.len(), Default::default());
        for (i, entity) in entities.iter().enumerate() {
            at.entry(entity.id.as_str()).or_insert(i as u32);
        }
        let position = |id: &EntityId| {
            *at.get(id.as_str())
                .expect("validated documents only reference existing entities")
        };
        // Every end and cited source becomes the entity's own id, shared.
        let (kinds, ends): (Vec<RelationKind>, Vec<(u32, u32)>) = relations
            .par_iter_mut()
            .map(|relation| {
                let (from, to) = (position(&relation.from), position(&relation.to));
                relation.from = entities[from as usize].id.clone();
                relation.to = entities[to as usize].id.clone();
                for evidence in &mut relation.evidence {
                    if let Some(&i) = at.get(evidence.source.as_str()) {
                        evidence.source = entities[i as usize].id.clone();
                    }
                }
                (relation.kind, (from, to))
            })
            .unzip();
        drop(at);
        let adjacency = Adjacency::of(document.entities.len(), &ends);
        Graph {
            store: Store::Built(document),
            kinds,
            ends,
            adjacency,
            names: OnceLock::from(names),
            name_order: OnceLock::new(),
        }
    }

    /// The name index. From a snapshot, read the first time it is asked; a stored index
    /// that fails its checks is rebuilt from the entities, never trusted.
    pub(crate) fn names(&self) -> &NameIndex {
        self.names.get_or_init(|| match &self.store {
            Store::Snapshot { lazy, .. } => lazy
                .name_index()
                .unwrap_or_else(|_| NameIndex::of(self.entities())),
            Store::Built(document) => NameIndex::of(&document.entities),
        })
    }

    /// The entities in name order (computed once, or read from the snapshot and checked).
    pub fn name_order(&self) -> &NameOrder {
        self.name_order.get_or_init(|| match &self.store {
            Store::Snapshot { lazy, .. } => {
                lazy.name_order().unwrap_or_else(|_| NameOrder::of(self))
            }
            Store::Built(_) => NameOrder::of(self),
        })
    }

    /// The whole document. From a snapshot, the entities and relations are decoded the
    /// first time this is asked (on every core, in index order).
    pub fn document(&self) -> &Document {
        match &self.store {
            Store::Built(document) => document,
            Store::Snapshot { lazy, document } => document.get_or_init(|| {
                let entities = lazy.entities();
                let id = |i: usize| entities[i].id.clone();
                Document {
                    entities: entities.to_vec(),
                    relations: (0..self.kinds.len())
                        .into_par_iter()
                        .map(|j| lazy.relation(j, self.kinds[j], self.relation_ends(j), &id))
                        .collect(),
                }
            }),
        }
    }

    /// Every entity, in index (id) order. From a snapshot, decoded the first time.
    pub fn entities(&self) -> &[Entity] {
        match &self.store {
            Store::Built(document) => &document.entities,
            Store::Snapshot { lazy, .. } => lazy.entities(),
        }
    }

    pub fn entity_count(&self) -> usize {
        match &self.store {
            Store::Built(document) => document.entities.len(),
            Store::Snapshot { lazy, .. } => lazy.len(),
        }
    }

    /// Entity `i` (below the entity count), by reference. From a snapshot, decoded with
    /// its neighbours in index order the first time one of them is asked.
    pub fn entity_at(&self, i: usize) -> &Entity {
        match &self.store {
            Store::Built(document) => &document.entities[i],
            Store::Snapshot { lazy, .. } => lazy.entity_at(i),
        }
    }

    /// Entity `i`: borrowed when in memory, else decoded alone and not kept. For answers
    /// that touch many scattered entities once each.
    pub fn entity_copy(&self, i: usize) -> Cow<'_, Entity> {
        match &self.store {
            Store::Snapshot { lazy, .. } if !lazy.is_decoded() => Cow::Owned(lazy.decode_entity(i)),
            _ => Cow::Borrowed(self.entity_at(i)),
        }
    }

    /// The id of entity `i`, without decoding the entity.
    pub fn id_at(&self, i: usize) -> &str {
        match &self.store {
            Store::Built(document) => document.entities[i].id.as_str(),
            Store::Snapshot { lazy, .. } => lazy.id(i),
        }
    }

    /// The name of entity `i`, without decoding the entity.
    pub fn name_at(&self, i: usize) -> &str {
        match &self.store {
            Store::Built(document) => &document.entities[i].name,
            Store::Snapshot { lazy, .. } => lazy.name(i),
        }
    }

    /// A number for entity `i`'s name, equal for equal names (for a graph opened from a
    /// snapshot, where the string table holds each name once; else the entity index).
    /// [`Graph::name_bytes_of`] gives the name back: what prints many names reads them by this
    /// number, in the string table's order when it can.
    pub(crate) fn name_id(&self, i: usize) -> u32 {
        match &self.store {
            Store::Built(_) => i as u32,
            Store::Snapshot { lazy, .. } => lazy.name_string(i),
        }
    }

    /// The name numbered `id` by [`Graph::name_id`] (which gave `id` for some entity), as
    /// UTF-8 bytes: what writes many names reads.
    pub(crate) fn name_bytes_of(&self, id: u32) -> &[u8] {
        match &self.store {
            Store::Built(document) => document.entities[id as usize].name.as_bytes(),
            Store::Snapshot { lazy, .. } => lazy.string_bytes(id),
        }
    }

    /// The kind of entity `i`, without decoding the entity.
    pub fn kind_at(&self, i: usize) -> Kind {
        match &self.store {
            Store::Built(document) => document.entities[i].kind(),
            Store::Snapshot { lazy, .. } => lazy.kind(i),
        }
    }

    /// The role of entity `i` when it is a post, without decoding the entity.
    pub fn role_at(&self, i: usize) -> Option<Role> {
        match &self.store {
            Store::Built(document) => document.entities[i].role(),
            Store::Snapshot { lazy, .. } => lazy.role(i),
        }
    }

    pub fn relation_count(&self) -> usize {
        self.kinds.len()
    }

    /// Relation `j` (below the relation count): borrowed when the document is in memory,
    /// else decoded from the snapshot.
    pub fn relation(&self, j: usize) -> Cow<'_, Relation> {
        match &self.store {
            Store::Built(document) => Cow::Borrowed(&document.relations[j]),
            Store::Snapshot { lazy, document } => match document.get() {
                Some(document) => Cow::Borrowed(&document.relations[j]),
                None => Cow::Owned(
                    lazy.relation(j, self.kinds[j], self.relation_ends(j), &|i| {
                        self.entity_at(i).id.clone()
                    }),
                ),
            },
        }
    }

    /// The kind of relation `j`.
    pub fn relation_kind(&self, j: usize) -> RelationKind {
        self.kinds[j]
    }

    /// The entity indices of relation `j`'s ends (from, to).
    pub fn relation_ends(&self, j: usize) -> (usize, usize) {
        let (from, to) = self.ends[j];
        (from as usize, to as usize)
    }

    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.index_of(id).map(|i| self.entity_at(i))
    }

    /// The index of the entity with id `id`: a binary search over the ids (from a
    /// snapshot, read in place).
    pub fn index_of(&self, id: &EntityId) -> Option<usize> {
        let n = self.entity_count();
        let i = partition(n, |i| self.id_at(i) < id.as_str());
        (i < n && self.id_at(i) == id.as_str()).then_some(i)
    }

    pub fn entities_of_kind(&self, kind: Kind) -> impl Iterator<Item = &Entity> {
        (0..self.entity_count())
            .filter(move |&i| self.kind_at(i) == kind)
            .map(|i| self.entity_at(i))
    }

    /// Every relation at the entity with index `i`, in relation order, by index only.
    /// O(degree), no allocation.
    pub fn edges_at(&self, i: usize) -> impl Iterator<Item = Edge> + '_ {
        self.adjacency.at(i).iter().map(move |&entry| {
            let j = (entry >> 1) as usize;
            let outgoing = entry & 1 == 1;
            let (from, to) = self.ends[j];
            Edge {
                relation_index: j,
                kind: self.kinds[j],
                other_index: if outgoing { to } else { from } as usize,
                outgoing,
            }
        })
    }

    /// Every relation at `id`, in relation order. O(degree).
    pub fn links(&self, id: &EntityId) -> Vec<Link<'_>> {
        match self.index_of(id) {
            Some(i) => self.links_at(i),
            None => Vec::new(),
        }
    }

    /// Every relation at the entity with index `i`, in relation order. O(degree); from a
    /// snapshot, the first call decodes the whole document (see [`Graph::edges_at`] for
    /// searches that need only indices).
    pub fn links_at(&self, i: usize) -> Vec<Link<'_>> {
        let document = self.document();
        self.edges_at(i)
            .map(|edge| Link {
                relation: &document.relations[edge.relation_index],
                other: &document.entities[edge.other_index],
                outgoing: edge.outgoing,
                relation_index: edge.relation_index,
                other_index: edge.other_index,
            })
            .collect()
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

    /// The entity indices at the far end of the relations of `kind` at entity `i`: pointing
    /// away from it when `outgoing`, at it otherwise; in relation order, by index only.
    pub fn adjacent(
        &self,
        i: usize,
        kind: RelationKind,
        outgoing: bool,
    ) -> impl Iterator<Item = Edge> + '_ {
        self.edges_at(i)
            .filter(move |e| e.kind == kind && e.outgoing == outgoing)
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
            .names()
            .lookup(&key)
            .iter()
            .map(|&i| self.entity_at(i as usize))
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
            let index = self
                .index_of(&entity.id)
                .expect("candidates come from the graph");
            let posts: Vec<String> = self
                .adjacent(index, RelationKind::Holds, true)
                .map(|edge| {
                    let r = self.relation(edge.relation_index);
                    let when = match (r.start, r.end, r.as_of) {
                        (None, None, Some(d)) => format!("as of {d}"),
                        (None, None, None) => "undated".to_string(),
                        (s, e, _) => format!(
                            "{}..{}",
                            s.map(|d| d.to_string()).unwrap_or_default(),
                            e.map(|d| d.to_string()).unwrap_or_default()
                        ),
                    };
                    format!("{} ({when})", escape(self.name_at(edge.other_index)))
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

/// The graph as petgraph's traversals see it: one relation kind (or all), followed one way
/// (or both), over the compressed rows, copying nothing. `petgraph::visit::Bfs` over a
/// `Follow` answers membership (`query members --deep`) and paths (`query path`).
#[derive(Clone, Copy)]
pub struct Follow<'g> {
    graph: &'g Graph,
    /// `None`: every kind.
    kind: Option<RelationKind>,
    /// `Some(true)`: relations pointing away from the node; `Some(false)`: at it; `None`: both.
    outgoing: Option<bool>,
}

impl Graph {
    /// This graph seen through relations of `kind` (every kind for `None`), followed in the
    /// direction `outgoing` (both for `None`), for petgraph's traversals.
    pub fn follow(&self, kind: Option<RelationKind>, outgoing: Option<bool>) -> Follow<'_> {
        Follow {
            graph: self,
            kind,
            outgoing,
        }
    }
}

impl<'g> Follow<'g> {
    /// The relations at entity `i` this view follows, in relation order.
    pub fn edges(self, i: usize) -> impl Iterator<Item = Edge> + 'g {
        self.graph.edges_at(i).filter(move |e| {
            self.kind.is_none_or(|k| k == e.kind) && self.outgoing.is_none_or(|o| o == e.outgoing)
        })
    }
}

impl petgraph::visit::GraphBase for Follow<'_> {
    /// Entity index.
    type NodeId = usize;
    /// Relation index.
    type EdgeId = usize;
}

impl<'g> petgraph::visit::IntoNeighbors for &Follow<'g> {
    type Neighbors = Box<dyn Iterator<Item = usize> + 'g>;

    fn neighbors(self, a: usize) -> Self::Neighbors {
        Box::new(self.edges(a).map(|e| e.other_index))
    }
}

impl petgraph::visit::Visitable for Follow<'_> {
    type Map = Seen;

    fn visit_map(&self) -> Seen {
        Seen(vec![false; self.graph.entity_count()])
    }

    fn reset_map(&self, map: &mut Seen) {
        map.0.clear();
        map.0.resize(self.graph.entity_count(), false);
    }
}

/// Which entities a traversal has seen, one flag per entity index.
pub struct Seen(Vec<bool>);

impl petgraph::visit::VisitMap<usize> for Seen {
    fn visit(&mut self, a: usize) -> bool {
        !std::mem::replace(&mut self.0[a], true)
    }

    fn is_visited(&self, a: &usize) -> bool {
        self.0[*a]
    }

    fn unvisit(&mut self, a: usize) -> bool {
        std::mem::replace(&mut self.0[a], false)
    }
}

/// The committed reference graph (`graphs/graph.ron`), built: what unit tests of the
/// modules that read a graph run on.
#[cfg(test)]
pub(crate) fn committed() -> Graph {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/graph.ron"),
    )
    .expect("the committed graph");
    let files = [crate::load::InputFile {
        path: "graph.ron".into(),
        text,
    }];
    Graph::new(crate::load::validate(&files, &[]).expect("valid").document).expect("consistent")
}
