//! Entity ids: `prefix:slug`, where the prefix names the entity's kind.
//!
//! Ids are the only way records refer to each other. They are compared and sorted as
//! plain strings, which makes every id-ordered output deterministic.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::entity::Kind;

/// A stable entity id such as `person:le-tien-chau` or `group:lang-son-1`.
///
/// Shared text (`Arc<str>`): a clone is a reference count, so the ends of a million
/// relations can point at their entities' ids instead of copying them (`Graph::new` and the
/// snapshot loader share them); comparison and hashing are by text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub Arc<str>);

impl EntityId {
    pub fn new(text: impl Into<String>) -> Self {
        EntityId(Arc::from(text.into()))
    }

    /// True when both ids share one allocation (not only equal text).
    pub fn shares(&self, other: &EntityId) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The kind the id's prefix names, if the prefix is one of the known ones.
    pub fn prefix_kind(&self) -> Option<Kind> {
        let prefix = self.0.split_once(':')?.0;
        Kind::ALL.into_iter().find(|k| k.id_prefix() == prefix)
    }

    /// Why this id is malformed, if it is. A well-formed id is `prefix:slug` with a known
    /// prefix and a slug of lowercase ASCII letters, digits, `-`, `_` and `.`.
    pub fn problem(&self) -> Option<String> {
        let Some((prefix, slug)) = self.0.split_once(':') else {
            return Some(format!("id `{}` has no `kind:` prefix", self.0));
        };
        if self.prefix_kind().is_none() {
            let known: Vec<_> = Kind::ALL.iter().map(|k| k.id_prefix()).collect();
            return Some(format!(
                "id `{}` has unknown prefix `{prefix}` (known: {})",
                self.0,
                known.join(", ")
            ));
        }
        let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c);
        if slug.is_empty() || !slug.chars().all(valid) {
            return Some(format!(
                "id `{}` must be `{prefix}:` followed by lowercase ASCII letters, digits, `-`, `_` or `.`",
                self.0
            ));
        }
        None
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Turns a name into an id slug: ASCII-folded, lowercase, words joined by `-`.
/// Vietnamese diacritics fold to their base letters (`Trần Quyết Thắng` → `tran-quyet-thang`).
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in crate::text::fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_ids_have_no_problem_and_know_their_kind() {
        let id = EntityId::new("group:lang-son-1");
        assert_eq!(id.problem(), None);
        assert_eq!(id.prefix_kind(), Some(Kind::WorkingGroup));
    }

    #[test]
    fn malformed_ids_say_why() {
        assert_eq!(
            EntityId::new("le-tien-chau").problem().unwrap(),
            "id `le-tien-chau` has no `kind:` prefix"
        );
        assert!(
            EntityId::new("human:x")
                .problem()
                .unwrap()
                .contains("unknown prefix `human`")
        );
        assert!(
            EntityId::new("person:Le Tien")
                .problem()
                .unwrap()
                .contains("lowercase ASCII")
        );
    }

    #[test]
    fn slugify_folds_vietnamese_diacritics() {
        assert_eq!(slugify("Trần Quyết Thắng"), "tran-quyet-thang");
        assert_eq!(slugify("  Đoàn Thị Hậu "), "doan-thi-hau");
    }
}
