//! gentry-helper: the one privileged door of Gentry. It parses argv strictly into a verb, touches
//! only fixed paths, runs programs by absolute path without a shell, and reports in JSON lines.
//! See native-helpers/README.md for the protocol and the polkit design.
//! `unsafe` is denied everywhere; only `sys` (the few syscalls std lacks) allows it, and every
//! other module forbids it outright.
#![deny(unsafe_code)]

mod atomic;
mod boot;
mod collect_garbage;
mod delete_generations;
mod efivar;
mod grubenv;
mod json;
mod loader_conf;
mod output;
mod paths;
mod process;
mod profile;
mod rebuild;
mod switch;
mod sys;

use boot::BootAction;
use output::{Exit, Failure};
use paths::Root;
use rebuild::RebuildMode;
use std::path::{Component, Path, PathBuf};

const USAGE: &str = "usage: gentry-helper [--root DIR] switch --profile NAME --generation N --mode switch|boot|test
       gentry-helper [--root DIR] delete-generations --profile NAME --generation N [--generation N ...]
       gentry-helper [--root DIR] collect-garbage [--dry-run]
       gentry-helper [--root DIR] boot set-default ID | set-oneshot ID | clear-default | clear-oneshot
       gentry-helper [--root DIR] boot set-timeout SECONDS|menu-force
       gentry-helper [--root DIR] boot write-entry ID < ENTRY-TEXT | remove-entry ID
       gentry-helper [--root DIR] rebuild --mode switch|boot|test|build --flake REF";

/// How `switch` activates the generation (the argument of `switch-to-configuration`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Switch,
    Boot,
    Test,
}

impl Mode {
    /// The word on the command line and for `switch-to-configuration`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Switch => "switch",
            Mode::Boot => "boot",
            Mode::Test => "test",
        }
    }
}

/// What the caller asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    Switch { profile: String, generation: u32, mode: Mode },
    DeleteGenerations { profile: String, generations: Vec<u32> },
    CollectGarbage { dry_run: bool },
    Boot { action: BootAction },
    Rebuild { mode: RebuildMode, flake: String },
}

impl Verb {
    /// The verb's name in argv and in results.
    fn name(&self) -> &'static str {
        match self {
            Verb::Switch { .. } => "switch",
            Verb::DeleteGenerations { .. } => "delete-generations",
            Verb::CollectGarbage { .. } => "collect-garbage",
            Verb::Boot { .. } => "boot",
            Verb::Rebuild { .. } => "rebuild",
        }
    }
}

/// A whole, parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub root: Option<PathBuf>,
    pub verb: Verb,
}

/// A usage error: the message, and the verb when one was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    pub verb: Option<&'static str>,
    pub message: String,
}

/// A generation number: ASCII decimal digits, no sign, no leading zero, 1 ..= 4294967295.
pub fn parse_generation(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 10 || bytes[0] == b'0' || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    text.parse::<u32>().ok()
}

/// A profile name: `^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$` (ASCII only; no `/`, no leading `.` or `-`).
pub fn is_profile_name(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_alphanumeric() || bytes[0] == b'_')
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(b))
}

/// `--root DIR`: absolute, with no `.` or `..` components and no empty ones.
fn parse_root(text: &str) -> Option<PathBuf> {
    let path = Path::new(text);
    let clean = text.starts_with('/')
        && !text.contains("//")
        && path.components().all(|c| matches!(c, Component::RootDir | Component::Normal(_)))
        && !text.split('/').skip(1).any(|part| part == "." || part == "..");
    clean.then(|| path.to_path_buf())
}

