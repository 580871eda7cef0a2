//! Reading the gazetteer (`<data>/gazetteer/vn.tsv`) from disk; parsing is
//! [`crate::gazetteer::parse`], and its errors become `path:line:col` problems (exit 2).

use std::path::Path;

use crate::error::{Error, Problem, Result};
use crate::gazetteer::{self, Gazetteer};

/// Where a data directory keeps its gazetteer.
pub const GAZETTEER_FILE: &str = "gazetteer/vn.tsv";

/// The data directory's gazetteer, `None` when it has none (small test directories).
pub fn read_gazetteer(data: &Path) -> Result<Option<Gazetteer>> {
    let path = data.join(GAZETTEER_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let file = super::read_file(&path)?;
    parse_gazetteer(&file.path, &file.text).map(Some)
}

/// Parses gazetteer text read from `path`, positioning any error in that file.
pub fn parse_gazetteer(path: &str, text: &str) -> Result<Gazetteer> {
    gazetteer::parse(text).map_err(|err| {
        let (line, col) = err.position();
        Error::Invalid(vec![Problem {
            path: path.to_string(),
            line,
            col,
            message: err.message(),
        }])
    })
}
