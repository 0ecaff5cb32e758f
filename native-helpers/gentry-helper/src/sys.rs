//! The few system calls the standard library lacks, and the only module allowed `unsafe`: the file
//! flags ioctl (`chattr -i`, which efivarfs needs before a variable can be rewritten or removed),
//! and, for `rebuild`, a signal handler and `kill` so that a stop request reaches nixos-rebuild and
//! everything it started, and ends in a report, not an orphan; and the *at calls (openat, openat2,
//! readlinkat, symlinkat, renameat, unlinkat) that let `fsroot` resolve every path from a directory
//! handle without following symlinks. Each is declared from the C library std already links;
//! nothing else here is unsafe.
#![allow(unsafe_code)]

use std::ffi::{CString, OsStr, OsString, c_char, c_int, c_long, c_uint, c_ulong};
use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

// SAFETY (declarations): these are the C library's own prototypes (glibc: `int ioctl(int, unsigned
// long, ...)`, `sighandler_t signal(int, sighandler_t)`, `int kill(pid_t, int)`, `int openat(int,
// const char *, int, ...)`, `long syscall(long, ...)`, `ssize_t readlinkat(int, const char *, char *,
// size_t)`, `int symlinkat(const char *, int, const char *)`, `int renameat(int, const char *, int,
// const char *)`, `int unlinkat(int, const char *, int)`). `sighandler_t` is
// a pointer to `void (*)(int)`, passed as the `extern "C" fn` it is and returned as a pointer-sized
// integer (SIG_ERR is -1); pid_t is a C int on Linux.
unsafe extern "C" {
    fn ioctl(fd: c_int, request: c_ulong, ...) -> c_int;
    fn signal(signum: c_int, handler: extern "C" fn(c_int)) -> usize;
    fn kill(pid: c_int, sig: c_int) -> c_int;
    #[link_name = "openat"]
    fn c_openat(dirfd: c_int, path: *const c_char, flags: c_int, ...) -> c_int;
    fn syscall(number: c_long, ...) -> c_long;
    #[link_name = "readlinkat"]
    fn c_readlinkat(dirfd: c_int, path: *const c_char, buf: *mut c_char, size: usize) -> isize;
    #[link_name = "symlinkat"]
    fn c_symlinkat(target: *const c_char, dirfd: c_int, path: *const c_char) -> c_int;
    #[link_name = "renameat"]
    fn c_renameat(olddirfd: c_int, old: *const c_char, newdirfd: c_int, new: *const c_char) -> c_int;
    #[link_name = "unlinkat"]
    fn c_unlinkat(dirfd: c_int, path: *const c_char, flags: c_int) -> c_int;
}

/// The "current directory" dirfd of the *at calls.
const AT_FDCWD: c_int = -100;

/// `O_NOFOLLOW` (std has no constant; its value differs by architecture).
#[cfg(any(target_arch = "arm", target_arch = "aarch64", target_arch = "powerpc", target_arch = "powerpc64", target_arch = "m68k"))]
pub const O_NOFOLLOW: c_int = 0o100000;
/// `O_NOFOLLOW` (std has no constant; its value differs by architecture).
#[cfg(not(any(target_arch = "arm", target_arch = "aarch64", target_arch = "powerpc", target_arch = "powerpc64", target_arch = "m68k")))]
pub const O_NOFOLLOW: c_int = 0o400000;
/// `O_DIRECTORY`, which differs by architecture like `O_NOFOLLOW`.
#[cfg(any(target_arch = "arm", target_arch = "aarch64", target_arch = "powerpc", target_arch = "powerpc64", target_arch = "m68k"))]
pub const O_DIRECTORY: c_int = 0o40000;
/// `O_DIRECTORY`, which differs by architecture like `O_NOFOLLOW`.
#[cfg(not(any(target_arch = "arm", target_arch = "aarch64", target_arch = "powerpc", target_arch = "powerpc64", target_arch = "m68k")))]
pub const O_DIRECTORY: c_int = 0o200000;
// The other open flags have the generic values on every architecture this helper is built for;
// the few that differ elsewhere (alpha, hppa, mips, sparc; the first two are not Rust targets) are refused at compile time.
#[cfg(any(target_arch = "mips", target_arch = "mips64", target_arch = "sparc", target_arch = "sparc64"))]
compile_error!("gentry-helper's open flags (sys.rs) are not defined for this architecture");
pub const O_RDONLY: c_int = 0;
pub const O_WRONLY: c_int = 0o1;
pub const O_RDWR: c_int = 0o2;
pub const O_CREAT: c_int = 0o100;
pub const O_EXCL: c_int = 0o200;
pub const O_TRUNC: c_int = 0o1000;
pub const O_NONBLOCK: c_int = 0o4000;
pub const O_CLOEXEC: c_int = 0o2000000;
pub const O_PATH: c_int = 0o10000000;
/// `openat2`'s resolve flags: no symlink anywhere in the path, and nothing outside the start directory.
const RESOLVE_NO_SYMLINKS: u64 = 0x04;
const RESOLVE_BENEATH: u64 = 0x08;
/// `openat2`'s number: the same on every architecture (new system calls share one table), alpha aside.
const SYS_OPENAT2: c_long = 437;
const ENOSYS: i32 = 38;
const EPERM: i32 = 1;
const E2BIG: i32 = 7;

