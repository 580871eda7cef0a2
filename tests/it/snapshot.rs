//! The snapshot `build` writes: questions read it when it is up to date, rebuild when it is
//! stale, and refuse a damaged or foreign one with a clear message.

use std::fs;

use govgraph::snapshot;

use crate::support::{TempDir, govgraph};

fn build(out: &TempDir, data: &str) {
    let output = govgraph(&["build", "--data", data, "--out", out.str(), "--no-svg"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn ask(graph: &str) -> std::process::Output {
    govgraph(&[
        "query",
        "neighbors",
        "person:nguyen-van-an",
        "--depth",
        "2",
        "--format",
        "json",
        "--graph",
        graph,
    ])
}

#[test]
fn questions_from_the_snapshot_match_questions_from_the_records() {
    let out = TempDir::new("snapshot-answers");
    build(&out, "tests/fixtures/small");
    let from_data = govgraph(&[
        "query",
        "neighbors",
        "person:nguyen-van-an",
        "--depth",
        "2",
        "--format",
        "json",
        "--data",
        "tests/fixtures/small",
    ]);
    assert!(from_data.status.success());
    for file in ["graph.snapshot", "graph.json", "graph.ron"] {
        let path = out.path().join(file);
        let answer = ask(path.to_str().unwrap());
        assert!(
            answer.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&answer.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&answer.stdout),
            String::from_utf8_lossy(&from_data.stdout),
            "{file}"
        );
    }
}

#[test]
fn a_graph_file_changed_after_the_build_is_read_not_its_stale_snapshot() {
    let (out, other) = (
        TempDir::new("snapshot-stale"),
        TempDir::new("snapshot-other"),
    );
    build(&out, "tests/fixtures/small");
    build(&other, "data");
    // graph.json now holds another graph; the snapshot beside it recorded the old one.
    fs::copy(
        other.path().join("graph.json"),
        out.path().join("graph.json"),
    )
    .unwrap();
    let json = out.path().join("graph.json");
    let answer = govgraph(&[
        "query",
        "members",
        "org:hai-phong-party-committee",
        "--graph",
        json.to_str().unwrap(),
    ]);
    let expected = govgraph(&[
        "query",
        "members",
        "org:hai-phong-party-committee",
        "--graph",
        other.path().join("graph.json").to_str().unwrap(),
    ]);
    assert!(
        answer.status.success(),
        "{}",
        String::from_utf8_lossy(&answer.stderr)
    );
    assert_eq!(answer.stdout, expected.stdout);
}

#[test]
fn a_truncated_or_altered_snapshot_is_refused_with_exit_2() {
    let out = TempDir::new("snapshot-damaged");
    build(&out, "tests/fixtures/small");
    let path = out.path().join("graph.snapshot");
    let bytes = fs::read(&path).unwrap();
    let cases = [
        ("truncated snapshot", bytes[..bytes.len() - 3].to_vec()),
        ("checksum does not match", {
            let mut b = bytes.clone();
            let last = b.len() - 1;
            b[last] ^= 0x40;
            b
        }),
    ];
    for (message, damaged) in cases {
        fs::write(&path, &damaged).unwrap();
        let answer = ask(path.to_str().unwrap());
        assert_eq!(answer.status.code(), Some(2), "{message}");
        let stderr = String::from_utf8_lossy(&answer.stderr);
        assert!(stderr.contains(message), "{stderr}");
        assert!(stderr.contains("run `govgraph build` again"), "{stderr}");
        assert!(answer.stdout.is_empty());
        // Beside graph.json, the damaged snapshot is reported and ignored.
        let json = out.path().join("graph.json");
        let answer = ask(json.to_str().unwrap());
        assert!(answer.status.success());
        assert!(String::from_utf8_lossy(&answer.stderr).contains("ignored"));
    }
}

#[test]
fn a_snapshot_from_another_program_is_refused() {
    let out = TempDir::new("snapshot-foreign");
    build(&out, "tests/fixtures/small");
    let path = out.path().join("graph.snapshot");
    let (mut stamp, graph) = snapshot::decode(&fs::read(&path).unwrap()).unwrap();
    stamp.program = "govgraph 0.0.1 snapshot 1 exe 0".into();
    fs::write(&path, snapshot::encode(&graph, &stamp)).unwrap();
    let answer = ask(path.to_str().unwrap());
    assert_eq!(answer.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&answer.stderr);
    assert!(stderr.contains("another govgraph build"), "{stderr}");
    // graph.json beside it is still read, from the records.
    let json = out.path().join("graph.json");
    assert!(ask(json.to_str().unwrap()).status.success());
}
