//! `govgraph export`: the whole graph, or the part around one entity, as DOT, RON or JSON.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use super::files::{load_graph, write_all_atomically};
use crate::cli::{ExportFormat, GraphInput};
use crate::error::{Error, Result};
use crate::export::{self, Format};
use crate::query;

pub fn run(
    format: ExportFormat,
    focus: Option<&str>,
    depth: usize,
    output: Option<&Path>,
    input: &GraphInput,
    out: &mut dyn Write,
) -> Result<()> {
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
    let bytes = export::render(&document, format, &title)?;
    match output {
        Some(path) => write_all_atomically(&[(path.to_path_buf(), bytes)]),
        None => out
            .write_all(&bytes)
            .map_err(|err| Error::io("stdout", err)),
    }
}