/// `struct open_how` of openat2(2).
#[repr(C)]
struct OpenHow {
    flags: u64,
    mode: u64,
    resolve: u64,
}

/// Set once openat2 turned out to be missing (kernel before 5.6) or filtered (a seccomp profile).
static NO_OPENAT2: AtomicBool = AtomicBool::new(false);

fn c_name(name: &OsStr) -> io::Result<CString> {
    CString::new(name.as_bytes()).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a path holds a NUL byte"))
}

fn fd_result(fd: c_int) -> io::Result<OwnedFd> {
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the kernel just returned this descriptor to us, open, and nobody else owns it.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// openat(2) relative to `dir` (None: the current directory, for absolute paths), always with
/// O_CLOEXEC. `mode` matters only with O_CREAT.
pub fn openat(dir: Option<BorrowedFd<'_>>, path: &OsStr, flags: c_int, mode: u32) -> io::Result<OwnedFd> {
    let path = c_name(path)?;
    let dirfd = dir.map_or(AT_FDCWD, |d| d.as_raw_fd());
    // SAFETY: `path` is a NUL-terminated string alive for the call; the mode is passed as the
    // unsigned int the variadic C prototype reads with O_CREAT.
    fd_result(unsafe { c_openat(dirfd, path.as_ptr(), flags | O_CLOEXEC, mode as c_uint) })
}

/// openat2(2) with RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH: `path` (relative, several components)
/// opened under `dir` without following any symlink and without leaving `dir`. Ok(None) when the
/// kernel lacks openat2 or a filter forbids it: the caller then walks one component at a time.
pub fn openat2_beneath(dir: BorrowedFd<'_>, path: &OsStr, flags: c_int) -> io::Result<Option<OwnedFd>> {
    if NO_OPENAT2.load(Ordering::Relaxed) {
        return Ok(None);
    }
    let path = c_name(path)?;
    let how = OpenHow { flags: (flags | O_CLOEXEC) as u64, mode: 0, resolve: RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH };
    // SAFETY: openat2 reads `how` (a live, correctly laid out open_how whose size we pass) and the
    // NUL-terminated `path`; it returns a new descriptor or -1.
    let fd = unsafe { syscall(SYS_OPENAT2, dir.as_raw_fd() as c_long, path.as_ptr(), &how as *const OpenHow, std::mem::size_of::<OpenHow>()) };
    match fd_result(fd as c_int) {
        Ok(fd) => Ok(Some(fd)),
        Err(error) if matches!(error.raw_os_error(), Some(ENOSYS | EPERM | E2BIG)) => {
            NO_OPENAT2.store(true, Ordering::Relaxed);
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

/// Makes every later walk take the one-component-at-a-time path, as on a kernel without openat2
/// (tests of that path only).
#[cfg(test)]
pub fn forget_openat2() {
    NO_OPENAT2.store(true, Ordering::Relaxed);
}

fn zero_result(result: c_int) -> io::Result<()> {
    if result == -1 { Err(io::Error::last_os_error()) } else { Ok(()) }
}

/// readlinkat(2): the target of the symlink `name` in `dir`.
pub fn readlinkat(dir: BorrowedFd<'_>, name: &OsStr) -> io::Result<OsString> {
    let name = c_name(name)?;
    let mut buffer = vec![0u8; 4096];
    // SAFETY: the buffer is live and writable for its whole length, which is what we pass.
    let n = unsafe { c_readlinkat(dir.as_raw_fd(), name.as_ptr(), buffer.as_mut_ptr().cast(), buffer.len()) };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    let n = n as usize;
    if n >= buffer.len() {
        return Err(io::Error::other("a symlink target of 4096 bytes or more"));
    }
    buffer.truncate(n);
    Ok(OsString::from_vec(buffer))
}

/// symlinkat(2): creates the symlink `name` in `dir` pointing at `target`.
pub fn symlinkat(target: &OsStr, dir: BorrowedFd<'_>, name: &OsStr) -> io::Result<()> {
    let (target, name) = (c_name(target)?, c_name(name)?);
    // SAFETY: both strings are NUL-terminated and alive for the call.
    zero_result(unsafe { c_symlinkat(target.as_ptr(), dir.as_raw_fd(), name.as_ptr()) })
}

/// renameat(2) of `from` to `to`, both in `dir`.
pub fn renameat(dir: BorrowedFd<'_>, from: &OsStr, to: &OsStr) -> io::Result<()> {
    let (from, to) = (c_name(from)?, c_name(to)?);
    // SAFETY: both strings are NUL-terminated and alive for the call.
    zero_result(unsafe { c_renameat(dir.as_raw_fd(), from.as_ptr(), dir.as_raw_fd(), to.as_ptr()) })
}

/// unlinkat(2) of the non-directory `name` in `dir` (a symlink itself is removed, never followed).
pub fn unlinkat(dir: BorrowedFd<'_>, name: &OsStr) -> io::Result<()> {
    let name = c_name(name)?;
    // SAFETY: the string is NUL-terminated and alive for the call.
    zero_result(unsafe { c_unlinkat(dir.as_raw_fd(), name.as_ptr(), 0) })
}

/// The immutable attribute (`chattr +i`) in FS_IOC_GETFLAGS/SETFLAGS.
const FS_IMMUTABLE_FL: c_int = 0x10;
/// `_IOR('f', 1, long)` and `_IOW('f', 2, long)`: the kernel reads and writes an int through the
/// pointer, but the request number encodes sizeof(long), and the direction bits' layout differs on
/// powerpc, mips and sparc.
const LONG: c_ulong = std::mem::size_of::<c_long>() as c_ulong;
#[cfg(any(
    target_arch = "powerpc",
    target_arch = "powerpc64",
    target_arch = "mips",
    target_arch = "mips64",
    target_arch = "sparc",
    target_arch = "sparc64"
))]
const fn ioc(read: bool, nr: c_ulong) -> c_ulong {
    let dir: c_ulong = if read { 2 } else { 4 };
    (dir << 29) | (LONG << 16) | ((b'f' as c_ulong) << 8) | nr
}
#[cfg(not(any(
    target_arch = "powerpc",
    target_arch = "powerpc64",
    target_arch = "mips",
    target_arch = "mips64",
    target_arch = "sparc",
    target_arch = "sparc64"
)))]
const fn ioc(read: bool, nr: c_ulong) -> c_ulong {
    let dir: c_ulong = if read { 2 } else { 1 };
    (dir << 30) | (LONG << 16) | ((b'f' as c_ulong) << 8) | nr
}
const FS_IOC_GETFLAGS: c_ulong = ioc(true, 1);
const FS_IOC_SETFLAGS: c_ulong = ioc(false, 2);

