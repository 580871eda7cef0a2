//! `govgraph query …`: resolve the names on the command line, ask, print table or JSON.

use std::io::Write;

use super::files::load_graph;
use super::render;
use crate::cli::{GraphInput, QueryFormat, Question};
use crate::error::{Error, Result};
use crate::gazetteer::{Gazetteer, Level};
use crate::load;
use crate::model::{Kind, PartialDate};
use crate::query;

/// The data directory's gazetteer, or the compiled-in copy when it has none.
enum GazetteerRef {
    Read(Box<Gazetteer>),
    Embedded,
}

impl GazetteerRef {
    fn get(&self) -> &Gazetteer {
        match self {
            Self::Read(g) => g,
            Self::Embedded => Gazetteer::embedded(),
        }
    }
}

fn gazetteer(input: &GraphInput) -> Result<GazetteerRef> {
    Ok(match load::read_gazetteer(&input.data)? {
        Some(g) => GazetteerRef::Read(Box::new(g)),
        None => GazetteerRef::Embedded,
    })
}

fn parse_date(text: Option<String>) -> Result<Option<PartialDate>> {
    text.map(|t| {
        t.parse::<PartialDate>().map_err(|err| Error::Argument {
            flag: "--as-of".into(),
            message: err.to_string(),
        })
    })
    .transpose()
}

pub fn run(
    question: Question,
    input: &GraphInput,
    format: QueryFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let graph = load_graph(input)?;
    let text = match question {
        Question::Leads { group } => {
            let id = match group {
                Some(name) => Some(graph.find(&name, &[Kind::WorkingGroup])?.id.clone()),
                None => None,
            };
            let answer = query::leads(&graph, id.as_ref());
            render(&answer, format, || query::leads_table(&answer))
        }
        Question::Posts { person, as_of } => {
            let date = match as_of {
                Some(text) => Some(text.parse::<PartialDate>().map_err(|err| Error::Argument {
                    flag: "--as-of".into(),
                    message: err.to_string(),
                })?),
                None => None,
            };
            let person = graph.find(&person, &[Kind::Person])?;
            let answer = query::posts(&graph, person, date);
            render(&answer, format, || query::posts_table(&answer))
        }
        Question::Members { body, deep } => {
            let body = graph.find(&body, &[Kind::Organization, Kind::WorkingGroup])?;
            let answer = query::members(&graph, body, deep);
            // Millions of rows: written as they are rendered, not gathered in one string.
            let written = match format {
                QueryFormat::Table => query::write_members_table(&answer, out),
                QueryFormat::Json => serde_json::to_writer_pretty(&mut *out, &answer)
                    .map_err(std::io::Error::from)
                    .and_then(|()| out.write_all(b"\n")),
            }
            .map_err(|err| Error::io("stdout", err));
            drop(answer);
            std::mem::forget(graph);
            return written;
        }
        Question::Area { name, as_of } => {
            let date = parse_date(as_of)?;
            let g = gazetteer(input)?;
            let answer = query::area(&graph, g.get(), &name, date);
            if answer.units.is_empty() {
                return Err(Error::Name(format!(
                    "no place named `{name}` in the gazetteer"
                )));
            }
            render(&answer, format, || query::area_table(&answer))
        }
        Question::Officials { province, as_of } => {
            let date = parse_date(as_of)?;
            let g = gazetteer(input)?;
            let g = g.get();
            let mut found: Vec<usize> = g
                .find(&province)
                .into_iter()
                .filter(|&i| g.unit(i).level == Level::Province)
                .collect();
            if let Some(date) = date {
                found.retain(|&i| g.unit(i).valid_on(&date));
            }
            // `find` lists 2025 units first: a name of both maps means today's province.
            let Some(&first) = found.first() else {
                return Err(Error::Name(format!("no province named `{province}`")));
            };
            let answer = query::officials(&graph, g, first, date);
            render(&answer, format, || query::officials_table(&answer))
        }
        Question::Path { from, to, max_len } => {
            let from = graph.find(&from, &[])?;
            let to = graph.find(&to, &[])?;
            let Some(answer) = query::shortest_path(&graph, from, to, max_len) else {
                return Err(Error::NoAnswer(format!(
                    "no path of at most {max_len} steps between `{}` and `{}`",
                    from.id, to.id
                )));
            };
            render(&answer, format, || query::path_table(&answer))
        }
        Question::Neighbors { entity, depth } => {
            let entity = graph.find(&entity, &[])?;
            let answer = query::neighbors(&graph, entity, depth);
            render(&answer, format, || query::neighbors_table(&answer))
        }
    };
    let written = out
        .write_all(text.as_bytes())
        .map_err(|err| Error::io("stdout", err));
    // A question is the last thing the process does: freeing a million entities one by one
    // would take longer than answering, so the graph is left to the operating system.
    std::mem::forget(graph);
    written
}
