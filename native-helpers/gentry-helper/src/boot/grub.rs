//! GRUB's edits: the default and one-shot entry as `saved_entry` and `next_entry` in
//! `grub/grubenv` (exactly 1024 bytes, see grubenv.rs). The timeout and the entries live in
//! grub.cfg, which NixOS regenerates, so those are refused with the NixOS option to use instead.
#![forbid(unsafe_code)]

use super::esp::Esp;
use super::{BootAction, Done, VERB, mode_of, optional_file, read, write_failure};
use crate::atomic::replace_file;
use crate::grubenv::{self, Block};
use crate::output::{Failure, progress};

/// Why GRUB gets no entry files.
pub const NO_ENTRY_FILES: &str = "GRUB's menu entries live in grub.cfg, which NixOS regenerates on every rebuild; use boot.loader.grub.extraEntries in the configuration instead";

/// One `boot` action on GRUB's environment block.
pub fn edit(esp: &Esp, action: &BootAction) -> Result<Done, Failure> {
    let dir = &esp.loader_dir;
    let (name, value) = match action {
        BootAction::SetDefault(id) => ("saved_entry", Some(id)),
        BootAction::SetOneshot(id) => ("next_entry", Some(id)),
        BootAction::ClearDefault => ("saved_entry", None),
        BootAction::ClearOneshot => ("next_entry", None),
        BootAction::SetTimeout(_) => {
            return Err(Failure::refused(
                "GRUB's timeout lives in grub.cfg, which NixOS regenerates on every rebuild; set boot.loader.timeout in the configuration instead",
            ));
        }
    };
    let exists = optional_file(dir, "grubenv")?;
    let old = if exists { Some(read(dir, "grubenv")?) } else { None };
    let mut block = match &old {
        Some(bytes) => Block::parse(bytes).map_err(|why| {
            Failure::refused(format!(
                "{} is not a GRUB environment block ({why}); refusing to touch it (grub-editenv {} create makes a fresh one)",
                esp.shown("grub/grubenv"),
                esp.shown("grub/grubenv")
            ))
        })?,
        None => Block::fresh(),
    };
    let previous = block.get(name).map(|v| String::from_utf8_lossy(&v).into_owned());
    let done = |changed: bool| Done {
        target: format!("grubenv:{name}"),
        path: esp.shown("grub/grubenv"),
        previous: previous.clone(),
        value: value.cloned(),
        changed,
    };
    match value {
        Some(id) => block.set(name, id.as_bytes()),
        None => {
            if !block.remove(name) {
                return Ok(done(false));
            }
        }
    }
    let bytes = block.encode().map_err(|needed| {
        Failure::refused(format!(
            "the new {} would need {needed} bytes, more than GRUB's {} (its other variables take the room); nothing was changed",
            esp.shown("grub/grubenv"),
            grubenv::SIZE
        ))
    })?;
    progress(
        VERB,
        "write",
        &match value {
            Some(id) => format!("setting {name}={id} in {}", esp.shown("grub/grubenv")),
            None => format!("removing {name} from {}", esp.shown("grub/grubenv")),
        },
    );
    let mode = mode_of(dir, "grubenv").unwrap_or(0o644);
    replace_file(dir, "grubenv", &bytes, mode).map_err(|e| write_failure(&dir.shown("grubenv"), e))?;
    Ok(done(old.as_deref() != Some(bytes.as_slice())))
}
