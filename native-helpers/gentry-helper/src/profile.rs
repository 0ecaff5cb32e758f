//! A system profile's links, read with readlinkat relative to the profile directory's handle
//! (never followed): the profile link must be a relative `NAME-N-link`, a generation link must
//! point straight at a `/nix/store` path.
#![forbid(unsafe_code)]

use crate::fsroot::{Dir, Kind, WalkError};
use crate::output::Failure;
use crate::paths::{BOOTED_SYSTEM, PROFILES_DIR, Root};
use std::fs::File;
use std::path::{Path, PathBuf};

/// The characters of a Nix store hash (nix-base32: no e, o, u, t).
const BASE32: &[u8] = b"0123456789abcdfghijklmnpqrsvwxyz";

/// True for `/nix/store/<32 nix-base32>-<name>` with nothing after the name.
pub fn is_store_path(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("/nix/store/") else { return false };
    let bytes = rest.as_bytes();
    if bytes.len() < 34 || bytes[32] != b'-' || !bytes[..32].iter().all(|b| BASE32.contains(b)) {
        return false;
    }
    let name = &bytes[33..];
    name.len() <= 211 && name[0] != b'.' && name.iter().all(|b| b.is_ascii_alphanumeric() || b"+-._?=".contains(b))
}

/// One system profile: `system` in the profiles directory, or `system-profiles/NAME`, with the
/// directory open (every link below is read and written relative to that handle).
#[derive(Debug)]
pub struct Profile {
    pub name: String,
    pub dir: Dir,
}

impl Profile {
    /// The profile called `name` (already checked by the parser) under `root`; every directory on
    /// the way must be a real directory, not a symlink.
    pub fn open(root: &Root, name: &str) -> Result<Profile, Failure> {
        let path = if name == "system" { PROFILES_DIR.to_string() } else { format!("{PROFILES_DIR}/system-profiles") };
        let dir = root
            .dir(&path)
            .map_err(|e| e.failure(|missing| Failure::failed(format!("no profile {name}: {} does not exist", missing.display()))))?;
        Ok(Profile { name: name.to_string(), dir })
    }

    /// The path of the profile link (for messages).
    pub fn link(&self) -> PathBuf {
        self.dir.shown(&self.name)
    }

    /// The file name of generation `n`'s link.
    pub fn generation_name(&self, n: u32) -> String {
        format!("{}-{n}-link", self.name)
    }

    /// The generation the profile link points at. It must be a symlink whose target is exactly
    /// `NAME-N-link` (relative, as Nix writes it) and that link must exist.
    pub fn current(&self) -> Result<u32, Failure> {
        let target = read_symlink(&self.dir, &self.name)?;
        let n = target
            .strip_prefix(&format!("{}-", self.name))
            .and_then(|rest| rest.strip_suffix("-link"))
            .and_then(crate::parse_generation)
            .ok_or_else(|| {
                Failure::refused(format!(
                    "{} points at {target:?}, not at one of its own {}-N-link generations; refusing to follow it",
                    self.link().display(),
                    self.name
                ))
            })?;
        self.generation_target(n)?;
        Ok(n)
    }

    /// The raw target of generation `n`'s link, which must be a symlink (not followed).
    pub fn generation_link_target(&self, n: u32) -> Result<String, Failure> {
        let name = self.generation_name(n);
        match self.dir.kind(&name) {
            Ok(Kind::Missing) => Err(Failure::failed(format!(
                "profile {} has no generation {n} ({} does not exist)",
                self.name,
                self.dir.shown(&name).display()
            ))),
            _ => read_symlink(&self.dir, &name),
        }
    }

    /// The store path generation `n` points at; refused unless it is a `/nix/store` path.
    pub fn generation_target(&self, n: u32) -> Result<String, Failure> {
        let target = self.generation_link_target(n)?;
        if !is_store_path(&target) {
            return Err(Failure::refused(format!(
                "generation {n} of {} points at {target:?}, outside /nix/store; refusing to follow it",
                self.name
            )));
        }
        Ok(target)
    }

