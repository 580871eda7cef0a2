//! The entities within a number of relations of one entity.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{EntityView, Table};
use crate::graph::Graph;
use crate::model::{Entity, EntityId};

#[derive(Debug, Serialize)]
pub struct Neighbors {
    pub entity: EntityView,
    pub depth: usize,
    pub neighbors: Vec<Neighbor>,
}

#[derive(Debug, Serialize)]
pub struct Neighbor {
    pub entity: EntityView,
    pub distance: usize,
    /// The relation by which the entity was first reached, and from where.
    pub relation: &'static str,
    pub via: String,
}

/// Breadth-first search to `depth` steps over relations in either direction; sorted by
/// distance, then kind, then name. O(V + E) in the part of the graph reached.
pub fn neighbors(graph: &Graph, entity: &Entity, depth: usize) -> Neighbors {
    let ids = within(graph, &entity.id, depth);
    let mut found: Vec<Neighbor> = Vec::new();
    for (id, (distance, via)) in &ids {
        let Some((relation, from)) = via else {
            continue;
        };
        let other = graph.entity(id).expect("ids come from the graph");
        found.push(Neighbor {
            entity: EntityView::from(other),
            distance: *distance,
            relation,
            via: from.to_string(),
        });
    }
    found.sort_by(|a, b| {
        (a.distance, a.entity.kind, &a.entity.name, &a.entity.id).cmp(&(
            b.distance,
            b.entity.kind,
            &b.entity.name,
            &b.entity.id,
        ))
    });
    Neighbors {
        entity: EntityView::from(entity),
        depth,
        neighbors: found,
    }
}

/// Entities reached by a search: id → (distance, the relation and entity it came through).
pub type Reached = BTreeMap<EntityId, (usize, Option<(&'static str, EntityId)>)>;

/// Every entity within `depth` steps of `start` (itself included, at distance 0), with the
/// relation and entity it was first reached by. Used by `export --focus` as well.
pub fn within(graph: &Graph, start: &EntityId, depth: usize) -> Reached {
    let mut seen = BTreeMap::new();
    seen.insert(start.clone(), (0, None));
    let mut frontier = vec![start.clone()];
    // The depth is capped by what exists: once a step reaches nothing new, stop.
    let mut distance = 0;
    while distance < depth && !frontier.is_empty() {
        distance += 1;
        let mut next = Vec::new();
        for id in &frontier {
            for link in graph.links(id) {
                if !seen.contains_key(&link.other.id) {
                    seen.insert(
                        link.other.id.clone(),
                        (distance, Some((link.relation.kind.as_str(), id.clone()))),
                    );
                    next.push(link.other.id.clone());
                }
            }
        }
        frontier = next;
    }
    seen
}

pub fn table(answer: &Neighbors) -> String {
    let mut out = format!(
        "{} ({}): {} within {} step{}\n\n",
        answer.entity.name,
        answer.entity.id,
        answer.neighbors.len(),
        answer.depth,
        if answer.depth == 1 { "" } else { "s" }
    );
    let mut table = Table::new(&["distance", "kind", "name", "reached by"]);
    for n in &answer.neighbors {
        table.row(vec![
            n.distance.to_string(),
            n.entity.kind.to_string(),
            n.entity.name.clone(),
            format!("{} ({})", n.relation, n.via),
        ]);
    }
    out.push_str(&table.render());
    out
}
