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

/// A list read without spare room: a parser gives no length, so a list read element by
/// element holds room for four after its first; a million one-evidence relations would
/// hold three empty places each (over 1 GB). Given back as each list is read.
pub(crate) fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    let mut list = <Vec<T> as serde::Deserialize>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_from_records_hold_no_spare_room() {
        let text = r#"(entities: [(id: "person:a", name: "A", kind: person, aliases: [(text: "Ä", lang: vi)])],
            relations: [(kind: holds, from: "person:a", to: "post:b",
                evidence: [(source: "source:s", quote: "q")])])"#;
        let document: Document = ron::from_str(text).unwrap();
        let evidence = &document.relations[0].evidence;
        assert_eq!((evidence.len(), evidence.capacity()), (1, 1));
        let aliases = &document.entities[0].aliases;
        assert_eq!((aliases.len(), aliases.capacity()), (1, 1));
        // And a default (absent) list allocates nothing.
        let bare: Relation =
            ron::from_str(r#"(kind: within, from: "area:a", to: "area:b")"#).unwrap();
        assert_eq!(bare.evidence.capacity(), 0);
    }
}
