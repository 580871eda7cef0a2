//! Writing the graph: one closed [`Format`] and one module per format.
//!
//! Every writer takes `&mut impl Write` (never a path) and a sorted document, so output is
//! byte-identical for the same records; formats that are a folder of files (Kuzu, Neo4j,
//! the spreadsheet tables) return a [`Bundle`] of named files instead. RON and JSON come
//! from the same [`Document`] view, not from petgraph's own serialization (which exposes
//! internal indices). The graph formats share one flattening of entities and relations
//! (`flat.rs`); N-Triples and Turtle share one set of RDF statements (`rdf.rs`).

mod csv;
mod dot;
mod flat;
mod ftm;
mod gexf;
mod graphml;
mod html;
mod kuzu;
mod map;
mod neo4j;
mod node_link;
mod ntriples;
mod popolo;
mod rdf;
mod records;
mod ron_line;
mod turtle;
mod xml;

pub use dot::{Chart, View, display_name, org_chart};
pub use html::{ChartFiles, page};
pub use map::{areas_within, groups_map, has_map};
pub(crate) use records::ron_config;
pub use records::{to_json, to_ron, write_records};

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::model::{Document, EntityId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Ron,
    Json,
    /// networkx node-link JSON.
    NodeLink,
    Graphml,
    Gexf,
    /// A folder: Kuzu node and relationship tables plus `load.cypher`.
    Kuzu,
    /// A folder: `neo4j-admin import` tables, `import.sh` and `load.cypher`.
    Neo4j,
    Ntriples,
    Turtle,
    Popolo,
    /// FollowTheMoney JSON lines.
    Ftm,
    /// A folder: `people.csv`, `posts-held.csv`, `groups.csv`.
    Csv,
    /// The page to explore the graph (`html.rs`).
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Ron => "ron",
            Format::Json => "json",
            Format::NodeLink => "node-link.json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Kuzu => "kuzu",
            Format::Neo4j => "neo4j",
            Format::Ntriples => "nt",
            Format::Turtle => "ttl",
            Format::Popolo => "popolo.json",
            Format::Ftm => "ftm.jsonl",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// True for formats written as a folder of files ([`bundle`]).
    pub fn is_bundle(self) -> bool {
        matches!(self, Format::Kuzu | Format::Neo4j | Format::Csv)
    }
}

/// The files of a folder format, by relative path, sorted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Renders `document` in a single-file `format` into bytes. DOT draws the whole document as
/// one chart. A folder format renders its files one after the other, each after a
/// `# file: NAME` line; use [`bundle`] to write them as a folder.
pub fn render(document: &Document, format: Format, title: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let written = match format {
        Format::Ron => return Ok(to_ron(document).into_bytes()),
        Format::Json => return Ok(to_json(document).into_bytes()),
        Format::Dot => {
            return Ok(org_chart(
                &Graph::new(document.clone())?,
                &Chart::whole(title),
            ));
        }
        Format::Html => {
            return Ok(page(
                &Graph::new(document.clone())?,
                title,
                &BTreeMap::new(),
            ));
        }
        Format::NodeLink => node_link::write(document, title, &mut out),
        Format::Graphml => graphml::write(document, &mut out),
        Format::Gexf => gexf::write(document, title, &mut out),
        Format::Ntriples => ntriples::write(document, &mut out),
        Format::Turtle => turtle::write(document, &mut out),
        Format::Popolo => popolo::write(document, &mut out),
        Format::Ftm => ftm::write(document, &mut out),
        Format::Kuzu | Format::Neo4j | Format::Csv => {
            for (name, bytes) in bundle(document, format)?.files {
                out.extend_from_slice(format!("# file: {name}\n").as_bytes());
                out.extend_from_slice(&bytes);
            }
            Ok(())
        }
    };
    written.expect("writing into memory cannot fail");
    Ok(out)
}

/// The files of `format` as a folder; a single-file format is one file named
/// `graph.<extension>`.
pub fn bundle(document: &Document, format: Format) -> Result<Bundle> {
    match format {
        Format::Kuzu => Ok(kuzu::bundle(document)),
        Format::Neo4j => Ok(neo4j::bundle(document)),
        Format::Csv => Ok(csv::bundle(document)),
        single => {
            let mut bundle = Bundle::default();
            bundle.files.insert(
                format!("graph.{}", single.extension()),
                render(document, single, "govgraph")?,
            );
            Ok(bundle)
        }
    }
}

/// Writes `document` in `format` to `out`.
pub fn write(document: &Document, format: Format, title: &str, out: &mut dyn Write) -> Result<()> {
    out.write_all(&render(document, format, title)?)
        .map_err(|err| Error::io("output", err))
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
