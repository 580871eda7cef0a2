//! `govgraph export`: the whole graph, or the part around one entity, in any [`Format`];
//! folder formats are written into `-o DIR`, atomically.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use super::files::load_graph;
use super::output::{self, Folder};
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
        Some(text) => Some(text.parse::<PartialDate>().map_err(|err| Error::Argument {
            flag: "--as-of".into(),
            message: err.to_string(),
        })?),
        None => None,
    };
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
        return Err(Error::Argument {
            flag: "--format".into(),
            message: format!(
                "`{}` is a folder of files; give it with -o DIR",
                format.extension()
            ),
        });
    }
    if let (true, Some(dir)) = (format.is_bundle(), output) {
        // Refused before the graph is loaded: a folder that cannot be replaced costs nothing.
        output::check_dir(dir, Folder::Bundle)?;
    }
    let graph = load_graph(input)?;
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
        let files: Vec<_> = export::bundle(&document, format)?
            .files
            .into_iter()
            .collect();
        return output::replace_dir(dir, &files, Folder::Bundle, &[]);
    }
    let bytes = match format {
        Format::Dot => export::org_chart(&Graph::new(document)?, &Chart::whole(&title).on(date)),
        Format::Html => {
            let graph = Graph::new(document)?;
            export::page(&graph, &title, &crate::build::chart_files(&graph))
        }
        _ => export::render(&document, format, &title)?,
    };
    match output {
        Some(path) => output::write_file(path, &bytes),
        None => out
            .write_all(&bytes)
            .map_err(|err| Error::io("stdout", err)),
    }
}
