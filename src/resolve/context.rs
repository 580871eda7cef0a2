//! What a person mention says besides its name: posts, bodies, places, articles and dates.
//!
//! Context is read from the relations of the document the mention comes from, with the
//! structure (which body a post belongs to, where a body sits, which article translates
//! which) looked up across all documents. Each piece becomes a [`Feature`]; two mentions
//! with matching names that share a feature are candidates to merge. Each post held
//! becomes a [`Holding`] (role, body kind, province, dates), which the decisions use to
//! tell a compatible post from a contradicting one.
//!
//! Entities are referred to by a dense index into the [`World`], so a mention's context
//! costs a few machine words per fact, not a copy of every id.

use std::collections::{BTreeSet, HashMap};

use crate::model::{
    AreaLevel, Classification, Document, Entity, EntityId, EntityKind, FastMap, Lang, PartialDate,
    Relation, RelationKind, Role,
};

use super::conflicts::{Day, span};
use super::provinces;

/// One piece of context, strongest first. The numbers are [`World`] indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// Named in the same article (or in a translation of it).
    Article(u32),
    /// Holds the same placed (or national) post.
    Post(u32),
    /// Holds a post in, leads or is a member of the same placed body (or group, event).
    Body(u32),
    /// Works in the same place.
    Area(u32),
    /// Works in a province absorbed in 2025 and later in its successor, or the reverse.
    MergedArea(u32),
}

impl Feature {
    /// Only a shared post merges Latin names that differ in a blurred letter
    /// (`Thang`/`Tang`); every other feature needs the same or a compatible name.
    pub fn admits_spelling_variants(&self) -> bool {
        matches!(self, Feature::Post(_))
    }

    /// Place-only features need dates within [`AREA_WINDOW_YEARS`].
    pub fn is_place(&self) -> bool {
        matches!(self, Feature::Area(_) | Feature::MergedArea(_))
    }
}

/// How far apart in years two mentions linked only by a place may be.
pub const AREA_WINDOW_YEARS: u16 = 10;

/// One post a mention holds, as far as resolution needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holding {
    pub post: u32,
    pub role: Option<Role>,
    /// The kind of body the post belongs to.
    pub kind: Option<Classification>,
    /// The province (or centrally-run city) the post's body lies in; `None` when unplaced
    /// or national.
    pub province: Option<u32>,
    /// The body lies in no place at all: the article did not say where.
    pub unplaced: bool,
    /// The days the holding covers (see [`span`]).
    pub span: Option<(Day, Day)>,
    /// The post ended (a former post, or one left in the article).
    pub ended: bool,
    /// The date the article reports, for explanations.
    pub when: Option<PartialDate>,
}

impl Holding {
    /// A current provincial post with dates: what may contradict another province's post.
    pub fn current_in_province(&self) -> Option<(u32, Day, Day)> {
        match (self.province, self.span, self.ended) {
            (Some(p), Some((a, b)), false) => Some((p, a, b)),
            _ => None,
        }
    }
}

/// A mention's context.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Sorted, without duplicates.
    pub features: Vec<Feature>,
    pub holdings: Vec<Holding>,
    /// Earliest and latest dates the mention's facts or articles carry.
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
    /// Articles the mention comes from (World indices), sorted.
    pub sources: Vec<u32>,
    /// The language of the mention's article, when known.
    pub lang: Option<Lang>,
    /// Provinces the mention's article reports a move between: it left a post in the first
    /// and holds one in the second.
    pub moves: Vec<(u32, u32)>,
}

impl Context {
    fn date(&mut self, date: Option<PartialDate>) {
        if let Some(date) = date {
            self.first = Some(self.first.map_or(date, |d| d.min(date)));
            self.last = Some(self.last.map_or(date, |d| d.max(date)));
        }
    }

    /// True when the two mentions' dates are within `years` of each other (or unknown).
    pub fn within_years(&self, other: &Context, years: u16) -> bool {
        match (self.first, self.last, other.first, other.last) {
            (Some(a_first), Some(a_last), Some(b_first), Some(b_last)) => {
                b_first.year <= a_last.year.saturating_add(years)
                    && a_first.year <= b_last.year.saturating_add(years)
            }
            _ => true,
        }
    }

    /// True when the mention says nothing but its name and its article.
    pub fn name_only(&self) -> bool {
        self.holdings.is_empty()
            && self
                .features
                .iter()
                .all(|f| matches!(f, Feature::Article(_)))
    }

    /// The (role, body kind) pairs of the mention's unplaced posts.
    pub fn unplaced_roles(&self) -> impl Iterator<Item = (Role, Classification)> + '_ {
        self.holdings
            .iter()
            .filter(|h| h.unplaced)
            .filter_map(|h| Some((h.role?, h.kind?)))
    }

    /// The (role, body kind) pairs of every post the mention holds.
    pub fn roles(&self) -> impl Iterator<Item = (Role, Classification)> + '_ {
        self.holdings
            .iter()
            .filter_map(|h| Some((h.role?, h.kind?)))
    }
}

/// What the world knows of one entity id.
struct Info<'a> {
    id: &'a EntityId,
    entity: Option<&'a Entity>,
}

