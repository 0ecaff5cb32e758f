//! systemd-boot's edits: the default and one-shot entry as EFI variables (efivarfs, reached by the
//! root walk), the menu timeout in `loader/loader.conf`, and the entry files in `loader/entries/`
//! (for the `boot-entry` verb). Entries NixOS manages (`nixos-*`) are never written or removed.
#![forbid(unsafe_code)]

use super::esp::Esp;
use super::{BootAction, Done, VERB, optional_file, read, write_failure};
use crate::atomic::{remove_file, replace_file};
use crate::efivar::{EFIVARS_DIR, Variable};
use crate::fsroot::Dir;
use crate::loader_conf;
use crate::output::{Failure, progress};
use crate::paths::Root;

/// The `loader/entries` directory, which must be a real directory.
pub fn entries_dir(esp: &Esp) -> Result<Dir, Failure> {
    esp.loader_dir.open_dir("entries").map_err(|e| {
        e.failure(|path| Failure::refused(format!("{} does not exist; there are no entries", path.display())))
    })
}

/// Refuses IDs that are not entry file names.
fn conf_id(id: &str) -> Result<(), Failure> {
    if id.ends_with(".conf") {
        Ok(())
    } else {
        Err(Failure::refused(format!("systemd-boot entry IDs are entry file names ending in .conf, not {id:?}")))
    }
}

/// True for entry names NixOS's installer writes and prunes: `nixos-…`, in any case.
pub fn managed_by_nixos(id: &str) -> bool {
    id.as_bytes().get(..6).is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"nixos-"))
}

/// Refuses entries NixOS manages.
pub fn unmanaged(id: &str) -> Result<(), Failure> {
    conf_id(id)?;
    if managed_by_nixos(id) {
        return Err(Failure::refused(format!(
            "{id} is managed by NixOS (its boot loader installer rewrites and prunes nixos-* entries); \
             use boot.loader.systemd-boot.extraEntries in the configuration, or pick a name not starting with nixos-"
        )));
    }
    Ok(())
}

fn variable_name(action: &BootAction) -> &'static str {
    match action {
        BootAction::SetDefault(_) | BootAction::ClearDefault => "LoaderEntryDefault",
        _ => "LoaderEntryOneShot",
    }
}

/// The efivarfs directory, which must be reached through real directories only.
fn efivars(root: &Root) -> Result<Dir, Failure> {
    root.dir(EFIVARS_DIR).map_err(|e| {
        e.failure(|path| {
            Failure::failed(format!(
                "{} does not exist: the system was not booted through UEFI, or efivarfs is not mounted",
                path.display()
            ))
        })
    })
}

/// One `boot` action on systemd-boot.
pub fn edit(root: &Root, esp: &Esp, action: &BootAction) -> Result<Done, Failure> {
    match action {
        BootAction::SetDefault(id) | BootAction::SetOneshot(id) => {
            conf_id(id)?;
            let entries = entries_dir(esp)?;
            if !optional_file(&entries, id)? {
                return Err(Failure::refused(format!("there is no entry {id} in {}", esp.shown("loader/entries"))));
            }
            let name = variable_name(action);
            let dir = efivars(root)?;
            let var = Variable::new(&dir, name);
            let previous = var.read()?;
            progress(VERB, "write", &format!("setting the EFI variable {name} to {id} (in {})", dir.path().display()));
            var.write(id)?;
            Ok(Done {
                target: format!("efi:{name}"),
                path: format!("{EFIVARS_DIR}/{}", crate::efivar::file_name(name)),
                changed: previous.as_deref() != Some(id.as_str()),
                previous,
                value: Some(id.clone()),
            })
        }
        BootAction::ClearDefault | BootAction::ClearOneshot => {
            let name = variable_name(action);
            let dir = efivars(root)?;
            let var = Variable::new(&dir, name);
            let previous = var.read()?;
            if previous.is_some() {
                progress(VERB, "write", &format!("deleting the EFI variable {name}"));
            }
            let changed = var.remove()?;
            Ok(Done {
                target: format!("efi:{name}"),
                path: format!("{EFIVARS_DIR}/{}", crate::efivar::file_name(name)),
                previous,
                value: None,
                changed,
            })
        }
        BootAction::SetTimeout(timeout) => {
            let dir = &esp.loader_dir;
            let old = if optional_file(dir, "loader.conf")? { Some(read(dir, "loader.conf")?) } else { None };
            let previous = old.as_deref().and_then(loader_conf::timeout);
            let value = timeout.text();
            let new = loader_conf::set_timeout(old.as_deref().unwrap_or_default(), &value);
            progress(VERB, "write", &format!("setting timeout {value} in {}", esp.shown("loader/loader.conf")));
            let mode = super::mode_of(dir, "loader.conf").unwrap_or(0o644);
            replace_file(dir, "loader.conf", &new, mode).map_err(|e| write_failure(&dir.shown("loader.conf"), e))?;
            Ok(Done {
                target: "loader.conf:timeout".into(),
                path: esp.shown("loader/loader.conf"),
                changed: old.as_deref() != Some(new.as_slice()),
                previous,
                value: Some(value),
            })
        }
    }
}

/// Creates or replaces the entry `id` with `text` (already checked by loader_conf::check_entry).
pub fn write_entry(esp: &Esp, id: &str, text: &str) -> Result<Done, Failure> {
    unmanaged(id)?;
    let entries = entries_dir(esp)?;
    let previous = if optional_file(&entries, id)? { Some(String::from_utf8_lossy(&read(&entries, id)?).into_owned()) } else { None };
    let shown = esp.shown(&format!("loader/entries/{id}"));
    progress(VERB, "write", &format!("writing {shown}"));
    replace_file(&entries, id, text.as_bytes(), 0o644).map_err(|e| write_failure(&entries.shown(id), e))?;
    Ok(Done { target: format!("entry:{id}"), path: shown, changed: previous.as_deref() != Some(text), previous, value: Some(text.to_string()) })
}

/// Removes the entry `id`, which must exist as a regular file.
pub fn remove_entry(esp: &Esp, id: &str) -> Result<Done, Failure> {
    unmanaged(id)?;
    let entries = entries_dir(esp)?;
    if !optional_file(&entries, id)? {
        return Err(Failure::refused(format!("there is no entry {id} in {}", esp.shown("loader/entries"))));
    }
    let previous = String::from_utf8_lossy(&read(&entries, id)?).into_owned();
    let shown = esp.shown(&format!("loader/entries/{id}"));
    progress(VERB, "write", &format!("removing {shown}"));
    remove_file(&entries, id).map_err(|e| {
        Failure::failed(format!("could not remove {}: {e}; check whether it is still there", entries.shown(id).display()))
    })?;
    Ok(Done { target: format!("entry:{id}"), path: shown, previous: Some(previous), value: None, changed: true })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nixos_entries_are_recognised_by_prefix_in_any_case() {
        for id in ["nixos-generation-1.conf", "NixOS-work-generation-7.conf", "NIXOS-x.conf", "nixos-"] {
            assert!(managed_by_nixos(id), "{id}");
        }
        // "abcdeé" has a char boundary inside its first six bytes: no panic, just false.
        for id in ["nixos.conf", "memtest86.conf", "abcdeé.conf", "é", "nixo", "xnixos-a.conf"] {
            assert!(!managed_by_nixos(id), "{id}");
        }
    }
}
