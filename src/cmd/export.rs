//! `govgraph export`: the whole graph, or the part around one entity, in any [`Format`];
//! folder formats are written into `-o DIR`, atomically.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use super::files::{load_graph, write_all_atomically};
use crate::cli::{ExportFormat, GraphInput};
use crate::error::{Error, Result};
use crate::export::{self, Chart, Format};
use crate::graph::Graph;
use crate::model::PartialDate;
use crate::query;

pub fn run(
    format: ExportFormat,
    focus: Option<&str>,
    depth: usize,
    as_of: Option<&str>,
    output: Option<&Path>,
    input: &GraphInput,
    out: &mut dyn Write,
) -> Result<()> {
    let date = match as_of {
        Some(text) => Some(
            text.parse::<PartialDate>()
                .map_err(|err| Error::Usage(format!("--as-of: {err}")))?,
        ),
        None => None,
    };
    let graph = load_graph(input)?;
    let format = match format {
        ExportFormat::Dot => Format::Dot,
        ExportFormat::Ron => Format::Ron,
        ExportFormat::Json => Format::Json,
        ExportFormat::NodeLink => Format::NodeLink,
        ExportFormat::Graphml => Format::Graphml,
        ExportFormat::Gexf => Format::Gexf,
        ExportFormat::Kuzu => Format::Kuzu,
        ExportFormat::Neo4j => Format::Neo4j,
        ExportFormat::Ntriples => Format::Ntriples,
        ExportFormat::Turtle => Format::Turtle,
        ExportFormat::Popolo => Format::Popolo,
        ExportFormat::Ftm => Format::Ftm,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Html => Format::Html,
    };
    if format.is_bundle() && output.is_none() {
        return Err(Error::Usage(format!(
            "export --format {}: this format is a folder of files; give it with -o DIR",
            format.extension()
        )));
    }
    let (document, title) = match focus {
        Some(name) => {
            let entity = graph.find(name, &[])?;
            let ids: BTreeSet<_> = query::within(&graph, &entity.id, depth)
                .into_keys()
                .collect();
            let title = format!("govgraph: {} and {depth} steps around", entity.name);
            (export::subset(&graph, &ids), title)
        }
        None => (graph.document().clone(), "govgraph: all places".to_string()),
    };
    if format.is_bundle() {
        let dir = output.expect("checked above");
        let files: Vec<_> = export::bundle(&document, format)
            .files
            .into_iter()
            .map(|(name, bytes)| (dir.join(name), bytes))
            .collect();
        std::fs::create_dir_all(dir).map_err(|err| Error::io(dir.display().to_string(), err))?;
        return write_all_atomically(&files);
    }
    let bytes = match format {
        Format::Dot => export::org_chart(&Graph::new(document), &Chart::whole(&title).on(date)),
        Format::Html => {
            let graph = Graph::new(document);
            export::page(&graph, &title, &crate::build::chart_files(&graph))
        }
        _ => export::render(&document, format, &title),
    };
    match output {
        Some(path) => write_all_atomically(&[(path.to_path_buf(), bytes)]),
        None => out
            .write_all(&bytes)
            .map_err(|err| Error::io("stdout", err)),
    }
}
