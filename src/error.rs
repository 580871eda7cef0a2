//! The crate's error type and the positioned problems that validation reports.

use std::fmt;

/// One thing wrong with an input file, at a 1-based line and character column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.col, self.message
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input files have problems; every one found is listed, sorted by position.
    #[error("{}", list(.0))]
    Invalid(Vec<Problem>),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The command line names something that does not exist or cannot be used.
    #[error("{0}")]
    Usage(String),
    /// The question was valid but has no answer (no path between two entities).
    #[error("{0}")]
    NoAnswer(String),
}

fn list(problems: &[Problem]) -> String {
    let mut text = String::new();
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&problem.to_string());
    }
    let n = problems.len();
    text.push_str(&format!(
        "\n{n} problem{} found",
        if n == 1 { "" } else { "s" }
    ));
    text
}

impl Error {
    /// 1 for a question without an answer, 2 for bad input of any kind.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NoAnswer(_) => 1,
            _ => 2,
        }
    }

    pub fn io(path: impl fmt::Display, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
