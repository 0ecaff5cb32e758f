//! Every path the helper touches is fixed here. `--root DIR` moves them all under DIR, except
//! `/nix/store` and the Nix binaries, which are never taken from the caller. They are reached
//! through `fsroot`'s walk, never by following a symlink.
#![forbid(unsafe_code)]

use crate::fsroot::{Kind, WalkError};
use crate::output::{Failure, note};
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

/// Where the system profiles live.
pub const PROFILES_DIR: &str = "/nix/var/nix/profiles";
/// The link to the system the machine booted.
pub const BOOTED_SYSTEM: &str = "/run/booted-system";
/// The root-owned config file that may name the Nix binaries.
pub const CONFIG_FILE: &str = "/etc/gentry/helper.conf";
/// Where `nix-store` is looked for when the config file does not name it, in order.
pub const NIX_STORE_DEFAULTS: [&str; 3] =
    ["/run/current-system/sw/bin/nix-store", "/nix/var/nix/profiles/default/bin/nix-store", "/usr/bin/nix-store"];
/// Where `nixos-rebuild` is looked for (under the root) when the config file does not name it.
pub const NIXOS_REBUILD_DEFAULT: &str = "/run/current-system/sw/bin/nixos-rebuild";
/// The keys the config file may hold.
const CONFIG_KEYS: [&str; 2] = ["nix-store", "nixos-rebuild"];
/// The only PATH a child process sees.
pub const CHILD_PATH: &str = "/run/wrappers/bin:/run/current-system/sw/bin:/nix/var/nix/profiles/default/bin:/usr/sbin:/usr/bin:/sbin:/bin";

pub use crate::fsroot::Root;

/// `nix-store`: from the config file when it is trustworthy and names one, else the first default
/// that exists.
pub fn nix_store(root: &Root) -> Result<PathBuf, Failure> {
    if let Some(configured) = configured_binary(root, "nix-store") {
        return if configured.is_file() {
            Ok(configured)
        } else {
            Err(Failure::failed(format!("{CONFIG_FILE} names nix-store {}, which does not exist; fix the file", configured.display())))
        };
    }
    NIX_STORE_DEFAULTS.iter().map(PathBuf::from).find(|p| p.is_file()).ok_or_else(|| {
        Failure::failed(format!(
            "nix-store not found at {}; name it in {CONFIG_FILE} (nix-store = /abs/path)",
            NIX_STORE_DEFAULTS.join(", ")
        ))
    })
}

/// `nixos-rebuild`: from the config file when it is trustworthy and names one, else
/// `/run/current-system/sw/bin/nixos-rebuild` under the root (the running system's own).
pub fn nixos_rebuild(root: &Root) -> Result<PathBuf, Failure> {
    if let Some(configured) = configured_binary(root, "nixos-rebuild") {
        return if configured.is_file() {
            Ok(configured)
        } else {
            Err(Failure::failed(format!("{CONFIG_FILE} names nixos-rebuild {}, which does not exist; fix the file", configured.display())))
        };
    }
    let default = root.path(NIXOS_REBUILD_DEFAULT);
    if default.is_file() {
        Ok(default)
    } else {
        Err(Failure::failed(format!(
            "nixos-rebuild not found at {}; name it in {CONFIG_FILE} (nixos-rebuild = /abs/path); nothing was run",
            default.display()
        )))
    }
}

/// The value of `key = /abs/path` in the config file, if the file is a regular file owned by root
/// and not writable by group or others, reached without following a symlink (otherwise it is
/// ignored, with a warning). The checks are made on the open file, not on its name.
fn configured_binary(root: &Root, key: &str) -> Option<PathBuf> {
    let (dir_path, name) = CONFIG_FILE.rsplit_once('/')?;
    let shown = root.path(CONFIG_FILE);
    let ignore = || note(&format!("ignoring {} (not a root-owned regular file writable only by root)", shown.display()));
    let dir = match root.dir(dir_path) {
        Ok(dir) => dir,
        Err(WalkError::Missing(_)) => return None,
        Err(_) => {
            ignore();
            return None;
        }
    };
    if dir.kind(name).ok()? == Kind::Missing {
        return None;
    }
    let Ok(mut file) = dir.open_read(name) else {
        ignore();
        return None;
    };
    let meta = file.metadata().ok()?;
    if meta.uid() != 0 || meta.mode() & 0o022 != 0 {
        ignore();
        return None;
    }
    let mut text = String::new();
    file.by_ref().take(64 * 1024).read_to_string(&mut text).ok()?;
    parse_config(&text, key)
}

/// Finds `key = /abs/path` in config text (the last one wins); blank lines, `#` comments and the
/// other known keys are skipped; unknown lines and relative paths are ignored with a warning.
pub fn parse_config(text: &str, key: &str) -> Option<PathBuf> {
    let mut found = None;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        match line.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
            Some((k, v)) if k == key && v.starts_with('/') => found = Some(PathBuf::from(v)),
            Some((k, _)) if k == key => note(&format!("ignoring config line {line:?} (the path must be absolute)")),
            Some((k, _)) if CONFIG_KEYS.contains(&k) => {}
            _ => note(&format!("ignoring config line {line:?}")),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_moves_absolute_paths_under_dir() {
        assert_eq!(Root::real().path(PROFILES_DIR), PathBuf::from("/nix/var/nix/profiles"));
        assert_eq!(Root::under("/tmp/w".into()).path(BOOTED_SYSTEM), PathBuf::from("/tmp/w/run/booted-system"));
    }

    #[test]
    fn config_takes_the_last_absolute_nix_store_line() {
        let text = "# comment\n\nnix-store = relative/bin\nnix-store = /opt/nix/bin/nix-store\nother = /x\n";
        assert_eq!(parse_config(text, "nix-store"), Some(PathBuf::from("/opt/nix/bin/nix-store")));
        assert_eq!(parse_config("nix-store = bin/nix-store\n", "nix-store"), None);
        let both = "nix-store = /a/nix-store\nnixos-rebuild = /b/nixos-rebuild\n";
        assert_eq!(parse_config(both, "nixos-rebuild"), Some(PathBuf::from("/b/nixos-rebuild")));
        assert_eq!(parse_config(both, "nix-store"), Some(PathBuf::from("/a/nix-store")));
    }
}
