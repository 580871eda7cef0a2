//! The crate's error type and the positioned problems that validation reports.
//!
//! A [`Problem`] is one thing wrong with one input file: what kind of thing, where it
//! starts and ends (1-based line and character column), a message, and the offending line
//! of text so that it can be shown with a caret under the span. Every value a message
//! echoes from an input is escaped when rendered ([`escape`]), so an id holding a newline or
//! a terminal escape is shown, never obeyed.

use std::fmt;

/// A 1-based line and a 1-based column counted in characters (`ron`'s convention too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, col: 1 };
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// What sort of thing is wrong; tests and callers match on it instead of on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProblemKind {
    /// The text is not well-formed RON or JSON.
    Syntax,
    /// The bytes are not UTF-8.
    Encoding,
    /// An article's front matter is malformed or incomplete.
    FrontMatter,
    /// A date that does not parse or contradicts another.
    Date,
    /// A reference to an entity that does not exist or has the wrong kind.
    Reference,
    /// Two things that must be unique are not (ids, relations, source files).
    Duplicate,
    /// A value that parses but is not allowed (an empty name, a malformed id, …).
    Value,
    /// A curated judgement that names a missing id or contradicts another.
    Judgement,
    /// The input is not a regular file inside the data directory, or is too large.
    File,
    /// The document handed to the graph is inconsistent.
    Graph,
}

/// One thing wrong with an input file, from `start` to `end`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: String,
    pub start: Position,
    pub end: Position,
    pub kind: ProblemKind,
    pub message: String,
    /// The text of the line `start` is on (without its line break), when known.
    pub source_line: Option<String>,
}

impl Problem {
    /// A problem at one position, without source text.
    pub fn at(
        path: impl Into<String>,
        start: Position,
        kind: ProblemKind,
        message: String,
    ) -> Self {
        Problem {
            path: path.into(),
            start,
            end: start,
            kind,
            message,
            source_line: None,
        }
    }

    /// A problem over the byte range `start..end` of `text`, positions and source line
    /// computed with `lines` (built once per text).
    pub fn in_text(
        path: impl Into<String>,
        lines: &LineIndex,
        text: &str,
        range: (usize, usize),
        kind: ProblemKind,
        message: String,
    ) -> Self {
        let start = lines.position(text, range.0);
        let end = lines.position(text, range.1.max(range.0));
        Problem {
            path: path.into(),
            start,
            end,
            kind,
            message,
            source_line: Some(lines.line_text(text, range.0).to_string()),
        }
    }

    pub fn line(&self) -> usize {
        self.start.line
    }

    pub fn col(&self) -> usize {
        self.start.col
    }

    /// The one-line form followed, when the source line is known, by that line with a
    /// caret under the span (as rustc and just show it).
    pub fn render(&self) -> String {
        let mut text = self.to_string();
        if let Some(line) = &self.source_line {
            text.push('\n');
            text.push_str(&snippet(line, self.start, self.end));
        }
        text
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            escape(&self.path),
            self.start,
            shorten(&escape(&self.message))
        )
    }
}

/// The start of every line of a text, computed once so that any number of byte offsets
/// become positions in O(log lines + column) each (duplicate-id reports stay linear).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The position of byte `offset` (clamped to the text, rounded down to a character).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let col = text[self.starts[line]..offset].chars().count() + 1;
        Position {
            line: line + 1,
            col,
        }
    }

    /// The line holding byte `offset`, without its line break.
    pub fn line_text<'t>(&self, text: &'t str, offset: usize) -> &'t str {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let end = self.starts.get(line + 1).map_or(text.len(), |&e| e - 1);
        text[start..end.max(start)].trim_end_matches('\r')
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `text` with every control character (newline, tab, escape, …) and every invisible
/// format character written as `\n`, `\t`, `\u{1b}`, so an echoed value cannot forge a
/// line of output or drive the terminal.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_control() || is_invisible_format(c) => {
            out.push_str(&format!("\\u{{{:x}}}", c as u32))
        }
        c => out.push(c),
    }
}

/// The longest message shown whole, in characters; a longer one (it echoes a huge id) is cut
/// in its middle, so one bad value cannot flood the terminal.
const MESSAGE_WIDTH: usize = 1000;

fn shorten(message: &str) -> String {
    let count = message.chars().count();
    if count <= MESSAGE_WIDTH {
        return message.to_string();
    }
    let (head, tail) = (MESSAGE_WIDTH * 4 / 5, MESSAGE_WIDTH / 5);
    let start: String = message.chars().take(head).collect();
    let end: String = message.chars().skip(count - tail).collect();
    format!(
        "{start}… ({} characters left out) …{end}",
        count - head - tail
    )
}

/// Bidirectional overrides and the byte order mark: they reorder or hide text on screen.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// The widest stretch of a source line shown; longer lines are cut around the span.
const SNIPPET_WIDTH: usize = 100;

