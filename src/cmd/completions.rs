//! `govgraph completions SHELL` and `govgraph man`: shell completion scripts (clap_complete)
//! and the manual page (clap_mangen), both generated from the command-line definition.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{Error, Result};

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "govgraph", &mut bytes);
    out.write_all(&bytes)
        .map_err(|err| Error::io("stdout", err))
}

/// Writes the manual page, `govgraph(1)`, in roff, with one section per subcommand.
pub fn man(out: &mut dyn Write) -> Result<()> {
    let command = Cli::command();
    let mut bytes = Vec::new();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(&mut bytes)
        .and_then(|()| page.render_name_section(&mut bytes))
        .and_then(|()| page.render_synopsis_section(&mut bytes))
        .and_then(|()| page.render_description_section(&mut bytes))
        .and_then(|()| page.render_options_section(&mut bytes))
        .and_then(|()| page.render_subcommands_section(&mut bytes))
        .map_err(|err| Error::io("man page", err))?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        bytes.extend_from_slice(format!(".SH \"GOVGRAPH {}\"\n", name.to_uppercase()).as_bytes());
        let sub_page = clap_mangen::Man::new(
            sub.clone()
                .display_name(format!("govgraph-{name}"))
                .bin_name(format!("govgraph {name}")),
        );
        sub_page
            .render_synopsis_section(&mut bytes)
            .and_then(|()| sub_page.render_description_section(&mut bytes))
            .and_then(|()| sub_page.render_options_section(&mut bytes))
            .map_err(|err| Error::io("man page", err))?;
    }
    page.render_version_section(&mut bytes)
        .map_err(|err| Error::io("man page", err))?;
    out.write_all(&bytes)
        .map_err(|err| Error::io("stdout", err))
}
