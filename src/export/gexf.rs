//! GEXF 1.2 for Gephi and networkx (`read_gexf`): a static directed graph; node labels are
//! canonical names, and the flat attributes of [`super::flat`] are declared once per class.
//!
//! Attribute ids are the attribute names; edge ids are `e<index>`, so parallel relations
//! stay apart (networkx then reads a multigraph).

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

/// Writes `document` as GEXF named `title`.
pub fn write(document: &Document, title: &str, out: &mut impl Write) -> std::io::Result<()> {
    let urls = flat::source_urls(document);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">"#
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(out, "    <creator>govgraph</creator>")?;
    writeln!(out, "    <description>{}</description>", escape(title))?;
    writeln!(out, "  </meta>")?;
    writeln!(out, r#"  <graph mode="static" defaultedgetype="directed">"#)?;
    let name_keys = flat::name_keys(document);
    writeln!(out, r#"    <attributes class="node">"#)?;
    let node_keys = flat::ENTITY_KEYS
        .iter()
        .map(|(k, t)| (k.to_string(), *t))
        .chain(name_keys.iter().map(|k| (k.clone(), Type::Text)));
    for (key, kind) in node_keys {
        writeln!(
            out,
            r#"      <attribute id="{key}" title="{key}" type="{}"/>"#,
            type_name(kind)
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, r#"    <attributes class="edge">"#)?;
    for (key, kind) in flat::RELATION_KEYS {
        writeln!(
            out,
            r#"      <attribute id="{key}" title="{key}" type="{}"/>"#,
            type_name(*kind)
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <nodes>")?;
    for entity in &document.entities {
        writeln!(
            out,
            r#"      <node id="{}" label="{}">"#,
            escape(entity.id.as_str()),
            escape(&entity.name)
        )?;
        writeln!(out, "        <attvalues>")?;
        for (key, value) in flat::entity(entity) {
            writeln!(
                out,
                r#"          <attvalue for="{key}" value="{}"/>"#,
                escape(&value.text())
            )?;
        }
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (j, relation) in document.relations.iter().enumerate() {
        writeln!(
            out,
            r#"      <edge id="e{j}" source="{}" target="{}" label="{}">"#,
            escape(relation.from.as_str()),
            escape(relation.to.as_str()),
            relation.kind.as_str()
        )?;
        writeln!(out, "        <attvalues>")?;
        for (key, value) in flat::relation(relation, &urls) {
            writeln!(
                out,
                r#"          <attvalue for="{key}" value="{}"/>"#,
                escape(&value.text())
            )?;
        }
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}
