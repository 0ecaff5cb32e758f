//! ESP discovery: the first of /boot, /efi and /boot/efi (under the root) that holds `loader/`
//! (systemd-boot) or `grub/` (GRUB), reached by the root walk. A candidate whose path has a
//! symlink in it is skipped (it is not the machine's ESP); a `loader` or `grub` that is a symlink
//! is refused.
#![forbid(unsafe_code)]

use crate::fsroot::{Dir, Kind, WalkError};
use crate::output::Failure;
use crate::paths::Root;

/// The ESP candidates, in order.
pub const ESP_CANDIDATES: [&str; 3] = ["/boot", "/efi", "/boot/efi"];

/// The boot loader found on the ESP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loader {
    SystemdBoot,
    Grub,
}

impl Loader {
    /// The name in results.
    pub fn name(self) -> &'static str {
        match self {
            Loader::SystemdBoot => "systemd-boot",
            Loader::Grub => "grub",
        }
    }
}

/// The ESP the helper edits: its name on the machine (`/boot`), the open directory of its boot
/// loader (`loader/` or `grub/`), and which loader that is.
pub struct Esp {
    pub name: &'static str,
    pub loader_dir: Dir,
    pub loader: Loader,
}

impl Esp {
    /// The machine's name for a path under the ESP (`/boot/loader/loader.conf`).
    pub fn shown(&self, rel: &str) -> String {
        format!("{}/{rel}", self.name)
    }
}

/// Finds the ESP (see the module comment).
pub fn find(root: &Root) -> Result<Esp, Failure> {
    for name in ESP_CANDIDATES {
        let dir = match root.dir(name) {
            Ok(dir) => dir,
            Err(WalkError::Io(path, error)) => return Err(Failure::failed(format!("cannot open {}: {error}", path.display()))),
            Err(_) => continue,
        };
        for (sub, loader) in [("loader", Loader::SystemdBoot), ("grub", Loader::Grub)] {
            match dir.kind(sub).map_err(|e| Failure::failed(format!("cannot read {}: {e}", dir.shown(sub).display())))? {
                Kind::Missing => continue,
                Kind::Dir => {
                    let loader_dir = dir.open_dir(sub).map_err(|e| e.failure(missing))?;
                    return Ok(Esp { name, loader_dir, loader });
                }
                Kind::Symlink => {
                    return Err(Failure::refused(format!("{} is a symlink; refusing to follow it out of the ESP", dir.shown(sub).display())));
                }
                _ => return Err(Failure::refused(format!("{} is not a directory; refusing to touch it", dir.shown(sub).display()))),
            }
        }
    }
    Err(Failure::failed(format!(
        "no ESP found: none of {} holds loader/ (systemd-boot) or grub/ (GRUB); is the ESP mounted?",
        ESP_CANDIDATES.join(", ")
    )))
}

fn missing(path: &std::path::Path) -> Failure {
    Failure::failed(format!("{} disappeared while the helper was reading it; try again", path.display()))
}
