//! The root walk: every path the helper reads or writes is reached from a directory handle, one
//! component at a time, never following a symlink (openat with O_NOFOLLOW | O_DIRECTORY), or in one
//! openat2 call with RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH where the kernel has it. Once a
//! directory is open, everything in it is named relative to that handle (openat, readlinkat,
//! renameat, unlinkat, symlinkat), so swapping a directory on the path for a symlink while the
//! helper runs cannot send a write anywhere else. The same walk runs on the real root (`/`) and
//! under `--root DIR`.
#![forbid(unsafe_code)]

use crate::output::Failure;
use crate::sys;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, ErrorKind, Read};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

const ELOOP: i32 = 40;

/// What is at a name in a directory, seen without following it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Missing,
    Dir,
    File,
    Symlink,
    Other,
}

/// Why a directory could not be reached: the path (as on this root) where the walk stopped.
#[derive(Debug)]
pub enum WalkError {
    Missing(PathBuf),
    Symlink(PathBuf),
    NotDir(PathBuf),
    Io(PathBuf, io::Error),
}

impl WalkError {
    /// The failure to report: refused (exit 3) for a symlink or a non-directory on the path,
    /// `missing(path)` when a component does not exist, failed (exit 4) for other errors.
    pub fn failure(self, missing: impl FnOnce(&Path) -> Failure) -> Failure {
        match self {
            WalkError::Missing(path) => missing(&path),
            WalkError::Symlink(path) => Failure::refused(format!("{} is a symlink; refusing to follow it", path.display())),
            WalkError::NotDir(path) => Failure::refused(format!("{} is not a directory; refusing to touch it", path.display())),
            WalkError::Io(path, error) => Failure::failed(format!("cannot open {}: {error}", path.display())),
        }
    }
}

/// An open directory and its path on this root (for messages only: nothing is opened by it).
#[derive(Debug)]
pub struct Dir {
    file: File,
    path: PathBuf,
}

impl Dir {
    /// The filesystem root `/`.
    pub fn slash() -> io::Result<Dir> {
        let fd = sys::openat(None, OsStr::new("/"), sys::O_RDONLY | sys::O_DIRECTORY, 0)?;
        Ok(Dir { file: File::from(fd), path: PathBuf::from("/") })
    }

