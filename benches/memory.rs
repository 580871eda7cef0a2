//! `cargo bench --bench memory`: peak resident memory of `govgraph extract` on 10, 50 and
//! 100 MB of generated prose (set `GOVGRAPH_BENCH_MB=10,50` to choose), as one article
//! file, as JSON lines through `extract --jsonl`, and on 8 MB of `. `. Each run is the
//! release binary under `/usr/bin/time -f '%e %M'` (GNU time: seconds and peak RSS in KB).
//! Not a test: it prints a table.
//!
//! The prose is our own (`benches/generated/articles.rs`): reports of working groups and
//! meetings, one paragraph of facts and one without per article.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

#[path = "generated/articles.rs"]
mod generated;

/// Runs the binary with `args`, standard input from `input`, standard output to `output`;
/// returns seconds and peak resident memory in MB.
fn measure(args: &[&str], input: Option<&Path>, output: &Path) -> (f64, f64) {
    let mut command = Command::new("/usr/bin/time");
    command
        .args(["-f", "%e %M", env!("CARGO_BIN_EXE_govgraph")])
        .args(args)
        .stdout(fs::File::create(output).unwrap())
        .stderr(Stdio::piped());
    if let Some(input) = input {
        command.stdin(fs::File::open(input).unwrap());
    }
    let result = command
        .output()
        .expect("/usr/bin/time runs (apt-get install time)");
    let stderr = String::from_utf8_lossy(&result.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    let mut fields = last.split_whitespace();
    let seconds: f64 = fields
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(f64::NAN);
    let kb: f64 = fields
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(f64::NAN);
    (seconds, kb / 1024.0)
}

/// About `mb` MB of English prose as one article body, and the same amount of articles in
/// all languages as JSON lines.
fn write_inputs(dir: &Path, mb: usize) -> (std::path::PathBuf, std::path::PathBuf) {
    let (prose, jsonl) = (
        dir.join(format!("prose-{mb}.txt")),
        dir.join(format!("articles-{mb}.jsonl")),
    );
    let target = mb * 1_000_000;
    let mut text =
        String::from("---\nsource: https://example.org/long\nlang: en\ndate: 2025-06-01\n---\n");
    let mut i = 0;
    while text.len() < target {
        if matches!(i % 6, 0 | 1 | 5) {
            text.push_str(&generated::body(i));
            text.push('\n');
        }
        i += 1;
    }
    fs::write(&prose, &text).unwrap();
    drop(text);
    let mut lines = String::new();
    let mut i = 0;
    while lines.len() < target {
        let line = serde_json::json!({"source": generated::stem(i), "text": generated::article(i)});
        let _ = writeln!(lines, "{line}");
        i += 1;
    }
    fs::write(&jsonl, &lines).unwrap();
    (prose, jsonl)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("GOVGRAPH_BENCH_MB")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 50, 100]);
    let dir = std::env::temp_dir().join(format!("govgraph-bench-memory-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out");
    println!("| input | command | MB in | seconds | peak RSS MB | peak / input |");
    println!("|---|---|---|---|---|---|");
    let row = |what: &str, command: &str, bytes: u64, (s, rss): (f64, f64)| {
        let mb = bytes as f64 / 1e6;
        println!(
            "| {what} | `{command}` | {mb:.1} | {s:.1} | {rss:.0} | {:.1}x |",
            rss / mb
        );
    };
    for &mb in &sizes {
        let (prose, jsonl) = write_inputs(&dir, mb);
        let p = prose.to_str().unwrap();
        row(
            "prose, one article",
            "extract -q FILE -o OUT",
            fs::metadata(&prose).unwrap().len(),
            measure(
                &["extract", "-q", p, "-o", out.to_str().unwrap()],
                None,
                &dir.join("stdout"),
            ),
        );
        row(
            "articles, JSON lines",
            "extract --jsonl < IN > OUT",
            fs::metadata(&jsonl).unwrap().len(),
            measure(&["extract", "--jsonl"], Some(&jsonl), &out),
        );
        let _ = fs::remove_file(&prose);
        let _ = fs::remove_file(&jsonl);
    }
    let dots = dir.join("dots.txt");
    fs::write(&dots, ". ".repeat(4_000_000)).unwrap();
    row(
        "`. ` × 4M",
        "extract -q --lang en FILE -o OUT",
        8_000_000,
        measure(
            &[
                "extract",
                "-q",
                "--lang",
                "en",
                dots.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
            None,
            &dir.join("stdout"),
        ),
    );
    let _ = fs::remove_dir_all(&dir);
}
