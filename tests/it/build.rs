//! `govgraph build`: determinism, atomic output, round trips, and the committed `graphs/`.

use std::fs;

use govgraph::build;
use govgraph::graph::Graph;
use govgraph::load;

use crate::support::{TempDir, govgraph, read_tree, root};

#[test]
fn two_builds_are_byte_identical() {
    let (a, b) = (TempDir::new("build-a"), TempDir::new("build-b"));
    for dir in [&a, &b] {
        let output = govgraph(&[
            "build",
            "--data",
            "tests/fixtures/small",
            "--out",
            dir.str(),
            "--no-svg",
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let (files_a, files_b) = (read_tree(a.path()), read_tree(b.path()));
    assert_eq!(
        files_a
            .keys()
            .filter(|k| !k.starts_with(".cache"))
            .collect::<Vec<_>>(),
        [
            "graph.json",
            "graph.ron",
            "graph.snapshot",
            "index.html",
            "org-chart.dot",
            "quang-ninh-groups-map.svg",
            "quang-ninh-groups.dot",
            "quang-ninh.dot"
        ]
    );
    assert!(files_a == files_b, "two builds of the same data differ");
}

#[test]
fn invalid_data_writes_nothing_and_exits_2() {
    let out = TempDir::new("build-invalid");
    let output = govgraph(&[
        "build",
        "--data",
        "tests/golden/error-unknown-reference/data",
        "--out",
        out.str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        read_tree(out.path()).is_empty(),
        "a failed build wrote files"
    );
}

#[test]
fn exported_ron_and_json_load_back_and_export_identically() {
    let dir = TempDir::new("round-trip");
    for format in ["ron", "json"] {
        let first = dir.path().join(format!("graph.{format}"));
        let first = first.to_str().unwrap();
        let output = govgraph(&[
            "export",
            "--format",
            format,
            "--data",
            "tests/fixtures/small",
            "-o",
            first,
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let again = govgraph(&["export", "--format", format, "--graph", first]);
        assert!(
            again.status.success(),
            "{}",
            String::from_utf8_lossy(&again.stderr)
        );
        assert!(
            fs::read(first).unwrap() == again.stdout,
            "{format} changed on a round trip"
        );
    }
}

#[test]
fn questions_answer_the_same_from_a_graph_file() {
    let dir = TempDir::new("graph-file");
    let file = dir.path().join("graph.ron");
    let file = file.to_str().unwrap();
    assert!(
        govgraph(&[
            "export",
            "--format",
            "ron",
            "--data",
            "tests/fixtures/small",
            "-o",
            file
        ])
        .status
        .success()
    );
    let from_data = govgraph(&[
        "query",
        "leads",
        "--format",
        "json",
        "--data",
        "tests/fixtures/small",
    ]);
    let from_file = govgraph(&["query", "leads", "--format", "json", "--graph", file]);
    assert!(from_data.status.success());
    assert_eq!(
        String::from_utf8_lossy(&from_data.stdout),
        String::from_utf8_lossy(&from_file.stdout)
    );
}

/// `graphs/` is generated from `data/` and committed; this fails when it is stale. Run
/// `cargo run --release -- build` and commit `graphs/` to fix it.
#[test]
fn committed_graphs_are_up_to_date() {
    let dataset = load::load_data_dir(&root().join("data")).expect("data/ is valid");
    let sites_text = fs::read_to_string(root().join("data/sites.ron")).expect("data/sites.ron");
    let sites = govgraph::extract::SiteTable::parse(&sites_text).expect("data/sites.ron is valid");
    let graph = Graph::new(govgraph::pipeline::combine(&dataset, &sites).document)
        .expect("the combined sample document is valid");
    let expected = build::outputs(&graph);
    let mut stale = Vec::new();
    for (name, bytes) in &expected {
        let path = root().join("graphs").join(name);
        match fs::read(&path) {
            Ok(committed) if &committed == bytes => {}
            Ok(_) => stale.push(format!("{name} differs")),
            Err(_) => stale.push(format!("{name} is missing")),
        }
    }
    assert!(
        stale.is_empty(),
        "graphs/ is stale ({}); run `cargo run --release -- build` and commit graphs/",
        stale.join(", ")
    );
}

/// `build` merges an article without curated records: its facts enter the graph marked
/// `extracted` with rule and confidence, and join the curated people they name.
#[test]
fn facts_of_an_uncurated_article_enter_the_graph_marked_extracted() {
    let output = govgraph(&[
        "export",
        "--format",
        "json",
        "--data",
        "tests/fixtures/mixed",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let graph: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let relations = graph["relations"].as_array().unwrap();
    let leads: Vec<_> = relations
        .iter()
        .filter(|r| r["kind"] == "leads" && r["to"] == "group:quang-ninh-5")
        .collect();
    assert_eq!(leads.len(), 1, "group 5 has one leader");
    assert_eq!(
        leads[0]["from"], "person:nguyen-van-an",
        "joined to the curated person"
    );
    for evidence in leads[0]["evidence"].as_array().unwrap() {
        assert_eq!(evidence["source"], "source:002-quang-ninh-uncurated-en");
        let method = &evidence["method"]["extracted"];
        assert!(
            method["rule"].as_str().unwrap().starts_with("en."),
            "{evidence}"
        );
        assert!(method["confidence"].as_u64().unwrap() > 0);
        let (start, end) = (
            evidence["span"][0].as_u64().unwrap(),
            evidence["span"][1].as_u64().unwrap(),
        );
        let text = fs::read_to_string(
            root().join("tests/fixtures/mixed/articles/002-quang-ninh-uncurated-en.txt"),
        )
        .unwrap();
        assert_eq!(
            &text[start as usize..end as usize],
            evidence["quote"].as_str().unwrap()
        );
    }
    // Curated facts keep their curated evidence.
    let curated_lead = relations
        .iter()
        .find(|r| r["kind"] == "leads" && r["to"] == "group:quang-ninh-3")
        .unwrap();
    assert!(
        curated_lead["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.get("method").is_none())
    );
}

/// Extraction runs on every core; the graph must not depend on how many there are.
#[test]
fn the_graph_is_byte_identical_at_one_and_two_threads() {
    let dataset = load::load_data_dir(&root().join("data")).expect("data/ is valid");
    let sites_text = fs::read_to_string(root().join("data/sites.ron")).expect("data/sites.ron");
    let sites = govgraph::extract::SiteTable::parse(&sites_text).expect("data/sites.ron is valid");
    let outputs = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let graph = Graph::new(govgraph::pipeline::combine(&dataset, &sites).document)
                .expect("the combined document is consistent");
            let mut files = build::outputs(&graph);
            // The snapshot, and what it decodes to (decoding runs on every core too).
            let snapshot = govgraph::snapshot::encode(&graph, &Default::default());
            let (_, again) = govgraph::snapshot::decode(&snapshot).expect("it decodes");
            files.insert(
                "decoded.ron".into(),
                govgraph::export::to_ron(again.document()).into_bytes(),
            );
            files.insert("graph.snapshot".into(), snapshot);
            files
        })
    };
    let (one, two) = (outputs(1), outputs(2));
    assert!(!dataset.articles.is_empty());
    assert!(one == two, "the build differs between 1 and 2 threads");
}

/// The whole `build` command, as a user runs it: every file it writes (graph files, page,
/// charts, SVG, snapshot, extraction cache) and its summary are the same bytes with one
/// rayon thread and with two.
#[test]
fn the_build_command_writes_the_same_bytes_at_one_and_two_threads() {
    let run = |threads: &str| {
        let out = TempDir::new(&format!("threads-{threads}"));
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_govgraph"))
            .args(["build", "--data", "data", "--out", out.str(), "-q"])
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(root())
            .output()
            .expect("the govgraph binary runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let summary = String::from_utf8(output.stdout)
            .unwrap()
            .replace(out.str(), "OUT");
        (read_tree(out.path()), summary)
    };
    let (one, two) = (run("1"), run("2"));
    assert!(one.0.contains_key("graph.snapshot") && one.0.contains_key("graph.json"));
    assert!(one.0.keys().any(|k| k.starts_with(".cache/extract/")));
    assert_eq!(
        one.0.keys().collect::<Vec<_>>(),
        two.0.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &one.0 {
        assert!(
            two.0[name] == *bytes,
            "{name} differs between 1 and 2 threads"
        );
    }
    assert_eq!(one.1, two.1);
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for (name, bytes) in read_tree(from) {
        let path = to.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

fn build_into(data: &TempDir, out: &TempDir) {
    let output = govgraph(&[
        "build",
        "--data",
        data.str(),
        "--out",
        out.str(),
        "--no-svg",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn cache_entries(out: &TempDir) -> std::collections::BTreeMap<String, Vec<u8>> {
    read_tree(out.path())
        .into_iter()
        .filter(|(k, _)| k.starts_with(".cache/extract/"))
        .collect()
}

/// One cache entry per article; adding an article adds one entry and leaves the others;
/// an entry is what the build reads; a damaged entry is ignored and the article extracted
/// again.
#[test]
fn the_extraction_cache_keeps_one_entry_per_article_and_is_checked() {
    let (data, out) = (TempDir::new("cache-data"), TempDir::new("cache-out"));
    copy_tree(&root().join("tests/fixtures/small"), data.path());
    build_into(&data, &out);
    let first = cache_entries(&out);
    assert_eq!(first.len(), 1);
    let graph = fs::read(out.path().join("graph.json")).unwrap();

    fs::write(
        data.path().join("articles/002-quang-ninh-en.txt"),
        "---\nsource: https://example.gov.vn/quang-ninh/meeting-7\nlang: en\ndate: 2025-10-02\n\
         ---\nOn 2 October, comrade Pham Minh Khoa, Secretary of the Provincial Party \
         Committee, chaired the meeting.\n",
    )
    .unwrap();
    build_into(&data, &out);
    let second = cache_entries(&out);
    assert_eq!(second.len(), 2);
    for (name, bytes) in &first {
        assert!(second.get(name) == Some(bytes), "{name} was rewritten");
    }
    fs::remove_file(data.path().join("articles/002-quang-ninh-en.txt")).unwrap();

    // A sealed entry that says the article holds nothing is believed...
    let (name, _) = first.iter().next().unwrap();
    let path = out.path().join(name);
    let empty = r#"{"document":{"entities":[],"relations":[]},"diagnostics":0}"#;
    let hash = govgraph::snapshot::content_hash(empty.as_bytes());
    fs::write(&path, format!("{hash:032x}\n{empty}")).unwrap();
    build_into(&data, &out);
    assert!(fs::read(out.path().join("graph.json")).unwrap() != graph);
    // ...and a damaged one is not: the article is extracted again.
    fs::write(&path, format!("{hash:032x}\n{empty} ")).unwrap();
    build_into(&data, &out);
    assert!(fs::read(out.path().join("graph.json")).unwrap() == graph);
    assert!(
        cache_entries(&out).get(name) == first.get(name),
        "the damaged entry was not rewritten"
    );
}