/// Parses the arguments after argv[0]. Everything not described in USAGE is an error: unknown,
/// repeated (except `--generation` for delete-generations) or missing options, `--opt=value`
/// forms, extra arguments, and values that do not match their pattern.
pub fn parse(args: &[String]) -> Result<Invocation, UsageError> {
    let error = |verb: Option<&'static str>, message: String| UsageError { verb, message };
    let mut rest = args;
    let mut root = None;
    while let Some(first) = rest.first().filter(|a| a.starts_with('-')) {
        if first != "--root" {
            return Err(error(None, format!("unknown option {first:?} before the verb")));
        }
        if root.is_some() {
            return Err(error(None, "--root given twice".into()));
        }
        let value = rest.get(1).ok_or_else(|| error(None, "--root needs a directory".into()))?;
        root =
            Some(parse_root(value).ok_or_else(|| error(None, format!("--root must be an absolute, normalised directory, not {value:?}")))?);
        rest = &rest[2..];
    }
    let (verb, options) = rest.split_first().ok_or_else(|| error(None, "no verb given".into()))?;
    let verb_name: &'static str = match verb.as_str() {
        "switch" => "switch",
        "delete-generations" => "delete-generations",
        "collect-garbage" => "collect-garbage",
        "boot" => "boot",
        "rebuild" => "rebuild",
        other => return Err(error(None, format!("unknown verb {other:?}"))),
    };
    let fail = |message: String| error(Some(verb_name), message);
    match verb_name {
        "boot" => return Ok(Invocation { root, verb: Verb::Boot { action: boot::parse_action(options).map_err(fail)? } }),
        "rebuild" => return Ok(Invocation { root, verb: parse_rebuild(options).map_err(fail)? }),
        _ => {}
    }

    let mut profile: Option<String> = None;
    let mut generations: Vec<u32> = Vec::new();
    let mut mode: Option<Mode> = None;
    let mut dry_run = false;
    let mut i = 0;
    while i < options.len() {
        let option = options[i].as_str();
        let takes_value = matches!(
            (verb_name, option),
            ("switch", "--profile" | "--generation" | "--mode") | ("delete-generations", "--profile" | "--generation")
        );
        if !takes_value {
            if (verb_name, option) == ("collect-garbage", "--dry-run") {
                if dry_run {
                    return Err(fail("--dry-run given twice".into()));
                }
                dry_run = true;
                i += 1;
                continue;
            }
            return Err(fail(format!("unexpected argument {option:?} for {verb_name}")));
        }
        let value = options.get(i + 1).ok_or_else(|| fail(format!("{option} needs a value")))?;
        match option {
            "--profile" => {
                if profile.is_some() {
                    return Err(fail("--profile given twice".into()));
                }
                if !is_profile_name(value) {
                    return Err(fail(format!(
                        "bad profile name {value:?} (system, or a name matching [A-Za-z0-9_][A-Za-z0-9_.-]{{0,63}})"
                    )));
                }
                profile = Some(value.clone());
            }
            "--generation" => {
                let n = parse_generation(value)
                    .ok_or_else(|| fail(format!("bad generation {value:?} (a decimal number 1-4294967295 without leading zeros)")))?;
                if verb_name == "switch" && !generations.is_empty() {
                    return Err(fail("--generation given twice".into()));
                }
                if generations.contains(&n) {
                    return Err(fail(format!("generation {n} given twice")));
                }
                generations.push(n);
            }
            _ => {
                if mode.is_some() {
                    return Err(fail("--mode given twice".into()));
                }
                mode = Some(match value.as_str() {
                    "switch" => Mode::Switch,
                    "boot" => Mode::Boot,
                    "test" => Mode::Test,
                    _ => return Err(fail(format!("bad mode {value:?} (switch, boot or test)"))),
                });
            }
        }
        i += 2;
    }

    let verb = match verb_name {
        "switch" => Verb::Switch {
            profile: profile.ok_or_else(|| fail("switch needs --profile".into()))?,
            generation: *generations.first().ok_or_else(|| fail("switch needs --generation".into()))?,
            mode: mode.ok_or_else(|| fail("switch needs --mode".into()))?,
        },
        "delete-generations" => {
            let profile = profile.ok_or_else(|| fail("delete-generations needs --profile".into()))?;
            if generations.is_empty() {
                return Err(fail("delete-generations needs at least one --generation".into()));
            }
            Verb::DeleteGenerations { profile, generations }
        }
        _ => Verb::CollectGarbage { dry_run },
    };
    Ok(Invocation { root, verb })
}

