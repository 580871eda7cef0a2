//! Reading `data/sites.ron` with positioned problems (the extraction module parses the
//! built-in copy; a curator's file gets the same checks and messages as records).

use crate::error::{Problem, ProblemKind};
use crate::extract::{Site, SiteTable};

use super::InputFile;

/// Parses a `sites.ron` file: a list of `(host, area, level)` records.
pub fn parse_sites(file: &InputFile) -> Result<SiteTable, Problem> {
    let sites: Vec<Site> = ron::Options::default()
        .from_str(&file.text)
        .map_err(|err| super::validate::ron_problem(file, &err))?;
    for site in &sites {
        if site.host.trim().is_empty() || site.area.trim().is_empty() {
            let offset = file.text.find("\"\"").unwrap_or(0);
            let lines = crate::error::LineIndex::new(&file.text);
            return Err(Problem::in_text(
                file.path.clone(),
                &lines,
                &file.text,
                (offset, offset + 2),
                ProblemKind::Value,
                "a site needs a non-empty `host` and `area`".into(),
            ));
        }
    }
    Ok(SiteTable { sites })
}
