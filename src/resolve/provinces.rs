//! The 2025 merger of provinces (63 → 34, effective 1 July 2025), read from the gazetteer.
//!
//! An official of an absorbed province (Ha Giang) may turn up later in its successor
//! (Tuyen Quang). Resolution treats the absorbed province and the successor *after* the
//! merger as one place; before the merger they stay two places. Areas are named by slug
//! (`ha-giang`, as curated records spell them) or by gazetteer code (`vn-old-02`, `vn-08`);
//! the answer is always the successor's slug. The old province → new province relation is
//! the gazetteer's ([`Gazetteer::embedded`]), not a table of ours.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::gazetteer::{Era, Gazetteer, Level, REORGANIZATION};
use crate::model::{PartialDate, slugify};

/// The day the merged provinces came into being.
pub const MERGER_DATE: (u16, u8, u8) = REORGANIZATION;

struct Mergers {
    /// Absorbed province (slug and old code id) → successor slug.
    absorbed: BTreeMap<String, String>,
    /// Slugs and code ids of provinces that absorbed others.
    successors: BTreeSet<String>,
}

fn mergers() -> &'static Mergers {
    static M: OnceLock<Mergers> = OnceLock::new();
    M.get_or_init(|| build(Gazetteer::embedded()))
}

fn build(g: &Gazetteer) -> Mergers {
    let mut absorbed = BTreeMap::new();
    let mut successors = BTreeSet::new();
    for (i, unit) in g.units().iter().enumerate() {
        if unit.level != Level::Province || unit.era != Era::Old {
            continue;
        }
        let Some(new) = g.merged_into(i) else {
            continue;
        };
        let new = g.unit(new);
        let (old_slug, new_slug) = (slugify(&unit.name), slugify(&new.name));
        if old_slug == new_slug {
            continue;
        }
        absorbed.insert(old_slug, new_slug.clone());
        absorbed.insert(unit.code_id.clone(), new_slug.clone());
        successors.insert(new_slug);
        successors.insert(new.code_id.clone());
    }
    Mergers {
        absorbed,
        successors,
    }
}

/// The successor of an absorbed province (`ha-giang` → `tuyen-quang`).
pub fn successor(area_slug: &str) -> Option<&'static str> {
    mergers().absorbed.get(area_slug).map(String::as_str)
}

/// True when `slug` is a province that absorbed others in 2025.
pub fn is_successor(area_slug: &str) -> bool {
    mergers().successors.contains(area_slug)
}

/// True when `date` may fall on or after the merger.
pub fn after_merger(date: &PartialDate) -> bool {
    date.latest() >= MERGER_DATE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_nine_provinces_were_absorbed_into_twenty_three() {
        let m = mergers();
        let slugs = m.absorbed.keys().filter(|k| !k.starts_with("vn-")).count();
        assert_eq!(slugs, 29);
        let into: BTreeSet<_> = m
            .successors
            .iter()
            .filter(|k| !k.starts_with("vn-"))
            .collect();
        assert_eq!(into.len(), 23);
        assert_eq!(successor("ha-giang"), Some("tuyen-quang"));
        assert_eq!(successor("ha-nam"), Some("ninh-binh"));
        assert_eq!(successor("nam-dinh"), Some("ninh-binh"));
        assert_eq!(successor("hai-duong"), Some("hai-phong"));
        assert_eq!(successor("vn-old-02"), Some("tuyen-quang"));
        assert!(is_successor("tuyen-quang"));
        assert!(is_successor("ninh-binh"));
        assert_eq!(successor("ninh-binh"), None);
        assert_eq!(successor("lang-son"), None);
        assert!(!is_successor("lang-son"));
        assert!(after_merger(&"2025-08".parse().unwrap()));
        assert!(!after_merger(&"2025-06-30".parse().unwrap()));
    }
}
