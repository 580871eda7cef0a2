//! Who holds a post in, or is a member of, an organization (and its sub-bodies).

use std::collections::{BTreeSet, VecDeque};

use serde::Serialize;

use super::{EntityView, Table};
use crate::graph::Graph;
use crate::model::{Entity, EntityId, RelationKind, Role};

#[derive(Debug, Serialize)]
pub struct Members {
    pub body: EntityView,
    pub members: Vec<Member>,
}

#[derive(Debug, Serialize)]
pub struct Member {
    pub person: EntityView,
    pub role: &'static str,
    /// The post through which the person belongs, absent for plain `member_of`.
    pub post: Option<EntityView>,
    /// The body the person belongs to (the asked body or, with `deep`, a sub-body).
    #[serde(rename = "in")]
    pub within: EntityView,
}

/// Members of `body` through posts (`holds` a post that is `post_of` it) or `member_of`;
/// with `deep`, of every body that is `part_of` it, transitively. Sorted by body, then role
/// rank (secretary and chair first), then name. O((b + m) log m) for b bodies, m members.
pub fn members(graph: &Graph, body: &Entity, deep: bool) -> Members {
    let mut bodies = vec![body.id.clone()];
    if deep {
        let mut seen: BTreeSet<EntityId> = BTreeSet::from([body.id.clone()]);
        let mut queue = VecDeque::from([body.id.clone()]);
        while let Some(id) = queue.pop_front() {
            for link in graph.sources(&id, RelationKind::PartOf) {
                if seen.insert(link.other.id.clone()) {
                    bodies.push(link.other.id.clone());
                    queue.push_back(link.other.id.clone());
                }
            }
        }
    }
    let mut members = Vec::new();
    for body_id in &bodies {
        let within = EntityView::from(graph.entity(body_id).expect("ids come from the graph"));
        for post_link in graph.sources(body_id, RelationKind::PostOf) {
            let post = post_link.other;
            for holder in graph.sources(&post.id, RelationKind::Holds) {
                members.push(Member {
                    person: EntityView::from(holder.other),
                    role: post.role().map_or("", |r| r.as_str()),
                    post: Some(EntityView::from(post)),
                    within: within.clone(),
                });
            }
        }
        for link in graph.sources(body_id, RelationKind::MemberOf) {
            members.push(Member {
                person: EntityView::from(link.other),
                role: Role::Member.as_str(),
                post: None,
                within: within.clone(),
            });
        }
        for link in graph.sources(body_id, RelationKind::Leads) {
            members.push(Member {
                person: EntityView::from(link.other),
                role: Role::Head.as_str(),
                post: None,
                within: within.clone(),
            });
        }
    }
    let rank = |role: &str| {
        Role::ALL
            .iter()
            .position(|r| r.as_str() == role)
            .unwrap_or(usize::MAX)
    };
    // Sort positions, not the rows: a row is four views, and moving them is most of the
    // cost of a million-row answer. Stable, so equal rows keep their order.
    fn key<'m>(m: &'m Member, body: &str, rank: usize) -> (bool, &'m str, usize, &'m str, &'m str) {
        (
            m.within.id != body,
            &m.within.name,
            rank,
            &m.person.name,
            &m.person.id,
        )
    }
    let mut order: Vec<usize> = (0..members.len()).collect();
    let body_id = body.id.as_str();
    order.sort_by(|&a, &b| {
        let (a, b) = (&members[a], &members[b]);
        key(a, body_id, rank(a.role)).cmp(&key(b, body_id, rank(b.role)))
    });
    let mut slots: Vec<Option<Member>> = members.into_iter().map(Some).collect();
    let mut members: Vec<Member> = order
        .into_iter()
        .map(|i| slots[i].take().expect("each position once"))
        .collect();
    members.dedup_by(|a, b| {
        a.person.id == b.person.id && a.role == b.role && a.within.id == b.within.id
    });
    Members {
        body: EntityView::from(body),
        members,
    }
}

pub fn table(answer: &Members) -> String {
    let mut out = format!("{} ({})\n\n", answer.body.name, answer.body.id);
    if answer.members.is_empty() {
        out.push_str("no members recorded\n");
        return out;
    }
    let mut table = Table::new(&["body", "role", "person", "post"]);
    for member in &answer.members {
        table.row(vec![
            member.within.name.clone(),
            member.role.to_string(),
            member.person.name.clone(),
            member
                .post
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        ]);
    }
    out.push_str(&table.render());
    out
}