    /// Where this directory is (as it was reached; for messages).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `name` in this directory, for messages.
    pub fn shown(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// What `name` is, without following it.
    pub fn kind(&self, name: &str) -> io::Result<Kind> {
        let fd = match sys::openat(Some(self.file.as_fd()), OsStr::new(name), sys::O_PATH | sys::O_NOFOLLOW, 0) {
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(Kind::Missing),
            other => other?,
        };
        let meta = File::from(fd).metadata()?;
        let kind = meta.file_type();
        Ok(if kind.is_symlink() {
            Kind::Symlink
        } else if kind.is_dir() {
            Kind::Dir
        } else if kind.is_file() {
            Kind::File
        } else {
            Kind::Other
        })
    }

    /// The subdirectory `name` (one component), never through a symlink.
    pub fn open_dir(&self, name: &str) -> Result<Dir, WalkError> {
        let path = self.shown(name);
        match sys::openat(Some(self.file.as_fd()), OsStr::new(name), sys::O_RDONLY | sys::O_DIRECTORY | sys::O_NOFOLLOW, 0) {
            Ok(fd) => Ok(Dir { file: File::from(fd), path }),
            Err(error) if error.kind() == ErrorKind::NotFound => Err(WalkError::Missing(path)),
            Err(error) => Err(match self.kind(name) {
                Ok(Kind::Symlink) => WalkError::Symlink(path),
                Ok(Kind::Missing) => WalkError::Missing(path),
                Ok(Kind::File | Kind::Other) => WalkError::NotDir(path),
                _ if error.raw_os_error() == Some(ELOOP) => WalkError::Symlink(path),
                _ => WalkError::Io(path, error),
            }),
        }
    }

    /// The directory `relative` (components separated by `/`, none empty, `.` or `..`) below this
    /// one: one openat2 call that refuses any symlink and any escape, or, without openat2, one
    /// O_NOFOLLOW step per component. A refusal by openat2 is walked again step by step, so the
    /// error names the component that is a symlink or missing.
    pub fn open_beneath(&self, relative: &str) -> Result<Dir, WalkError> {
        let parts: Vec<&str> = relative.split('/').filter(|p| !p.is_empty()).collect();
        if parts.iter().any(|p| *p == "." || *p == "..") {
            return Err(WalkError::Io(self.shown(relative), io::Error::new(ErrorKind::InvalidInput, "a path with . or ..")));
        }
        if parts.is_empty() {
            let fd = self.file.try_clone().map_err(|e| WalkError::Io(self.path.clone(), e))?;
            return Ok(Dir { file: fd, path: self.path.clone() });
        }
        let joined = parts.join("/");
        if let Ok(Some(fd)) = sys::openat2_beneath(self.file.as_fd(), OsStr::new(&joined), sys::O_RDONLY | sys::O_DIRECTORY) {
            return Ok(Dir { file: File::from(fd), path: self.shown(&joined) });
        }
        let mut dir = self.open_dir(parts[0])?;
        for part in &parts[1..] {
            dir = dir.open_dir(part)?;
        }
        Ok(dir)
    }

    /// Opens the regular file `name` for reading: never through a symlink, never blocking on a
    /// FIFO, and refused (InvalidData) unless it is a regular file.
    pub fn open_read(&self, name: &str) -> io::Result<File> {
        let fd = sys::openat(Some(self.file.as_fd()), OsStr::new(name), sys::O_RDONLY | sys::O_NOFOLLOW | sys::O_NONBLOCK, 0)?;
        regular(fd)
    }

    /// The whole regular file `name`, at most `max` bytes (more is an error).
    pub fn read(&self, name: &str, max: u64) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.open_read(name)?.take(max + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > max {
            return Err(io::Error::new(ErrorKind::InvalidData, format!("{} is larger than {max} bytes", self.shown(name).display())));
        }
        Ok(bytes)
    }

    /// Creates the new file `name` (O_EXCL: never an existing file or a planted symlink), for writing.
    pub fn create_new(&self, name: &str, mode: u32) -> io::Result<File> {
        let flags = sys::O_WRONLY | sys::O_CREAT | sys::O_EXCL | sys::O_NOFOLLOW;
        sys::openat(Some(self.file.as_fd()), OsStr::new(name), flags, mode).map(File::from)
    }

    /// Opens `name` for writing (created with `mode` when missing, truncated when `truncate`),
    /// never through a symlink; refused unless it is a regular file.
    pub fn open_write(&self, name: &str, truncate: bool, mode: u32) -> io::Result<File> {
        let flags = sys::O_RDWR | sys::O_CREAT | sys::O_NOFOLLOW | sys::O_NONBLOCK | if truncate { sys::O_TRUNC } else { 0 };
        regular(sys::openat(Some(self.file.as_fd()), OsStr::new(name), flags, mode)?)
    }

    /// The target of the symlink `name` (not followed).
    pub fn read_link(&self, name: &str) -> io::Result<OsString> {
        sys::readlinkat(self.file.as_fd(), OsStr::new(name))
    }

    /// Creates the symlink `name` pointing at `target`.
    pub fn symlink(&self, target: &str, name: &str) -> io::Result<()> {
        sys::symlinkat(OsStr::new(target), self.file.as_fd(), OsStr::new(name))
    }

    /// Renames `from` over `to`, both in this directory.
    pub fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        sys::renameat(self.file.as_fd(), OsStr::new(from), OsStr::new(to))
    }

    /// Removes the non-directory `name` (a symlink itself, never what it points at).
    pub fn unlink(&self, name: &str) -> io::Result<()> {
        sys::unlinkat(self.file.as_fd(), OsStr::new(name))
    }

    /// Flushes this directory's entries to disk.
    pub fn sync(&self) -> io::Result<()> {
        self.file.sync_all()
    }

    /// The names in this directory (read through the handle, via /proc/self/fd; Err without /proc).
    pub fn names(&self) -> io::Result<Vec<OsString>> {
        let entries = std::fs::read_dir(format!("/proc/self/fd/{}", self.file.as_raw_fd()))?;
        Ok(entries.flatten().map(|e| e.file_name()).collect())
    }
}

/// The descriptor as a File when it is a regular file; InvalidData otherwise (a FIFO, a device, a directory).
fn regular(fd: OwnedFd) -> io::Result<File> {
    let file = File::from(fd);
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(io::Error::new(ErrorKind::InvalidData, "not a regular file"))
    }
}

/// The machine's root, or the `--root DIR` a test gave.
#[derive(Debug, Clone)]
pub struct Root(Option<PathBuf>);

impl Root {
    /// The real machine.
    pub fn real() -> Root {
        Root(None)
    }

    /// A world under `dir` (absolute, checked by the parser).
    pub fn under(dir: PathBuf) -> Root {
        Root(Some(dir))
    }

    /// Where the absolute path `path` lives for this root (for messages, and for the programs the
    /// helper runs: the kernel resolves those at exec).
    pub fn path(&self, path: &str) -> PathBuf {
        match &self.0 {
            None => PathBuf::from(path),
            Some(dir) => dir.join(path.trim_start_matches('/')),
        }
    }

