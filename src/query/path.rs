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
    let n = graph.entities().len();
    let start = graph.index_of(&from.id)?;
    let goal = graph.index_of(&to.id)?;
    // parent[i] = (previous node, relation index) on the first path that reached i.
    let mut parent: Vec<Option<(usize, usize)>> = vec![None; n];
    let mut depth = vec![usize::MAX; n];
    depth[start] = 0;
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        if node == goal || depth[node] >= max_len {
            continue;
        }
        for link in graph.links_at(node) {
            let next = link.other_index;
            if depth[next] == usize::MAX {
                depth[next] = depth[node] + 1;
                parent[next] = Some((node, link.relation_index));
                queue.push_back(next);
            }
        }
    }
    if depth[goal] == usize::MAX {
        return None;
    }
    let mut steps = Vec::new();
    let mut node = goal;
    while let Some((previous, relation_index)) = parent[node] {
        let relation = &graph.document().relations[relation_index];
        steps.push(Step {
            from: EntityView::from(graph.entity(&relation.from).expect("validated")),
            relation: relation.kind.as_str(),
            to: EntityView::from(graph.entity(&relation.to).expect("validated")),
        });
        node = previous;
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