/// Structure shared by all documents: where posts, bodies and events belong, what each
/// article is, and a dense index of every id.
pub struct World<'a> {
    index: FastMap<&'a str, u32>,
    info: Vec<Info<'a>>,
    post_of: FastMap<u32, u32>,
    within: FastMap<u32, u32>,
    parent: FastMap<u32, u32>,
    /// Absorbed province → the slug of the province it merged into.
    successors: HashMap<u32, &'static str>,
    /// Provinces that absorbed others, numbered for [`Feature::MergedArea`].
    merged: HashMap<&'static str, u32>,
}

impl<'a> World<'a> {
    pub fn new(documents: &[&'a Document]) -> World<'a> {
        let mut world = World {
            index: FastMap::default(),
            info: Vec::new(),
            post_of: FastMap::default(),
            within: FastMap::default(),
            parent: FastMap::default(),
            successors: HashMap::new(),
            merged: HashMap::new(),
        };
        for document in documents {
            for entity in &document.entities {
                if entity.kind() == crate::model::Kind::Person {
                    continue;
                }
                let i = world.intern(&entity.id);
                if let EntityKind::Area { .. } = entity.kind
                    && let Some(new) = entity
                        .id
                        .as_str()
                        .strip_prefix("area:")
                        .and_then(provinces::successor)
                {
                    world.successors.insert(i, new);
                    world.merged_index(new);
                }
                let info = &mut world.info[i as usize];
                if info.entity.is_none() {
                    info.entity = Some(entity);
                }
            }
            for relation in &document.relations {
                let to = world.intern(&relation.to);
                if !matches!(
                    relation.kind,
                    RelationKind::PostOf
                        | RelationKind::Within
                        | RelationKind::PartOf
                        | RelationKind::EstablishedBy
                ) {
                    continue;
                }
                let from = world.intern(&relation.from);
                let map = match relation.kind {
                    RelationKind::PostOf => &mut world.post_of,
                    RelationKind::Within => &mut world.within,
                    _ => &mut world.parent,
                };
                map.entry(from).or_insert(to);
            }
        }
        world
    }

    fn intern(&mut self, id: &'a EntityId) -> u32 {
        if let Some(&i) = self.index.get(id.as_str()) {
            return i;
        }
        let i = self.info.len() as u32;
        self.index.insert(id.as_str(), i);
        self.info.push(Info { id, entity: None });
        i
    }

    /// The number of a province that absorbed others, by slug.
    fn merged_index(&mut self, slug: &'static str) -> u32 {
        let next = self.merged.len() as u32;
        *self.merged.entry(slug).or_insert(next)
    }

    /// The successor province's slug when `province` was absorbed in 2025.
    fn successor_slug(&self, province: u32) -> Option<&'static str> {
        self.successors.get(&province).copied()
    }

    fn slug(&self, area: u32) -> &'a str {
        let id = self.id(area);
        id.strip_prefix("area:").unwrap_or(id)
    }

    /// The name of the province a [`Feature::MergedArea`] number stands for.
    pub fn merged_name(&self, number: u32) -> String {
        let slug = self
            .merged
            .iter()
            .find(|(_, n)| **n == number)
            .map_or("", |(slug, _)| *slug);
        match self.get_str(&format!("area:{slug}")) {
            Some(i) => self.name(i).to_string(),
            None => slug.to_string(),
        }
    }

    fn get_str(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// The index of an id the world has seen.
    pub fn get(&self, id: &EntityId) -> Option<u32> {
        self.index.get(id.as_str()).copied()
    }

    pub fn id(&self, i: u32) -> &'a str {
        self.info[i as usize].id.as_str()
    }

