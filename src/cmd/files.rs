//! File-system helpers for commands: loading the graph a command works on, and writing
//! files atomically (a temporary file in the same directory, then a rename).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::GraphInput;
use crate::error::{Error, Result};
use crate::extract::SiteTable;
use crate::graph::Graph;
use crate::load;
use crate::pipeline::{self, Combined};

/// The graph from `--graph FILE` when given, else built from `--data DIR`.
pub fn load_graph(input: &GraphInput) -> Result<Graph> {
    let document = match &input.graph {
        Some(path) => load::load_graph_file(path)?.document,
        None => combine_data_dir(&input.data)?.document,
    };
    Graph::new(document)
}

/// Loads a data directory and combines curated and extracted records (`pipeline`).
pub fn combine_data_dir(data: &Path) -> Result<Combined> {
    let dataset = load::load_data_dir(data)?;
    let sites = match &dataset.sites {
        Some(sites) => sites.clone(),
        None => SiteTable::builtin(),
    };
    Ok(pipeline::combine(&dataset, &sites))
}

/// The site table of `data/sites.ron`, or the built-in copy when the directory has none.
pub fn site_table(data: &Path) -> Result<SiteTable> {
    let path = data.join("sites.ron");
    if !path.is_file() {
        return Ok(SiteTable::builtin());
    }
    let file = load::read_file(&path)?;
    load::parse_sites(&file).map_err(|problem| Error::Invalid(vec![problem]))
}

/// Writes every `(path, bytes)` pair so that each file is either wholly old or wholly new:
/// all temporary files are written first, and only when all succeeded are they renamed.
pub fn write_all_atomically(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let mut temporary = Vec::new();
    for (path, bytes) in files {
        let tmp = temporary_path(path);
        let written = fs::File::create(&tmp).and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        });
        if let Err(err) = written {
            let _ = fs::remove_file(&tmp);
            for (tmp, _) in &temporary {
                let _ = fs::remove_file(tmp);
            }
            return Err(Error::io(path.display(), err));
        }
        temporary.push((tmp, path));
    }
    for (tmp, path) in temporary {
        fs::rename(&tmp, path).map_err(|err| Error::io(path.display(), err))?;
    }
    Ok(())
}

fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp{}", std::process::id()))
}
