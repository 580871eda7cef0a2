//! `extract --jsonl` and `build --extracted`: articles extracted in shards, by the binary
//! reading JSON lines on standard input as Spark's `RDD.pipe` or `parallel --pipe` drive
//! it, build the same graph as the same articles extracted in one process.

use std::io::Write;
use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

use crate::support::{TempDir, govgraph, piped, read_tree, root};

#[path = "../../benches/generated/articles.rs"]
mod generated;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Every output of a build but the snapshot, whose stamp names its inputs, and the cache.
fn outputs(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = read_tree(dir);
    files.retain(|name, _| name != "graph.snapshot" && !name.starts_with(".cache"));
    files
}

fn ok(output: &Output) {
    assert!(
        output.status.success(),
        "govgraph failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

const ARTICLES: usize = 1000;

#[test]
fn a_thousand_articles_extracted_in_two_shards_build_the_single_process_graph() {
    let tmp = TempDir::new("jsonl-shards");
    let fixture = root().join("tests/fixtures/small");
    let (whole, base) = (tmp.path().join("whole"), tmp.path().join("base"));
    copy_dir(&fixture, &whole);
    copy_dir(&fixture, &base);
    // Shards interleave the articles, so merging must restore their order.
    let mut shards = [Vec::new(), Vec::new()];
    for i in 0..ARTICLES {
        let text = generated::article(i);
        std::fs::write(
            whole.join(format!("articles/{}.txt", generated::stem(i))),
            &text,
        )
        .unwrap();
        // Half the lines carry their metadata as fields too (the same values: fields win
        // over the front matter, which then agrees).
        let line = if i % 2 == 0 {
            json!({"source": generated::stem(i), "text": text})
        } else {
            let front = |key: &str| {
                text.lines()
                    .find_map(|l| l.strip_prefix(&format!("{key}: ")).map(str::to_string))
                    .unwrap()
            };
            json!({"source": generated::stem(i), "text": text, "lang": front("lang"),
                   "date": front("date"), "url": front("source")})
        };
        writeln!(shards[i % 2], "{line}").unwrap();
    }
    let out_whole = tmp.path().join("out-whole");
    ok(&govgraph(&[
        "build",
        "--no-svg",
        "-q",
        "--data",
        whole.to_str().unwrap(),
        "--out",
        out_whole.to_str().unwrap(),
    ]));

    let extracted = tmp.path().join("extracted");
    std::fs::create_dir_all(&extracted).unwrap();
    for (k, shard) in shards.into_iter().enumerate() {
        let output = piped(&["extract", "--jsonl"], shard);
        ok(&output);
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(text.lines().count(), ARTICLES / 2);
        for line in text.lines() {
            let records: Value = serde_json::from_str(line).unwrap();
            assert!(records["source"].as_str().unwrap().starts_with("source:"));
        }
        // Hadoop streaming gives each line back as a key with an empty value: a trailing tab.
        let text = if k == 1 {
            text.lines().map(|l| format!("{l}\t\n")).collect()
        } else {
            text
        };
        std::fs::write(extracted.join(format!("part-{k:05}")), text).unwrap();
    }
    // What Spark and Hadoop write beside the parts is not read.
    std::fs::write(extracted.join("_SUCCESS"), "").unwrap();
    std::fs::write(extracted.join(".part-00000.crc"), "not records").unwrap();
    let out_split = tmp.path().join("out-split");
    let summary = govgraph(&[
        "build",
        "--no-svg",
        "--data",
        base.to_str().unwrap(),
        "--extracted",
        extracted.to_str().unwrap(),
        "--out",
        out_split.to_str().unwrap(),
    ]);
    ok(&summary);
    let summary = String::from_utf8(summary.stdout).unwrap();
    assert!(
        summary.contains(&format!("extracted {} articles", ARTICLES + 1)),
        "{summary}"
    );

    let (a, b) = (outputs(&out_whole), outputs(&out_split));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same files are written"
    );
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs");
    }
    let graph = String::from_utf8(a["graph.ron"].clone()).unwrap();
    assert!(
        graph.matches("kind: leads").count() > 300,
        "the generated groups are found"
    );
    // The merged graph answers questions like any other.
    let answer = govgraph(&[
        "query",
        "leads",
        "--graph",
        out_split.join("graph.ron").to_str().unwrap(),
    ]);
    ok(&answer);
}

