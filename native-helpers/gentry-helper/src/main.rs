//! gentry-helper: the one privileged door of Gentry. It parses argv strictly into a verb, touches
//! only fixed paths (reached by the root walk in `fsroot`, never through a symlink), runs programs
//! by absolute path without a shell, and reports in JSON lines. Each verb is a module with its own
//! `parse` (its options) and `run`. See native-helpers/README.md for the protocol and the polkit design.
//! `unsafe` is denied everywhere; only `sys` (the few syscalls std lacks) allows it, and every
//! other module forbids it outright.
#![deny(unsafe_code)]

mod atomic;
mod boot;
mod collect_garbage;
mod delete_generations;
mod efivar;
mod fsroot;
mod grubenv;
mod json;
mod loader_conf;
mod options;
mod output;
mod paths;
mod process;
mod profile;
mod rebuild;
mod switch;
mod sys;

use output::{Exit, Failure};
use paths::Root;
use std::path::{Component, Path, PathBuf};

const USAGE: &str = "usage: gentry-helper [--root DIR] switch --profile NAME --generation N --mode switch|boot|test
       gentry-helper [--root DIR] delete-generations --profile NAME --generation N [--generation N ...]
       gentry-helper [--root DIR] collect-garbage [--dry-run]
       gentry-helper [--root DIR] boot set-default ID | set-oneshot ID | clear-default | clear-oneshot
       gentry-helper [--root DIR] boot set-timeout SECONDS|menu-force
       gentry-helper [--root DIR] boot-entry write NAME.conf < ENTRY-TEXT | remove NAME.conf
       gentry-helper [--root DIR] rebuild --mode switch|boot|test|build --flake REF";

/// What the caller asked for: one variant per verb, each holding what its module's `parse` made.
/// The verb is argv1 under pkexec, which is what selects the polkit action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    Switch(switch::Switch),
    DeleteGenerations(delete_generations::DeleteGenerations),
    CollectGarbage(collect_garbage::CollectGarbage),
    Boot(boot::BootAction),
    BootEntry(boot::entry::EntryAction),
    Rebuild(rebuild::Rebuild),
}

/// The verbs' names as argv1 and in results, and the polkit action each one selects (the policy
/// file's `exec.argv1` annotations; `polkit_actions_match_the_policy` checks them against it).
pub const VERBS: [(&str, &str); 6] = [
    ("switch", "org.gentry.helper.switch"),
    ("delete-generations", "org.gentry.helper.delete-generations"),
    ("collect-garbage", "org.gentry.helper.collect-garbage"),
    ("boot", "org.gentry.helper.boot"),
    ("boot-entry", "org.gentry.helper.boot-entry"),
    ("rebuild", "org.gentry.helper.rebuild"),
];

impl Verb {
    /// The verb's name in argv and in results.
    fn name(&self) -> &'static str {
        match self {
            Verb::Switch(_) => "switch",
            Verb::DeleteGenerations(_) => "delete-generations",
            Verb::CollectGarbage(_) => "collect-garbage",
            Verb::Boot(_) => "boot",
            Verb::BootEntry(_) => "boot-entry",
            Verb::Rebuild(_) => "rebuild",
        }
    }

    /// Parses the options of the verb called `name` with that verb's own parser.
    fn parse(name: &'static str, options: &[String]) -> Result<Verb, String> {
        Ok(match name {
            "switch" => Verb::Switch(switch::parse(options)?),
            "delete-generations" => Verb::DeleteGenerations(delete_generations::parse(options)?),
            "collect-garbage" => Verb::CollectGarbage(collect_garbage::parse(options)?),
            "boot" => Verb::Boot(boot::parse(options)?),
            "boot-entry" => Verb::BootEntry(boot::entry::parse(options)?),
            _ => Verb::Rebuild(rebuild::parse(options)?),
        })
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

/// `parse_generation`, with the error message the verbs give.
pub fn check_generation(text: &str) -> Result<u32, String> {
    parse_generation(text).ok_or_else(|| format!("bad generation {text:?} (a decimal number 1-4294967295 without leading zeros)"))
}

/// A profile name: `^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$` (ASCII only; no `/`, no leading `.` or `-`).
pub fn is_profile_name(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_alphanumeric() || bytes[0] == b'_')
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(b))
}

