//! Every export of the reference graph loads in the tool its users load it with, and the
//! tool's answers agree with govgraph's own (`tests/tools/check_exports.py`: networkx,
//! Kuzu, pyoxigraph, followthemoney). Exports are byte-identical from run to run, and the
//! full-graph formats keep every name in every script and every date.
//!
//! The Python checks need the virtual environment `.ci/run` creates: `GOVGRAPH_PYTHON` names
//! its interpreter (`.ci/run` sets it); without it the test uses `target/py/bin/python`
//! (make it with the commands in `.ci/run`). Under CI a missing interpreter fails the test.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::support::{TempDir, govgraph, read_tree, root};

const SINGLE: &[(&str, &str)] = &[
    ("node-link", "graph.node-link.json"),
    ("graphml", "graph.graphml"),
    ("gexf", "graph.gexf"),
    ("ntriples", "graph.nt"),
    ("turtle", "graph.ttl"),
    ("popolo", "graph.popolo.json"),
    ("ftm", "graph.ftm.jsonl"),
];
const BUNDLES: &[&str] = &["kuzu", "neo4j", "csv"];

fn run(args: &[&str]) -> Vec<u8> {
    let output = govgraph(args);
    assert!(
        output.status.success(),
        "govgraph {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Writes every export of the graph built from `data` into `dir`.
fn export_all(data: &str, dir: &Path) {
    for (format, file) in SINGLE {
        let path = dir.join(file);
        run(&[
            "export",
            "--data",
            data,
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
    }
    for format in BUNDLES {
        let path = dir.join(format);
        run(&[
            "export",
            "--data",
            data,
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
    }
}

fn python() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("GOVGRAPH_PYTHON") {
        return Some(PathBuf::from(path));
    }
    let local = root().join("target/py/bin/python");
    if local.exists() {
        return Some(local);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must provide the Python tools: .ci/run sets GOVGRAPH_PYTHON"
    );
    None
}

/// Every text an export must keep: canonical names, aliases in every script, dates.
fn names_and_dates(data: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let graph: Value =
        serde_json::from_slice(&run(&["export", "--data", data, "--format", "json"])).unwrap();
    let mut names = BTreeSet::new();
    let mut dates = BTreeSet::new();
    for entity in graph["entities"].as_array().unwrap() {
        names.insert(entity["name"].as_str().unwrap().to_string());
        for alias in entity["aliases"].as_array().into_iter().flatten() {
            names.insert(alias["text"].as_str().unwrap().to_string());
        }
        for kind in entity["kind"]
            .as_object()
            .into_iter()
            .flat_map(|k| k.values())
        {
            if let Some(date) = kind["date"].as_str() {
                dates.insert(date.to_string());
            }
        }
    }
    for relation in graph["relations"].as_array().unwrap() {
        for key in ["as_of", "start", "end"] {
            if let Some(date) = relation[key].as_str() {
                dates.insert(date.to_string());
            }
        }
    }
    (names, dates)
}

/// True when `text` holds `name` as written or as one of the formats escapes it (JSON,
/// XML, N-Triples/Turtle, Cypher, CSV).
fn keeps(text: &str, name: &str) -> bool {
    let xml = name
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
        .replace('\n', "&#10;");
    let json = serde_json::to_string(name).unwrap();
    [
        name.to_string(),
        json[1..json.len() - 1].to_string(),
        xml,
        name.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n"),
        name.replace('\\', "\\\\")
            .replace('\'', "\\'")
            .replace('\n', "\\n"),
        name.replace('"', "\"\""),
    ]
    .iter()
    .any(|form| text.contains(form.as_str()))
}

#[test]
fn exports_are_deterministic_and_keep_every_name_and_date() {
    keeps_everything("data");
}

#[test]
fn exports_of_hostile_names_keep_them() {
    keeps_everything("tests/fixtures/escaping");
}

fn keeps_everything(data: &str) {
    let first = TempDir::new("exports-a");
    let second = TempDir::new("exports-b");
    export_all(data, first.path());
    export_all(data, second.path());
    let a = read_tree(first.path());
    assert_eq!(a, read_tree(second.path()), "two exports differ");
    let (names, dates) = names_and_dates(data);
    assert!(
        names
            .iter()
            .any(|n| n.chars().any(|c| ('\u{600}'..='\u{6FF}').contains(&c)))
    );
    let full = [
        "graph.node-link.json",
        "graph.graphml",
        "graph.gexf",
        "graph.nt",
        "graph.ttl",
    ];
    let text = |prefix: &str| -> String {
        a.iter()
            .filter(|(path, _)| path.starts_with(prefix))
            .map(|(_, bytes)| String::from_utf8(bytes.clone()).expect("exports are UTF-8"))
            .collect()
    };
    for export in full.iter().copied().chain(["kuzu", "neo4j"]) {
        let text = text(export);
        for name in &names {
            assert!(keeps(&text, name), "{export} lost the name {name}");
        }
        for date in &dates {
            assert!(
                text.contains(date.as_str()),
                "{export} lost the date {date}"
            );
        }
    }
    // Popolo keeps every name too; FollowTheMoney every name but those of places and
    // articles, which it has no entity for; the spreadsheets every person's.
    let popolo = text("graph.popolo.json");
    for name in &names {
        assert!(keeps(&popolo, name), "popolo lost the name {name}");
    }
    let people: Value =
        serde_json::from_slice(&run(&["export", "--data", data, "--format", "json"])).unwrap();
    let ftm = text("graph.ftm.jsonl");
    let csv = text("csv");
    for entity in people["entities"].as_array().unwrap() {
        let kind = entity["kind"].as_str().or_else(|| {
            entity["kind"]
                .as_object()
                .and_then(|k| k.keys().next().map(String::as_str))
        });
        let mut spellings = vec![entity["name"].as_str().unwrap()];
        spellings.extend(
            entity["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| a["text"].as_str().unwrap()),
        );
        for spelling in spellings {
            if !matches!(kind, Some("area" | "source")) {
                // FollowTheMoney keeps names on one line.
                let one_line = spelling.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(keeps(&ftm, &one_line), "ftm lost the name {spelling}");
            }
            if kind == Some("person") {
                assert!(keeps(&csv, spelling), "csv lost the name {spelling}");
            }
        }
    }
}

#[test]
fn exports_load_in_networkx_kuzu_pyoxigraph_and_followthemoney() {
    loads_in_tools(
        "data",
        Some(("person:pham-van-lap", "person:bui-duc-quang")),
        7,
    );
}

#[test]
fn exports_of_hostile_names_load_in_the_tools() {
    loads_in_tools("tests/fixtures/escaping", None, 1);
}

/// Exports the graph of `data`, and checks with the tools that it loads and that who leads
/// which group (at least `groups` leaders) and the path between `path`'s ends agree.
fn loads_in_tools(data: &str, path: Option<(&str, &str)>, groups: usize) {
    let Some(python) = python() else {
        eprintln!(
            "SKIPPED (not CI): no Python tools; set GOVGRAPH_PYTHON or create target/py as .ci/run does"
        );
        return;
    };
    let dir = TempDir::new("exports-tools");
    export_all(data, dir.path());
    let leads: Value = serde_json::from_slice(&run(&[
        "query", "leads", "--data", data, "--format", "json",
    ]))
    .unwrap();
    let mut pairs: Vec<[String; 2]> = Vec::new();
    for group in leads.as_array().unwrap() {
        for leader in group["leaders"].as_array().unwrap() {
            pairs.push([
                group["group"]["id"].as_str().unwrap().to_string(),
                leader["id"].as_str().unwrap().to_string(),
            ]);
        }
    }
    pairs.sort();
    assert!(pairs.len() >= groups, "{data}: {pairs:?}");
    let path = path.map(|(from, to)| {
        let answer: Value = serde_json::from_slice(&run(&[
            "query", "path", from, to, "--data", data, "--format", "json",
        ]))
        .unwrap();
        json!({"from": from, "to": to, "length": answer["steps"].as_array().unwrap().len()})
    });
    let graph: Value =
        serde_json::from_slice(&run(&["export", "--data", data, "--format", "json"])).unwrap();
    let expected = json!({
        "leads": pairs,
        "path": path,
        "nodes": graph["entities"].as_array().unwrap().len(),
        "edges": graph["relations"].as_array().unwrap().len(),
    });
    std::fs::write(
        dir.path().join("expected.json"),
        serde_json::to_vec(&expected).unwrap(),
    )
    .unwrap();
    let output = Command::new(&python)
        .arg(root().join("tests/tools/check_exports.py"))
        .arg(dir.path())
        .output()
        .unwrap_or_else(|err| panic!("{}: {err}", python.display()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}
