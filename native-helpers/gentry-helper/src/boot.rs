//! `boot`: boot-menu edits on the ESP. systemd-boot: the default and one-shot entry as EFI
//! variables, the menu timeout in loader/loader.conf, and entry files NixOS does not manage. GRUB:
//! the default and one-shot entry in grub/grubenv. Every check is made before anything is written;
//! files are replaced atomically (atomic::replace_file) and nothing follows a symlink out of the ESP.
#![forbid(unsafe_code)]

use crate::atomic::{remove_file, replace_file};
use crate::efivar::{EFIVARS_DIR, Variable};
use crate::grubenv::{self, Block};
use crate::json::Json;
use crate::loader_conf;
use crate::output::{Failure, progress};
use crate::paths::Root;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

const VERB: &str = "boot";
/// The ESP candidates, in order.
const ESP_CANDIDATES: [&str; 3] = ["/boot", "/efi", "/boot/efi"];
/// The most bytes an entry ID may have.
pub const MAX_ID_BYTES: usize = 255;

/// A menu timeout: seconds, or `menu-force` (always show the menu).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timeout {
    Seconds(u16),
    MenuForce,
}

impl Timeout {
    /// The value as loader.conf and the command line write it.
    pub fn text(self) -> String {
        match self {
            Timeout::Seconds(n) => n.to_string(),
            Timeout::MenuForce => "menu-force".into(),
        }
    }
}

/// One boot-menu edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BootAction {
    SetDefault(String),
    SetOneshot(String),
    ClearDefault,
    ClearOneshot,
    SetTimeout(Timeout),
    WriteEntry(String),
    RemoveEntry(String),
}

impl BootAction {
    /// The sub-verb on the command line and in results.
    pub fn name(&self) -> &'static str {
        match self {
            BootAction::SetDefault(_) => "set-default",
            BootAction::SetOneshot(_) => "set-oneshot",
            BootAction::ClearDefault => "clear-default",
            BootAction::ClearOneshot => "clear-oneshot",
            BootAction::SetTimeout(_) => "set-timeout",
            BootAction::WriteEntry(_) => "write-entry",
            BootAction::RemoveEntry(_) => "remove-entry",
        }
    }

    fn id(&self) -> Option<&str> {
        match self {
            BootAction::SetDefault(id) | BootAction::SetOneshot(id) | BootAction::WriteEntry(id) | BootAction::RemoveEntry(id) => Some(id),
            _ => None,
        }
    }
}

/// An entry ID: 1 to 255 bytes, never starting with `.`, without `/`, newline, CR or NUL (it is
/// already UTF-8: main refuses other arguments). The error says what is wrong.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("an entry ID cannot be empty".into());
    }
    if id.len() > MAX_ID_BYTES {
        return Err(format!("an entry ID is at most {MAX_ID_BYTES} bytes, this one has {}", id.len()));
    }
    if id.starts_with('.') {
        return Err(format!("an entry ID never starts with \".\": {id:?}"));
    }
    if let Some(c) = id.chars().find(|c| matches!(c, '/' | '\n' | '\r' | '\0')) {
        return Err(format!("an entry ID never contains {c:?}: {id:?}"));
    }
    Ok(())
}

/// A timeout: `menu-force`, or seconds 0-65535 as ASCII digits without leading zeros.
pub fn parse_timeout(text: &str) -> Option<Timeout> {
    if text == "menu-force" {
        return Some(Timeout::MenuForce);
    }
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 5 || (bytes[0] == b'0' && bytes.len() > 1) || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    text.parse::<u16>().ok().map(Timeout::Seconds)
}

