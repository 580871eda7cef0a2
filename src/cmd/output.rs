//! Writing outputs all-or-nothing: a reader (or the next command) sees the old output or
//! the new one, never a mix, and no temporary is left behind by a failed write.
//!
//! - **One file** (`export -o FILE`, `extract -o FILE`): written to `.NAME.tmp-PID` beside
//!   it, flushed to disk, then renamed over it. `rename(2)` replaces a file atomically.
//! - **A folder** (`build --out DIR`, `export -o DIR` of a folder format): the whole new
//!   set is written into `.NAME.new-PID` beside `DIR` and flushed, then swapped with `DIR`
//!   by one `renameat2(RENAME_EXCHANGE)` on Linux: at every instant `DIR` is the whole old
//!   set or the whole new set. The old set, now under the temporary name, is then removed.
//!   Where the exchange is not available (another system, or a file system that refuses
//!   it), two renames are used instead: `DIR` → `.NAME.old-PID`, new → `DIR`, and the old
//!   set is renamed back when the second fails. Then `DIR` is missing for the moment
//!   between the two renames, and a crash there leaves the old set at `.NAME.old-PID`.
//! - Entries named in `carry` (`build`'s `.cache`) are moved from the old set into the new
//!   one just before the swap, and back if the swap fails: they outlive the swap without
//!   being copied.
//! - Every temporary is removed on every error path (a guard removes it when dropped), and
//!   temporaries of processes that no longer exist (killed mid-write) are removed by the
//!   next write beside them.
//! - A folder is only replaced when everything in it is something govgraph writes there
//!   ([`Folder`]); anything else (a user's file, a directory where a file is written) is
//!   an error and the folder is left as it was, since replacing it would delete it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What kind of folder is being replaced: it decides which entries of an old folder
/// govgraph may delete when it swaps the new one in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// `build --out`: the graph files, charts, page, snapshot, and the `.cache` folder.
    Build,
    /// `export -o DIR` of a folder format: tables, load scripts.
    Bundle,
}

impl Folder {
    fn ours(self, name: &str, kind: fs::FileType) -> bool {
        if kind.is_dir() {
            return self == Folder::Build && name == ".cache";
        }
        if !kind.is_file() {
            return false;
        }
        let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
        match self {
            Folder::Build => {
                matches!(extension, "dot" | "svg")
                    || ["graph.ron", "graph.json", "graph.snapshot", "index.html"].contains(&name)
            }
            Folder::Bundle => matches!(extension, "csv" | "cypher" | "sh"),
        }
    }
}

/// Writes `bytes` to `path`, replacing what was there at once (see the module notes).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let (parent, name) = split(path)?;
    sweep(&parent, &name);
    let temp = Temporary(parent.join(format!(".{name}.tmp-{}", std::process::id())));
    write_synced(&temp.0, bytes).map_err(|err| Error::io(path.display(), err))?;
    fs::rename(&temp.0, path).map_err(|err| Error::io(path.display(), err))?;
    temp.disarm();
    sync_dir(&parent);
    Ok(())
}

/// [`write_file`] for output made as it is written: `write` fills the temporary file,
/// renamed onto `path` only when it succeeds.
pub fn write_file_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let (parent, name) = split(path)?;
    sweep(&parent, &name);
    let temp = Temporary(parent.join(format!(".{name}.tmp-{}", std::process::id())));
    let written = fs::File::create_new(&temp.0).and_then(|file| {
        let mut out = io::BufWriter::new(file);
        write(&mut out)?;
        out.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()
    });
    written.map_err(|err| Error::io(path.display(), err))?;
    fs::rename(&temp.0, path).map_err(|err| Error::io(path.display(), err))?;
    temp.disarm();
    sync_dir(&parent);
    Ok(())
}

/// A folder beside `path` for the scratch files of making it, `.NAME.spill-PID` (swept
/// like the other temporaries when its process is gone).
pub fn scratch_dir(path: &Path) -> Result<PathBuf> {
    let (parent, name) = split(path)?;
    sweep(&parent, &name);
    Ok(parent.join(format!(".{name}.spill-{}", std::process::id())))
}

