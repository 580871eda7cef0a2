//! The command line's manners: `-` reads standard input, completion scripts and the man page
//! are generated, `--format json` summaries agree with the tables, `-q` silences stderr.

use serde_json::Value;

use crate::support::{TempDir, govgraph, piped, root};

const ARTICLE: &str = "tests/fixtures/mixed/articles/002-quang-ninh-uncurated-en.txt";

#[test]
fn extract_dash_reads_standard_input_like_a_file() {
    let text = std::fs::read(root().join(ARTICLE)).unwrap();
    let piped = piped(&["extract", "-", "--format", "json"], text.as_slice());
    assert!(
        piped.status.success(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    let from_file = govgraph(&["extract", ARTICLE, "--format", "json"]);
    let piped: Value = serde_json::from_slice(&piped.stdout).unwrap();
    let from_file: Value = serde_json::from_slice(&from_file.stdout).unwrap();
    // The same facts; only the source id differs (`source:stdin` against the file's stem).
    let relations = |doc: &Value| doc["relations"].as_array().unwrap().len();
    assert!(relations(&piped) > 3);
    assert_eq!(relations(&piped), relations(&from_file));
    let ids: Vec<&str> = piped["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"source:stdin"), "{ids:?}");
}

#[test]
fn completions_are_generated_for_every_shell_and_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = govgraph(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        for sub in [
            "build",
            "check",
            "query",
            "export",
            "extract",
            "completions",
        ] {
            assert!(script.contains(sub), "{shell} completions lack {sub}");
        }
    }
    let bash = String::from_utf8(govgraph(&["completions", "bash"]).stdout).unwrap();
    assert!(
        bash.contains("node-link") && bash.contains("ftm"),
        "export formats complete"
    );
}

#[test]
fn the_man_page_is_roff_with_every_subcommand() {
    let output = govgraph(&["man"]);
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(page.contains(".TH govgraph 1"));
    for sub in [
        "BUILD", "CHECK", "QUERY", "EXPORT", "EXTRACT", "RESOLVE", "EVAL",
    ] {
        assert!(
            page.contains(&format!(".SH \"GOVGRAPH {sub}\"")),
            "man page lacks {sub}"
        );
    }
    assert!(
        page.contains("node\\-link"),
        "the man page lists the export formats"
    );
}

#[test]
fn check_and_build_summaries_as_json_agree_with_the_tables() {
    let check: Value =
        serde_json::from_slice(&govgraph(&["check", "--format", "json"]).stdout).unwrap();
    let table = String::from_utf8(govgraph(&["check"]).stdout).unwrap();
    assert!(table.contains(&format!("{} relations", check["relations"])));
    assert!(table.contains(&format!("{} person,", check["entities"]["person"])));
    let out = TempDir::new("cli-build-json");
    let build = govgraph(&["build", "--out", out.str(), "--no-svg", "--format", "json"]);
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let build: Value = serde_json::from_slice(&build.stdout).unwrap();
    // Build adds the gazetteer's `within` and `became` relations around the curated areas.
    assert_eq!(
        build["relations"].as_u64().unwrap(),
        check["relations"].as_u64().unwrap() + build["places"]["relations"].as_u64().unwrap()
    );
    assert_eq!(
        build["places"]["placed"].as_u64(),
        check["entities"]["area"].as_u64().map(|n| n - 1),
        "every curated area but the country is a gazetteer unit"
    );
    assert_eq!(build["articles"], 5);
    assert_eq!(build["leads"].as_array().unwrap().len(), 7);
    assert!(out.path().join("graph.ron").exists());
}

#[test]
fn quiet_silences_diagnostics_but_not_the_answer() {
    let input = b"Nothing here names a person or a post.";
    let loud = piped(&["extract", "-"], input);
    let quiet = piped(&["-q", "extract", "-"], input);
    assert!(loud.status.success() && quiet.status.success());
    assert!(
        !loud.stderr.is_empty(),
        "an article without facts has diagnostics"
    );
    assert!(
        quiet.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&quiet.stderr)
    );
    assert_eq!(loud.stdout, quiet.stdout);
}
