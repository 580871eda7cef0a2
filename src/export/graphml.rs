//! GraphML for networkx (`read_graphml`), Gephi and yEd: a directed graph whose nodes and
//! edges carry the flat attributes of [`super::flat`], each declared once as a `<key>`.
//!
//! Key ids are the attribute names prefixed by `n_` (nodes) or `e_` (edges); edge ids are
//! `e<index>`, so parallel relations (one person holding one post at two dates) stay apart.

use std::io::Write;

use super::flat::{self, Type};
use super::xml::escape;
use crate::model::Document;

fn type_name(kind: Type) -> &'static str {
    match kind {
        Type::Text => "string",
        Type::Integer => "long",
    }
}

/// Writes `document` as GraphML.
pub fn write(document: &Document, out: &mut impl Write) -> std::io::Result<()> {
    let urls = flat::source_urls(document);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    let name_keys = flat::name_keys(document);
    let node_keys = flat::ENTITY_KEYS
        .iter()
        .map(|(k, t)| (k.to_string(), *t))
        .chain(name_keys.iter().map(|k| (k.clone(), Type::Text)));
    for (key, kind) in node_keys {
        writeln!(
            out,
            r#"  <key id="n_{key}" for="node" attr.name="{key}" attr.type="{}"/>"#,
            type_name(kind)
        )?;
    }
    for (key, kind) in flat::RELATION_KEYS {
        writeln!(
            out,
            r#"  <key id="e_{key}" for="edge" attr.name="{key}" attr.type="{}"/>"#,
            type_name(*kind)
        )?;
    }
    writeln!(out, r#"  <graph id="govgraph" edgedefault="directed">"#)?;
    for entity in &document.entities {
        writeln!(out, r#"    <node id="{}">"#, escape(entity.id.as_str()))?;
        for (key, value) in flat::entity(entity) {
            writeln!(
                out,
                r#"      <data key="n_{key}">{}</data>"#,
                escape(&value.text())
            )?;
        }
        writeln!(out, "    </node>")?;
    }
    for (j, relation) in document.relations.iter().enumerate() {
        writeln!(
            out,
            r#"    <edge id="e{j}" source="{}" target="{}">"#,
            escape(relation.from.as_str()),
            escape(relation.to.as_str())
        )?;
        for (key, value) in flat::relation(relation, &urls) {
            writeln!(
                out,
                r#"      <data key="e_{key}">{}</data>"#,
                escape(&value.text())
            )?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}
