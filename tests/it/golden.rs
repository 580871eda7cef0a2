//! Golden cases: `tests/golden/<case>/args` holds one argument per line; `stdout`,
//! `stderr` and `status` hold what the binary must print and return. A case may carry its
//! own `data/` directory; `$CASE` in `args` stands for the case's folder.

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
    let args: Vec<String> = args_text
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.replace("$CASE", &relative))
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