/// Parses the arguments after `boot`.
pub fn parse_action(args: &[String]) -> Result<BootAction, String> {
    let (sub, rest) = args
        .split_first()
        .ok_or("boot needs an action: set-default, set-oneshot, clear-default, clear-oneshot, set-timeout, write-entry or remove-entry")?;
    let one = |what: &str| -> Result<String, String> {
        match rest {
            [value] => Ok(value.clone()),
            [] => Err(format!("boot {sub} needs {what}")),
            _ => Err(format!("boot {sub} takes only {what}, got {} arguments", rest.len())),
        }
    };
    let id = || -> Result<String, String> {
        let id = one("an entry ID")?;
        check_id(&id)?;
        Ok(id)
    };
    let none = || if rest.is_empty() { Ok(()) } else { Err(format!("boot {sub} takes no arguments, got {:?}", rest[0])) };
    Ok(match sub.as_str() {
        "set-default" => BootAction::SetDefault(id()?),
        "set-oneshot" => BootAction::SetOneshot(id()?),
        "write-entry" => BootAction::WriteEntry(id()?),
        "remove-entry" => BootAction::RemoveEntry(id()?),
        "clear-default" => none().map(|()| BootAction::ClearDefault)?,
        "clear-oneshot" => none().map(|()| BootAction::ClearOneshot)?,
        "set-timeout" => {
            let value = one("SECONDS or menu-force")?;
            BootAction::SetTimeout(
                parse_timeout(&value)
                    .ok_or_else(|| format!("bad timeout {value:?} (0-65535 seconds without leading zeros, or menu-force)"))?,
            )
        }
        other => return Err(format!("unknown boot action {other:?}")),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loader {
    SystemdBoot,
    Grub,
}

impl Loader {
    fn name(self) -> &'static str {
        match self {
            Loader::SystemdBoot => "systemd-boot",
            Loader::Grub => "grub",
        }
    }
}

/// The ESP the helper edits: its name on the machine (`/boot`), its path under the root, and the
/// boot loader found there.
struct Esp {
    name: &'static str,
    dir: PathBuf,
    loader: Loader,
}

/// What is at a path, seen with lstat (never followed).
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Missing,
    Dir,
    File,
    Symlink,
    Other,
}

fn kind(path: &Path) -> Result<Kind, Failure> {
    match std::fs::symlink_metadata(path) {
        Err(error) if error.kind() == ErrorKind::NotFound => Ok(Kind::Missing),
        Err(error) => Err(Failure::failed(format!("cannot read {}: {error}", path.display()))),
        Ok(meta) if meta.file_type().is_symlink() => Ok(Kind::Symlink),
        Ok(meta) if meta.is_dir() => Ok(Kind::Dir),
        Ok(meta) if meta.is_file() => Ok(Kind::File),
        Ok(_) => Ok(Kind::Other),
    }
}

/// Refuses anything but a real directory at `path` (missing is `missing`'s failure).
fn require_dir(path: &Path, missing: impl FnOnce() -> Failure) -> Result<(), Failure> {
    match kind(path)? {
        Kind::Dir => Ok(()),
        Kind::Missing => Err(missing()),
        Kind::Symlink => Err(Failure::refused(format!("{} is a symlink; refusing to follow it out of the ESP", path.display()))),
        _ => Err(Failure::refused(format!("{} is not a directory; refusing to touch it", path.display()))),
    }
}

/// Whether a file that may be missing is a regular file: Ok(false) when missing, refused when it
/// is a symlink or anything else.
fn optional_file(path: &Path) -> Result<bool, Failure> {
    match kind(path)? {
        Kind::Missing => Ok(false),
        Kind::File => Ok(true),
        Kind::Symlink => Err(Failure::refused(format!("{} is a symlink; refusing to follow it out of the ESP", path.display()))),
        _ => Err(Failure::refused(format!("{} is not a regular file; refusing to touch it", path.display()))),
    }
}

/// The first of /boot, /efi and /boot/efi that holds `loader/` (systemd-boot) or `grub/` (GRUB).
/// A candidate that is (or lies under) a symlink is skipped; a `loader` or `grub` that is a
/// symlink is refused.
fn find_esp(root: &Root) -> Result<Esp, Failure> {
    'candidates: for name in ESP_CANDIDATES {
        // Every component below the root must be a real directory.
        let mut partial = String::new();
        for part in name.split('/').skip(1) {
            partial.push('/');
            partial.push_str(part);
            if kind(&root.path(&partial))? != Kind::Dir {
                continue 'candidates;
            }
        }
        let dir = root.path(name);
        for (sub, loader) in [("loader", Loader::SystemdBoot), ("grub", Loader::Grub)] {
            let path = dir.join(sub);
            match kind(&path)? {
                Kind::Missing => continue,
                Kind::Dir => return Ok(Esp { name, dir, loader }),
                Kind::Symlink => {
                    return Err(Failure::refused(format!("{} is a symlink; refusing to follow it out of the ESP", path.display())));
                }
                _ => return Err(Failure::refused(format!("{} is not a directory; refusing to touch it", path.display()))),
            }
        }
    }
    Err(Failure::failed(format!(
        "no ESP found: none of {} holds loader/ (systemd-boot) or grub/ (GRUB); is the ESP mounted?",
        ESP_CANDIDATES.join(", ")
    )))
}

