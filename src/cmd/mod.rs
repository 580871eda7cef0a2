//! One file per subcommand: glue between the command line, the file system and the core.

mod check;
mod eval;
mod extract;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Runs a parsed command line, writing its answer to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    match cli.command {
        Command::Check { data } => check::run(&data, out),
        Command::Extract {
            files,
            lang,
            url,
            date,
            area,
            format,
            output,
            data,
        } => extract::run(
            &extract::Request {
                files,
                lang,
                url,
                date,
                area,
                format,
                output,
                data,
            },
            out,
        ),
        Command::Eval { data, format } => eval::run(&data, format, out),
        _ => Err(crate::Error::Usage("not yet implemented".into())),
    }
}
