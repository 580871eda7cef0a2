//! File-system helpers for commands: loading the graph a command works on and reading a
//! data directory's inputs. Writing is in [`super::output`].

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use crate::cli::GraphInput;
use crate::error::{Error, Result};
use crate::extract::SiteTable;
use crate::graph::Graph;
use crate::load;
use crate::pipeline::{self, Combined};
use crate::snapshot;

/// Where `--data` questions look for the snapshot `build` wrote (its default `--out`).
pub const DATA_SNAPSHOT: &str = "graphs/graph.snapshot";

/// The graph from `--graph FILE` when given, else built from `--data DIR`.
///
/// A snapshot is used only when it is up to date: `--graph FILE.snapshot` must come from
/// this program (else an error says to rebuild); `--graph graph.json` uses the snapshot
/// beside it when that snapshot recorded this file's content hash; `--data DIR` uses
/// [`DATA_SNAPSHOT`] when it recorded the content hash of every file of `DIR`. Anything
/// else (stale, damaged, from another program) is never trusted: the graph is rebuilt.
pub fn load_graph(input: &GraphInput) -> Result<Graph> {
    match &input.graph {
        Some(path) => load_graph_path(path),
        None => {
            let inputs = read_inputs(&input.data)?;
            let snapshot = Path::new(DATA_SNAPSHOT);
            if let Some(graph) = fresh_snapshot(snapshot, |stamp| stamp.inputs == inputs.hashes) {
                return Ok(graph);
            }
            Graph::new(combine_inputs(&inputs)?.document)
        }
    }
}

fn load_graph_path(path: &Path) -> Result<Graph> {
    let bytes = read_bytes(path).map_err(|err| Error::io(path.display(), err))?;
    if snapshot::is_snapshot(&bytes) {
        let refused = |err: snapshot::SnapshotError| Error::DataDir {
            path: path.display().to_string(),
            what: format!("{err}; run `govgraph build` again"),
        };
        let opened = snapshot::open(bytes).map_err(refused)?;
        if opened.stamp.program != program_id() {
            opened.intact().map_err(refused)?;
            return Err(Error::DataDir {
                path: path.display().to_string(),
                what: format!(
                    "the snapshot was written by another govgraph build ({}); run `govgraph \
                     build` again",
                    opened.stamp.program
                ),
            });
        }
        return opened.graph().map_err(refused);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hash = snapshot::content_hash(&bytes);
    drop(bytes);
    let beside = path.with_file_name(snapshot::FILE_NAME);
    if let Some(graph) = fresh_snapshot(&beside, |stamp| {
        stamp.outputs.iter().any(|(n, h)| *n == name && *h == hash)
    }) {
        return Ok(graph);
    }
    Graph::new(load::load_graph_file(path)?.document)
}

/// A graph file's bytes, mapped from the page cache where the system can (no copy, no fresh
/// pages: a million-entity snapshot opened in 0.23 s instead of 0.40 s), else read.
fn read_bytes(path: &Path) -> std::io::Result<snapshot::Bytes> {
    let mut file = fs::File::open(path)?;
    #[cfg(target_os = "linux")]
    if let Some(mapped) = mapped::Mapped::of(&file)? {
        return Ok(snapshot::Bytes::Mapped(Box::new(mapped)));
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut bytes)?;
    Ok(snapshot::Bytes::Owned(bytes))
}

/// Read-only private maps of whole files.
#[cfg(target_os = "linux")]
mod mapped {
    use std::fs::File;
    use std::os::fd::AsRawFd;

    /// A whole file mapped read-only and private. Sound while the file's bytes do not
    /// change under the map: govgraph never writes a graph file in place (every output is
    /// written beside and swapped in, [`super::super::output`]), so a map always sees the
    /// file as it was opened. A file truncated in place by another program while mapped
    /// would stop the process (SIGBUS), never yield wrong answers silently.
    pub struct Mapped {
        at: *const u8,
        len: usize,
    }

    // The map is read-only and owned by this value alone.
    unsafe impl Send for Mapped {}
    unsafe impl Sync for Mapped {}

    impl Mapped {
        /// The map of `file`, or `None` for an empty file or one that cannot be mapped
        /// (a pipe, a special file), which the caller then reads.
        pub fn of(file: &File) -> std::io::Result<Option<Mapped>> {
            let metadata = file.metadata()?;
            let len = match usize::try_from(metadata.len()) {
                Ok(len) if len > 0 && metadata.is_file() => len,
                _ => return Ok(None),
            };
            // SAFETY: a fresh read-only mapping of an open file descriptor; the result
            // is checked before use and unmapped once, in `drop`. MAP_POPULATE reads
            // every page in now, as the checksum will.
            let at = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    len,
                    libc::PROT_READ,
                    libc::MAP_PRIVATE | libc::MAP_POPULATE,
                    file.as_raw_fd(),
                    0,
                )
            };
            if at == libc::MAP_FAILED {
                return Ok(None);
            }
            Ok(Some(Mapped {
                at: at as *const u8,
                len,
            }))
        }
    }

    impl std::ops::Deref for Mapped {
        type Target = [u8];

        fn deref(&self) -> &[u8] {
            // SAFETY: `at` maps `len` readable bytes until `drop`.
            unsafe { std::slice::from_raw_parts(self.at, self.len) }
        }
    }

    impl Drop for Mapped {
        fn drop(&mut self) {
            // SAFETY: unmaps exactly the mapping made in `of`, once.
            unsafe {
                libc::munmap(self.at as *mut libc::c_void, self.len);
            }
        }
    }
}

