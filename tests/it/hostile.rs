//! Hostile file systems that cannot live in a golden folder: a FIFO among the records
//! (which would block a reader forever), a symlink out of the data directory, a file over
//! the size limit. Each must be refused with a positioned message and exit 2.

use std::fs;
use std::process::Command;

use crate::support::{TempDir, govgraph};

const PERSON: &str = r#"(entities: [(id: "person:a", name: "A", kind: person)])"#;

fn data_dir(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    fs::create_dir_all(dir.path().join("records")).unwrap();
    fs::write(dir.path().join("records/a.ron"), PERSON).unwrap();
    dir
}

#[test]
fn a_fifo_among_the_records_is_refused_not_read() {
    let dir = data_dir("fifo");
    let fifo = dir.path().join("records/x.ron");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    let output = govgraph(&["check", "--data", dir.str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("records/x.ron:1:1: not a regular file"),
        "{stderr}"
    );
}

#[test]
fn a_symlink_out_of_the_data_directory_is_refused_and_not_echoed() {
    let dir = data_dir("symlink");
    let outside = TempDir::new("symlink-target");
    let secret = outside.path().join("secret.ron");
    fs::write(&secret, "SECRET-TOKEN (").unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("records/b.ron")).unwrap();
    let output = govgraph(&["check", "--data", dir.str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("records/b.ron:1:1: symlink leads outside the data directory"),
        "{stderr}"
    );
    assert!(!stderr.contains("SECRET"), "{stderr}");
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = data_dir("limit");
    let output = Command::new(env!("CARGO_BIN_EXE_govgraph"))
        .args(["check", "--data", dir.str()])
        .env("GOVGRAPH_MAX_FILE_BYTES", "10")
        .output()
        .expect("govgraph runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("over the limit of 10 bytes"), "{stderr}");
}