/// Writes each `(path, bytes)` pair with [`write_file`]: each file is wholly old or wholly
/// new. For independent files (cache entries), not for a set that must change together
/// (use [`replace_dir`]).
pub fn write_files(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    files
        .iter()
        .try_for_each(|(path, bytes)| write_file(path, bytes))
}

/// Replaces the folder `dir` with exactly `files` (relative path → bytes), plus the
/// entries of the old folder named in `carry`, all at once (see the module notes).
pub fn replace_dir(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    folder: Folder,
    carry: &[&str],
) -> Result<()> {
    let staged = Staged::new(dir, folder)?;
    for (relative, bytes) in files {
        staged.write(relative, bytes)?;
    }
    staged.commit(carry)
}

/// A new set for the folder `dir`, written file by file into a staging folder beside it
/// and swapped in whole by [`Staged::commit`]; dropped without a commit, it is removed and
/// `dir` is untouched. What [`replace_dir`] does, for a writer that streams its files
/// instead of holding them all in memory.
pub struct Staged {
    dir: PathBuf,
    parent: PathBuf,
    name: String,
    folder: Folder,
    staging: Temporary,
}

impl Staged {
    pub fn new(dir: &Path, folder: Folder) -> Result<Self> {
        let dir = followed(dir);
        let (parent, name) = split(&dir)?;
        sweep(&parent, &name);
        check_dir(&dir, folder)?;
        let staging = Temporary(parent.join(format!(".{name}.new-{}", std::process::id())));
        fs::create_dir(&staging.0).map_err(|err| Error::io(dir.display(), err))?;
        Ok(Staged {
            dir,
            parent,
            name,
            folder,
            staging,
        })
    }

    /// Writes one file of the new set.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        self.write_with(relative, &mut |out| out.write_all(bytes))
    }

    /// Writes one file of the new set as `fill` makes it, through a buffer.
    pub fn write_with(
        &self,
        relative: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> Result<()> {
        let path = self.staging.0.join(relative);
        let written = match path.parent() {
            Some(sub) if sub != self.staging.0 => fs::create_dir_all(sub),
            _ => Ok(()),
        }
        .and_then(|()| {
            let mut out = io::BufWriter::with_capacity(1 << 20, fs::File::create_new(&path)?);
            fill(&mut out)?;
            out.into_inner().map_err(|e| e.into_error())?.sync_all()
        });
        written.map_err(|err| Error::io(self.dir.join(relative).display(), err))
    }

    /// Swaps the new set in for `dir`, with the entries of the old folder named in `carry`.
    pub fn commit(self, carry: &[&str]) -> Result<()> {
        let Staged {
            dir,
            parent,
            name,
            folder,
            staging,
        } = self;
        let dir = &dir;
        let shown = dir.display().to_string();
        // Checked again: the folder may have changed while the new set was written.
        check_dir(dir, folder)?;
        sync_dir(&staging.0);
        let old_exists = fs::symlink_metadata(dir).is_ok();
        let pid = std::process::id();
        if !old_exists {
            fs::rename(&staging.0, dir).map_err(|err| Error::io(&shown, err))?;
            staging.disarm();
            sync_dir(&parent);
            return Ok(());
        }
        // Carried entries move into the new set; a failed move only loses the carry (a cache).
        let carried: Vec<&str> = carry
            .iter()
            .copied()
            .filter(|entry| fs::rename(dir.join(entry), staging.0.join(entry)).is_ok())
            .collect();
        let put_back = || {
            for entry in &carried {
                let _ = fs::rename(staging.0.join(entry), dir.join(entry));
            }
        };
        match exchange(&staging.0, dir) {
            Ok(()) => {
                // `staging` now names the old set; the guard removes it.
                sync_dir(&parent);
                Ok(())
            }
            Err(Unsupported) => {
                let old = Temporary(parent.join(format!(".{name}.old-{pid}")));
                if let Err(err) = fs::rename(dir, &old.0) {
                    put_back();
                    return Err(Error::io(&shown, err));
                }
                if let Err(err) = fs::rename(&staging.0, dir) {
                    let restored = fs::rename(&old.0, dir);
                    if restored.is_err() {
                        // Never delete the only copy of the old set.
                        old.disarm();
                    } else {
                        put_back();
                    }
                    return Err(Error::io(&shown, err));
                }
                staging.disarm();
                sync_dir(&parent);
                Ok(())
            }
            Err(Failed(err)) => {
                put_back();
                Err(Error::io(&shown, err))
            }
        }
    }
}

