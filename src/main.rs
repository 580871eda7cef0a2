//! The `govgraph` binary: runs the library and maps its result to an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = govgraph::run(std::env::args_os(), &mut out);
    let flushed = out.flush();
    match result {
        Ok(()) => match flushed {
            Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
                eprintln!("govgraph: stdout: {err}");
                ExitCode::from(2)
            }
            _ => ExitCode::SUCCESS,
        },
        // A reader that went away (`govgraph … | head`) is not a failure.
        Err(govgraph::Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(err) => {
            if err.is_cli() {
                eprintln!("{err}");
            } else {
                eprintln!("govgraph: {err}");
            }
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
