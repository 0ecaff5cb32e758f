//! `boot`: the small, reversible boot-menu edits (polkit action `org.gentry.helper.boot`,
//! `auth_admin_keep`): the default and one-shot entry, and the menu timeout. Entry files are
//! written and removed by the `boot-entry` verb (`entry`), which has its own action. Every check is
//! made before anything is written; files are replaced atomically (atomic::replace_file) in
//! directories reached by the root walk (fsroot), so nothing follows a symlink out of the ESP.
//! `esp` finds the ESP, `systemd_boot` and `grub` do the edits for each boot loader.
#![forbid(unsafe_code)]

pub mod entry;
pub mod esp;
mod grub;
mod systemd_boot;

use crate::fsroot::{Dir, Kind};
use crate::json::Json;
use crate::output::{Failure, Fields};
use crate::paths::Root;
use esp::{Esp, Loader};

const VERB: &str = "boot";
/// The most bytes an entry ID may have.
pub const MAX_ID_BYTES: usize = 255;
/// The most bytes the helper reads of loader.conf, an entry or grubenv.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

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

/// One boot-menu edit of the `boot` verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BootAction {
    SetDefault(String),
    SetOneshot(String),
    ClearDefault,
    ClearOneshot,
    SetTimeout(Timeout),
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
        }
    }

    fn id(&self) -> Option<&str> {
        match self {
            BootAction::SetDefault(id) | BootAction::SetOneshot(id) => Some(id),
            _ => None,
        }
    }
}

/// Characters no entry ID may hold although they are not control characters: invisible format
/// characters (soft hyphen, zero-width and joiner characters, the bidirectional overrides and
/// isolates such as U+202E, the byte-order mark, tags) and the Unicode line separators. Each one
/// makes an ID look like another in a preview or a password prompt.
fn invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x061C | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE0000..=0xE007F)
}

/// An entry ID for `set-default` and `set-oneshot`: a systemd-boot entry file name or a GRUB menu
/// path (which may hold any printable Unicode: titles are the person's). 1 to 255 bytes, never
/// starting with `.`, without `/`, control characters (tab included) or invisible format
/// characters (U+202E and the like). It must name an existing entry, checked later. The error says
/// what is wrong.
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
    if id.contains('/') {
        return Err(format!("an entry ID never contains \"/\": {id:?}"));
    }
    if let Some(c) = id.chars().find(|&c| c.is_control() || invisible(c)) {
        return Err(format!("an entry ID never holds the control or invisible character U+{:04X}: {id:?}", c as u32));
    }
    Ok(())
}

/// An entry file name for `boot-entry write|remove`: ASCII letters, digits and `. _ + -` only,
/// ending in `.conf` with something before it, not starting with `.`, at most 255 bytes. A
/// look-alike (U+2010 for `-`, a tab, U+202E) is named by its code point in the error.
pub fn check_entry_file_id(id: &str) -> Result<(), String> {
    if id.len() > MAX_ID_BYTES {
        return Err(format!("an entry file name is at most {MAX_ID_BYTES} bytes, this one has {}", id.len()));
    }
    if let Some((at, c)) = id.char_indices().find(|&(_, c)| !(c.is_ascii_alphanumeric() || "._+-".contains(c))) {
        let what = if c.is_ascii() { "" } else { " (not ASCII: a look-alike of an ASCII character?)" };
        return Err(format!(
            "entry file names use only ASCII letters, digits and . _ + -; {id:?} holds U+{:04X} at byte {at}{what}",
            c as u32
        ));
    }
    if id.starts_with('.') {
        return Err(format!("an entry file name never starts with \".\": {id:?}"));
    }
    if !id.ends_with(".conf") || id.len() == ".conf".len() {
        return Err(format!("systemd-boot entry file names end in .conf, after at least one character: {id:?}"));
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
pub fn parse(args: &[String]) -> Result<BootAction, String> {
    let (sub, rest) = args
        .split_first()
        .ok_or("boot needs an action: set-default, set-oneshot, clear-default, clear-oneshot or set-timeout")?;
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
        "clear-default" => none().map(|()| BootAction::ClearDefault)?,
        "clear-oneshot" => none().map(|()| BootAction::ClearOneshot)?,
        "set-timeout" => {
            let value = one("SECONDS or menu-force")?;
            BootAction::SetTimeout(
                parse_timeout(&value)
                    .ok_or_else(|| format!("bad timeout {value:?} (0-65535 seconds without leading zeros, or menu-force)"))?,
            )
        }
        "write-entry" | "remove-entry" => {
            let new = if sub == "write-entry" { "write" } else { "remove" };
            return Err(format!(
                "boot {sub} is now \"boot-entry {new} ID\": entry files have their own polkit action, org.gentry.helper.boot-entry, which asks for the password every time"
            ));
        }
        other => return Err(format!("unknown boot action {other:?}")),
    })
}

/// What a successful edit reports besides action, loader, esp and id.
struct Done {
    target: String,
    path: String,
    previous: Option<String>,
    value: Option<String>,
    changed: bool,
}

