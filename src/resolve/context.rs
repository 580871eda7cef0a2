//! What a person mention says besides its name: posts, bodies, places, articles and dates.
//!
//! Context is read from the relations of the document the mention comes from, with the
//! structure (which body a post belongs to, where a body sits, which article translates
//! which) looked up across all documents. Each piece becomes a [`Feature`]; two mentions
//! with matching names that share a feature are candidates to merge.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::model::{Document, EntityId, EntityKind, Lang, PartialDate, RelationKind};

use super::provinces;

/// One piece of context, strongest first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// Named in the same article (or in a translation of it).
    Article(EntityId),
    /// Holds the same post.
    Post(EntityId),
    /// Holds a post in, leads or is a member of the same body (or working group, event).
    Body(EntityId),
    /// Works in the same place.
    Area(EntityId),
    /// Works in a province absorbed in 2025 and later in its successor, or the reverse.
    MergedArea(EntityId),
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

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Feature::Article(id) => write!(f, "same article `{id}`"),
            Feature::Post(id) => write!(f, "same post `{id}`"),
            Feature::Body(id) => write!(f, "same body `{id}`"),
            Feature::Area(id) => write!(f, "same place `{id}`"),
            Feature::MergedArea(id) => {
                write!(f, "same province after the 2025 merger into `{id}`")
            }
        }
    }
}

/// A mention's context.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub features: BTreeSet<Feature>,
    /// Earliest and latest dates the mention's facts or articles carry.
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
    /// Articles the mention comes from.
    pub sources: BTreeSet<EntityId>,
    /// The language of the mention's article, when known.
    pub lang: Option<Lang>,
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
}

/// Structure shared by all documents: where posts, bodies and events belong, and what
/// each article is.
pub struct World<'a> {
    post_of: BTreeMap<&'a EntityId, &'a EntityId>,
    within: BTreeMap<&'a EntityId, &'a EntityId>,
    parent: BTreeMap<&'a EntityId, &'a EntityId>,
    source: BTreeMap<&'a EntityId, (Option<&'a EntityId>, Option<PartialDate>, Lang)>,
}

impl<'a> World<'a> {
    pub fn new(documents: &[&'a Document]) -> World<'a> {
        let mut world = World {
            post_of: BTreeMap::new(),
            within: BTreeMap::new(),
            parent: BTreeMap::new(),
            source: BTreeMap::new(),
        };
        for document in documents {
            for entity in &document.entities {
                if let EntityKind::Source {
                    lang,
                    date,
                    translation_of,
                    ..
                } = &entity.kind
                {
                    world.source.entry(&entity.id).or_insert((
                        translation_of.as_ref(),
                        *date,
                        *lang,
                    ));
                }
            }
            for relation in &document.relations {
                let map = match relation.kind {
                    RelationKind::PostOf => &mut world.post_of,
                    RelationKind::Within => &mut world.within,
                    RelationKind::PartOf | RelationKind::EstablishedBy => &mut world.parent,
                    _ => continue,
                };
                map.entry(&relation.from).or_insert(&relation.to);
            }
        }
        world
    }

    /// The article a source translates, followed to its end (cycles stop).
    pub fn original(&self, source: &'a EntityId) -> &'a EntityId {
        let mut current = source;
        for _ in 0..8 {
            match self.source.get(current).and_then(|s| s.0) {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }

    fn source_info(&self, source: &EntityId) -> Option<(Option<PartialDate>, Lang)> {
        self.source.get(source).map(|s| (s.1, s.2))
    }

    /// The area a body, post, group or event lies in, walking up `post_of`, `part_of`
    /// and `established_by` at most a few steps.
    fn area_of(&self, mut id: &'a EntityId) -> Option<&'a EntityId> {
        for _ in 0..6 {
            if let Some(area) = self.within.get(id) {
                return Some(area);
            }
            id = self.post_of.get(id).or_else(|| self.parent.get(id))?;
        }
        None
    }

    /// The context of person `person` in `document`, whose relations from the person
    /// are `relations`.
    pub fn context(
        &self,
        person: &crate::model::Entity,
        relations: &[&'a crate::model::Relation],
    ) -> Context {
        let mut context = Context::default();
        let mut sources: BTreeSet<&EntityId> = BTreeSet::new();
        for alias in &person.aliases {
            if let Some(source) = &alias.source {
                sources.insert(source);
            }
        }
        let mut places: BTreeSet<&EntityId> = BTreeSet::new();
        for relation in relations {
            for evidence in &relation.evidence {
                sources.insert(&evidence.source);
            }
            context.date(relation.as_of);
            context.date(relation.start);
            context.date(relation.end);
            let target = &relation.to;
            match relation.kind {
                RelationKind::Holds => {
                    context.features.insert(Feature::Post(target.clone()));
                    if let Some(body) = self.post_of.get(target) {
                        context.features.insert(Feature::Body((*body).clone()));
                    }
                }
                RelationKind::MemberOf
                | RelationKind::Leads
                | RelationKind::Accompanied
                | RelationKind::Chaired
                | RelationKind::Attended => {
                    context.features.insert(Feature::Body(target.clone()));
                }
                _ => continue,
            }
            if let Some(area) = self.area_of(target) {
                places.insert(area);
            }
        }
        for source in sources {
            let original = self.original(source);
            context.features.insert(Feature::Article(original.clone()));
            context.sources.insert(source.clone());
            if let Some((date, lang)) = self.source_info(source) {
                context.date(date);
                context.lang.get_or_insert(lang);
            }
        }
        let after = context.last.is_some_and(|d| provinces::after_merger(&d));
        for area in places {
            context.features.insert(Feature::Area(area.clone()));
            let slug = area.as_str().strip_prefix("area:").unwrap_or("");
            if let Some(new) = provinces::successor(slug) {
                let merged = EntityId::new(format!("area:{new}"));
                context.features.insert(Feature::MergedArea(merged));
            } else if after && provinces::is_successor(slug) {
                context.features.insert(Feature::MergedArea(area.clone()));
            }
        }
        context
    }
}
