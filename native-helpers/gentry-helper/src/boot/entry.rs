//! `boot-entry`: writes and removes systemd-boot entry files (`loader/entries/ID`). Its own verb,
//! so its own first argument and its own polkit action, `org.gentry.helper.boot-entry`, with
//! `auth_admin`: an entry's `options init=…` or `efi …` line chooses what runs as PID 1 or as the
//! boot loader's payload at the next boot, so an authorisation kept from a small boot-menu edit
//! (`boot`, `auth_admin_keep`) must never be enough for it. IDs are ASCII entry file names
//! (`check_entry_file_id`); the text comes on standard input.
#![forbid(unsafe_code)]

use super::esp::Loader;
use super::{check_entry_file_id, grub, on_esp, systemd_boot};
use crate::loader_conf;
use crate::output::{Failure, Fields};
use crate::paths::Root;
use std::io::Read;

/// One entry-file edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryAction {
    /// Creates or replaces the entry with the text on standard input.
    Write(String),
    /// Removes the entry.
    Remove(String),
}

impl EntryAction {
    /// The sub-verb on the command line and in results.
    pub fn name(&self) -> &'static str {
        match self {
            EntryAction::Write(_) => "write",
            EntryAction::Remove(_) => "remove",
        }
    }

    fn id(&self) -> &str {
        match self {
            EntryAction::Write(id) | EntryAction::Remove(id) => id,
        }
    }
}

/// Parses the arguments after `boot-entry`: `write ID` or `remove ID`.
pub fn parse(args: &[String]) -> Result<EntryAction, String> {
    let (sub, rest) = args.split_first().ok_or("boot-entry needs an action: write ID or remove ID")?;
    let id = match rest {
        [id] => id.clone(),
        [] => return Err(format!("boot-entry {sub} needs an entry file name (NAME.conf)")),
        _ => return Err(format!("boot-entry {sub} takes only an entry file name, got {} arguments", rest.len())),
    };
    let action = match sub.as_str() {
        "write" => EntryAction::Write(id),
        "remove" => EntryAction::Remove(id),
        other => return Err(format!("unknown boot-entry action {other:?} (write or remove)")),
    };
    check_entry_file_id(action.id())?;
    Ok(action)
}

/// The entry text on stdin: at most 64 KiB, checked by loader_conf::check_entry. A bad text is
/// refused (exit 3), not a usage error: it comes from the person's editor, so it is theirs to fix,
/// not a bug in the caller.
fn read_entry_text() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(loader_conf::MAX_ENTRY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::failed(format!("cannot read the entry text from standard input: {e}")))?;
    loader_conf::check_entry(&bytes).map(str::to_string).map_err(|message| Failure::refused(format!("{message}; nothing was written")))
}

/// Runs one entry edit; the result fields (action, loader, esp, id, target, path, previous, value,
/// changed), as `boot` reports them.
pub fn run(root: &Root, action: &EntryAction) -> Fields {
    on_esp(root, action.name(), Some(action.id()), |esp| {
        if esp.loader == Loader::Grub {
            return Err(Failure::refused(grub::NO_ENTRY_FILES));
        }
        match action {
            EntryAction::Write(id) => {
                systemd_boot::unmanaged(id)?;
                let text = read_entry_text()?;
                systemd_boot::write_entry(esp, id, &text)
            }
            EntryAction::Remove(id) => systemd_boot::remove_entry(esp, id),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Vec<String> {
        line.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_write_and_remove() {
        assert_eq!(parse(&args(&["write", "memtest86.conf"])), Ok(EntryAction::Write("memtest86.conf".into())));
        assert_eq!(parse(&args(&["remove", "-x.conf"])), Ok(EntryAction::Remove("-x.conf".into())));
        let bad: Vec<Vec<&str>> = vec![
            vec![],
            vec!["write"],
            vec!["write", "a.conf", "b.conf"],
            vec!["remove", "a.conf", "--root"],
            vec!["write-entry", "a.conf"],
            vec!["Write", "a.conf"],
            vec!["write", "nixos\u{2010}generation-31.conf"],
            vec!["write", "a\tb.conf"],
            vec!["write", "x\u{202e}fnoc.conf"],
            vec!["write", "../loader.conf"],
            vec!["remove", "memtest86"],
            vec!["remove", ".conf"],
        ];
        for line in &bad {
            assert!(parse(&args(line)).is_err(), "accepted {line:?}");
        }
    }
}