    /// [`World::id`] as the shared id itself (a clone is a reference count).
    pub fn entity_id(&self, i: u32) -> &'a EntityId {
        self.info[i as usize].id
    }

    /// The entity's name as its first document gives it, or its id.
    pub fn name(&self, i: u32) -> &'a str {
        let info = &self.info[i as usize];
        info.entity.map_or(info.id.as_str(), |e| e.name.as_str())
    }

    fn entity(&self, i: u32) -> Option<&'a Entity> {
        self.info[i as usize].entity
    }

    fn source(&self, i: u32) -> Option<(Option<&'a EntityId>, Option<PartialDate>, Lang)> {
        match &self.entity(i)?.kind {
            EntityKind::Source {
                lang,
                date,
                translation_of,
                ..
            } => Some((translation_of.as_ref(), *date, *lang)),
            _ => None,
        }
    }

    fn level(&self, i: u32) -> Option<AreaLevel> {
        match self.entity(i)?.kind {
            EntityKind::Area { level, .. } => Some(level),
            _ => None,
        }
    }

    /// The article a source translates, followed to its end (cycles stop).
    pub fn original(&self, source: u32) -> u32 {
        let mut current = source;
        for _ in 0..8 {
            match self
                .source(current)
                .and_then(|s| s.0)
                .and_then(|id| self.get(id))
            {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }

    /// The area a body, post, group or event lies in, walking up `post_of`, `part_of`
    /// and `established_by` at most a few steps.
    fn area_of(&self, mut id: u32) -> Option<u32> {
        for _ in 0..6 {
            if let Some(&area) = self.within.get(&id) {
                return Some(area);
            }
            id = *self.post_of.get(&id).or_else(|| self.parent.get(&id))?;
        }
        None
    }

    /// The province-level area an area lies in (itself when it is one); `None` for the
    /// country.
    fn province_of(&self, mut area: u32) -> Option<u32> {
        for _ in 0..4 {
            match self.level(area) {
                Some(AreaLevel::Country) => return None,
                Some(AreaLevel::Province | AreaLevel::City) | None => return Some(area),
                Some(_) => match self.within.get(&area) {
                    Some(&up) => area = up,
                    None => return Some(area),
                },
            }
        }
        Some(area)
    }

    fn is_national(&self, area: u32) -> bool {
        self.level(area) == Some(AreaLevel::Country)
    }

    /// True when `a` (whose post ends by day `a_last`) and `b` (by `b_last`) are the same
    /// province, or one was absorbed into the other and the other's post is dated on or
    /// after the merger.
    pub fn same_province(&self, a: u32, a_last: Day, b: u32, b_last: Day) -> bool {
        a == b
            || (self.successor_slug(a) == Some(self.slug(b)) && b_last >= provinces::MERGER_DATE)
            || (self.successor_slug(b) == Some(self.slug(a)) && a_last >= provinces::MERGER_DATE)
    }

    /// The context of person `person` in a document whose source is `document_source`
    /// (the fallback when the mention cites none), with the relations from the person.
    pub fn context(
        &self,
        person: &Entity,
        relations: &[&'a Relation],
        document_source: Option<u32>,
    ) -> Context {
        let mut context = Context::default();
        let mut sources: BTreeSet<u32> = BTreeSet::new();
        for alias in &person.aliases {
            if let Some(i) = alias.source.as_ref().and_then(|s| self.get(s)) {
                sources.insert(i);
            }
        }
        let mut features: Vec<Feature> = Vec::new();
        for relation in relations {
            for evidence in &relation.evidence {
                if let Some(i) = self.get(&evidence.source) {
                    sources.insert(i);
                }
            }
            context.date(relation.as_of);
            context.date(relation.start);
            context.date(relation.end);
            let Some(target) = self.get(&relation.to) else {
                continue;
            };
            let area = self.area_of(target);
            let national = area.is_some_and(|a| self.is_national(a));
            let province = area.filter(|_| !national).and_then(|a| self.province_of(a));
            match relation.kind {
                RelationKind::Holds => {
                    let body = self.post_of.get(&target).copied();
                    context.holdings.push(Holding {
                        post: target,
                        role: self.entity(target).and_then(Entity::role),
                        kind: body
                            .and_then(|b| self.entity(b))
                            .and_then(Entity::classification),
                        province,
                        unplaced: area.is_none(),
                        span: span(relation),
                        ended: relation.end.is_some(),
                        when: relation.as_of.or(relation.start).or(relation.end),
                    });
                    if area.is_none() {
                        continue;
                    }
                    features.push(Feature::Post(target));
                    if let Some(body) = body {
                        features.push(Feature::Body(body));
                    }
                }
                RelationKind::MemberOf
                | RelationKind::Leads
                | RelationKind::Accompanied
                | RelationKind::Chaired
                | RelationKind::Attended => {
                    if area.is_none() {
                        continue;
                    }
                    features.push(Feature::Body(target));
                }
                _ => continue,
            }
            let (Some(area), false) = (area, national) else {
                continue;
            };
            features.push(Feature::Area(area));
            let after = relation
                .end
                .or(relation.as_of)
                .or(relation.start)
                .is_some_and(|d| provinces::after_merger(&d));
            if let Some(province) = province {
                if let Some(new) = self.successor_slug(province) {
                    features.push(Feature::MergedArea(self.merged[new]));
                } else if after
                    && provinces::is_successor(self.slug(province))
                    && let Some(&n) = self.merged.get(self.slug(province))
                {
                    features.push(Feature::MergedArea(n));
                }
            }
        }
        if sources.is_empty()
            && let Some(source) = document_source
        {
            sources.insert(source);
        }
        for &source in &sources {
            features.push(Feature::Article(self.original(source)));
            if let Some((_, date, lang)) = self.source(source) {
                context.date(date);
                context.lang.get_or_insert(lang);
            }
        }
        for left in context.holdings.iter().filter(|h| h.ended) {
            for now in context.holdings.iter().filter(|h| !h.ended) {
                if let (Some(a), Some(b)) = (left.province, now.province)
                    && a != b
                {
                    context.moves.push((a, b));
                }
            }
        }
        context.moves.sort_unstable();
        context.moves.dedup();
        features.sort_unstable();
        features.dedup();
        // Every person has a context: no spare room (half a million people at scale).
        features.shrink_to_fit();
        context.holdings.shrink_to_fit();
        context.moves.shrink_to_fit();
        context.features = features;
        context.sources = sources.into_iter().collect();
        context
    }
}
