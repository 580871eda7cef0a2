//! One file per subcommand: glue between the command line, the file system and the core.

mod build;
mod bulk;
mod check;
mod completions;
mod eval;
mod export;
mod extract;
mod files;
mod jsonl;
mod output;
mod progress;
mod query;
mod resolve;
mod stages;

use std::io::Write;

use serde::Serialize;

use crate::cli::{Cli, Command, QueryFormat};
use crate::error::Result;

/// Runs a parsed command line, writing its answer to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Build {
            data,
            out: dir,
            no_svg,
            no_charts,
            format,
            lang,
            date,
            area,
            extracted,
        } => {
            let defaults = bulk::Defaults {
                lang: lang
                    .as_deref()
                    .map(bulk::parse_lang)
                    .transpose()
                    .map_err(|message| crate::error::Error::Argument {
                        flag: "--lang".into(),
                        message,
                    })?,
                date: date
                    .as_deref()
                    .map(|d| {
                        d.parse().map_err(|e| crate::error::Error::Argument {
                            flag: "--date".into(),
                            message: format!("`{d}`: {e}"),
                        })
                    })
                    .transpose()?,
                area,
            };
            build::run(
                &data,
                &dir,
                build::Draw {
                    charts: !no_charts,
                    svg: !no_svg && !no_charts,
                },
                format,
                quiet,
                defaults,
                &extracted,
                out,
            )
        }
        Command::Check { data, format } => check::run(&data, format, out),
        Command::Completions { shell } => completions::completions(shell, out),
        Command::Man => completions::man(out),
        Command::Query {
            question,
            input,
            format,
        } => query::run(question, &input, format, out),
        Command::Export {
            format,
            focus,
            depth,
            as_of,
            output,
            input,
        } => export::run(
            format,
            focus.as_deref(),
            depth,
            as_of.as_deref(),
            output.as_deref(),
            &input,
            out,
        ),
        Command::Resolve {
            data,
            extracted,
            explain,
            format,
        } => resolve::run(&data, &extracted, explain.as_deref(), format, out),
        Command::Extract(args) if args.jsonl => jsonl::run(&args.files, &args.data, out),
        Command::Extract(args) => extract::run(&args, quiet, out),
        Command::Eval { data, format } => eval::run(&data, format, out),
    }
}

/// An answer as a table (`table` renders it) or as pretty JSON, ending in a newline.
fn render<T: Serialize>(answer: &T, format: QueryFormat, table: impl FnOnce() -> String) -> String {
    match format {
        QueryFormat::Table => table(),
        QueryFormat::Json => {
            let mut text = serde_json::to_string_pretty(answer)
                .expect("answers hold only strings, numbers and lists, which JSON can write");
            text.push('\n');
            text
        }
    }
}
