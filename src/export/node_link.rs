//! networkx node-link JSON: `networkx.node_link_graph(json.load(f))` reads it as is.
//!
//! A directed multigraph (`"directed": true, "multigraph": true`): nodes carry `id` plus the
//! flat entity attributes of [`super::flat`], edges `source`, `target`, `key` (the relation's
//! index) plus the flat relation attributes. Every attribute is a string or an integer, so
//! the loaded graph also writes back out as GraphML or GEXF.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::flat;
use crate::model::Document;

/// Writes `document` as node-link JSON named `title`, ending in a newline.
pub fn write(document: &Document, title: &str, out: &mut impl Write) -> std::io::Result<()> {
    let urls = flat::source_urls(document);
    let value = |v: flat::Value| match v {
        flat::Value::Text(text) => Value::String(text),
        flat::Value::Integer(n) => Value::from(n),
    };
    let nodes: Vec<Value> = document
        .entities
        .iter()
        .map(|entity| {
            let mut node = Map::new();
            node.insert("id".into(), Value::String(entity.id.to_string()));
            for (key, v) in flat::entity(entity) {
                node.insert(key, value(v));
            }
            Value::Object(node)
        })
        .collect();
    let edges: Vec<Value> = document
        .relations
        .iter()
        .enumerate()
        .map(|(j, relation)| {
            let mut edge = Map::new();
            edge.insert("source".into(), Value::String(relation.from.to_string()));
            edge.insert("target".into(), Value::String(relation.to.to_string()));
            edge.insert("key".into(), Value::from(j));
            for (key, v) in flat::relation(relation, &urls) {
                edge.insert(key, value(v));
            }
            Value::Object(edge)
        })
        .collect();
    let graph = json!({
        "directed": true,
        "multigraph": true,
        "graph": {"name": title},
        "nodes": nodes,
        "edges": edges,
    });
    serde_json::to_writer_pretty(&mut *out, &graph)?;
    out.write_all(b"\n")
}
