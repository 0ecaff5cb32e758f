//! The few system calls the standard library lacks, and the only module allowed `unsafe`: the file
//! flags ioctl (`chattr -i`, which efivarfs needs before a variable can be rewritten or removed),
//! and, for `rebuild`, a signal handler and `kill` so that a stop request reaches nixos-rebuild and
//! everything it started, and ends in a report, not an orphan. Each is declared from the C library std already links; nothing else here is unsafe.
#![allow(unsafe_code)]

use std::ffi::{c_int, c_long, c_ulong};
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicI32, Ordering};

// SAFETY (declarations): these are the C library's own prototypes (glibc: `int ioctl(int, unsigned
// long, ...)`, `sighandler_t signal(int, sighandler_t)`, `int kill(pid_t, int)`). `sighandler_t` is
// a pointer to `void (*)(int)`, passed as the `extern "C" fn` it is and returned as a pointer-sized
// integer (SIG_ERR is -1); pid_t is a C int on Linux.
unsafe extern "C" {
    fn ioctl(fd: c_int, request: c_ulong, ...) -> c_int;
    fn signal(signum: c_int, handler: extern "C" fn(c_int)) -> usize;
    fn kill(pid: c_int, sig: c_int) -> c_int;
}

/// `O_NOFOLLOW` for `OpenOptionsExt::custom_flags` (std has no constant; its value differs by architecture).
#[cfg(any(target_arch = "arm", target_arch = "aarch64", target_arch = "powerpc", target_arch = "powerpc64", target_arch = "m68k"))]
pub const O_NOFOLLOW: i32 = 0o100000;
/// `O_NOFOLLOW` for `OpenOptionsExt::custom_flags` (std has no constant; its value differs by architecture).
#[cfg(not(any(target_arch = "arm", target_arch = "aarch64", target_arch = "powerpc", target_arch = "powerpc64", target_arch = "m68k")))]
pub const O_NOFOLLOW: i32 = 0o400000;

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
