//! Reading records and articles from disk, and checking them.
//!
//! `load` and `cmd` are the only modules that touch the file system. Reading is separate
//! from checking: [`read_data_dir`] gathers texts, [`validate`] (pure) checks them.
//!
//! Reading refuses, each with a positioned problem and without opening it, anything that
//! is not a regular file (a FIFO would block forever), a symlink that leads out of the
//! data directory, and a file over the size limit ([`max_file_bytes`]). Every file is
//! read before any problem is reported, so one bad file does not hide the others.

mod gazetteer;
mod judgement;
mod layout;
mod sites;
mod validate;

pub use gazetteer::{GAZETTEER_FILE, parse_gazetteer, read_gazetteer};
pub use judgement::{Judgement, check_judgements, parse_judgements};
pub use layout::line_col;
pub use sites::parse_sites;
pub use validate::Fill;
pub use validate::{
    Dataset, InputFile, LoadedArticle, STRUCTURAL, parse_document, ron_options, squeeze, validate,
    validate_filling,
};

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Position, Problem, ProblemKind, Result};

/// The texts of a data directory: records files from `records/` (`.ron`) and articles from
/// `articles/` (`.txt`, `.md`), each list sorted by path.
pub struct DataFiles {
    pub records: Vec<InputFile>,
    pub articles: Vec<InputFile>,
    /// `judgements.ron`, when the directory has one.
    pub judgements: Option<InputFile>,
    /// `sites.ron`, when the directory has one.
    pub sites: Option<InputFile>,
}

/// The default largest input file read: 256 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 256 << 20;

/// The largest input file read, in bytes: `GOVGRAPH_MAX_FILE_BYTES` when set to a number,
/// else [`DEFAULT_MAX_FILE_BYTES`].
pub fn max_file_bytes() -> u64 {
    std::env::var("GOVGRAPH_MAX_FILE_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_MAX_FILE_BYTES)
}

/// Reads `dir/records/**/*.ron`, `dir/articles/**/*.{txt,md}`, `dir/judgements.ron` and
/// `dir/sites.ron`. Problems with single files are collected and returned together.
pub fn read_data_dir(dir: &Path) -> Result<DataFiles> {
    if !dir.is_dir() {
        return Err(Error::DataDir {
            path: dir.display().to_string(),
            what: "not a directory (expected a data directory with `records/` and `articles/`)"
                .into(),
        });
    }
    let root = fs::canonicalize(dir).map_err(|err| Error::io(dir.display(), err))?;
    let mut reader = Reader {
        root,
        limit: max_file_bytes(),
        problems: Vec::new(),
    };
    let records = reader.tree(&dir.join("records"), &["ron"])?;
    let articles = reader.tree(&dir.join("articles"), &["txt", "md"])?;
    let judgements = reader.optional(&dir.join("judgements.ron"));
    let sites = reader.optional(&dir.join("sites.ron"));
    if !reader.problems.is_empty() {
        reader.problems.sort();
        return Err(Error::Invalid(reader.problems));
    }
    if records.is_empty() && articles.is_empty() {
        return Err(Error::DataDir {
            path: dir.display().to_string(),
            what: "no records (`records/*.ron`) or articles (`articles/*.txt`) found".into(),
        });
    }
    Ok(DataFiles {
        records,
        articles,
        judgements,
        sites,
    })
}

/// Reads and checks a whole data directory: records, articles, judgements and sites.
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
    let mut problems = Vec::new();
    let judgements = match &files.judgements {
        Some(file) => match parse_judgements(&file.path, &file.text) {
            Ok(judgements) => Some((file, judgements)),
            Err(problem) => {
                problems.push(problem);
                None
            }
        },
        None => None,
    };
    let sites = match &files.sites {
        Some(file) => match parse_sites(file) {
            Ok(sites) => Some(sites),
            Err(problem) => {
                problems.push(problem);
                None
            }
        },
        None => None,
    };
    let mut dataset = match validate_filling(&files.records, &files.articles, fill) {
        Ok(dataset) => Some(dataset),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    if let (Some(dataset), Some((file, judgements))) = (&mut dataset, judgements) {
        match check_judgements(file, &judgements, &dataset.document) {
            Ok(()) => dataset.judgements = judgements,
            Err(found) => problems.extend(found),
        }
    }
    match dataset {
        Some(mut dataset) if problems.is_empty() => {
            dataset.sites = sites;
            Ok(dataset)
        }
        _ => {
            problems.sort();
            problems.dedup();
            Err(Error::Invalid(problems))
        }
    }
}

/// Reads and checks one graph file written by `export --format ron|json`.
pub fn load_graph_file(path: &Path) -> Result<Dataset> {
    let file = read_file(path)?;
    validate(&[file], &[]).map_err(Error::Invalid)
}

/// Reads one UTF-8 regular file (a FIFO, device or directory is refused, and so is a file
/// over the size limit); a file that is not UTF-8 is a problem at the first bad byte. A
/// byte order mark opening a `.ron` or `.json` file is dropped, since neither format
/// allows one and editors add it silently.
pub fn read_file(path: &Path) -> Result<InputFile> {
    let display = path.display().to_string();
    let metadata = fs::metadata(path).map_err(|err| Error::io(&display, err))?;
    if let Some(problem) = refuse(&display, &metadata, max_file_bytes()) {
        return Err(Error::Invalid(vec![problem]));
    }
    let bytes = fs::read(path).map_err(|err| Error::io(&display, err))?;
    decode(display, bytes).map_err(|problem| Error::Invalid(vec![problem]))
}

/// Why a file must not be opened, if it must not.
fn refuse(display: &str, metadata: &fs::Metadata, limit: u64) -> Option<Problem> {
    let message = if !metadata.is_file() {
        "not a regular file (a FIFO, socket, device or directory is not read)".to_string()
    } else if metadata.len() > limit {
        format!(
            "file is {} bytes, over the limit of {limit} bytes (set GOVGRAPH_MAX_FILE_BYTES to raise it)",
            metadata.len()
        )
    } else {
        return None;
    };
    Some(Problem::at(
        display,
        Position::START,
        ProblemKind::File,
        message,
    ))
}

fn decode(display: String, bytes: Vec<u8>) -> Result<InputFile, Problem> {
    let structured = display.ends_with(".ron") || display.ends_with(".json");
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if structured && text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(InputFile {
                path: display,
                text,
            })
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
            let lines = crate::error::LineIndex::new(&text);
            let mut problem = Problem::in_text(
                display,
                &lines,
                &text,
                (valid, valid),
                ProblemKind::Encoding,
                format!("invalid UTF-8 at byte {valid}"),
            );
            problem.source_line = None;
            Err(problem)
        }
    }
}

