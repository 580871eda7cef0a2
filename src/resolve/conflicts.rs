//! Time: which posts a person held on a date, and posts with two holders at once.
//!
//! A `holds` relation is true over its `start`..`end` span when it has one, otherwise
//! over the span its `as_of` date denotes (the day, month or year its article reports).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Document, EntityId, Relation, RelationKind};

/// Two different holders of a single-holder post whose `holds` relations overlap.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Conflict {
    pub post: EntityId,
    pub a: EntityId,
    pub b: EntityId,
    /// The two relations' spans, as `start..end` or the `as_of` date.
    pub a_when: String,
    pub b_when: String,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "conflict {}: held by {} ({}) and {} ({})",
            self.post, self.a, self.a_when, self.b, self.b_when
        )
    }
}

/// A calendar day as (year, month, day).
pub type Day = (u16, u8, u8);

/// The days a `holds` relation covers, or `None` when it carries no date at all.
pub fn span(relation: &Relation) -> Option<(Day, Day)> {
    match (relation.start, relation.end, relation.as_of) {
        (None, None, None) => None,
        (None, None, Some(as_of)) => Some((as_of.earliest(), as_of.latest())),
        (start, end, as_of) => Some((
            start.or(as_of).map_or((0, 1, 1), |d| d.earliest()),
            end.map_or((u16::MAX, 12, 31), |d| d.latest()),
        )),
    }
}

fn describe(relation: &Relation) -> String {
    match (relation.start, relation.end, relation.as_of) {
        (None, None, Some(as_of)) => format!("as of {as_of}"),
        (start, end, _) => format!(
            "{}..{}",
            start.map(|d| d.to_string()).unwrap_or_default(),
            end.map(|d| d.to_string()).unwrap_or_default()
        ),
    }
}

/// Every pair of different holders of a single-holder post (`Role::is_single_holder`)
/// whose `holds` relations overlap in time. Undated relations are not compared.
/// O(r log r + Σ h²) for r relations and h holders per post.
pub fn post_conflicts(document: &Document) -> Vec<Conflict> {
    let single: BTreeMap<&EntityId, bool> = document
        .entities
        .iter()
        .filter_map(|e| e.role().map(|role| (&e.id, role.is_single_holder())))
        .collect();
    let mut by_post: BTreeMap<&EntityId, Vec<&Relation>> = BTreeMap::new();
    for relation in &document.relations {
        if relation.kind == RelationKind::Holds && single.get(&relation.to) == Some(&true) {
            by_post.entry(&relation.to).or_default().push(relation);
        }
    }
    let mut conflicts = Vec::new();
    for (post, holds) in by_post {
        for (i, a) in holds.iter().enumerate() {
            for b in &holds[i + 1..] {
                if a.from == b.from {
                    continue;
                }
                let (Some((a0, a1)), Some((b0, b1))) = (span(a), span(b)) else {
                    continue;
                };
                if a0 <= b1 && b0 <= a1 {
                    let (a, b) = if a.from <= b.from { (a, b) } else { (b, a) };
                    conflicts.push(Conflict {
                        post: post.clone(),
                        a: a.from.clone(),
                        b: b.from.clone(),
                        a_when: describe(a),
                        b_when: describe(b),
                    });
                }
            }
        }
    }
    conflicts.sort();
    conflicts.dedup();
    conflicts
}
