//! Golden cases: `tests/golden/<case>/args` holds one argument per line; `stdout`,
//! `stderr` and `status` hold what the binary must print and return. A case may carry its
//! own `data/` directory; `$CASE` in `args` stands for the case's folder.
//!
//! Inputs too large to commit (a 10 MB line, thousands of files) are described in the
//! case's `generate` file and written before the case runs into `target/golden/<case>/`,
//! which `$GEN` in `args` stands for. One file per line:
//!
//! ```text
//! # a comment
//! records/long.ron = "(entities: [" + "a" * 10000000
//! records/r{n}.ron * 2000 = "(entities: [(id: \"person:p{n}\", name: \"P\", kind: person)])"
//! ```
//!
//! A path, `=`, and pieces joined by `+`: a JSON string, optionally `* COUNT` to repeat it.
//! `PATH * N` writes N files, `{n}` in the path and the pieces standing for 0..N.

use std::fs;
use std::path::Path;

use crate::support::{govgraph, root};

#[test]
fn golden_cases() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let dir = root().join("tests/golden");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("tests/golden exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 20,
        "expected the golden cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        if let Err(message) = check(case, update) {
            failures.push(message);
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn check(case: &Path, update: bool) -> Result<(), String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let relative = case
        .strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let args_text = fs::read_to_string(case.join("args"))
        .map_err(|e| format!("{name}: cannot read args: {e}"))?;
    let generated = format!("target/golden/{name}");
    if case.join("generate").is_file() {
        generate(case, &root().join(&generated)).map_err(|e| format!("{name}: generate: {e}"))?;
    }
    let args: Vec<String> = args_text
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.replace("$CASE", &relative).replace("$GEN", &generated))
        .collect();
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = govgraph(&arg_refs);
    let actual = [
        (
            "stdout",
            String::from_utf8_lossy(&output.stdout).into_owned(),
        ),
        (
            "stderr",
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ),
        (
            "status",
            format!("{}\n", output.status.code().unwrap_or(-1)),
        ),
    ];
    let mut differences = Vec::new();
    for (file, text) in actual {
        let path = case.join(file);
        if update {
            fs::write(&path, &text).map_err(|e| format!("{name}: {e}"))?;
            continue;
        }
        let expected = fs::read_to_string(&path).unwrap_or_default();
        if expected != text {
            differences.push(format!(
                "--- {name}/{file} expected\n{expected}\n+++ {name}/{file} actual\n{text}"
            ));
        }
    }
    if differences.is_empty() {
        Ok(())
    } else {
        Err(differences.join("\n"))
    }
}

/// Writes the files a case's `generate` file describes into `dir` (emptied first).
fn generate(case: &Path, dir: &Path) -> Result<(), String> {
    let spec = fs::read_to_string(case.join("generate")).map_err(|e| e.to_string())?;
    let _ = fs::remove_dir_all(dir);
    for (number, line) in spec.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |what: &str| format!("line {}: {what}", number + 1);
        let (target, pieces) = line.split_once(" = ").ok_or_else(|| at("no ` = `"))?;
        let (path, count) = match target.split_once(" * ") {
            Some((path, n)) => (
                path,
                n.trim().parse::<usize>().map_err(|e| at(&e.to_string()))?,
            ),
            None => (target, 1),
        };
        let mut template = String::new();
        for piece in split_pieces(pieces) {
            let piece = piece.trim();
            let (quoted, times) = match piece.rsplit_once("\" * ") {
                Some((q, n)) => (
                    format!("{q}\""),
                    n.trim().parse::<usize>().map_err(|e| at(&e.to_string()))?,
                ),
                None => (piece.to_string(), 1),
            };
            let text: String = serde_json::from_str(&quoted).map_err(|e| at(&e.to_string()))?;
            template.push_str(&text.repeat(times));
        }
        for n in 0..count {
            let n = n.to_string();
            let file = dir.join(path.trim().replace("{n}", &n));
            fs::create_dir_all(file.parent().unwrap()).map_err(|e| at(&e.to_string()))?;
            let text = if count > 1 {
                template.replace("{n}", &n)
            } else {
                template.clone()
            };
            fs::write(&file, text).map_err(|e| at(&e.to_string()))?;
        }
    }
    Ok(())
}

/// The `+`-separated pieces of a `generate` line, `+` inside JSON strings kept.
fn split_pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '+' if !quoted => {
                pieces.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&text[start..]);
    pieces
}
