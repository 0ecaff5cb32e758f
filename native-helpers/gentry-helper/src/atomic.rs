//! Atomic replacement of symlinks and files: write a temporary beside the target, rename it over
//! the target, then fsync the directory so the rename survives a crash. Readers (and the boot
//! loader after a power cut) see the old content or the new, never a torn or missing file.
#![forbid(unsafe_code)]

use crate::fsroot::{Dir, Kind};
use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Makes `name` in `dir` a symlink to `target` in one rename: readers see the old link or the new
/// one, never neither. A symlink's content lives in its inode, so there is no file data to fsync;
/// the directory is fsynced after the rename. The temporary link is removed if the rename fails.
pub fn replace_symlink(dir: &Dir, name: &str, target: &str) -> io::Result<()> {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temporary = format!(".{name}.gentry-tmp-{}-{n}", std::process::id());
    dir.symlink(target, &temporary)?;
    if let Err(error) = dir.rename(&temporary, name) {
        let _ = dir.unlink(&temporary);
        return Err(error);
    }
    dir.sync()
}

/// Removes `name` from `dir` (a symlink or a file: never a directory, never followed) and fsyncs `dir`.
pub fn remove_link(dir: &Dir, name: &str) -> io::Result<()> {
    dir.unlink(name)?;
    dir.sync()
}

/// The prefix of every temporary file `replace_file` creates: `.gentry-tmp-<pid>-<n>`. It never
/// ends in `.conf`, so systemd-boot never takes one for an entry, and it does not contain the
/// target's name, so a 255-byte entry name still leaves room for it.
const FILE_TEMP_PREFIX: &str = ".gentry-tmp-";

/// Replaces `name` in `dir` with `bytes`: a new temporary file in `dir` (O_CREAT | O_EXCL |
/// O_NOFOLLOW, so it is never an existing file or a planted symlink), written, fsynced, renamed over
/// `name`, then the directory fsynced. `mode` is the new file's permission bits (best effort: FAT
/// ignores them). Temporary files that a killed helper left behind are removed first (see
/// `sweep_stale_temporaries`); a failure removes this run's temporary file and leaves `name` as it was.
pub fn replace_file(dir: &Dir, name: &str, bytes: &[u8], mode: u32) -> io::Result<()> {
    sweep_stale_temporaries(dir);
    let (temporary, mut file) = create_temporary(dir, mode)?;
    let written = (|| {
        file.write_all(bytes)?;
        // umask may have narrowed the mode given at open; FAT refuses chmod, which is fine.
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
        file.sync_all()?;
        drop(file);
        dir.rename(&temporary, name)
    })();
    if let Err(error) = written {
        let _ = dir.unlink(&temporary);
        return Err(error);
    }
    dir.sync()
}

/// Creates a fresh temporary file in `dir`; a name that exists (left by a killed run whose pid was
/// reused) is skipped, never opened.
fn create_temporary(dir: &Dir, mode: u32) -> io::Result<(String, File)> {
    let pid = std::process::id();
    let mut last = None;
    for _ in 0..64 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("{FILE_TEMP_PREFIX}{pid}-{n}");
        match dir.create_new(&name, mode) {
            Ok(file) => return Ok((name, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

/// Removes `.gentry-tmp-<pid>-<n>` files in `dir` whose process is gone (a helper killed between
/// creating its temporary file and renaming it). Files of live processes are left alone (another
/// helper may be about to rename its own); so is everything when /proc is not mounted. Errors are
/// ignored: a leftover is only clutter, it can never be mistaken for the real file.
pub fn sweep_stale_temporaries(dir: &Dir) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(names) = dir.names() else { return };
    for name in names {
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix(FILE_TEMP_PREFIX) else { continue };
        let Some((pid, n)) = rest.split_once('-') else { continue };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(pid) || !digits(n) || pid == std::process::id().to_string() {
            continue;
        }
        if !Path::new("/proc").join(pid).exists() && dir.kind(name).is_ok_and(|k| k == Kind::File) {
            let _ = dir.unlink(name);
        }
    }
}

/// Removes the regular file `name` from `dir` and fsyncs the directory.
pub fn remove_file(dir: &Dir, name: &str) -> io::Result<()> {
    remove_link(dir, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fsroot::Root;

    #[test]
    fn replaces_a_link_and_leaves_no_temporary_behind() {
        let dir = std::env::temp_dir().join(format!("gentry-helper-atomic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).unwrap();
        std::os::unix::fs::symlink("system-1-link", dir.join("system")).unwrap();
        let handle = Root::real().dir(&dir.to_string_lossy()).unwrap();
        replace_symlink(&handle, "system", "system-2-link").unwrap();
        assert_eq!(std::fs::read_link(dir.join("system")).unwrap().to_str(), Some("system-2-link"));
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("system")]);
        remove_link(&handle, "system").unwrap();
        assert!(std::fs::symlink_metadata(dir.join("system")).is_err());
        std::fs::remove_dir(&dir).unwrap();
    }

    #[test]
    fn replaces_a_file_and_sweeps_only_dead_temporaries() {
        let dir = std::env::temp_dir().join(format!("gentry-helper-atomic-file-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("loader.conf"), b"timeout 1\n").unwrap();
        // A leftover of a dead helper (there is never a /proc/0), one of a live process (pid 1),
        // and a file that only looks similar.
        std::fs::write(dir.join(".gentry-tmp-0-7"), b"half").unwrap();
        std::fs::write(dir.join(".gentry-tmp-1-3"), b"live").unwrap();
        std::fs::write(dir.join(".gentry-tmp-x-3"), b"not ours").unwrap();
        let handle = Root::real().dir(&dir.to_string_lossy()).unwrap();
        replace_file(&handle, "loader.conf", b"timeout 2\n", 0o644).unwrap();
        assert_eq!(std::fs::read(dir.join("loader.conf")).unwrap(), b"timeout 2\n");
        let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names, vec![".gentry-tmp-1-3", ".gentry-tmp-x-3", "loader.conf"]);
        assert_eq!(std::fs::metadata(dir.join("loader.conf")).unwrap().permissions().mode() & 0o777, 0o644);
        remove_file(&handle, "loader.conf").unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
