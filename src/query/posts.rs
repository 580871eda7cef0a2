//! The posts a person holds, with role, organization, dates and sources.
//!
//! Dated answers (`as_of`): a post held with `start`/`end` counts where that span covers the
//! date. A post known only from reports (`as_of` on the `holds` relation) counts from its
//! first report on or before the date, until a later report, still on or before the date,
//! shows someone else in that one-holder post or this person in another role of the same
//! organization. Reports after the date are never used.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{EntityView, Table};
use crate::graph::Graph;
use crate::model::{Entity, PartialDate, Relation, RelationKind};

#[derive(Debug, Serialize)]
pub struct Posts {
    pub person: EntityView,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of_query: Option<PartialDate>,
    pub posts: Vec<PostHeld>,
}

#[derive(Debug, Serialize)]
pub struct PostHeld {
    pub post: EntityView,
    pub role: Option<&'static str>,
    pub organization: Option<EntityView>,
    pub as_of: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub sources: Vec<String>,
}

/// The posts `person` holds (on `date`, when given), sorted by organization then role.
/// O(p · d log d) for p posts of degree d.
pub fn posts(graph: &Graph, person: &Entity, date: Option<PartialDate>) -> Posts {
    let mut held = Vec::new();
    let index = graph
        .index_of(&person.id)
        .expect("the person comes from the graph");
    for edge in graph.adjacent(index, RelationKind::Holds, true) {
        let relation = graph.relation(edge.relation_index);
        if let Some(date) = date
            && !in_force(graph, &relation, date)
        {
            continue;
        }
        let post = graph.entity_at(edge.other_index);
        let organization = graph
            .adjacent(edge.other_index, RelationKind::PostOf, true)
            .next()
            .map(|e| EntityView::from(graph.entity_at(e.other_index)));
        let sources: BTreeSet<String> = relation
            .evidence
            .iter()
            .map(|e| e.source.to_string())
            .collect();
        held.push(PostHeld {
            post: EntityView::from(post),
            role: post.role().map(|r| r.as_str()),
            organization,
            as_of: relation.as_of,
            start: relation.start,
            end: relation.end,
            sources: sources.into_iter().collect(),
        });
    }
    held.sort_by(|a, b| {
        let org = |p: &PostHeld| p.organization.as_ref().map(|o| o.name.clone());
        (org(a), a.post.id.clone(), a.as_of).cmp(&(org(b), b.post.id.clone(), b.as_of))
    });
    Posts {
        person: EntityView::from(person),
        as_of_query: date,
        posts: held,
    }
}

fn on_or_before(a: PartialDate, b: PartialDate) -> bool {
    a.earliest() <= b.latest()
}

/// Whether a `holds` relation is in force on `date` (see the module documentation).
pub fn in_force(graph: &Graph, holds: &Relation, date: PartialDate) -> bool {
    if holds.start.is_some() || holds.end.is_some() {
        let started = holds.start.is_none_or(|s| on_or_before(s, date));
        let not_ended = holds.end.is_none_or(|e| on_or_before(date, e));
        return started && not_ended;
    }
    let Some(reported) = holds.as_of else {
        return true;
    };
    if !on_or_before(reported, date) {
        return false;
    }
    let later = |r: &Relation| {
        r.as_of
            .is_some_and(|d| d.earliest() > reported.latest() && on_or_before(d, date))
    };
    let (Some(person), Some(post)) = (graph.index_of(&holds.from), graph.index_of(&holds.to))
    else {
        return true;
    };
    // Someone else reported later in the same one-holder post.
    if graph
        .entity_at(post)
        .role()
        .is_some_and(|r| r.is_single_holder())
        && graph
            .adjacent(post, RelationKind::Holds, false)
            .any(|e| e.other_index != person && later(&graph.relation(e.relation_index)))
    {
        return false;
    }
    // This person reported later in another role of the same organization.
    let organization = |post: usize| -> Option<usize> {
        graph
            .adjacent(post, RelationKind::PostOf, true)
            .next()
            .map(|e| e.other_index)
    };
    let this_org = organization(post);
    !graph.adjacent(person, RelationKind::Holds, true).any(|e| {
        e.other_index != post
            && this_org.is_some()
            && later(&graph.relation(e.relation_index))
            && organization(e.other_index) == this_org
    })
}

pub fn table(answer: &Posts) -> String {
    let mut out = format!("{} ({})", answer.person.name, answer.person.id);
    let aliases = super::alias_line(&answer.person);
    if !aliases.is_empty() {
        out.push_str(&format!("\n  also written: {aliases}"));
    }
    if let Some(date) = answer.as_of_query {
        out.push_str(&format!("\n  as of {date}"));
    }
    out.push_str("\n\n");
    if answer.posts.is_empty() {
        out.push_str("no posts recorded\n");
        return out;
    }
    let mut table = Table::new(&["post", "role", "organization", "as of", "sources"]);
    for held in &answer.posts {
        let dates = match (held.start, held.end) {
            (None, None) => held.as_of.map(|d| d.to_string()).unwrap_or_default(),
            (start, end) => format!(
                "{}..{}",
                start.map(|d| d.to_string()).unwrap_or_default(),
                end.map(|d| d.to_string()).unwrap_or_default()
            ),
        };
        table.row(vec![
            held.post.name.clone(),
            held.role.unwrap_or("").to_string(),
            held.organization
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            dates,
            held.sources.join(", "),
        ]);
    }
    out.push_str(&table.render());
    out
}
