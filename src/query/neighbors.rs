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
    let start = graph
        .index_of(&entity.id)
        .expect("the entity comes from the graph");
    let reached = reach(graph, start, depth);
    let mut found: Vec<Neighbor> = reached
        .iter()
        .filter_map(|r| {
            let (relation, from) = r.via?;
            Some(Neighbor {
                entity: EntityView::from(&*graph.entity_copy(r.index)),
                distance: r.distance,
                relation: graph.relation_kind(relation).as_str(),
                via: graph.id_at(from).to_string(),
            })
        })
        .collect();
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

/// An entity reached by a search, by index: its distance and the relation and entity it
/// was first reached through (none for the start).
struct Reach {
    index: usize,
    distance: usize,
    via: Option<(usize, usize)>,
}

/// Every entity within `depth` steps of entity `start` (itself first), in the order the
/// breadth-first search reached them: frontier by frontier, each entity's relations in
/// relation order.
fn reach(graph: &Graph, start: usize, depth: usize) -> Vec<Reach> {
    let mut seen = vec![false; graph.entity_count()];
    seen[start] = true;
    let mut reached = vec![Reach {
        index: start,
        distance: 0,
        via: None,
    }];
    let mut frontier = 0..1;
    // The depth is capped by what exists: once a step reaches nothing new, stop.
    let mut distance = 0;
    while distance < depth && !frontier.is_empty() {
        distance += 1;
        let next_start = reached.len();
        for k in frontier {
            let node = reached[k].index;
            for edge in graph.edges_at(node) {
                if !seen[edge.other_index] {
                    seen[edge.other_index] = true;
                    reached.push(Reach {
                        index: edge.other_index,
                        distance,
                        via: Some((edge.relation_index, node)),
                    });
                }
            }
        }
        frontier = next_start..reached.len();
    }
    reached
}

/// Entities reached by a search: id → (distance, the relation and entity it came through).
pub type Reached = BTreeMap<EntityId, (usize, Option<(&'static str, EntityId)>)>;

/// Every entity within `depth` steps of `start` (itself included, at distance 0), with the
/// relation and entity it was first reached by. Used by `export --focus` as well.
pub fn within(graph: &Graph, start: &EntityId, depth: usize) -> Reached {
    let Some(start) = graph.index_of(start) else {
        return BTreeMap::from([(start.clone(), (0, None))]);
    };
    reach(graph, start, depth)
        .into_iter()
        .map(|r| {
            let via = r.via.map(|(relation, from)| {
                (
                    graph.relation_kind(relation).as_str(),
                    graph.entity_at(from).id.clone(),
                )
            });
            (graph.entity_at(r.index).id.clone(), (r.distance, via))
        })
        .collect()
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