/// An error if `dir` exists and is not a folder govgraph may replace (see [`Folder`]);
/// commands call it before any work, so a refused `--out` costs nothing and writes nothing.
pub fn check_dir(dir: &Path, folder: Folder) -> Result<()> {
    let dir = &followed(dir);
    match fs::symlink_metadata(dir) {
        Ok(metadata) if metadata.is_dir() => check_replaceable(dir, folder),
        Ok(_) => Err(Error::io(
            dir.display(),
            io::Error::other("exists and is not a folder; not replaced"),
        )),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::io(dir.display(), err)),
    }
}

/// An error if the folder holds anything govgraph would not have written there.
fn check_replaceable(dir: &Path, folder: Folder) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|err| Error::io(dir.display(), err))?;
    let mut foreign = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| Error::io(dir.display(), err))?;
        let kind = entry
            .file_type()
            .map_err(|err| Error::io(entry.path().display(), err))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !folder.ours(&name, kind) {
            foreign.push(if kind.is_dir() {
                format!("{name}/")
            } else {
                name
            });
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let what = match folder {
        Folder::Build => "build",
        Folder::Bundle => "export",
    };
    Err(Error::io(
        dir.display(),
        io::Error::other(format!(
            "holds {} that {what} does not write ({}); not replaced, since that would \
             delete it: choose a new or empty folder",
            if foreign.len() == 1 {
                "an entry"
            } else {
                "entries"
            },
            foreign
                .iter()
                .map(|n| format!("`{}`", crate::error::escape(n)))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    ))
}

/// The folder a symlink to a folder points at (that folder is replaced, the link kept);
/// any other path as it is.
fn followed(dir: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && dir.is_dir() {
        fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
    } else {
        dir.to_path_buf()
    }
}

/// The folder a path is written in, and its file name; `.`, `..` and `/` are resolved.
fn split(path: &Path) -> Result<(PathBuf, String)> {
    let resolved;
    let path = match path.file_name() {
        Some(_) => path,
        None => {
            resolved = fs::canonicalize(path).map_err(|err| Error::io(path.display(), err))?;
            &resolved
        }
    };
    let name = path.file_name().ok_or_else(|| {
        Error::io(
            path.display(),
            io::Error::other("has no name to write beside; not replaced"),
        )
    })?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name.to_string_lossy().into_owned()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::File::create_new(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Flushes a folder's entries (a rename is durable once its folder is synced). Best
/// effort: some file systems refuse to sync a folder, and the data is written either way.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// A temporary file or folder, removed when dropped unless disarmed.
struct Temporary(PathBuf);

impl Temporary {
    fn disarm(mut self) {
        self.0 = PathBuf::new();
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if self.0.as_os_str().is_empty() {
            return;
        }
        match fs::symlink_metadata(&self.0) {
            Ok(m) if m.is_dir() => {
                let _ = fs::remove_dir_all(&self.0);
            }
            Ok(_) => {
                let _ = fs::remove_file(&self.0);
            }
            Err(_) => {}
        }
    }
}

/// Removes the temporaries `.NAME.{tmp,new,old}-PID` beside `NAME` whose process is gone
/// (it was killed mid-write). An old set (`old-`) left where `NAME` is missing is the only
/// copy of the last output (a crash between the two renames of the fallback swap): it is
/// put back as `NAME`, not removed. Only where process ids can be checked (`/proc`).
fn sweep(parent: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(pid) = ["tmp-", "new-", "old-", "spill-"]
            .iter()
            .find_map(|tag| rest.strip_prefix(tag))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let target = parent.join(name);
        if rest.starts_with("old-")
            && fs::symlink_metadata(&target).is_err()
            && fs::rename(entry.path(), &target).is_ok()
        {
            continue;
        }
        drop(Temporary(entry.path()));
    }
}

enum SwapError {
    /// The system or file system cannot exchange two paths.
    Unsupported,
    Failed(io::Error),
}
use SwapError::{Failed, Unsupported};

/// Exchanges two existing paths at once (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> Result<(), SwapError> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(|e| Failed(e.into()));
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are NUL-terminated C strings that outlive the call; renameat2
    // reads them and touches no memory of ours.
    let status = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if status == 0 {
        return Ok(());
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Err(Unsupported),
        _ => Err(Failed(err)),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> Result<(), SwapError> {
    Err(Unsupported)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("govgraph-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_folder_is_replaced_whole_and_carried_entries_survive() {
        let root = scratch("replace");
        let out = root.join("graphs");
        fs::create_dir_all(out.join(".cache/extract")).unwrap();
        fs::write(out.join(".cache/extract/a.json"), "cached").unwrap();
        fs::write(out.join("old.dot"), "old").unwrap();
        fs::write(out.join("graph.ron"), "old").unwrap();
        let files = vec![("graph.ron".to_string(), b"new".to_vec())];
        replace_dir(&out, &files, Folder::Build, &[".cache"]).unwrap();
        assert_eq!(names(&out), [".cache", "graph.ron"]);
        assert_eq!(fs::read(out.join("graph.ron")).unwrap(), b"new");
        assert_eq!(
            fs::read(out.join(".cache/extract/a.json")).unwrap(),
            b"cached"
        );
        assert_eq!(names(&root), ["graphs"], "a temporary was left");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_folder_with_foreign_entries_is_not_replaced() {
        let root = scratch("foreign");
        let out = root.join("graphs");
        fs::create_dir_all(out.join("graph.json")).unwrap();
        fs::write(out.join("graph.json/keep"), "mine").unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        let files = vec![("graph.json".to_string(), b"new".to_vec())];
        let err = replace_dir(&out, &files, Folder::Build, &[]).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("`graph.json/`, `notes.txt`"), "{message}");
        assert_eq!(fs::read(out.join("graph.json/keep")).unwrap(), b"mine");
        assert_eq!(names(&root), ["graphs"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_symlinked_folder_is_replaced_where_it_points() {
        let root = scratch("link");
        fs::create_dir_all(root.join("real")).unwrap();
        std::os::unix::fs::symlink("real", root.join("graphs")).unwrap();
        let files = vec![("graph.ron".to_string(), b"new".to_vec())];
        replace_dir(&root.join("graphs"), &files, Folder::Build, &[]).unwrap();
        assert!(
            fs::symlink_metadata(root.join("graphs"))
                .unwrap()
                .is_symlink()
        );
        assert_eq!(fs::read(root.join("real/graph.ron")).unwrap(), b"new");
        assert_eq!(names(&root), ["graphs", "real"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn temporaries_of_dead_processes_are_swept() {
        let root = scratch("sweep");
        // Process ids above the kernel's maximum (4194304) never exist.
        let dead = root.join(".graphs.new-4294967295");
        fs::create_dir_all(&dead).unwrap();
        fs::write(root.join(".x.json.tmp-4294967294"), "half").unwrap();
        fs::write(root.join(".x.json.tmp-abc"), "not ours").unwrap();
        replace_dir(&root.join("graphs"), &[], Folder::Build, &[]).unwrap();
        write_file(&root.join("x.json"), b"{}").unwrap();
        assert_eq!(names(&root), [".x.json.tmp-abc", "graphs", "x.json"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_failed_file_rename_leaves_the_target_and_no_temporary() {
        let root = scratch("rename");
        let target = root.join("graph.json");
        fs::create_dir_all(target.join("inside")).unwrap();
        assert!(write_file(&target, b"{}").is_err());
        assert!(target.join("inside").is_dir());
        assert_eq!(names(&root), ["graph.json"]);
        fs::remove_dir_all(&root).unwrap();
    }
}
