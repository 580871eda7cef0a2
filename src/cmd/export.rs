//! `govgraph export`: the whole graph, or the part around one entity, as DOT, RON or JSON.

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
    };
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
    let bytes = match format {
        Format::Dot => export::org_chart(&Graph::new(document), &Chart::whole(&title).on(date)),
        _ => export::render(&document, format, &title),
    };
    match output {
        Some(path) => write_all_atomically(&[(path.to_path_buf(), bytes)]),
        None => out
            .write_all(&bytes)
            .map_err(|err| Error::io("stdout", err)),
    }
}
