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
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntityId(pub Arc<str>);

// By text, as derived, but two ids sharing one allocation are equal without reading it:
// validation shares every repeated id, so sorts and searches over relation ends mostly
// meet shared ones.
impl PartialEq for EntityId {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl std::hash::Hash for EntityId {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl PartialOrd for EntityId {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for EntityId {
    #[inline]
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if Arc::ptr_eq(&self.0, &other.0) {
            std::cmp::Ordering::Equal
        } else {
            self.0.cmp(&other.0)
        }
    }
}

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

/// A fast, deterministic hasher for the working tables keyed by ids, small integers and
/// short strings (validation's id sharing, resolution's indexes): the multiply-rotate
/// hash of rustc's `FxHasher`, a word at a time. Not resistant to chosen collisions, which
/// for these tables costs time, never a wrong answer; the order of such a table is never
/// what anything writes.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// The state mixed once more (murmur3's finalizer): the multiply leaves the low bits,
    /// which pick a table's bucket, depending only on the inputs' low bits, so ids that
    /// differ in their last digits would collide.
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A `HashMap` hashed with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A `HashSet` hashed with [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;