/// `is_profile_name`, with the error message the verbs give.
pub fn check_profile(text: &str) -> Result<String, String> {
    if is_profile_name(text) {
        Ok(text.to_string())
    } else {
        Err(format!("bad profile name {text:?} (system, or a name matching [A-Za-z0-9_][A-Za-z0-9_.-]{{0,63}})"))
    }
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

/// Parses the arguments after argv[0]: `[--root DIR] VERB OPTIONS...`, the options by the verb's
/// own `parse`. Everything not described in USAGE is an error.
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
    let name = VERBS.iter().map(|(name, _)| *name).find(|name| name == verb).ok_or_else(|| error(None, format!("unknown verb {verb:?}")))?;
    let verb = Verb::parse(name, options).map_err(|message| error(Some(name), message))?;
    Ok(Invocation { root, verb })
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
        Verb::Switch(request) => switch::run(&root, request),
        Verb::DeleteGenerations(request) => delete_generations::run(&root, request),
        Verb::CollectGarbage(request) => collect_garbage::run(&root, request),
        Verb::Boot(action) => boot::run(&root, action),
        Verb::BootEntry(action) => boot::entry::run(&root, action),
        Verb::Rebuild(request) => rebuild::run(&root, request),
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
    use boot::BootAction;
    use boot::entry::EntryAction;
    use rebuild::RebuildMode;
    use switch::Mode;

    fn sw(profile: &str, generation: u32, mode: Mode) -> Verb {
        Verb::Switch(switch::Switch { profile: profile.into(), generation, mode })
    }

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
            Invocation { root: None, verb: sw("system", 12, Mode::Switch) }
        );
        assert_eq!(
            ok(&["--root", "/tmp/w", "switch", "--mode", "test", "--generation", "4294967295", "--profile", "work"]),
            Invocation {
                root: Some("/tmp/w".into()),
                verb: sw("work", u32::MAX, Mode::Test)
            }
        );
        assert_eq!(
            ok(&["switch", "--profile", "a", "--generation", "1", "--mode", "boot"]).verb,
            sw("a", 1, Mode::Boot)
        );
        assert_eq!(
            ok(&["delete-generations", "--generation", "3", "--profile", "system", "--generation", "5"]).verb,
            Verb::DeleteGenerations(delete_generations::DeleteGenerations { profile: "system".into(), generations: vec![3, 5] })
        );
        assert_eq!(ok(&["collect-garbage"]).verb, Verb::CollectGarbage(collect_garbage::CollectGarbage { dry_run: false }));
        assert_eq!(
            ok(&["--root", "/", "collect-garbage", "--dry-run"]),
            Invocation { root: Some("/".into()), verb: Verb::CollectGarbage(collect_garbage::CollectGarbage { dry_run: true }) }
        );
        let long = "x".repeat(64);
        assert!(matches!(ok(&["switch", "--profile", &long, "--generation", "1", "--mode", "test"]).verb, Verb::Switch(_)));
        assert!(matches!(ok(&["switch", "--profile", "_a.b-c9", "--generation", "1", "--mode", "test"]).verb, Verb::Switch(_)));
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
                verb: Verb::Boot(BootAction::SetDefault("nixos-generation-42.conf".into()))
            }
        );
        assert_eq!(
            ok(&["boot", "set-timeout", "menu-force"]).verb,
            Verb::Boot(BootAction::SetTimeout(boot::Timeout::MenuForce))
        );
        assert_eq!(
            ok(&["rebuild", "--flake", "/etc/nixos#atlas", "--mode", "build"]).verb,
            Verb::Rebuild(rebuild::Rebuild { mode: RebuildMode::Build, flake: "/etc/nixos#atlas".into() })
        );
        assert_eq!(
            ok(&["rebuild", "--mode", "switch", "--flake", "github:ann/config"]).verb,
            Verb::Rebuild(rebuild::Rebuild { mode: RebuildMode::Switch, flake: "github:ann/config".into() })
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
    fn parses_boot_entry_and_keeps_entry_files_off_the_boot_verb() {
        assert_eq!(
            ok(&["boot-entry", "write", "memtest86.conf"]).verb,
            Verb::BootEntry(EntryAction::Write("memtest86.conf".into()))
        );
        assert_eq!(
            ok(&["--root", "/tmp/w", "boot-entry", "remove", "rescue.conf"]),
            Invocation { root: Some("/tmp/w".into()), verb: Verb::BootEntry(EntryAction::Remove("rescue.conf".into())) }
        );
        // Under the boot verb (the kept authorisation's action) an entry file cannot be touched.
        for line in [["boot", "write-entry", "x.conf"], ["boot", "remove-entry", "x.conf"]] {
            let error = parse(&args(&line)).unwrap_err();
            assert_eq!(error.verb, Some("boot"));
            assert!(error.message.contains("boot-entry"), "{}", error.message);
        }
        for bad in ["nixos\u{2010}generation-31.conf", "a\tb.conf", "x\u{202e}fnoc.conf", "x", "a b.conf"] {
            let error = parse(&args(&["boot-entry", "write", bad])).unwrap_err();
            assert_eq!(error.verb, Some("boot-entry"), "{bad:?}");
        }
    }

    /// Each verb's argv1 selects exactly one action in the policy file, with the defaults the
    /// policy comment argues for; no action is left without a verb.
    #[test]
    fn polkit_actions_match_the_policy() {
        let policy = include_str!("../../polkit/org.gentry.helper.policy");
        let actions: Vec<&str> = policy.split("<action id=\"").skip(1).collect();
        assert_eq!(actions.len(), VERBS.len(), "one action per verb");
        for (verb, id) in VERBS {
            let action = actions.iter().find(|a| a.starts_with(&format!("{id}\""))).unwrap_or_else(|| panic!("no action {id}"));
            let argv1 = format!("<annotate key=\"org.freedesktop.policykit.exec.argv1\">{verb}</annotate>");
            assert!(action.contains(&argv1), "{id} is not selected by argv1 {verb}");
            assert!(action.contains("<annotate key=\"org.freedesktop.policykit.exec.path\">/run/current-system/sw/libexec/gentry-helper</annotate>"));
            let keep = if verb == "boot" { "auth_admin_keep" } else { "auth_admin" };
            assert!(action.contains(&format!("<allow_active>{keep}</allow_active>")), "{id} should be {keep}");
            assert!(action.contains("<allow_any>no</allow_any>") && action.contains("<allow_inactive>no</allow_inactive>"), "{id}");
        }
    }

    #[test]
    fn usage_errors_name_the_verb_when_known() {
        assert_eq!(parse(&args(&["collect-garbage", "x"])).unwrap_err().verb, Some("collect-garbage"));
        assert_eq!(parse(&args(&["nope"])).unwrap_err().verb, None);
    }
}
