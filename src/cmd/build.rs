//! `govgraph build`: check the data, build the graph, write `graphs/`, print a summary.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::files::write_all_atomically;
use crate::build;
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::model::Kind;
use crate::query;

pub fn run(data: &Path, dir: &Path, svg: bool, out: &mut dyn Write) -> Result<()> {
    let combined = super::files::combine_data_dir(data)?;
    let graph = Graph::new(combined.document)?;
    let mut files: Vec<(PathBuf, Vec<u8>)> = build::outputs(&graph)
        .into_iter()
        .map(|(name, bytes)| (dir.join(name), bytes))
        .collect();
    let mut notes = Vec::new();
    if svg {
        if graphviz_available() {
            let mut rendered = Vec::new();
            for (path, bytes) in &files {
                if path.extension().is_some_and(|e| e == "dot") {
                    rendered.push((path.with_extension("svg"), render_svg(path, bytes)?));
                }
            }
            files.extend(rendered);
        } else {
            notes.push("Graphviz `dot` not found: SVG charts not rendered".to_string());
        }
    }
    fs::create_dir_all(dir).map_err(|err| Error::io(dir.display(), err))?;
    write_all_atomically(&files)?;

    let mut text = String::new();
    let counts: Vec<String> = Kind::ALL
        .iter()
        .map(|&kind| format!("{} {kind}", graph.entities_of_kind(kind).count()))
        .collect();
    text.push_str(&format!(
        "built {} entities ({}) and {} relations from {}\n",
        graph.entities().len(),
        counts.join(", "),
        graph.document().relations.len(),
        data.display()
    ));
    text.push_str(&format!(
        "extracted {} articles ({} diagnostics): {} facts added from articles without curated \
         records; {} confirmed curated facts; {} not in the curated records of their article left \
         out, with {} entities only they named\n",
        combined.articles,
        combined.diagnostics,
        combined.extracted_added,
        combined.corroborated,
        combined.left_out,
        combined.entities_left_out
    ));
    text.push_str(&format!(
        "wrote {} files to {}\n",
        files.len(),
        dir.display()
    ));
    for note in notes {
        text.push_str(&format!("note: {note}\n"));
    }
    let conflicts = crate::resolve::post_conflicts(graph.document());
    if conflicts.is_empty() {
        text.push_str("no conflicts: no one-holder post has two holders on the same date\n");
    }
    for conflict in &conflicts {
        text.push_str(&format!("{conflict}\n"));
    }
    text.push_str("\nwho leads which working group:\n\n");
    text.push_str(&query::leads_table(&query::leads(&graph, None)));
    out.write_all(text.as_bytes())
        .map_err(|err| Error::io("stdout", err))
}

fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Renders DOT text to SVG with Graphviz; a chart Graphviz rejects is an error.
fn render_svg(path: &Path, dot: &[u8]) -> Result<Vec<u8>> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| Error::io("dot", err))?;
    let mut stdin = child.stdin.take().expect("stdin was piped");
    let input = dot.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|err| Error::io("dot", err))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(Error::Tool(format!(
            "{}: Graphviz rejected the chart: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    Ok(output.stdout)
}