/// True for the errors of a filesystem without the flags ioctl (tmpfs on old kernels, some overlays).
fn unsupported(error: &io::Error) -> bool {
    const EINVAL: i32 = 22;
    const ENOTTY: i32 = 25;
    error.kind() == io::ErrorKind::Unsupported || matches!(error.raw_os_error(), Some(EINVAL | ENOTTY))
}

fn get_flags(file: &File) -> io::Result<c_int> {
    let mut flags: c_int = 0;
    // SAFETY: the fd is open for the whole call (borrowed from `file`), and FS_IOC_GETFLAGS writes
    // one int through the pointer, which points at a live, writable c_int.
    if unsafe { ioctl(file.as_raw_fd(), FS_IOC_GETFLAGS, &mut flags as *mut c_int) } == -1 {
        return Err(io::Error::last_os_error());
    }
    Ok(flags)
}

fn set_flags(file: &File, flags: c_int) -> io::Result<()> {
    // SAFETY: as in get_flags; FS_IOC_SETFLAGS reads one int through the pointer.
    if unsafe { ioctl(file.as_raw_fd(), FS_IOC_SETFLAGS, &flags as *const c_int) } == -1 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Clears the immutable attribute of `file` (as `chattr -i`). Ok(true) when it was set and is now
/// cleared; Ok(false) when it was not set or the filesystem has no flags ioctl.
pub fn clear_immutable(file: &File) -> io::Result<bool> {
    let flags = match get_flags(file) {
        Ok(flags) => flags,
        Err(error) if unsupported(&error) => return Ok(false),
        Err(error) => return Err(error),
    };
    if flags & FS_IMMUTABLE_FL == 0 {
        return Ok(false);
    }
    set_flags(file, flags & !FS_IMMUTABLE_FL)?;
    Ok(true)
}

/// Sets the immutable attribute again (as `chattr +i`), after clear_immutable said it was set.
pub fn set_immutable(file: &File) -> io::Result<()> {
    let flags = get_flags(file)?;
    set_flags(file, flags | FS_IMMUTABLE_FL)
}

/// Signal numbers (the same on every Linux architecture).
pub const SIGHUP: c_int = 1;
pub const SIGINT: c_int = 2;
pub const SIGTERM: c_int = 15;

/// The first stop signal the helper received (0: none).
static RECEIVED: AtomicI32 = AtomicI32::new(0);
/// The process group to pass stop signals on to (the child's own; 0: none).
static CHILD_GROUP: AtomicI32 = AtomicI32::new(0);

/// The handler: only atomics and kill(), both async-signal-safe. The signal goes to the child's
/// whole process group, so grandchildren (nix, switch-to-configuration) get it too.
extern "C" fn on_stop_signal(sig: c_int) {
    let _ = RECEIVED.compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst);
    let group = CHILD_GROUP.load(Ordering::SeqCst);
    if group > 0 {
        // SAFETY: kill has no memory effects; a negative pid names the process group `group`.
        unsafe { kill(-group, sig) };
    }
}