#[test]
fn bad_lines_are_reported_with_positions_and_skipped_and_the_run_fails() {
    let good = |i: usize| json!({"source": generated::stem(i), "text": generated::article(i)});
    let input = format!(
        "{}\nnot json\n{{\"source\": \"x\"}}\n\n{{\"source\": \"y\", \"text\": \"t\", \"lang\": \"xx\"}}\n\
         {{\"source\": \"---\", \"text\": \"t\"}}\n{{\"source\": \"z\", \"text\": \"t\", \"extra\": 1}}\n{}\n",
        good(0),
        good(1)
    );
    let output = piped(&["extract", "--jsonl"], input.clone().into_bytes());
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let sources: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["source"].to_string())
        .collect();
    assert_eq!(
        sources,
        [
            format!("\"source:{}\"", generated::stem(0)),
            format!("\"source:{}\"", generated::stem(1))
        ]
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    for expected in [
        "<stdin>:2:2: expected ident",
        "<stdin>:3:",
        "missing field `text`",
        "<stdin>:5:",
        "`lang`: `xx` is not one of ar, de, en, fr, vi",
        "<stdin>:6:1: `source`: `---` gives no usable source id",
        "<stdin>:7:",
        "unknown field `extra`",
        "5 problems found",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in {stderr}");
    }
    // The same input gives the same bytes.
    let again = piped(&["extract", "--jsonl"], input.into_bytes());
    assert_eq!(again.stdout, output.stdout);
}

#[test]
fn build_refuses_damaged_or_doubled_extracted_records_with_their_position() {
    let tmp = TempDir::new("jsonl-bad");
    let data = tmp.path().join("data");
    copy_dir(&root().join("tests/fixtures/small"), &data);
    let line = json!({"source": "001-quang-ninh-en",
        "text": std::fs::read_to_string(data.join("articles/001-quang-ninh-en.txt")).unwrap()});
    let extracted = piped(&["extract", "--jsonl"], format!("{line}\n").into_bytes());
    ok(&extracted);
    let records = String::from_utf8(extracted.stdout).unwrap();
    let dir = tmp.path().join("extracted");
    std::fs::create_dir_all(&dir).unwrap();
    let part = dir.join("part-0");
    let build = |out: &str| {
        govgraph(&[
            "build",
            "--no-svg",
            "--data",
            data.to_str().unwrap(),
            "--extracted",
            dir.to_str().unwrap(),
            "--out",
            tmp.path().join(out).to_str().unwrap(),
        ])
    };
    // The article is in the data directory too.
    std::fs::write(&part, &records).unwrap();
    let output = build("a");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("part-0:1:1: source `source:001-quang-ninh-en` is also the article"),
        "{stderr}"
    );
    // A line cut short, and one whose facts cite an entity it does not hold.
    let renamed = records.replace("source:001-quang-ninh-en", "source:copy");
    let dangling = renamed.replacen("\"from\":\"person:", "\"from\":\"person:nobody-", 1);
    std::fs::write(
        &part,
        format!("{}\n{dangling}", &renamed[..renamed.len() / 2]),
    )
    .unwrap();
    let output = build("b");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("part-0:1:"), "{stderr}");
    assert!(stderr.contains("EOF while parsing"), "{stderr}");
    assert!(stderr.contains("part-0:2:1: "), "{stderr}");
    assert!(
        stderr.contains("unknown entity `person:nobody-"),
        "{stderr}"
    );
    assert!(!tmp.path().join("b").exists(), "nothing is written");
}
