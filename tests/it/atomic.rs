//! All-or-nothing writes (`src/cmd/output.rs`): after any failure the old output is intact
//! byte for byte and no temporary is left beside it. Failures are real ones: a target under
//! a regular file, a read-only and a full (1 MB) tmpfs, a swap the kernel refuses (an
//! immutable folder), a rename onto a folder. Mounting and `chattr` need root; where the
//! machine refuses them, the test says why on stderr and checks nothing else.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{TempDir, govgraph, read_tree};

const SMALL: &str = "tests/fixtures/small";

fn build(data: &str, out: &Path) -> Output {
    govgraph(&[
        "build",
        "--data",
        data,
        "--out",
        out.to_str().unwrap(),
        "--no-svg",
        "-q",
    ])
}

fn ok(output: &Output) {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn failed(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("govgraph: "), "{stderr}");
    stderr
}

/// The names in `dir` that look like govgraph temporaries (`.NAME.tmp-PID` and so on).
fn temporaries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && [".tmp-", ".new-", ".old-"].iter().any(|t| n.contains(t)))
        .collect()
}

/// A records folder of `n` persons: its `build` output is about `n` × 600 bytes.
fn many_people(dir: &Path, n: usize) -> String {
    let records = dir.join("records");
    fs::create_dir_all(&records).unwrap();
    let mut text = String::from("(entities: [\n");
    for i in 0..n {
        text.push_str(&format!(
            "  (id: \"person:p{i}\", name: \"Person Number {i}\", kind: person),\n"
        ));
    }
    text.push_str("])\n");
    fs::write(records.join("people.ron"), text).unwrap();
    dir.to_str().unwrap().to_string()
}

/// A tmpfs mounted on a fresh folder, unmounted on drop; `None` (with the reason printed)
/// where mounting is refused.
struct Tmpfs {
    dir: TempDir,
}