/// From now on SIGINT, SIGTERM and SIGHUP are recorded and passed on instead of ending the helper
/// (a handler, not SIG_IGN, so a child gets the default disposition back at exec).
pub fn catch_stop_signals() -> io::Result<()> {
    for sig in [SIGHUP, SIGINT, SIGTERM] {
        // SAFETY: on_stop_signal is an extern "C" fn(c_int) that only touches atomics and calls kill.
        if unsafe { signal(sig, on_stop_signal) } == usize::MAX {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// The stop signal received so far, if any.
pub fn received_signal() -> Option<c_int> {
    Some(RECEIVED.load(Ordering::SeqCst)).filter(|&sig| sig != 0)
}

/// Starts passing stop signals on to the process group `group` (a child started with
/// `process_group(0)`, whose group id is its pid); one that came before this call is passed on now.
pub fn watch_child_group(group: u32) {
    let group = c_int::try_from(group).unwrap_or(0);
    CHILD_GROUP.store(group, Ordering::SeqCst);
    let sig = RECEIVED.load(Ordering::SeqCst);
    if sig != 0 && group > 0 {
        // SAFETY: as in on_stop_signal.
        unsafe { kill(-group, sig) };
    }
}

/// Stops passing signals on (called once the child has been reaped).
pub fn forget_child_group() {
    CHILD_GROUP.store(0, Ordering::SeqCst);
}

/// A signal's name for messages ("SIGINT"), or "signal N" for the less common ones.
pub fn signal_name(sig: c_int) -> String {
    match sig {
        1 => "SIGHUP".into(),
        2 => "SIGINT".into(),
        3 => "SIGQUIT".into(),
        6 => "SIGABRT".into(),
        9 => "SIGKILL".into(),
        11 => "SIGSEGV".into(),
        13 => "SIGPIPE".into(),
        15 => "SIGTERM".into(),
        n => format!("signal {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_arch = "x86_64")]
    fn ioctl_numbers_match_the_kernel_headers() {
        assert_eq!(FS_IOC_GETFLAGS, 0x8008_6601);
        assert_eq!(FS_IOC_SETFLAGS, 0x4008_6602);
    }

    #[test]
    fn immutable_flag_round_trip_or_unsupported() {
        let dir = std::env::temp_dir().join(format!("gentry-helper-sys-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).unwrap();
        let path = dir.join("f");
        std::fs::write(&path, b"x").unwrap();
        let file = File::open(&path).unwrap();
        assert!(!clear_immutable(&file).unwrap(), "a fresh file is not immutable");
        // Setting the flag needs CAP_LINUX_IMMUTABLE and a filesystem that has it.
        if set_immutable(&file).is_ok() {
            assert!(std::fs::remove_file(&path).is_err(), "an immutable file cannot be removed");
            assert!(clear_immutable(&file).unwrap());
            assert!(!clear_immutable(&file).unwrap());
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
