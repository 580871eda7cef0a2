//! Who leads which working group, and which areas each works with.

use serde::Serialize;

use super::EntityView;
use crate::graph::Graph;
use crate::model::{EntityId, Kind, RelationKind};
use crate::text::search_key;

#[derive(Debug, Serialize)]
pub struct GroupLeads {
    pub group: EntityView,
    pub leaders: Vec<Leader>,
    pub areas: Vec<EntityView>,
    pub inspected: Vec<EntityView>,
    pub established_by: Vec<EntityView>,
}

/// A leader with the posts he or she holds.
#[derive(Debug, Serialize)]
pub struct Leader {
    #[serde(flatten)]
    pub person: EntityView,
    pub posts: Vec<EntityView>,
}

/// Every working group (or only `group`), sorted by number then id, with its leaders, the
/// areas it works with and inspected, and the body that set it up. O(g · d log d) for g
/// groups of degree d.
pub fn leads(graph: &Graph, group: Option<&EntityId>) -> Vec<GroupLeads> {
    let mut groups: Vec<_> = match group {
        Some(id) => graph.entity(id).into_iter().collect(),
        None => graph.entities_of_kind(Kind::WorkingGroup).collect(),
    };
    groups.sort_by_key(|g| {
        let view = EntityView::from(*g);
        (view.number.is_none(), view.number, g.id.clone())
    });
    let views = |id: &EntityId, kind: RelationKind, outgoing: bool| -> Vec<EntityView> {
        let Some(index) = graph.index_of(id) else {
            return Vec::new();
        };
        let mut views: Vec<EntityView> = graph
            .adjacent(index, kind, outgoing)
            .map(|e| EntityView::from(graph.entity_at(e.other_index)))
            .collect();
        views.sort_by_cached_key(|v| (search_key(&v.name), v.name.clone(), v.id.clone()));
        views.dedup_by(|a, b| a.id == b.id);
        views
    };
    groups
        .into_iter()
        .map(|g| GroupLeads {
            group: EntityView::from(g),
            leaders: views(&g.id, RelationKind::Leads, false)
                .into_iter()
                .map(|person| {
                    let posts = views(&EntityId::new(person.id.clone()), RelationKind::Holds, true);
                    Leader { person, posts }
                })
                .collect(),
            areas: views(&g.id, RelationKind::WorksWith, true),
            inspected: views(&g.id, RelationKind::Inspected, true),
            established_by: views(&g.id, RelationKind::EstablishedBy, true),
        })
        .collect()
}

fn names(views: &[EntityView]) -> Vec<&str> {
    views.iter().map(|e| e.name.as_str()).collect()
}

/// One block per group: its name, then who leads it (with posts) and where it works.
pub fn table(answers: &[GroupLeads]) -> String {
    let mut out = String::new();
    for (i, answer) in answers.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("{} ({})\n", answer.group.name, answer.group.id));
        if answer.leaders.is_empty() {
            out.push_str("  led by      (no leader recorded)\n");
        }
        for leader in &answer.leaders {
            out.push_str(&format!("  led by      {}\n", leader.person.name));
            for post in &leader.posts {
                out.push_str(&format!("                {}\n", post.name));
            }
        }
        out.push_str(&format!(
            "  works with  {} ({})\n",
            names(&answer.areas).join(", "),
            answer.areas.len()
        ));
        if !answer.inspected.is_empty() {
            out.push_str(&format!(
                "  inspected   {}\n",
                names(&answer.inspected).join(", ")
            ));
        }
    }
    if answers.is_empty() {
        out.push_str("no working groups recorded\n");
    }
    out
}