    /// Takes Nix's lock on the profile (`NAME.lock`, flock, mode 0600), as nix-env does; opened
    /// relative to the profile directory, never through a symlink, and only as a regular file.
    pub fn lock(&self) -> Result<File, Failure> {
        let name = format!("{}.lock", self.name);
        let path = self.dir.shown(&name);
        let file = self.dir.open_write(&name, false, 0o600).map_err(|e| {
            if self.dir.kind(&name).is_ok_and(|k| k != Kind::File) {
                Failure::refused(format!("{} is not a regular file; refusing to open it", path.display()))
            } else {
                Failure::failed(format!("cannot open the profile lock {}: {e}", path.display()))
            }
        })?;
        file.lock().map_err(|e| Failure::failed(format!("cannot lock {}: {e}", path.display())))?;
        Ok(file)
    }
}

/// The symlink `name` in `dir`'s target as text; anything that is not a symlink with a UTF-8 target is refused.
fn read_symlink(dir: &Dir, name: &str) -> Result<String, Failure> {
    let shown = dir.shown(name);
    match dir.kind(name) {
        Ok(Kind::Symlink) => {}
        Ok(Kind::Missing) => return Err(Failure::failed(format!("cannot read {}: it does not exist", shown.display()))),
        Ok(_) => return Err(Failure::refused(format!("{} is not a symlink; refusing to touch it", shown.display()))),
        Err(error) => return Err(Failure::failed(format!("cannot read {}: {error}", shown.display()))),
    }
    let target = dir.read_link(name).map_err(|e| Failure::failed(format!("cannot read {}: {e}", shown.display())))?;
    target.into_string().map_err(|_| Failure::refused(format!("{} has a target that is not UTF-8", shown.display())))
}

/// The store path `/run/booted-system` points at: None when the link does not exist (a container);
/// refused when it exists but is not a symlink into the store.
pub fn booted_system(root: &Root) -> Result<Option<String>, Failure> {
    let (dir_path, name) = BOOTED_SYSTEM.rsplit_once('/').unwrap_or(("/", BOOTED_SYSTEM));
    let dir = match root.dir(dir_path) {
        Ok(dir) => dir,
        Err(WalkError::Missing(_)) => return Ok(None),
        Err(error) => return Err(error.failure(|path| Failure::failed(format!("{} does not exist", path.display())))),
    };
    if dir.kind(name).is_ok_and(|k| k == Kind::Missing) {
        return Ok(None);
    }
    let target = read_symlink(&dir, name)?;
    if is_store_path(&target) {
        Ok(Some(target))
    } else {
        Err(Failure::refused(format!(
            "{} points at {target:?}, not a store path; cannot tell which generation is booted",
            root.path(BOOTED_SYSTEM).display()
        )))
    }
}

/// A toplevel's `bin/switch-to-configuration`, which must exist as a file in the store path.
pub fn switch_script(toplevel: &str) -> Result<PathBuf, Failure> {
    let script = Path::new(toplevel).join("bin/switch-to-configuration");
    match std::fs::metadata(&script) {
        Ok(meta) if meta.is_file() => Ok(script),
        _ => Err(Failure::failed(format!("{} has no bin/switch-to-configuration; it cannot be activated", toplevel))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_paths_are_checked_by_shape() {
        assert!(is_store_path("/nix/store/0123456789abcdfghijklmnpqrsvwxyz-nixos-system-atlas-25.05"));
        for bad in [
            "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-a/bin",
            "/nix/store/0123456789abcdfghijklmnpqrsvwxye-nixos",
            "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-",
            "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-.hidden",
            "/nix/store/../etc",
            "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-a b",
            "/etc/passwd",
            "nix/store/0123456789abcdfghijklmnpqrsvwxyz-x",
            "",
        ] {
            assert!(!is_store_path(bad), "{bad}");
        }
    }
}
