//! `govgraph resolve`: run entity resolution over a data directory (plus extracted
//! documents) and print which mentions became which person, and why.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cli::QueryFormat;
use crate::error::{Error, Result};
use crate::load;
use crate::model::{Document, EntityId, Kind};
use crate::names::{NameMatch, name_key};
use crate::resolve::{self, Candidate, Conflict, PersonReport, Report};
use crate::text::search_key;

pub fn run(
    data: &Path,
    extracted: &[PathBuf],
    explain: Option<&str>,
    format: QueryFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let dataset = load::load_data_dir(data)?;
    let sites = super::files::site_table(data)?;
    let mut documents = Vec::new();
    for path in extracted {
        let file = load::read_file(path)?;
        documents.push(load::parse_document(&file).map_err(|p| Error::Invalid(vec![p]))?);
    }
    let combined = crate::pipeline::combine_with(&dataset, &sites, documents);
    let resolution = resolve::Resolution {
        document: combined.document,
        report: combined.resolution_report,
    };
    let conflicts = resolve::post_conflicts(&resolution.document);
    let text = match explain {
        Some(query) => {
            let ids = find_people(&resolution.document, query);
            if ids.is_empty() {
                return Err(Error::Name(format!("no person named `{query}`")));
            }
            explanation(&resolution.report, &conflicts, &ids, format)?
        }
        None => {
            let full = Full {
                report: &resolution.report,
                conflicts: &conflicts,
            };
            super::render(&full, format, || {
                let mut text = resolution.report.to_table();
                for conflict in &conflicts {
                    text.push_str(&conflict_line(conflict));
                }
                text
            })
        }
    };
    out.write_all(text.as_bytes())
        .map_err(|err| Error::io("stdout", err))
}

#[derive(Serialize)]
struct Full<'a> {
    report: &'a Report,
    conflicts: &'a [Conflict],
}

#[derive(Serialize)]
struct Explained<'a> {
    person: &'a PersonReport,
    candidates: Vec<&'a Candidate>,
    conflicts: Vec<&'a Conflict>,
}

fn conflict_line(conflict: &Conflict) -> String {
    format!("{conflict}\n")
}

/// People whose id is `query`, or whose name or an alias matches it: equal search keys,
/// or equal name keys across scripts.
fn find_people(document: &Document, query: &str) -> Vec<EntityId> {
    let wanted = search_key(query);
    let wanted_key = name_key(query);
    document
        .entities
        .iter()
        .filter(|e| e.kind() == Kind::Person)
        .filter(|e| {
            e.id.as_str() == query
                || std::iter::once(e.name.as_str())
                    .chain(e.aliases.iter().map(|a| a.text.as_str()))
                    .any(|text| {
                        search_key(text) == wanted
                            || matches!(
                                name_key(text).compare(&wanted_key),
                                NameMatch::Same | NameMatch::Compatible
                            )
                    })
        })
        .map(|e| e.id.clone())
        .collect()
}

fn explanation(
    report: &Report,
    conflicts: &[Conflict],
    ids: &[EntityId],
    format: QueryFormat,
) -> Result<String> {
    let mut text = String::new();
    let mut explained = Vec::new();
    for id in ids {
        let Some(person) = report.person(id) else {
            continue;
        };
        let candidates: Vec<&Candidate> = report.candidates_of(id).collect();
        let conflicts: Vec<&Conflict> = conflicts
            .iter()
            .filter(|c| &c.a == id || &c.b == id)
            .collect();
        match format {
            QueryFormat::Table => {
                text.push_str(&person.to_table());
                if person.links.is_empty() && person.mentions.len() == 1 {
                    text.push_str("  one mention, nothing joined\n");
                }
                for candidate in &candidates {
                    text.push_str("  ");
                    text.push_str(&candidate.to_table());
                }
                for conflict in &conflicts {
                    text.push_str("  ");
                    text.push_str(&conflict_line(conflict));
                }
            }
            QueryFormat::Json => explained.push(Explained {
                person,
                candidates,
                conflicts,
            }),
        }
    }
    Ok(super::render(&explained, format, || text))
}