/// The options of `rebuild`: `--mode M` and `--flake REF`, each exactly once, in any order.
fn parse_rebuild(options: &[String]) -> Result<Verb, String> {
    let mut mode = None;
    let mut flake = None;
    let mut rest = options;
    while let Some((option, tail)) = rest.split_first() {
        let value = match (option.as_str(), tail.first()) {
            ("--mode" | "--flake", Some(value)) => value,
            ("--mode" | "--flake", None) => return Err(format!("{option} needs a value")),
            _ => return Err(format!("unexpected argument {option:?} for rebuild")),
        };
        if option == "--mode" {
            if mode.is_some() {
                return Err("--mode given twice".into());
            }
            mode = Some(RebuildMode::parse(value).ok_or_else(|| format!("bad mode {value:?} (switch, boot, test or build)"))?);
        } else {
            if flake.is_some() {
                return Err("--flake given twice".into());
            }
            rebuild::check_flake_ref(value)?;
            flake = Some(value.clone());
        }
        rest = &tail[1..];
    }
    Ok(Verb::Rebuild { mode: mode.ok_or("rebuild needs --mode")?, flake: flake.ok_or("rebuild needs --flake")? })
}

/// Runs a parsed invocation and prints its result; the exit code.
fn execute(invocation: Invocation) -> Exit {
    let verb = invocation.verb.name();
    let root = match invocation.root {
        None => Root::real(),
        Some(dir) => {
            if std::env::var_os("PKEXEC_UID").is_some() || std::env::var_os("SUDO_UID").is_some() {
                return output::failure(Some(verb), Failure::refused("--root is for tests and is refused under pkexec or sudo"));
            }
            if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
                let message = format!("--root {} is not a directory", dir.display());
                return output::failure(Some(verb), Failure { exit: Exit::Usage, message, fields: Vec::new() });
            }
            Root::under(dir)
        }
    };
    let outcome = match &invocation.verb {
        Verb::Switch { profile, generation, mode } => switch::switch(&root, profile, *generation, *mode),
        Verb::DeleteGenerations { profile, generations } => delete_generations::delete_generations(&root, profile, generations),
        Verb::CollectGarbage { dry_run } => collect_garbage::collect_garbage(&root, *dry_run),
        Verb::Boot { action } => boot::boot(&root, action),
        Verb::Rebuild { mode, flake } => rebuild::rebuild(&root, *mode, flake),
    };
    match outcome {
        Ok(fields) => output::success(verb, fields),
        Err(failure) => output::failure(Some(verb), failure),
    }
}