/// Reads the files of a data directory, collecting problems instead of stopping.
struct Reader {
    root: PathBuf,
    limit: u64,
    problems: Vec<Problem>,
}

impl Reader {
    fn tree(&mut self, dir: &Path, extensions: &[&str]) -> Result<Vec<InputFile>> {
        let mut paths = Vec::new();
        match fs::symlink_metadata(dir) {
            Err(_) => return Ok(Vec::new()),
            Ok(meta) if meta.is_dir() || meta.file_type().is_symlink() && dir.is_dir() => {
                if self.inside(dir) {
                    self.collect(dir, extensions, &mut paths)?;
                }
            }
            Ok(_) => self.problems.push(Problem::at(
                dir.display().to_string(),
                Position::START,
                ProblemKind::File,
                "expected a directory, found a file".into(),
            )),
        }
        paths.sort();
        Ok(paths.iter().filter_map(|p| self.file(p)).collect())
    }

    fn optional(&mut self, path: &Path) -> Option<InputFile> {
        if fs::symlink_metadata(path).is_err() {
            return None;
        }
        self.file(path)
    }

    /// Whether `path` resolves to a place inside the data directory; a problem if not.
    fn inside(&mut self, path: &Path) -> bool {
        let inside = fs::canonicalize(path).is_ok_and(|real| real.starts_with(&self.root));
        if !inside {
            self.problems.push(Problem::at(
                path.display().to_string(),
                Position::START,
                ProblemKind::File,
                "symlink leads outside the data directory (or nowhere); not read".into(),
            ));
        }
        inside
    }

    fn file(&mut self, path: &Path) -> Option<InputFile> {
        let display = path.display().to_string();
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && !self.inside(path) {
            return None;
        }
        let metadata = match fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(err) => {
                self.problems.push(Problem::at(
                    display,
                    Position::START,
                    ProblemKind::File,
                    format!("cannot read: {err}"),
                ));
                return None;
            }
        };
        if let Some(problem) = refuse(&display, &metadata, self.limit) {
            self.problems.push(problem);
            return None;
        }
        let read = fs::read(path).map_err(|err| {
            Problem::at(
                display.clone(),
                Position::START,
                ProblemKind::File,
                format!("cannot read: {err}"),
            )
        });
        match read.and_then(|bytes| decode(display, bytes)) {
            Ok(file) => Some(file),
            Err(problem) => {
                self.problems.push(problem);
                None
            }
        }
    }

    fn collect(&mut self, dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) -> Result<()> {
        let entries = fs::read_dir(dir).map_err(|err| Error::io(dir.display(), err))?;
        let mut paths = Vec::new();
        for entry in entries {
            paths.push(entry.map_err(|err| Error::io(dir.display(), err))?.path());
        }
        paths.sort();
        for path in paths {
            let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            if is_link && path.is_dir() {
                // Following linked directories could loop; say so rather than skip quietly.
                self.problems.push(Problem::at(
                    path.display().to_string(),
                    Position::START,
                    ProblemKind::File,
                    "symlinked directory is not followed".into(),
                ));
            } else if path.is_dir() {
                self.collect(&path, extensions, out)?;
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
}