impl Tmpfs {
    fn mount(name: &str, options: &str) -> Option<Tmpfs> {
        let dir = TempDir::new(name);
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs", dir.str()])
            .output();
        match output {
            Ok(o) if o.status.success() => Some(Tmpfs { dir }),
            Ok(o) => {
                eprintln!(
                    "skipped: cannot mount a tmpfs ({}): {}",
                    options,
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(err) => {
                eprintln!("skipped: cannot run mount: {err}");
                None
            }
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{options}"), self.dir.str()])
            .status()
            .unwrap();
        assert!(status.success(), "remount {options} failed");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.str()).status();
    }
}

#[test]
fn a_second_build_replaces_the_whole_set_and_keeps_the_cache() {
    let root = TempDir::new("atomic-rebuild");
    let out = root.path().join("graphs");
    ok(&build(SMALL, &out));
    let cache: Vec<String> = read_tree(&out)
        .into_keys()
        .filter(|k| k.starts_with(".cache/extract/"))
        .collect();
    assert_eq!(cache.len(), 1, "one article, one cache entry: {cache:?}");
    // A chart of a province that is gone from the data: the new set does not have it.
    fs::write(out.join("gone.dot"), "digraph {}").unwrap();
    let first = read_tree(&out);
    ok(&build(SMALL, &out));
    let second = read_tree(&out);
    assert!(!second.contains_key("gone.dot"), "a stale file survived");
    let mut expected = first.clone();
    expected.remove("gone.dot");
    assert!(
        expected == second,
        "the rebuilt set differs from the first one"
    );
    assert!(
        second.contains_key(&cache[0]),
        "the extraction cache was lost"
    );
    assert_eq!(temporaries(root.path()), Vec::<String>::new());
    assert_eq!(temporaries(&out), Vec::<String>::new());
}

#[test]
fn a_build_under_a_regular_file_fails_and_writes_nothing() {
    let root = TempDir::new("atomic-under-file");
    let file = root.path().join("plain");
    fs::write(&file, "mine").unwrap();
    let stderr = failed(&build(SMALL, &file.join("graphs")));
    assert!(stderr.contains("plain/graphs"), "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), b"mine");
    assert_eq!(
        read_tree(root.path()).into_keys().collect::<Vec<_>>(),
        ["plain"]
    );
}

#[test]
fn an_out_folder_holding_what_build_does_not_write_is_not_replaced() {
    let root = TempDir::new("atomic-foreign");
    let out = root.path().join("graphs");
    ok(&build(SMALL, &out));
    // `graph.json` is a folder of the user's: swapping the set in would delete it.
    fs::remove_file(out.join("graph.json")).unwrap();
    fs::create_dir(out.join("graph.json")).unwrap();
    fs::write(out.join("graph.json/keep"), "mine").unwrap();
    let before = read_tree(&out);
    let stderr = failed(&build(SMALL, &out));
    assert!(
        stderr.contains("holds an entry that build does not write (`graph.json/`)"),
        "{stderr}"
    );
    assert!(read_tree(&out) == before, "the old output changed");
    assert_eq!(temporaries(root.path()), Vec::<String>::new());
    // `--out` that is a file is not replaced either.
    let file = root.path().join("notes.txt");
    fs::write(&file, "mine").unwrap();
    let stderr = failed(&build(SMALL, &file));
    assert!(stderr.contains("exists and is not a folder"), "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), b"mine");
}

/// Makes a folder immutable (`chattr +i`) until dropped: even root cannot rename it, so
/// the swap itself fails.
struct Immutable(PathBuf);

impl Immutable {
    fn set(path: &Path) -> Option<Immutable> {
        match Command::new("chattr").arg("+i").arg(path).output() {
            Ok(o) if o.status.success() => Some(Immutable(path.to_path_buf())),
            Ok(o) => {
                eprintln!(
                    "skipped: chattr +i refused: {}",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(err) => {
                eprintln!("skipped: cannot run chattr: {err}");
                None
            }
        }
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

#[test]
fn a_swap_the_kernel_refuses_leaves_the_old_build() {
    let root = TempDir::new("atomic-swap");
    let out = root.path().join("graphs");
    let bigger = TempDir::new("atomic-swap-data");
    ok(&build(SMALL, &out));
    let before = read_tree(&out);
    let Some(_lock) = Immutable::set(&out) else {
        return;
    };
    let stderr = failed(&build(&many_people(bigger.path(), 10), &out));
    assert!(stderr.contains("Operation not permitted"), "{stderr}");
    assert!(read_tree(&out) == before, "the old output changed");
    assert_eq!(temporaries(root.path()), Vec::<String>::new());
}

#[test]
fn a_full_file_system_leaves_the_old_output() {
    let Some(tmpfs) = Tmpfs::mount("atomic-full", "size=1m") else {
        return;
    };
    let out = tmpfs.path().join("graphs");
    ok(&build(SMALL, &out));
    let before = read_tree(&out);
    let data = TempDir::new("atomic-full-data");
    let big = many_people(data.path(), 3000);
    let stderr = failed(&build(&big, &out));
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(read_tree(&out) == before, "the old output changed");
    assert_eq!(temporaries(tmpfs.path()), Vec::<String>::new());

    // Then the disk fills up under an old file and an old folder export.
    let file = tmpfs.path().join("graph.json");
    fs::write(&file, "old").unwrap();
    let tables = tmpfs.path().join("tables");
    ok(&govgraph(&[
        "export",
        "--format",
        "csv",
        "--data",
        SMALL,
        "-o",
        tables.to_str().unwrap(),
    ]));
    let tables_before = read_tree(&tables);
    fill(tmpfs.path());
    // One file: the old `graph.json` stays, no temporary beside it.
    let export = govgraph(&[
        "export",
        "--format",
        "json",
        "--data",
        &big,
        "-o",
        file.to_str().unwrap(),
    ]);
    let stderr = failed(&export);
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), b"old");
    // A folder format: the old tables stay.
    let export = govgraph(&[
        "export",
        "--format",
        "neo4j",
        "--data",
        SMALL,
        "-o",
        tables.to_str().unwrap(),
    ]);
    let stderr = failed(&export);
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(
        read_tree(&tables) == tables_before,
        "the old tables changed"
    );
    assert_eq!(temporaries(tmpfs.path()), Vec::<String>::new());
}

/// Fills the file system of `dir` to the last byte.
fn fill(dir: &Path) {
    use std::io::Write;
    let mut file = fs::File::create(dir.join("filler")).unwrap();
    let block = vec![0u8; 4096];
    while file.write_all(&block).is_ok() {}
    while file.write_all(&block[..1]).is_ok() {}
}

#[test]
fn a_read_only_file_system_fails_cleanly() {
    let Some(tmpfs) = Tmpfs::mount("atomic-ro", "size=4m") else {
        return;
    };
    let out = tmpfs.path().join("graphs");
    ok(&build(SMALL, &out));
    let before = read_tree(&out);
    tmpfs.remount("ro");
    let stderr = failed(&build(SMALL, &out));
    assert!(stderr.contains("Read-only file system"), "{stderr}");
    let extract = govgraph(&[
        "extract",
        "tests/fixtures/small/articles/001-quang-ninh-en.txt",
        "-o",
        tmpfs.path().join("x.ron").to_str().unwrap(),
        "-q",
    ]);
    assert!(failed(&extract).contains("Read-only file system"));
    tmpfs.remount("rw");
    assert!(read_tree(&out) == before, "the old output changed");
    assert_eq!(temporaries(tmpfs.path()), Vec::<String>::new());
}

#[test]
fn a_rename_onto_a_folder_fails_and_leaves_it() {
    let root = TempDir::new("atomic-onto-dir");
    for (command, name) in [("export", "graph.json"), ("extract", "records.ron")] {
        let target = root.path().join(name);
        fs::create_dir_all(target.join("inside")).unwrap();
        fs::write(target.join("inside/keep"), "mine").unwrap();
        let target = target.to_str().unwrap();
        let args: Vec<&str> = match command {
            "export" => vec!["export", "--format", "json", "--data", SMALL, "-o", target],
            _ => vec![
                "extract",
                "tests/fixtures/small/articles/001-quang-ninh-en.txt",
                "-q",
                "-o",
                target,
            ],
        };
        let stderr = failed(&govgraph(&args));
        assert!(stderr.contains(name), "{stderr}");
        assert_eq!(
            fs::read(root.path().join(name).join("inside/keep")).unwrap(),
            b"mine"
        );
    }
    assert_eq!(
        read_tree(root.path()).into_keys().collect::<Vec<_>>(),
        ["graph.json/inside/keep", "records.ron/inside/keep"]
    );
    assert_eq!(temporaries(root.path()), Vec::<String>::new());
}

#[test]
fn a_folder_export_replaces_its_tables_and_refuses_foreign_files() {
    let root = TempDir::new("atomic-bundle");
    let tables = root.path().join("tables");
    let export = |format: &str| {
        govgraph(&[
            "export",
            "--format",
            format,
            "--data",
            SMALL,
            "-o",
            tables.to_str().unwrap(),
        ])
    };
    ok(&export("neo4j"));
    ok(&export("csv"));
    // Only the csv tables remain: the neo4j set was replaced whole.
    assert_eq!(
        read_tree(&tables).into_keys().collect::<Vec<_>>(),
        ["groups.csv", "people.csv", "posts-held.csv"]
    );
    fs::write(tables.join("analysis.xlsx"), "mine").unwrap();
    let stderr = failed(&export("csv"));
    assert!(stderr.contains("`analysis.xlsx`"), "{stderr}");
    assert_eq!(fs::read(tables.join("analysis.xlsx")).unwrap(), b"mine");
    assert_eq!(temporaries(root.path()), Vec::<String>::new());
}