fn main() {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(text) => args.push(text),
            Err(_) => {
                let failure = Failure { exit: Exit::Usage, message: format!("arguments must be UTF-8\n{USAGE}"), fields: Vec::new() };
                std::process::exit(output::failure(None, failure) as i32);
            }
        }
    }
    let exit = match parse(&args) {
        Ok(invocation) => execute(invocation),
        Err(usage) => {
            let failure = Failure { exit: Exit::Usage, message: format!("{}\n{USAGE}", usage.message), fields: Vec::new() };
            output::failure(usage.verb, failure)
        }
    };
    std::process::exit(exit as i32);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Vec<String> {
        line.iter().map(|s| s.to_string()).collect()
    }

    fn ok(line: &[&str]) -> Invocation {
        parse(&args(line)).unwrap_or_else(|e| panic!("{line:?}: {}", e.message))
    }

    #[test]
    fn parses_every_valid_form() {
        assert_eq!(
            ok(&["switch", "--profile", "system", "--generation", "12", "--mode", "switch"]),
            Invocation { root: None, verb: Verb::Switch { profile: "system".into(), generation: 12, mode: Mode::Switch } }
        );
        assert_eq!(
            ok(&["--root", "/tmp/w", "switch", "--mode", "test", "--generation", "4294967295", "--profile", "work"]),
            Invocation {
                root: Some("/tmp/w".into()),
                verb: Verb::Switch { profile: "work".into(), generation: u32::MAX, mode: Mode::Test }
            }
        );
        assert_eq!(
            ok(&["switch", "--profile", "a", "--generation", "1", "--mode", "boot"]).verb,
            Verb::Switch { profile: "a".into(), generation: 1, mode: Mode::Boot }
        );
        assert_eq!(
            ok(&["delete-generations", "--generation", "3", "--profile", "system", "--generation", "5"]).verb,
            Verb::DeleteGenerations { profile: "system".into(), generations: vec![3, 5] }
        );
        assert_eq!(ok(&["collect-garbage"]).verb, Verb::CollectGarbage { dry_run: false });
        assert_eq!(
            ok(&["--root", "/", "collect-garbage", "--dry-run"]),
            Invocation { root: Some("/".into()), verb: Verb::CollectGarbage { dry_run: true } }
        );
        let long = "x".repeat(64);
        assert!(matches!(ok(&["switch", "--profile", &long, "--generation", "1", "--mode", "test"]).verb, Verb::Switch { .. }));
        assert!(matches!(ok(&["switch", "--profile", "_a.b-c9", "--generation", "1", "--mode", "test"]).verb, Verb::Switch { .. }));
    }

    #[test]
    fn rejects_malformed_command_lines() {
        let long = "x".repeat(65);
        let bad: Vec<Vec<&str>> = vec![
            vec![],
            vec!["--root"],
            vec!["--root", "/tmp/w"],
            vec!["--root", "relative", "collect-garbage"],
            vec!["--root", "", "collect-garbage"],
            vec!["--root", "/tmp/../etc", "collect-garbage"],
            vec!["--root", "/tmp/./w", "collect-garbage"],
            vec!["--root", "/tmp//w", "collect-garbage"],
            vec!["--root", "/a", "--root", "/b", "collect-garbage"],
            vec!["--root=/tmp", "collect-garbage"],
            vec!["collect-garbage", "--root", "/tmp"],
            vec!["-", "collect-garbage"],
            vec!["--", "collect-garbage"],
            vec!["frobnicate"],
            vec!["Switch", "--profile", "system", "--generation", "1", "--mode", "switch"],
            vec!["collect-garbage", "--dry-run", "--dry-run"],
            vec!["collect-garbage", "extra"],
            vec!["collect-garbage", "--dry-run=yes"],
            vec!["collect-garbage", "--"],
            vec!["switch"],
            vec!["switch", "--profile", "system", "--generation", "1"],
            vec!["switch", "--profile", "system", "--mode", "switch"],
            vec!["switch", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "system", "--generation", "1", "--mode"],
            vec!["switch", "--profile", "system", "--generation", "1", "--mode", "dry-activate"],
            vec!["switch", "--profile", "system", "--generation", "1", "--mode", "Switch"],
            vec!["switch", "--profile", "system", "--generation", "1", "--mode", "switch", "--mode", "switch"],
            vec!["switch", "--profile", "system", "--generation", "1", "--generation", "2", "--mode", "switch"],
            vec!["switch", "--profile", "system", "--profile", "system", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "system", "--generation", "1", "--mode", "switch", "extra"],
            vec!["switch", "--profile", "system", "--generation", "1", "--mode", "switch", "--dry-run"],
            vec!["switch", "--profile=system", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "--root", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "../x", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "system/../../etc", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", ".hidden", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "-x", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", " system", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "sys tem", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", "\u{0455}ystem", "--generation", "1", "--mode", "switch"],
            vec!["switch", "--profile", &long, "--generation", "1", "--mode", "switch"],
            vec!["delete-generations", "--profile", "system"],
            vec!["delete-generations", "--generation", "2"],
            vec!["delete-generations", "--profile", "system", "--generation", "2", "--generation", "2"],
            vec!["delete-generations", "--profile", "system", "--generation", "2", "--mode", "switch"],
            vec!["delete-generations", "--profile", "system", "--generation"],
        ];
        for line in &bad {
            assert!(parse(&args(line)).is_err(), "accepted {line:?}");
        }
    }

    #[test]
    fn generation_numbers_are_strict() {
        for bad in ["0", "00", "01", "007", "-1", "+5", "1e3", "0x10", "4294967296", "99999999999", "", " 1", "1 ", "１", "1.0", "٣"] {
            assert_eq!(parse_generation(bad), None, "{bad:?}");
            assert!(parse(&args(&["switch", "--profile", "system", "--generation", bad, "--mode", "test"])).is_err(), "{bad:?}");
        }
        assert_eq!(parse_generation("1"), Some(1));
        assert_eq!(parse_generation("4294967295"), Some(u32::MAX));
    }

    #[test]
    fn parses_boot_and_rebuild() {
        assert_eq!(
            ok(&["--root", "/tmp/w", "boot", "set-default", "nixos-generation-42.conf"]),
            Invocation {
                root: Some("/tmp/w".into()),
                verb: Verb::Boot { action: BootAction::SetDefault("nixos-generation-42.conf".into()) }
            }
        );
        assert_eq!(
            ok(&["boot", "set-timeout", "menu-force"]).verb,
            Verb::Boot { action: BootAction::SetTimeout(boot::Timeout::MenuForce) }
        );
        assert_eq!(
            ok(&["rebuild", "--flake", "/etc/nixos#atlas", "--mode", "build"]).verb,
            Verb::Rebuild { mode: RebuildMode::Build, flake: "/etc/nixos#atlas".into() }
        );
        assert_eq!(
            ok(&["rebuild", "--mode", "switch", "--flake", "github:ann/config"]).verb,
            Verb::Rebuild { mode: RebuildMode::Switch, flake: "github:ann/config".into() }
        );
        let bad: Vec<Vec<&str>> = vec![
            vec!["boot"],
            vec!["boot", "set-default", "../loader.conf"],
            vec!["boot", "--root", "/tmp", "set-default", "a.conf"],
            vec!["rebuild"],
            vec!["rebuild", "--mode", "switch"],
            vec!["rebuild", "--flake", "/etc/nixos"],
            vec!["rebuild", "--mode", "dry-build", "--flake", "/etc/nixos"],
            vec!["rebuild", "--mode", "switch", "--flake", "/etc/nixos", "--mode", "boot"],
            vec!["rebuild", "--mode", "switch", "--flake", "/etc/nixos", "--flake", "/x"],
            vec!["rebuild", "--mode", "switch", "--flake", "-rf"],
            vec!["rebuild", "--mode", "switch", "--flake", "/etc/nixos", "--impure"],
            vec!["rebuild", "--mode", "switch", "--flake"],
            vec!["rebuild", "--mode=switch", "--flake", "/etc/nixos"],
            vec!["rebuild", "switch", "--flake", "/etc/nixos"],
        ];
        for line in &bad {
            assert!(parse(&args(line)).is_err(), "accepted {line:?}");
        }
        assert_eq!(parse(&args(&["boot", "frob"])).unwrap_err().verb, Some("boot"));
        assert_eq!(parse(&args(&["rebuild", "--mode", "x"])).unwrap_err().verb, Some("rebuild"));
    }

    #[test]
    fn usage_errors_name_the_verb_when_known() {
        assert_eq!(parse(&args(&["collect-garbage", "x"])).unwrap_err().verb, Some("collect-garbage"));
        assert_eq!(parse(&args(&["nope"])).unwrap_err().verb, None);
    }
}
