//! Every chart govgraph writes must be accepted by Graphviz. These tests need Graphviz's
//! `dot` on the PATH (`apt-get install graphviz`; `.ci/run` installs it).

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::{TempDir, govgraph, read_tree};

/// Lays `dot_text` out with Graphviz (`dot -Tsvg`) and returns its complaint, if any.
fn graphviz_rejects(dot_text: &[u8]) -> Option<String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz's `dot` must be installed to run these tests (apt-get install graphviz)");
    child.stdin.take().unwrap().write_all(dot_text).unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    // Graphviz exits 0 on some syntax errors but always says "syntax error" or "Error".
    if !output.status.success() || stderr.contains("rror") {
        return Some(stderr);
    }
    None
}

#[test]
fn charts_of_the_small_fixture_are_valid_dot() {
    let out = TempDir::new("graphviz-small");
    let status = govgraph(&[
        "build",
        "--data",
        "tests/fixtures/small",
        "--out",
        out.str(),
        "--no-svg",
    ]);
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let files = read_tree(out.path());
    let charts: Vec<_> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".dot"))
        .collect();
    let names: Vec<&str> = charts.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        ["org-chart.dot", "quang-ninh-groups.dot", "quang-ninh.dot"],
        "overall chart, and an org chart and a working-group chart for Quang Ninh"
    );
    for (name, bytes) in charts {
        assert_eq!(graphviz_rejects(bytes), None, "{name}");
    }
}

#[test]
fn names_with_quotes_backslashes_brackets_and_keywords_yield_valid_dot() {
    let output = govgraph(&[
        "export",
        "--format",
        "dot",
        "--data",
        "tests/fixtures/escaping",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dot_text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(graphviz_rejects(dot_text.as_bytes()), None, "{dot_text}");
    // The names survive escaping: Graphviz draws them exactly as written, with `\N`, `\G`
    // and `\l` as literal text rather than Graphviz's own escapes.
    let svg = Command::new("dot")
        .args(["-Tsvg"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(dot_text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let svg = String::from_utf8_lossy(&svg.stdout);
    for drawn in [
        ">Nguyen &quot;Strict&quot; Van &lt;digraph&gt;<",
        ">نجوين ستريكت<",
        ">Ward &lt;b&gt;bold&lt;/b&gt; &amp; \\N \\G \\l<",
    ] {
        assert!(
            svg.contains(drawn),
            "`{drawn}` not drawn as written:\n{svg}"
        );
    }
}

#[test]
fn a_focused_export_is_valid_dot() {
    let output = govgraph(&[
        "export",
        "--format",
        "dot",
        "--focus",
        "Tran Thi Binh",
        "--depth",
        "2",
        "--data",
        "tests/fixtures/small",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(graphviz_rejects(&output.stdout), None);
}