/// The graph of the snapshot at `path` when it exists, is intact, comes from this program
/// and `fresh` accepts its stamp. A damaged snapshot is reported on stderr and ignored.
fn fresh_snapshot(path: &Path, fresh: impl Fn(&snapshot::Stamp) -> bool) -> Option<Graph> {
    let bytes = read_bytes(path).ok()?;
    let note = |err: snapshot::SnapshotError| {
        eprintln!("note: {}: {err}; ignored", path.display());
    };
    let opened = snapshot::open(bytes).map_err(note).ok()?;
    if opened.stamp.program != program_id() || !fresh(&opened.stamp) {
        return None;
    }
    opened.graph().map_err(note).ok()
}

/// This program, as snapshot stamps record it: version, snapshot schema and a content hash
/// of the running executable, so any rebuilt program (new rules, new lexicon) makes every
/// snapshot and cache entry stale. When the executable cannot be read, the id is unique to
/// this process and nothing written earlier is trusted.
pub fn program_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(fs::read)
            .map(|bytes| format!("{:032x}", snapshot::content_hash(&bytes)))
            .unwrap_or_else(|_| format!("unreadable-exe-{}", std::process::id()));
        format!(
            "govgraph {} snapshot {} exe {exe}",
            env!("CARGO_PKG_VERSION"),
            snapshot::SCHEMA
        )
    })
}

/// A data directory's texts, its site table and the content hash of each input file.
pub struct Inputs {
    pub files: load::DataFiles,
    pub sites: SiteTable,
    /// Path relative to the data directory → content hash, sorted by path.
    pub hashes: Vec<(String, u128)>,
    /// Content hash of `sites.ron`, or of the word `builtin` for the built-in table.
    pub sites_hash: u128,
}

/// Reads a data directory's records, articles, judgements and site table, and hashes them.
pub fn read_inputs(data: &Path) -> Result<Inputs> {
    let files = load::read_data_dir(data)?;
    let sites_file = files.sites.clone();
    let sites = match &sites_file {
        Some(file) => load::parse_sites(file).map_err(|problem| Error::Invalid(vec![problem]))?,
        None => SiteTable::builtin(),
    };
    let mut hashes: Vec<(String, u128)> = files
        .records
        .iter()
        .chain(&files.articles)
        .chain(&files.judgements)
        .chain(&sites_file)
        .map(|file| {
            let relative = Path::new(&file.path)
                .strip_prefix(data)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| file.path.clone());
            (relative, snapshot::content_hash(file.text.as_bytes()))
        })
        .collect();
    hashes.sort();
    let sites_hash = snapshot::content_hash(
        sites_file
            .as_ref()
            .map_or(b"builtin".as_slice(), |f| f.text.as_bytes()),
    );
    Ok(Inputs {
        files,
        sites,
        hashes,
        sites_hash,
    })
}

/// Checks and combines inputs read by [`read_inputs`] (`pipeline`).
pub fn combine_inputs(inputs: &Inputs) -> Result<Combined> {
    let dataset = load::check_data_files(&inputs.files)?;
    Ok(pipeline::combine_owned(dataset, &inputs.sites))
}

/// The site table of `data/sites.ron`, or the built-in copy when the directory has none.
pub fn site_table(data: &Path) -> Result<SiteTable> {
    let path = data.join("sites.ron");
    if !path.is_file() {
        return Ok(SiteTable::builtin());
    }
    let file = load::read_file(&path)?;
    load::parse_sites(&file).map_err(|problem| Error::Invalid(vec![problem]))
}