/// What a successful edit reports besides action, loader, esp and id.
struct Done {
    target: String,
    path: String,
    previous: Option<String>,
    value: Option<String>,
    changed: bool,
}

/// Runs one boot action; the result fields. Failures carry action, loader and esp too.
pub fn boot(root: &Root, action: &BootAction) -> Result<Vec<(String, Json)>, Failure> {
    let id = action.id().map_or(Json::Null, Json::str);
    let mut fields = vec![("action".to_string(), Json::str(action.name()))];
    let esp = match find_esp(root) {
        Ok(esp) => esp,
        Err(failure) => {
            fields.extend([("loader".to_string(), Json::Null), ("esp".to_string(), Json::Null), ("id".to_string(), id)]);
            return Err(with_fields(failure, fields));
        }
    };
    fields.extend([("loader".to_string(), Json::str(esp.loader.name())), ("esp".to_string(), Json::str(esp.name)), ("id".to_string(), id)]);
    let outcome = match esp.loader {
        Loader::SystemdBoot => systemd_boot(root, &esp, action),
        Loader::Grub => grub(&esp, action),
    };
    match outcome {
        Ok(done) => {
            fields.extend([
                ("target".to_string(), Json::str(done.target)),
                ("path".to_string(), Json::str(done.path)),
                ("previous".to_string(), done.previous.map_or(Json::Null, Json::Str)),
                ("value".to_string(), done.value.map_or(Json::Null, Json::Str)),
                ("changed".to_string(), Json::Bool(done.changed)),
            ]);
            Ok(fields)
        }
        Err(failure) => Err(with_fields(failure, fields)),
    }
}

/// Puts the action's fields before the failure's own.
fn with_fields(mut failure: Failure, mut fields: Vec<(String, Json)>) -> Failure {
    fields.append(&mut failure.fields);
    failure.fields = fields;
    failure
}

/// The machine's name for a path under the ESP (`/boot/loader/loader.conf`).
fn shown(esp: &Esp, rel: &str) -> String {
    format!("{}/{rel}", esp.name)
}

fn systemd_boot(root: &Root, esp: &Esp, action: &BootAction) -> Result<Done, Failure> {
    let loader_dir = esp.dir.join("loader");
    let entries_dir = loader_dir.join("entries");
    let entries_kind = kind(&entries_dir)?;
    if entries_kind == Kind::Symlink {
        return Err(Failure::refused(format!("{} is a symlink; refusing to follow it out of the ESP", entries_dir.display())));
    }
    if entries_kind != Kind::Missing && entries_kind != Kind::Dir {
        return Err(Failure::refused(format!("{} is not a directory; refusing to touch it", entries_dir.display())));
    }
    let conf_id = |id: &str| -> Result<(), Failure> {
        if id.ends_with(".conf") {
            Ok(())
        } else {
            Err(Failure::refused(format!("systemd-boot entry IDs are entry file names ending in .conf, not {id:?}")))
        }
    };
    let unmanaged = |id: &str| -> Result<(), Failure> {
        conf_id(id)?;
        if managed_by_nixos(id) {
            return Err(Failure::refused(format!(
                "{id} is managed by NixOS (its boot loader installer rewrites and prunes nixos-* entries); \
                 use boot.loader.systemd-boot.extraEntries in the configuration, or pick a name not starting with nixos-"
            )));
        }
        Ok(())
    };
    let missing_entries = || Failure::refused(format!("{} does not exist; there are no entries", entries_dir.display()));

    match action {
        BootAction::SetDefault(id) | BootAction::SetOneshot(id) => {
            conf_id(id)?;
            require_dir(&entries_dir, missing_entries)?;
            let entry = entries_dir.join(id);
            if !optional_file(&entry)? {
                return Err(Failure::refused(format!("there is no entry {id} in {}", shown(esp, "loader/entries"))));
            }
            let name = variable_name(action);
            let (var, efivars_dir) = variable(root, name)?;
            let previous = var.read()?;
            progress(VERB, "write", &format!("setting the EFI variable {name} to {id} (in {})", efivars_dir.display()));
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
            let (var, _) = variable(root, name)?;
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
            let conf = loader_dir.join("loader.conf");
            let old = if optional_file(&conf)? { Some(read(&conf)?) } else { None };
            let previous = old.as_deref().and_then(loader_conf::timeout);
            let value = timeout.text();
            let new = loader_conf::set_timeout(old.as_deref().unwrap_or_default(), &value);
            progress(VERB, "write", &format!("setting timeout {value} in {}", shown(esp, "loader/loader.conf")));
            let mode = mode_of(&conf).unwrap_or(0o644);
            replace_file(&loader_dir, "loader.conf", &new, mode).map_err(|e| write_failure(&conf, e))?;
            Ok(Done {
                target: "loader.conf:timeout".into(),
                path: shown(esp, "loader/loader.conf"),
                changed: old.as_deref() != Some(new.as_slice()),
                previous,
                value: Some(value),
            })
        }
        BootAction::WriteEntry(id) => {
            unmanaged(id)?;
            require_dir(&entries_dir, missing_entries)?;
            let entry = entries_dir.join(id);
            let previous = if optional_file(&entry)? { Some(String::from_utf8_lossy(&read(&entry)?).into_owned()) } else { None };
            let text = read_entry_text()?;
            progress(VERB, "write", &format!("writing {}", shown(esp, &format!("loader/entries/{id}"))));
            replace_file(&entries_dir, id, text.as_bytes(), 0o644).map_err(|e| write_failure(&entry, e))?;
            Ok(Done {
                target: format!("entry:{id}"),
                path: shown(esp, &format!("loader/entries/{id}")),
                changed: previous.as_deref() != Some(text.as_str()),
                previous,
                value: Some(text),
            })
        }
        BootAction::RemoveEntry(id) => {
            unmanaged(id)?;
            require_dir(&entries_dir, missing_entries)?;
            let entry = entries_dir.join(id);
            if !optional_file(&entry)? {
                return Err(Failure::refused(format!("there is no entry {id} in {}", shown(esp, "loader/entries"))));
            }
            let previous = String::from_utf8_lossy(&read(&entry)?).into_owned();
            progress(VERB, "write", &format!("removing {}", shown(esp, &format!("loader/entries/{id}"))));
            remove_file(&entries_dir, id)
                .map_err(|e| Failure::failed(format!("could not remove {}: {e}; check whether it is still there", entry.display())))?;
            Ok(Done {
                target: format!("entry:{id}"),
                path: shown(esp, &format!("loader/entries/{id}")),
                previous: Some(previous),
                value: None,
                changed: true,
            })
        }
    }
}

