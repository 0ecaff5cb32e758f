//! Atomic symlink replacement: write a temporary link beside the target, rename it over the
//! target, then fsync the directory so the rename survives a crash.
#![forbid(unsafe_code)]

use std::fs::File;
use std::io;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Makes `dir/name` a symlink to `target` in one rename: readers see the old link or the new one,
/// never neither. A symlink's content lives in its inode, so there is no file data to fsync; the
/// directory is fsynced after the rename. The temporary link is removed if the rename fails.
pub fn replace_symlink(dir: &Path, name: &str, target: &str) -> io::Result<()> {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temporary = dir.join(format!(".{name}.gentry-tmp-{}-{n}", std::process::id()));
    symlink(target, &temporary)?;
    if let Err(error) = std::fs::rename(&temporary, dir.join(name)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(error);
    }
    sync_dir(dir)
}

/// Removes `dir/name` (a symlink: never a directory) and fsyncs the directory.
pub fn remove_link(dir: &Path, name: &str) -> io::Result<()> {
    std::fs::remove_file(dir.join(name))?;
    sync_dir(dir)
}

/// Flushes a directory's entries to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_link_and_leaves_no_temporary_behind() {
        let dir = std::env::temp_dir().join(format!("gentry-helper-atomic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).unwrap();
        symlink("system-1-link", dir.join("system")).unwrap();
        replace_symlink(&dir, "system", "system-2-link").unwrap();
        assert_eq!(std::fs::read_link(dir.join("system")).unwrap().to_str(), Some("system-2-link"));
        let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("system")]);
        remove_link(&dir, "system").unwrap();
        assert!(std::fs::symlink_metadata(dir.join("system")).is_err());
        std::fs::remove_dir(&dir).unwrap();
    }
}
