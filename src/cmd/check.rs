//! `govgraph check`: validate a data directory (records, articles, judgements and the
//! gazetteer) and report counts; write nothing.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use crate::cli::QueryFormat;
use crate::error::{Error, Result};
use crate::load;
use crate::model::Kind;

pub fn run(data: &Path, format: QueryFormat, out: &mut dyn Write) -> Result<()> {
    let dataset = load::load_data_dir(data)?;
    let gazetteer = load::read_gazetteer(data)?;
    let document = &dataset.document;
    if format == QueryFormat::Json {
        let counts: serde_json::Map<String, serde_json::Value> = Kind::ALL
            .iter()
            .map(|&kind| {
                let n = document
                    .entities
                    .iter()
                    .filter(|e| e.kind() == kind)
                    .count();
                (kind.as_str().to_string(), json!(n))
            })
            .collect();
        let summary = json!({
            "data": data.display().to_string(),
            "ok": true,
            "entities": counts,
            "relations": document.relations.len(),
        });
        let text = super::render(&summary, format, String::new);
        return out
            .write_all(text.as_bytes())
            .map_err(|err| Error::io("stdout", err));
    }
    let mut line = format!("{}: ok:", data.display());
    for kind in Kind::ALL {
        let n = document
            .entities
            .iter()
            .filter(|e| e.kind() == kind)
            .count();
        line.push_str(&format!(" {n} {kind},"));
    }
    line.push_str(&format!(" {} relations", document.relations.len()));
    if let Some(g) = gazetteer {
        line.push_str(&format!("; gazetteer: {} units", g.len()));
    }
    writeln!(out, "{line}").map_err(|err| Error::io("stdout", err))
}