/// `line` (escaped, cut to a window around the span) with carets under columns
/// `start.col..end.col` (at least one caret; to the line's end when the span goes on).
fn snippet(line: &str, start: Position, end: Position) -> String {
    let chars: Vec<char> = line.chars().collect();
    let first = start.col.saturating_sub(1).min(chars.len());
    let last = if end.line == start.line && end.col > start.col {
        (end.col - 1).min(chars.len())
    } else if end.line > start.line {
        chars.len()
    } else {
        first
    };
    let last = last.max(first + 1);
    let window_start = first.saturating_sub(SNIPPET_WIDTH / 2);
    let window_end = (window_start + SNIPPET_WIDTH).min(chars.len());
    let mut shown = String::new();
    let mut caret_from = 0;
    let mut caret_to = 0;
    let mut width = 0;
    if window_start > 0 {
        shown.push('…');
        width += 1;
    }
    for (i, &c) in chars.iter().enumerate().take(window_end).skip(window_start) {
        if i == first {
            caret_from = width;
        }
        let before = shown.len();
        push_escaped(&mut shown, c);
        width += shown[before..].chars().count();
        if i < last {
            caret_to = width;
        }
    }
    if first >= window_end {
        caret_from = width;
    }
    if window_end < chars.len() {
        shown.push('…');
    }
    let carets = caret_to.saturating_sub(caret_from).max(1);
    let number = start.line.to_string();
    let pad = " ".repeat(number.len());
    format!(
        "{pad} |\n{number} | {shown}\n{pad} | {}{}",
        " ".repeat(caret_from),
        "^".repeat(carets)
    )
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input files have problems; every one found is listed, sorted by position.
    #[error("{}", list(.0))]
    Invalid(Vec<Problem>),
    #[error("{}: {source}", escape(.path))]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The command line did not parse; clap's own rendering, with its usage lines.
    #[error("{}", .0.render().to_string().trim_end())]
    Cli(#[from] clap::Error),
    /// `--data` is not a data directory, or holds nothing to read.
    #[error("{}: {what}", escape(.path))]
    DataDir { path: String, what: String },
    /// A command-line value (`--date`, `--as-of`, `--focus`) that does not parse.
    #[error("{flag}: {}", escape(.message))]
    Argument { flag: String, message: String },
    /// A name given on the command line names no entity, or several.
    #[error("{}", escape(.0))]
    Name(String),
    /// A name given on the command line names several entities: one line per candidate,
    /// each value in it already escaped by whoever built the message.
    #[error("{0}")]
    Ambiguous(String),
    /// An external tool (Graphviz) refused what we gave it.
    #[error("{}", escape(.0))]
    Tool(String),
    /// The question was valid but has no answer (no path between two entities).
    #[error("{}", escape(.0))]
    NoAnswer(String),
}

fn list(problems: &[Problem]) -> String {
    let mut text = String::new();
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&problem.render());
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

    /// Whether the message already names the program (clap's `error: …` does).
    pub fn is_cli(&self) -> bool {
        matches!(self, Error::Cli(_))
    }

    pub fn io(path: impl fmt::Display, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_control_characters_are_shown_not_obeyed() {
        let problem = Problem::at(
            "a.ron",
            Position::START,
            ProblemKind::Value,
            "unknown entity `x\nfake.ron:1:1: forged problem\u{1b}[31m`".into(),
        );
        let text = problem.to_string();
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(text.contains("x\\nfake.ron"), "{text}");
        assert!(text.contains("\\u{1b}[31m"), "{text}");
    }

    #[test]
    fn a_huge_echoed_value_is_cut_in_the_middle() {
        let id = "x".repeat(100_000);
        let problem = Problem::at(
            "a.ron",
            Position::START,
            ProblemKind::Reference,
            format!("unknown entity `post:{id}`; did you mean"),
        );
        let text = problem.to_string();
        assert!(text.chars().count() < MESSAGE_WIDTH + 100, "{}", text.len());
        assert!(text.contains("(99036 characters left out)"), "{text}");
        assert!(text.ends_with("xxx`; did you mean"), "{text}");
    }

    #[test]
    fn line_index_gives_line_and_character_column() {
        let text = "ab\nđây là\n\nx";
        let lines = LineIndex::new(text);
        let at = |o| lines.position(text, o);
        assert_eq!(at(0), Position { line: 1, col: 1 });
        assert_eq!(at(3), Position { line: 2, col: 1 });
        // `đây ` is 4 characters but 7 bytes.
        assert_eq!(at(3 + "đây ".len()), Position { line: 2, col: 5 });
        assert_eq!(at(text.len()), Position { line: 4, col: 2 });
        assert_eq!(lines.line_text(text, 4), "đây là");
        assert_eq!(lines.line_text(text, text.len() - 1), "x");
    }

    #[test]
    fn render_puts_a_caret_under_the_span() {
        let text = "---\nsource: x\nlang: la\n";
        let lines = LineIndex::new(text);
        let offset = text.find("la\n").unwrap();
        let problem = Problem::in_text(
            "a.txt",
            &lines,
            text,
            (offset, offset + 2),
            ProblemKind::FrontMatter,
            "unknown language `la`".into(),
        );
        assert_eq!(
            problem.render(),
            "a.txt:3:7: unknown language `la`\n  |\n3 | lang: la\n  |       ^^"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let at = Position { line: 1, col: 5001 };
        let shown = snippet(&line, at, at);
        let rows: Vec<&str> = shown.lines().collect();
        assert!(rows[1].chars().count() < 120, "{}", rows[1]);
        let caret = rows[2].find('^').unwrap();
        assert_eq!(rows[1].chars().nth(caret), Some('X'), "{shown}");
    }
}
