//! The shortest chain of relations between two entities.

use std::collections::VecDeque;

use serde::Serialize;

use super::EntityView;
use crate::graph::Graph;
use crate::model::Entity;

#[derive(Debug, Serialize)]
pub struct Path {
    pub from: EntityView,
    pub to: EntityView,
    pub steps: Vec<Step>,
}

/// One relation of a path, written in the direction the relation points.
#[derive(Debug, Serialize)]
pub struct Step {
    pub from: EntityView,
    pub relation: &'static str,
    pub to: EntityView,
}

/// Breadth-first search over relations in either direction, at most `max_len` steps.
/// Neighbours are visited in relation order, so among several shortest paths the same one
/// is always returned. O(V + E) time and O(V) memory in the part of the graph searched.
pub fn shortest_path(graph: &Graph, from: &Entity, to: &Entity, max_len: usize) -> Option<Path> {
    let n = graph.entity_count();
    let start = graph.index_of(&from.id)?;
    let goal = graph.index_of(&to.id)?;
    // parent[i] = (previous node, relation index) on the first path that reached i;
    // u32::MAX = not reached.
    const NONE: u32 = u32::MAX;
    let mut parent: Vec<(u32, u32)> = vec![(NONE, NONE); n];
    let mut depth = vec![u32::MAX; n];
    depth[start] = 0;
    let max_len = u32::try_from(max_len).unwrap_or(u32::MAX);
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        if node == goal || depth[node] >= max_len {
            continue;
        }
        for edge in graph.edges_at(node) {
            let next = edge.other_index;
            if depth[next] == u32::MAX {
                depth[next] = depth[node] + 1;
                parent[next] = (node as u32, edge.relation_index as u32);
                queue.push_back(next);
            }
        }
        if depth[goal] != u32::MAX {
            break;
        }
    }
    if depth[goal] == u32::MAX {
        return None;
    }
    let mut steps = Vec::new();
    let mut node = goal;
    while parent[node].0 != NONE {
        let (previous, relation_index) = parent[node];
        let j = relation_index as usize;
        let (a, b) = graph.relation_ends(j);
        steps.push(Step {
            from: EntityView::from(&*graph.entity_copy(a)),
            relation: graph.relation_kind(j).as_str(),
            to: EntityView::from(&*graph.entity_copy(b)),
        });
        node = previous as usize;
    }
    steps.reverse();
    Some(Path {
        from: EntityView::from(from),
        to: EntityView::from(to),
        steps,
    })
}

/// One line a step, walking from `from` to `to`: a relation followed against its
/// direction is drawn `<--kind--`.
pub fn table(path: &Path) -> String {
    let mut out = format!(
        "{} → {}: {} step{}\n\n",
        path.from.name,
        path.to.name,
        path.steps.len(),
        if path.steps.len() == 1 { "" } else { "s" }
    );
    let mut at = &path.from;
    for (i, step) in path.steps.iter().enumerate() {
        let (next, arrow) = if step.from.id == at.id {
            (&step.to, format!("--{}-->", step.relation))
        } else {
            (&step.from, format!("<--{}--", step.relation))
        };
        out.push_str(&format!(
            "{:>2}. {} ({}) {arrow} {} ({})\n",
            i + 1,
            at.name,
            at.kind,
            next.name,
            next.kind
        ));
        at = next;
    }
    out
}