    /// The root directory itself: `/`, or DIR reached from `/` without following a symlink.
    pub fn top(&self) -> Result<Dir, WalkError> {
        let slash = Dir::slash().map_err(|e| WalkError::Io(PathBuf::from("/"), e))?;
        match &self.0 {
            None => Ok(slash),
            Some(dir) => slash.open_beneath(&dir.to_string_lossy()),
        }
    }

    /// The directory at the absolute path `path` on this root, reached without following a symlink.
    pub fn dir(&self, path: &str) -> Result<Dir, WalkError> {
        let top = self.top()?;
        let mut dir = top.open_beneath(path.trim_start_matches('/'))?;
        dir.path = self.path(path);
        Ok(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn scratch(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("gentry-helper-fsroot-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn walks_real_directories_and_names_the_symlinked_component() {
        check_walk("walk");
    }

    /// The same walk without openat2 (kernels before 5.6, seccomp filters): one O_NOFOLLOW step per
    /// component. Other tests in this process may then take that path too, which they also pass.
    #[test]
    fn walks_the_same_without_openat2() {
        sys::forget_openat2();
        check_walk("walk-no-openat2");
    }

    fn check_walk(tag: &str) {
        let base = scratch(tag);
        let root = base.join("root");
        let outside = base.join("outside");
        std::fs::create_dir_all(root.join("nix/var/nix/profiles")).unwrap();
        std::fs::create_dir_all(outside.join("firmware/efi/efivars")).unwrap();
        symlink(&outside, root.join("sys")).unwrap();
        let world = Root::under(root.clone());
        let profiles = world.dir("/nix/var/nix/profiles").unwrap();
        assert_eq!(profiles.path(), root.join("nix/var/nix/profiles"));
        assert_eq!(profiles.kind("system").unwrap(), Kind::Missing);
        match world.dir("/sys/firmware/efi/efivars") {
            Err(WalkError::Symlink(path)) => assert_eq!(path, root.join("sys")),
            other => panic!("a symlinked /sys was walked: {other:?}"),
        }
        match world.dir("/boot/loader") {
            Err(WalkError::Missing(path)) => assert_eq!(path, root.join("boot")),
            other => panic!("{other:?}"),
        }
        std::fs::write(root.join("file"), b"x").unwrap();
        assert!(matches!(world.dir("/file/x"), Err(WalkError::NotDir(_))));
        // A root that is itself reached through a symlink is refused too.
        symlink(&root, base.join("alias")).unwrap();
        assert!(matches!(Root::under(base.join("alias")).dir("/nix"), Err(WalkError::Symlink(_))));
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn handles_keep_pointing_at_the_directory_they_opened() {
        let base = scratch("handle");
        let root = base.join("root");
        std::fs::create_dir_all(root.join("boot/loader")).unwrap();
        std::fs::create_dir_all(base.join("outside")).unwrap();
        let loader = Root::under(root.clone()).dir("/boot/loader").unwrap();
        // Swap the directory for a symlink out of the root after it was opened.
        std::fs::rename(root.join("boot/loader"), root.join("boot/loader.moved")).unwrap();
        symlink(base.join("outside"), root.join("boot/loader")).unwrap();
        let mut file = loader.create_new("loader.conf", 0o644).unwrap();
        std::io::Write::write_all(&mut file, b"timeout 1\n").unwrap();
        assert!(root.join("boot/loader.moved/loader.conf").is_file());
        assert_eq!(std::fs::read_dir(base.join("outside")).unwrap().count(), 0, "nothing written through the symlink");
        assert_eq!(loader.names().unwrap(), vec![OsString::from("loader.conf")]);
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn files_are_never_opened_through_a_symlink_or_as_a_fifo() {
        let base = scratch("files");
        std::fs::write(base.join("real"), b"ok").unwrap();
        symlink(base.join("real"), base.join("link")).unwrap();
        let dir = Root::real().dir(&base.to_string_lossy()).unwrap();
        assert_eq!(dir.read("real", 10).unwrap(), b"ok");
        assert!(dir.read("real", 1).is_err(), "over the size cap");
        assert_eq!(dir.kind("link").unwrap(), Kind::Symlink);
        assert_eq!(dir.open_read("link").unwrap_err().raw_os_error(), Some(ELOOP));
        assert!(dir.open_write("link", true, 0o644).is_err());
        assert!(dir.create_new("link", 0o644).is_err());
        assert_eq!(std::fs::read(base.join("real")).unwrap(), b"ok", "the link's target is untouched");
        assert_eq!(dir.read_link("link").unwrap(), base.join("real").into_os_string());
        let status = std::process::Command::new("mkfifo").arg(base.join("fifo")).status();
        if status.is_ok_and(|s| s.success()) {
            assert_eq!(dir.open_read("fifo").unwrap_err().kind(), ErrorKind::InvalidData, "a FIFO is refused without blocking");
        }
        std::fs::remove_dir_all(&base).unwrap();
    }
}
