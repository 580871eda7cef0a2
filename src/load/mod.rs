//! Reading records and articles from disk, and checking them.
//!
//! `load` and `cmd` are the only modules that touch the file system. Reading is separate
//! from checking: [`read_data_dir`] gathers texts, [`validate`] (pure) checks them.

mod gazetteer;
mod judgement;
mod layout;
mod validate;

pub use gazetteer::{GAZETTEER_FILE, parse_gazetteer, read_gazetteer};
pub use judgement::{Judgement, parse_judgements};
pub use layout::line_col;
pub use validate::Fill;
pub use validate::{
    Dataset, InputFile, LoadedArticle, STRUCTURAL, parse_document, ron_options, squeeze, validate,
    validate_filling,
};

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Problem, Result};

/// The texts of a data directory: records files from `records/` (`.ron`) and articles from
/// `articles/` (`.txt`, `.md`), each list sorted by path.
pub struct DataFiles {
    pub records: Vec<InputFile>,
    pub articles: Vec<InputFile>,
    /// `judgements.ron`, when the directory has one.
    pub judgements: Option<InputFile>,
}

/// Reads `dir/records/**/*.ron` and `dir/articles/**/*.{txt,md}`.
pub fn read_data_dir(dir: &Path) -> Result<DataFiles> {
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{}: not a directory (expected a data directory with `records/` and `articles/`)",
            dir.display()
        )));
    }
    let records = read_tree(&dir.join("records"), &["ron"])?;
    let articles = read_tree(&dir.join("articles"), &["txt", "md"])?;
    if records.is_empty() && articles.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no records (`records/*.ron`) or articles (`articles/*.txt`) found",
            dir.display()
        )));
    }
    let judgements_path = dir.join("judgements.ron");
    let judgements = if judgements_path.is_file() {
        Some(read_file(&judgements_path)?)
    } else {
        None
    };
    Ok(DataFiles {
        records,
        articles,
        judgements,
    })
}

/// Reads and checks a whole data directory: records, articles and judgements.
pub fn load_data_dir(dir: &Path) -> Result<Dataset> {
    check_data_files(&read_data_dir(dir)?)
}

/// Checks the texts [`read_data_dir`] gathered: records, articles and judgements.
pub fn check_data_files(files: &DataFiles) -> Result<Dataset> {
    check_data_files_filling(files, &|_, _| {
        Err("article front matter lacks `source`, `lang`, `date`".to_string())
    })
}

/// [`check_data_files`], with `fill` deciding the fields of articles without front matter.
pub fn check_data_files_filling(files: &DataFiles, fill: Fill<'_>) -> Result<Dataset> {
    let judgements = match &files.judgements {
        Some(file) => parse_judgements(&file.path, &file.text),
        None => Ok(Vec::new()),
    };
    match (
        validate_filling(&files.records, &files.articles, fill),
        judgements,
    ) {
        (Ok(mut dataset), Ok(judgements)) => {
            dataset.judgements = judgements;
            Ok(dataset)
        }
        (Err(mut problems), Err(problem)) => {
            problems.push(problem);
            problems.sort();
            Err(Error::Invalid(problems))
        }
        (Err(problems), Ok(_)) => Err(Error::Invalid(problems)),
        (Ok(_), Err(problem)) => Err(Error::Invalid(vec![problem])),
    }
}

/// Reads and checks one graph file written by `export --format ron|json`.
pub fn load_graph_file(path: &Path) -> Result<Dataset> {
    let file = read_file(path)?;
    validate(&[file], &[]).map_err(Error::Invalid)
}

/// Reads one UTF-8 file; a file that is not UTF-8 is a problem at the first bad byte.
pub fn read_file(path: &Path) -> Result<InputFile> {
    let bytes = fs::read(path).map_err(|err| Error::io(path.display(), err))?;
    let display = path.display().to_string();
    match String::from_utf8(bytes) {
        Ok(text) => Ok(InputFile {
            path: display,
            text,
        }),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
            let (line, col) = line_col(&text, valid);
            Err(Error::Invalid(vec![Problem {
                path: display,
                line,
                col,
                message: format!("invalid UTF-8 at byte {valid}"),
            }]))
        }
    }
}

fn read_tree(dir: &Path, extensions: &[&str]) -> Result<Vec<InputFile>> {
    let mut paths = Vec::new();
    if dir.is_dir() {
        collect(dir, extensions, &mut paths)?;
    }
    paths.sort();
    paths.iter().map(|p| read_file(p)).collect()
}

fn collect(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|err| Error::io(dir.display(), err))?;
    for entry in entries {
        let path = entry.map_err(|err| Error::io(dir.display(), err))?.path();
        if path.is_dir() {
            collect(&path, extensions, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}
