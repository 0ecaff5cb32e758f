//! `rebuild`: runs `nixos-rebuild MODE --flake REF --log-format internal-json -v` by absolute path
//! (no shell, cleared environment plus HOME=/root), its output on the helper's stderr.
//! nixos-rebuild runs in a process group of its own. A stop request (SIGINT from the terminal's
//! Ctrl-C or the app's stop button, SIGTERM, SIGHUP when the terminal closes) does not end the
//! helper: it passes the signal on to that whole group (nixos-rebuild, nix, switch-to-configuration),
//! waits for nixos-rebuild and reports how it ended, so there is no orphan and no zombie.
#![forbid(unsafe_code)]

use crate::json::Json;
use crate::options::{pairs, required};
use crate::output::{Failure, Fields, progress};
use crate::paths::{Root, nixos_rebuild};
use crate::process::command;
use crate::sys;
use std::os::unix::process::{CommandExt, ExitStatusExt};

const VERB: &str = "rebuild";
/// The longest flake reference accepted.
pub const MAX_FLAKE_REF_BYTES: usize = 4096;

/// nixos-rebuild's action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RebuildMode {
    Switch,
    Boot,
    Test,
    Build,
}

impl RebuildMode {
    /// From the command line; None for anything but the four words.
    pub fn parse(text: &str) -> Option<RebuildMode> {
        Some(match text {
            "switch" => RebuildMode::Switch,
            "boot" => RebuildMode::Boot,
            "test" => RebuildMode::Test,
            "build" => RebuildMode::Build,
            _ => return None,
        })
    }

    /// The word on both command lines.
    pub fn as_str(self) -> &'static str {
        match self {
            RebuildMode::Switch => "switch",
            RebuildMode::Boot => "boot",
            RebuildMode::Test => "test",
            RebuildMode::Build => "build",
        }
    }
}

/// Checks a flake reference: an absolute path (no `?`), `path:…`, `git+file://…`,
/// `github:OWNER/REPO[/REF]` or `git+https://…`, then optionally `#attr` with an attr of
/// `[A-Za-z0-9_.@"+-]`; at most 4096 bytes, no whitespace or control characters, no leading `-`.
pub fn check_flake_ref(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("the flake reference is empty".into());
    }
    if text.len() > MAX_FLAKE_REF_BYTES {
        return Err(format!("the flake reference is {} bytes, more than {MAX_FLAKE_REF_BYTES}", text.len()));
    }
    if text.starts_with('-') {
        return Err(format!("a flake reference never starts with \"-\": {text:?}"));
    }
    if let Some(c) = text.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("a flake reference holds no whitespace or control characters ({c:?}): {text:?}"));
    }
    let (base, attr) = match text.split_once('#') {
        Some((base, attr)) => (base, Some(attr)),
        None => (text, None),
    };
    if let Some(attr) = attr
        && (attr.is_empty() || !attr.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.@\"+-".contains(&b)))
    {
        return Err(format!("the attribute after # must be [A-Za-z0-9_.@\"+-]+, not {attr:?}"));
    }
    let name_part = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
    let ok = if base.starts_with('/') {
        !base.contains('?')
    } else if let Some(rest) = base.strip_prefix("path:") {
        !rest.is_empty()
    } else if let Some(rest) = base.strip_prefix("git+file://") {
        !rest.is_empty()
    } else if let Some(rest) = base.strip_prefix("git+https://") {
        !rest.is_empty() && !rest.starts_with('/')
    } else if let Some(rest) = base.strip_prefix("github:") {
        let mut parts = rest.splitn(3, '/');
        let (owner, repo, reference) = (parts.next().unwrap_or(""), parts.next(), parts.next());
        name_part(owner) && repo.is_some_and(name_part) && reference.is_none_or(|r| !r.is_empty())
    } else {
        false
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{text:?} is not a flake reference Gentry accepts (an absolute path, path:, git+file://, github:OWNER/REPO[/REF] or git+https://, with an optional #attr)"
        ))
    }
}

/// What `rebuild` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuild {
    pub mode: RebuildMode,
    pub flake: String,
}

/// Parses `--mode M --flake REF`, each exactly once, in any order.
pub fn parse(options: &[String]) -> Result<Rebuild, String> {
    let pairs = pairs(VERB, options, &["--mode", "--flake"], &[])?;
    let mode = required(VERB, &pairs, "--mode")?;
    let mode = RebuildMode::parse(mode).ok_or_else(|| format!("bad mode {mode:?} (switch, boot, test or build)"))?;
    let flake = required(VERB, &pairs, "--flake")?;
    check_flake_ref(flake)?;
    Ok(Rebuild { mode, flake: flake.to_string() })
}