/// Runs `edit` on the ESP with the result fields every boot and boot-entry result carries:
/// action, loader, esp and id first (also on failures), then what `Done` says.
fn on_esp(root: &Root, action: &str, id: Option<&str>, edit: impl FnOnce(&Esp) -> Result<Done, Failure>) -> Fields {
    let id = id.map_or(Json::Null, Json::str);
    let mut fields = vec![("action".to_string(), Json::str(action))];
    let esp = match esp::find(root) {
        Ok(esp) => esp,
        Err(failure) => {
            fields.extend([("loader".to_string(), Json::Null), ("esp".to_string(), Json::Null), ("id".to_string(), id)]);
            return Err(with_fields(failure, fields));
        }
    };
    fields.extend([("loader".to_string(), Json::str(esp.loader.name())), ("esp".to_string(), Json::str(esp.name)), ("id".to_string(), id)]);
    match edit(&esp) {
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

/// Runs one `boot` action; the result fields. Failures carry action, loader and esp too.
pub fn run(root: &Root, action: &BootAction) -> Fields {
    on_esp(root, action.name(), action.id(), |esp| match esp.loader {
        Loader::SystemdBoot => systemd_boot::edit(root, esp, action),
        Loader::Grub => grub::edit(esp, action),
    })
}

/// Puts the action's fields before the failure's own.
fn with_fields(mut failure: Failure, mut fields: Vec<(String, Json)>) -> Failure {
    fields.append(&mut failure.fields);
    failure.fields = fields;
    failure
}

/// Whether a file that may be missing is a regular file: Ok(false) when missing, refused when it
/// is a symlink or anything else.
fn optional_file(dir: &Dir, name: &str) -> Result<bool, Failure> {
    let path = dir.shown(name);
    match dir.kind(name).map_err(|e| Failure::failed(format!("cannot read {}: {e}", path.display())))? {
        Kind::Missing => Ok(false),
        Kind::File => Ok(true),
        Kind::Symlink => Err(Failure::refused(format!("{} is a symlink; refusing to follow it out of the ESP", path.display()))),
        _ => Err(Failure::refused(format!("{} is not a regular file; refusing to touch it", path.display()))),
    }
}

/// The regular file `name` in `dir` (never through a symlink, at most 1 MiB).
fn read(dir: &Dir, name: &str) -> Result<Vec<u8>, Failure> {
    dir.read(name, MAX_FILE_BYTES)
        .map_err(|e| Failure::failed(format!("cannot read {}: {e}; nothing was changed", dir.shown(name).display())))
}

/// The permission bits of the regular file `name`, if it is one.
fn mode_of(dir: &Dir, name: &str) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    dir.open_read(name).ok()?.metadata().ok().map(|m| m.permissions().mode() & 0o7777)
}

fn write_failure(path: &std::path::Path, error: std::io::Error) -> Failure {
    Failure::failed(format!("could not write {}: {error}; it still holds its old content", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Vec<String> {
        line.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_every_action() {
        let ok = |line: &[&str]| parse(&args(line)).unwrap_or_else(|e| panic!("{line:?}: {e}"));
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
            vec!["set-default", "a\t.conf"],
            vec!["set-default", "a\u{202e}fnoc.exe"],
            vec!["set-oneshot", "nixos\u{200b}-generation-1.conf"],
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
            vec!["write-entry", "memtest86.conf"],
            vec!["remove-entry", "memtest86.conf"],
            vec!["Set-Default", "a.conf"],
            vec!["--set-default", "a.conf"],
            vec!["list"],
        ];
        for line in &bad {
            assert!(parse(&args(line)).is_err(), "accepted {line:?}");
        }
        assert!(parse(&args(&["write-entry", "a.conf"])).unwrap_err().contains("boot-entry write"));
    }

    #[test]
    fn id_rules() {
        assert!(check_id(&"x".repeat(255)).is_ok());
        assert!(check_id(&"x".repeat(256)).is_err());
        assert!(check_id("NixOS - All configurations>NixOS - Configuration 3 (2025-01-01 - 25.05)").is_ok());
        assert!(check_id("a\\b.conf").is_ok());
        assert!(check_id("café ☕.conf").is_ok(), "a GRUB title or an existing entry may be Unicode");
        assert!(check_id("a.b").is_ok());
        let tab = check_id("a\tb.conf").unwrap_err();
        assert!(tab.contains("U+0009"), "{tab}");
        assert!(check_id("x\u{202e}y").unwrap_err().contains("U+202E"));
    }

    #[test]
    fn entry_file_ids_are_ascii_names_ending_in_conf() {
        for good in ["memtest86.conf", "a.conf", "rescue_2+x-y.conf", "-x.conf", "A.B.conf"] {
            assert_eq!(check_entry_file_id(good), Ok(()), "{good}");
        }
        assert!(check_entry_file_id(&format!("{}.conf", "x".repeat(250))).is_ok());
        for (bad, says) in [
            ("nixos\u{2010}generation-31.conf", "U+2010 at byte 5 (not ASCII"),
            ("a\tb.conf", "U+0009"),
            ("evil\u{202e}fnoc.conf", "U+202E"),
            ("a b.conf", "U+0020"),
            ("a/b.conf", "U+002F"),
            ("ａ.conf", "U+FF41"),
            ("memtest86", "end in .conf"),
            (".conf", "starts with"),
            (".hidden.conf", "starts with"),
            ("a.conf\n", "U+000A"),
            ("", "end in .conf"),
        ] {
            let message = check_entry_file_id(bad).expect_err(bad);
            assert!(message.contains(says), "{bad:?}: {message}");
        }
        assert!(check_entry_file_id(&format!("{}.conf", "x".repeat(251))).is_err());
    }
}
