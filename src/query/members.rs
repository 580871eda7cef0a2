//! Who holds a post in, or is a member of, an organization (and its sub-bodies).

use petgraph::visit::Bfs;
use rayon::prelude::*;
use serde::Serialize;

use super::{EntityRef, EntityView, table::render_rows};
use crate::graph::Graph;
use crate::model::{Entity, RelationKind, Role};

#[derive(Debug, Serialize)]
pub struct Members<'g> {
    pub body: EntityView,
    pub members: Vec<Member<'g>>,
}

/// One row: entities by reference (a million-row answer copies no names).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Member<'g> {
    pub person: EntityRef<'g>,
    pub role: &'static str,
    /// The post through which the person belongs, absent for plain `member_of`.
    pub post: Option<EntityRef<'g>>,
    /// The body the person belongs to (the asked body or, with `deep`, a sub-body).
    #[serde(rename = "in")]
    pub within: EntityRef<'g>,
}

/// A row under construction, by entity index.
struct Row {
    person: u32,
    role: Option<Role>,
    /// `u32::MAX` for none.
    post: u32,
    within: u32,
}

/// Members of `body` through posts (`holds` a post that is `post_of` it) or `member_of`;
/// with `deep`, of every body that is `part_of` it, transitively. Sorted by body (the asked
/// one first, then by name), then role rank (secretary and chair first), then name and id;
/// rows of equal key keep the order they were found in. O(b + m log m) for b bodies and m
/// rows: the search walks entity indices, and rows sort by one integer key built from the
/// graph's name order.
pub fn members<'g>(graph: &'g Graph, body: &Entity, deep: bool) -> Members<'g> {
    let root = graph
        .index_of(&body.id)
        .expect("the body comes from the graph");
    // Breadth-first from the body against `part_of` relations: the body, then its
    // sub-bodies in the order they are reached.
    let bodies: Vec<usize> = if deep {
        let within = graph.follow(Some(RelationKind::PartOf), Some(false));
        let mut bfs = Bfs::new(&within, root);
        std::iter::from_fn(|| bfs.next(&within)).collect()
    } else {
        vec![root]
    };
    let mut rows: Vec<Row> = Vec::new();
    for &b in &bodies {
        let within = b as u32;
        for post in graph.adjacent(b, RelationKind::PostOf, false) {
            let role = graph.entity_at(post.other_index).role();
            for holder in graph.adjacent(post.other_index, RelationKind::Holds, false) {
                rows.push(Row {
                    person: holder.other_index as u32,
                    role,
                    post: post.other_index as u32,
                    within,
                });
            }
        }
        for (kind, role) in [
            (RelationKind::MemberOf, Role::Member),
            (RelationKind::Leads, Role::Head),
        ] {
            for link in graph.adjacent(b, kind, false) {
                rows.push(Row {
                    person: link.other_index as u32,
                    role: Some(role),
                    post: u32::MAX,
                    within,
                });
            }
        }
    }
    let order = graph.name_order();
    let rank = |role: Option<Role>| -> u128 {
        role.and_then(|r| Role::ALL.iter().position(|x| *x == r))
            .map_or(255, |p| p.min(254)) as u128
    };
    // (not the asked body, body name rank, role rank, person (name, id) position, row
    // number): unique, so an unstable sort gives the stable order.
    let mut keys: Vec<u128> = rows
        .iter()
        .enumerate()
        .map(|(k, r)| {
            (u128::from(r.within != root as u32) << 104)
                | (u128::from(order.rank[r.within as usize]) << 72)
                | (rank(r.role) << 64)
                | (u128::from(order.position[r.person as usize]) << 32)
                | k as u128
        })
        .collect();
    keys.par_sort_unstable();
    let mut members: Vec<Member<'g>> = Vec::with_capacity(rows.len());
    let mut last: Option<(u32, Option<Role>, u32)> = None;
    for key in keys {
        let r = &rows[key as u32 as usize];
        let same = (r.person, r.role, r.within);
        if last == Some(same) {
            continue;
        }
        last = Some(same);
        members.push(Member {
            person: EntityRef(graph.entity_at(r.person as usize)),
            role: r.role.map_or("", |r| r.as_str()),
            post: (r.post != u32::MAX).then(|| EntityRef(graph.entity_at(r.post as usize))),
            within: EntityRef(graph.entity_at(r.within as usize)),
        });
    }
    Members {
        body: EntityView::from(body),
        members,
    }
}

pub fn table(answer: &Members<'_>) -> String {
    let mut out = format!("{} ({})\n\n", answer.body.name, answer.body.id);
    if answer.members.is_empty() {
        out.push_str("no members recorded\n");
        return out;
    }
    out.push_str(&render_rows(
        ["body", "role", "person", "post"],
        &answer.members,
        |m| {
            [
                m.within.0.name.as_str(),
                m.role,
                m.person.0.name.as_str(),
                m.post.map_or("", |p| p.0.name.as_str()),
            ]
        },
    ));
    out
}