/// Runs nixos-rebuild; the result fields on success (exit 0).
pub fn run(root: &Root, request: &Rebuild) -> Fields {
    let (mode, flake) = (request.mode, request.flake.as_str());
    let mut fields = vec![("mode".to_string(), Json::str(mode.as_str())), ("flake".to_string(), Json::str(flake))];
    let program = nixos_rebuild(root).map_err(|f| add(f, &fields))?;
    fields.push(("program".to_string(), Json::str(program.display().to_string())));
    let args = [mode.as_str(), "--flake", flake, "--log-format", "internal-json", "-v"];

    sys::catch_stop_signals().map_err(|e| add(Failure::failed(format!("cannot install the signal handlers: {e}")), &fields))?;
    if let Some(sig) = sys::received_signal() {
        return Err(add(
            Failure::failed(format!("stopped ({}) before nixos-rebuild started; nothing was run", sys::signal_name(sig))),
            &fields,
        ));
    }
    progress(VERB, "run", &format!("running {} {}", program.display(), args.join(" ")));
    let mut child = command(&program, &args, false)
        .env("HOME", "/root")
        .process_group(0)
        .spawn()
        .map_err(|e| add(Failure::failed(format!("could not start {}: {e}; nothing was run", program.display())), &fields))?;
    sys::watch_child_group(child.id());
    let status = child.wait();
    sys::forget_child_group();
    let status = status.map_err(|e| add(Failure::failed(format!("lost track of nixos-rebuild: {e}")), &fields))?;

    let stopped_by = sys::received_signal();
    fields.extend([
        ("rebuildExitCode".to_string(), status.code().map_or(Json::Null, |c| Json::Num(c as u64))),
        ("rebuildSignal".to_string(), status.signal().map_or(Json::Null, |s| Json::str(sys::signal_name(s)))),
        ("stoppedBy".to_string(), stopped_by.map_or(Json::Null, |s| Json::str(sys::signal_name(s)))),
    ]);
    if status.success() {
        return Ok(fields);
    }
    let what = match (status.code(), status.signal()) {
        (Some(code), _) => format!("nixos-rebuild {} exited {code}", mode.as_str()),
        (None, Some(sig)) => format!("nixos-rebuild {} was killed by {}", mode.as_str(), sys::signal_name(sig)),
        (None, None) => format!("nixos-rebuild {} ended without an exit code", mode.as_str()),
    };
    let why = stopped_by.map_or(String::new(), |s| format!(" after a stop request ({})", sys::signal_name(s)));
    Err(add(
        Failure::failed(format!(
            "{what}{why}; see its log above. Nothing is rolled back: what it finished before stopping (built paths, a new generation, an activated system) stays"
        )),
        &fields,
    ))
}

/// Puts the rebuild's fields on a failure.
fn add(mut failure: Failure, fields: &[(String, Json)]) -> Failure {
    let mut all = fields.to_vec();
    all.append(&mut failure.fields);
    failure.fields = all;
    failure
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_flake_reference_forms() {
        for good in [
            "/etc/nixos",
            "/etc/nixos#atlas",
            "/home/ann/src/nix-config#my-host_2",
            "path:/etc/nixos",
            "path:/etc/nixos#atlas",
            "git+file:///home/ann/nixos-config",
            "git+file:///home/ann/nixos-config?ref=main#atlas",
            "github:NixOS/nixpkgs",
            "github:ann/config/main#\"atlas.local\"",
            "github:ann/config/v1.2#a@b+c",
            "git+https://git.example.org/ann/config.git?ref=main#atlas",
            "/ünïcode/config",
        ] {
            let result = check_flake_ref(good);
            assert!(result.is_ok(), "{good}: {result:?}");
        }
        assert!(check_flake_ref(&format!("/{}", "a".repeat(4095))).is_ok());
    }

    #[test]
    fn refuses_everything_else() {
        let long = format!("/{}", "a".repeat(4096));
        for bad in [
            "",
            "-rf",
            "--flake",
            "foo bar",
            "/p#a b",
            "/p\t",
            "/p\n",
            "/p\u{0}",
            "/p\u{7f}",
            "/p\u{a0}x",
            "http://x",
            "https://github.com/a/b",
            "github:a",
            "github:a/",
            "github:/b",
            "github:a/b/",
            "github:a b/c",
            "github:a/b#",
            "github:a/b#x#y",
            "github:a/b#x/y",
            "github:a/b#$(reboot)",
            "/p#a;b",
            "/p?x=1",
            "path:",
            "git+file://",
            "git+https://",
            "git+https:///x",
            "nixpkgs",
            "flake:nixpkgs",
            "~/config",
            "./config",
            "config#atlas",
            "#atlas",
            &long,
        ] {
            assert!(check_flake_ref(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn modes_are_the_four_words() {
        for (text, mode) in
            [("switch", RebuildMode::Switch), ("boot", RebuildMode::Boot), ("test", RebuildMode::Test), ("build", RebuildMode::Build)]
        {
            assert_eq!(RebuildMode::parse(text), Some(mode));
            assert_eq!(mode.as_str(), text);
        }
        for bad in ["dry-build", "Switch", "", "switch ", "edit", "repl", "build-vm", "dry-activate"] {
            assert_eq!(RebuildMode::parse(bad), None);
        }
    }
}
