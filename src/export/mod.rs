//! Writing the graph: one closed [`Format`] and one function per format.
//!
//! Every writer takes `&mut impl Write` (never a path) and a sorted document, so output is
//! byte-identical for the same records. RON and JSON come from the same [`Document`]
//! view, not from petgraph's own serialization (which exposes internal indices).

mod dot;

pub use dot::{Chart, org_chart};

use std::collections::BTreeSet;
use std::io::Write;

use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::model::{Document, EntityId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Ron,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Ron => "ron",
            Format::Json => "json",
        }
    }
}

/// Renders `document` in `format` into bytes. DOT draws the whole document as one chart,
/// so it needs a document a graph can be built from.
pub fn render(document: &Document, format: Format, title: &str) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Ron => to_ron(document).into_bytes(),
        Format::Json => to_json(document).into_bytes(),
        Format::Dot => org_chart(&Graph::new(document.clone())?, &Chart::whole(title)),
    })
}

/// Writes `document` in `format` to `out`.
pub fn write(document: &Document, format: Format, title: &str, out: &mut dyn Write) -> Result<()> {
    out.write_all(&render(document, format, title)?)
        .map_err(|err| Error::io("output", err))
}

/// The document as pretty RON: two-space indents, `Some` left implicit, a final newline.
pub fn to_ron(document: &Document) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_string())
        .struct_names(false)
        .depth_limit(2)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(document, config)
        .expect("documents contain only strings, numbers and enums, which RON can write");
    text.push('\n');
    text
}

/// The document as pretty JSON with a final newline.
pub fn to_json(document: &Document) -> String {
    let mut text = serde_json::to_string_pretty(document)
        .expect("documents contain only strings, numbers and enums, which JSON can write");
    text.push('\n');
    text
}

/// The part of the graph made of `ids` and the relations between them, plus the sources
/// their evidence cites, as a sorted document.
pub fn subset(graph: &Graph, ids: &BTreeSet<EntityId>) -> Document {
    let relations: Vec<_> = graph
        .document()
        .relations
        .iter()
        .filter(|r| ids.contains(&r.from) && ids.contains(&r.to))
        .cloned()
        .collect();
    let mut keep = ids.clone();
    for relation in &relations {
        keep.extend(relation.evidence.iter().map(|e| e.source.clone()));
    }
    for id in ids {
        if let Some(entity) = graph.entity(id) {
            keep.extend(entity.aliases.iter().filter_map(|a| a.source.clone()));
        }
    }
    // A kept source keeps the source it translates, so the subset loads back on its own.
    let translated: Vec<EntityId> = keep
        .iter()
        .filter_map(|id| match graph.entity(id).map(|e| &e.kind) {
            Some(crate::model::EntityKind::Source {
                translation_of: Some(other),
                ..
            }) => Some(other.clone()),
            _ => None,
        })
        .collect();
    keep.extend(translated);
    let entities = graph
        .entities()
        .iter()
        .filter(|e| keep.contains(&e.id))
        .cloned()
        .collect();
    let mut document = Document {
        entities,
        relations,
    };
    document.sort();
    document
}
