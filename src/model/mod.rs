//! The data model: plain serde types for entities, relations, evidence and dates.
//!
//! Nothing in `model` does I/O or knows about petgraph; it is the vocabulary every other
//! module speaks.

mod date;
mod document;
mod entity;
mod id;
mod relation;

pub use date::{DateError, PartialDate, days_in_month};
pub use document::Document;
pub use entity::{Alias, AreaLevel, Classification, Degrees, Entity, EntityKind, Kind, Lang, Role};
pub use id::{EntityId, slugify};
pub(crate) use id::{FastMap, FastSet};
pub use relation::{
    Evidence, LEADABLE, Method, OwnedRelationKey, Relation, RelationKey, RelationKind,
};
