//! Who holds a post in, or is a member of, an organization (and its sub-bodies).

use std::io::{self, Write};

use petgraph::visit::Bfs;
use rayon::prelude::*;
use serde::Serialize;
use serde::ser::SerializeStruct;

use super::{EntityRef, EntityView, table::write_rows_of_width};
use crate::graph::Graph;
use crate::model::{Entity, RelationKind, Role};

/// The members of a body: rows of entity indices into the graph, written as entities
/// (a million-row answer copies no names and decodes only what it writes).
pub struct Members<'g> {
    pub body: EntityView,
    graph: &'g Graph,
    rows: Vec<Row>,
}

/// One row as written: entities by reference.
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

/// A row, by entity index.
#[derive(Clone, Copy)]
struct Row {
    person: u32,
    role: Option<Role>,
    /// `u32::MAX` for none.
    post: u32,
    within: u32,
}

impl<'g> Members<'g> {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows, in order.
    pub fn members(&self) -> impl ExactSizeIterator<Item = Member<'g>> + '_ {
        let at = |i: u32| EntityRef::new(self.graph, i as usize);
        self.rows.iter().map(move |r| Member {
            person: at(r.person),
            role: r.role.map_or("", |r| r.as_str()),
            post: (r.post != u32::MAX).then(|| at(r.post)),
            within: at(r.within),
        })
    }
}

impl Serialize for Members<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Rows<'a, 'g>(&'a Members<'g>);
        impl Serialize for Rows<'_, '_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.members())
            }
        }
        let mut out = serializer.serialize_struct("Members", 2)?;
        out.serialize_field("body", &self.body)?;
        out.serialize_field("members", &Rows(self))?;
        out.end()
    }
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
            let role = graph.role_at(post.other_index);
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
    let mut members: Vec<Row> = Vec::with_capacity(rows.len());
    let mut last: Option<(u32, Option<Role>, u32)> = None;
    for key in keys {
        let r = rows[key as u32 as usize];
        let same = (r.person, r.role, r.within);
        if last == Some(same) {
            continue;
        }
        last = Some(same);
        members.push(r);
    }
    Members {
        body: EntityView::from(body),
        graph,
        rows: members,
    }
}

/// The table: the body, then one line per row (body, role, person, post names), written
/// to `out` as it goes.
pub fn write_table(answer: &Members<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})\n", answer.body.name, answer.body.id)?;
    if answer.is_empty() {
        return writeln!(out, "no members recorded");
    }
    let graph = answer.graph;
    let name = |i: u32| graph.name_at(i as usize);
    let role = |r: &Row| r.role.map_or("", |r| r.as_str());
    // Column widths without a second random walk over the names: the characters of every
    // name in one pass in index order (where the string table stores them).
    let chars: Vec<u32> = (0..graph.entity_count())
        .into_par_iter()
        .map(|i| graph.name_at(i).chars().count() as u32)
        .collect();
    let headers = ["body", "role", "person", "post"];
    let mut widths = headers.map(|h| h.chars().count());
    for r in &answer.rows {
        let post = if r.post == u32::MAX {
            0
        } else {
            chars[r.post as usize]
        };
        for (w, c) in widths.iter_mut().zip([
            chars[r.within as usize] as usize,
            role(r).len(),
            chars[r.person as usize] as usize,
            post as usize,
        ]) {
            *w = (*w).max(c);
        }
    }
    write_rows_of_width(out, headers, widths, answer.len(), |k| {
        let r = &answer.rows[k];
        [
            name(r.within),
            role(r),
            name(r.person),
            if r.post == u32::MAX { "" } else { name(r.post) },
        ]
    })
}

pub fn table(answer: &Members<'_>) -> String {
    let mut out = Vec::new();
    write_table(answer, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("tables are UTF-8")
}
