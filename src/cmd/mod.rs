//! One file per subcommand: glue between the command line, the file system and the core.

mod check;
mod resolve;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Runs a parsed command line, writing its answer to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<()> {
    match cli.command {
        Command::Check { data } => check::run(&data, out),
        Command::Resolve {
            data,
            extracted,
            explain,
            format,
        } => resolve::run(&data, &extracted, explain.as_deref(), format, out),
        _ => Err(crate::Error::Usage("not yet implemented".into())),
    }
}
