//! The README's console examples are real: every `$ govgraph …` block's lines appear in
//! what the command prints today (lines elided with `…` are skipped).

use crate::support::{govgraph, root};

/// Splits a shell-like command line on spaces, honouring double quotes.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[test]
fn readme_console_examples_match_the_program() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let block = block.split("```").next().unwrap();
        let mut lines = block.lines();
        let command = lines.next().unwrap();
        let command = command
            .strip_prefix("$ govgraph ")
            .expect("examples start with `$ govgraph`");
        let args = words(command);
        let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = govgraph(&arg_refs);
        assert!(
            output.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let printed = String::from_utf8_lossy(&output.stdout);
        for line in lines.filter(|l| !l.trim().is_empty() && l.trim() != "…") {
            assert!(
                printed.contains(line),
                "README example `{command}`: line not printed:\n{line}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 5, "found only {checked} console examples");
}