/// True for entry names NixOS's installer writes and prunes: `nixos-…`, in any case.
fn managed_by_nixos(id: &str) -> bool {
    id.as_bytes().get(..6).is_some_and(|prefix| prefix.eq_ignore_ascii_case(b"nixos-"))
}

fn variable_name(action: &BootAction) -> &'static str {
    match action {
        BootAction::SetDefault(_) | BootAction::ClearDefault => "LoaderEntryDefault",
        _ => "LoaderEntryOneShot",
    }
}

/// The variable `name` in efivarfs, which must be a real directory.
fn variable(root: &Root, name: &str) -> Result<(Variable, PathBuf), Failure> {
    let dir = root.path(EFIVARS_DIR);
    require_dir(&dir, || {
        Failure::failed(format!("{} does not exist: the system was not booted through UEFI, or efivarfs is not mounted", dir.display()))
    })?;
    Ok((Variable::new(&dir, name), dir))
}

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::failed(format!("cannot read {}: {e}; nothing was changed", path.display())))
}

fn mode_of(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path).ok().filter(|m| m.is_file()).map(|m| m.permissions().mode() & 0o7777)
}

fn write_failure(path: &Path, error: std::io::Error) -> Failure {
    Failure::failed(format!("could not write {}: {error}; it still holds its old content", path.display()))
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

fn grub(esp: &Esp, action: &BootAction) -> Result<Done, Failure> {
    let grub_dir = esp.dir.join("grub");
    let env_path = grub_dir.join("grubenv");
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
        BootAction::WriteEntry(_) | BootAction::RemoveEntry(_) => {
            return Err(Failure::refused(
                "GRUB's menu entries live in grub.cfg, which NixOS regenerates on every rebuild; use boot.loader.grub.extraEntries in the configuration instead",
            ));
        }
    };
    let exists = optional_file(&env_path)?;
    let old = if exists { Some(read(&env_path)?) } else { None };
    let mut block = match &old {
        Some(bytes) => Block::parse(bytes).map_err(|why| {
            Failure::refused(format!(
                "{} is not a GRUB environment block ({why}); refusing to touch it (grub-editenv {} create makes a fresh one)",
                shown(esp, "grub/grubenv"),
                shown(esp, "grub/grubenv")
            ))
        })?,
        None => Block::fresh(),
    };
    let previous = block.get(name).map(|v| String::from_utf8_lossy(&v).into_owned());
    let done = |changed: bool| Done {
        target: format!("grubenv:{name}"),
        path: shown(esp, "grub/grubenv"),
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
            shown(esp, "grub/grubenv"),
            grubenv::SIZE
        ))
    })?;
    progress(
        VERB,
        "write",
        &match value {
            Some(id) => format!("setting {name}={id} in {}", shown(esp, "grub/grubenv")),
            None => format!("removing {name} from {}", shown(esp, "grub/grubenv")),
        },
    );
    let mode = mode_of(&env_path).unwrap_or(0o644);
    replace_file(&grub_dir, "grubenv", &bytes, mode).map_err(|e| write_failure(&env_path, e))?;
    Ok(done(old.as_deref() != Some(bytes.as_slice())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Vec<String> {
        line.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_every_action() {
        let ok = |line: &[&str]| parse_action(&args(line)).unwrap_or_else(|e| panic!("{line:?}: {e}"));
        assert_eq!(ok(&["set-default", "nixos-generation-42.conf"]), BootAction::SetDefault("nixos-generation-42.conf".into()));
        assert_eq!(
            ok(&["set-oneshot", "All configurations>NixOS - Configuration 42 (2025-09-04 - 25.05)"]),
            BootAction::SetOneshot("All configurations>NixOS - Configuration 42 (2025-09-04 - 25.05)".into())
        );
        assert_eq!(ok(&["clear-default"]), BootAction::ClearDefault);
        assert_eq!(ok(&["clear-oneshot"]), BootAction::ClearOneshot);
        assert_eq!(ok(&["set-timeout", "0"]), BootAction::SetTimeout(Timeout::Seconds(0)));
        assert_eq!(ok(&["set-timeout", "65535"]), BootAction::SetTimeout(Timeout::Seconds(65535)));
        assert_eq!(ok(&["set-timeout", "menu-force"]), BootAction::SetTimeout(Timeout::MenuForce));
        assert_eq!(ok(&["write-entry", "memtest86.conf"]), BootAction::WriteEntry("memtest86.conf".into()));
        assert_eq!(ok(&["remove-entry", "-x.conf"]), BootAction::RemoveEntry("-x.conf".into()));
        let longest = format!("{}.conf", "é".repeat(125));
        assert_eq!(longest.len(), 255);
        assert_eq!(ok(&["set-default", &longest]), BootAction::SetDefault(longest.clone()));
    }

    #[test]
    fn refuses_malformed_actions() {
        let long = format!("{}.conf", "x".repeat(251));
        let bad: Vec<Vec<&str>> = vec![
            vec![],
            vec!["set-default"],
            vec!["set-default", "a.conf", "b.conf"],
            vec!["set-default", ""],
            vec!["set-default", "../loader.conf"],
            vec!["set-default", "entries/a.conf"],
            vec!["set-default", "/etc/passwd"],
            vec!["set-default", ".hidden.conf"],
            vec!["set-default", "."],
            vec!["set-default", ".."],
            vec!["set-default", "a\n.conf"],
            vec!["set-default", "a\r.conf"],
            vec!["set-default", "a\0.conf"],
            vec!["set-default", &long],
            vec!["clear-default", "x"],
            vec!["clear-oneshot", "--force"],
            vec!["set-timeout"],
            vec!["set-timeout", "3", "4"],
            vec!["set-timeout", "-1"],
            vec!["set-timeout", "007"],
            vec!["set-timeout", "00"],
            vec!["set-timeout", "65536"],
            vec!["set-timeout", "99999999999"],
            vec!["set-timeout", "3s"],
            vec!["set-timeout", " 3"],
            vec!["set-timeout", "menu-hidden"],
            vec!["set-timeout", "MENU-FORCE"],
            vec!["set-timeout", "٣"],
            vec!["write-entry"],
            vec!["remove-entry", "a.conf", "--root"],
            vec!["Set-Default", "a.conf"],
            vec!["--set-default", "a.conf"],
            vec!["list"],
        ];
        for line in &bad {
            assert!(parse_action(&args(line)).is_err(), "accepted {line:?}");
        }
    }

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

    #[test]
    fn id_rules() {
        assert!(check_id(&"x".repeat(255)).is_ok());
        assert!(check_id(&"x".repeat(256)).is_err());
        assert!(check_id("NixOS - All configurations>NixOS - Configuration 3 (2025-01-01 - 25.05)").is_ok());
        assert!(check_id("a\\b.conf").is_ok());
        assert!(check_id("a.b").is_ok());
    }
}
