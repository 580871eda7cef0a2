//! Checks shared by the fuzz targets: what must hold of every problem reported, and the
//! export → load → export round trip of every document that validated.

use govgraph::export::{to_json, to_ron};
use govgraph::graph::Graph;
use govgraph::load::{InputFile, validate};
use govgraph::model::Document;
use govgraph::{Error, Problem};

/// Every problem is positioned inside its text and renders as one line (plus the source
/// line and caret), with no control character obeyed.
pub fn check_problem(problem: &Problem, text: Option<&str>) {
    let line = problem.to_string();
    assert!(
        !line.chars().any(char::is_control),
        "an unescaped control character in {line:?}"
    );
    assert!(problem.start.line >= 1 && problem.start.col >= 1, "{line}");
    assert!(
        problem.end >= problem.start,
        "end before start: {problem:?}"
    );
    if let Some(text) = text {
        let lines = text.split('\n').count();
        assert!(
            problem.start.line <= lines,
            "line {} of a {lines}-line text: {line}",
            problem.start.line
        );
    }
    let rendered = problem.render();
    assert!(
        !rendered.chars().any(|c| c.is_control() && c != '\n'),
        "an unescaped control character in {rendered:?}"
    );
    assert!(rendered.lines().count() <= 4, "{rendered}");
}

/// The problems of an error (other kinds of error must not happen on in-memory input).
pub fn check_error(err: &Error, text: Option<&str>) {
    match err {
        Error::Invalid(problems) => {
            assert!(!problems.is_empty(), "an invalid input with no problem");
            for problem in problems {
                check_problem(problem, text);
            }
        }
        other => {
            let shown = other.to_string();
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
        }
    }
}

/// A validated document builds a graph, and its RON and JSON exports load back into a
/// graph that exports to the same bytes.
pub fn round_trip(document: Document) {
    let graph = Graph::new(document).expect("a validated document builds a graph");
    for (name, export) in [
        ("graph.ron", to_ron as fn(&Document) -> String),
        ("graph.json", to_json),
    ] {
        let first = export(graph.document());
        let file = InputFile {
            path: name.to_string(),
            text: first.clone(),
        };
        let dataset = match validate(&[file], &[]) {
            Ok(dataset) => dataset,
            Err(problems) => panic!(
                "the {name} export does not load back: {}\n{first}",
                problems
                    .iter()
                    .map(Problem::render)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        };
        let again = Graph::new(dataset.document).expect("a reloaded export builds a graph");
        assert_eq!(
            first,
            export(again.document()),
            "{name} does not round-trip"
        );
    }
}

/// Splits fuzz input into up to `n` texts at the byte 0xff (never in UTF-8).
pub fn split(data: &[u8], n: usize) -> Vec<String> {
    data.splitn(n, |&b| b == 0xff)
        .map(|part| String::from_utf8_lossy(part).into_owned())
        .collect()
}
