//! govgraph: a knowledge graph of who holds which office in Vietnamese provincial and
//! local government, built from curated records and news articles.
//!
//! Data flows one way: [`model`] types are read by [`load`], become a [`graph::Graph`],
//! and are asked questions by [`query`] and drawn by [`export`]. [`run`] is the
//! command-line front end.

pub mod article;
pub mod build;
pub mod cli;
mod cmd;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod load;
pub mod model;
pub mod names;
mod pages;
pub mod pipeline;
pub mod query;
pub mod resolve;
pub mod snapshot;
pub mod text;

pub use error::{Error, Problem, Result};

use std::io::Write;

use clap::Parser;

/// Parses `args` and runs the command, writing its answer to `out`.
///
/// Errors carry their exit code ([`Error::exit_code`]); nothing is written to `out` by a
/// command that fails before its answer is complete.
pub fn run<I, T>(args: I, out: &mut dyn Write) -> Result<()>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version are answers, not errors.
            write!(out, "{err}").map_err(|e| Error::io("stdout", e))?;
            return Ok(());
        }
        Err(err) => return Err(Error::Cli(err)),
    };
    cmd::run(cli, out)
}
