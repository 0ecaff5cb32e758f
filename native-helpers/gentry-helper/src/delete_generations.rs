//! `delete-generations`: remove generation links (never the current one or the booted one), then
//! refresh the boot menu with the running system profile's current `switch-to-configuration boot`.
#![forbid(unsafe_code)]

use crate::atomic::remove_link;
use crate::json::Json;
use crate::options::{pairs, required};
use crate::output::{Failure, Fields, progress};
use crate::paths::Root;
use crate::process::run as run_program;
use crate::profile::{Profile, booted_system, switch_script};

const VERB: &str = "delete-generations";

/// What `delete-generations` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteGenerations {
    pub profile: String,
    pub generations: Vec<u32>,
}

/// Parses `--profile NAME --generation N [--generation N ...]` (no number twice), in any order.
pub fn parse(options: &[String]) -> Result<DeleteGenerations, String> {
    let pairs = pairs(VERB, options, &["--profile", "--generation"], &["--generation"])?;
    let profile = crate::check_profile(required(VERB, &pairs, "--profile")?)?;
    let mut generations = Vec::new();
    for (_, value) in pairs.iter().filter(|(name, _)| *name == "--generation") {
        let n = crate::check_generation(value)?;
        if generations.contains(&n) {
            return Err(format!("generation {n} given twice"));
        }
        generations.push(n);
    }
    if generations.is_empty() {
        return Err(format!("{VERB} needs at least one --generation"));
    }
    Ok(DeleteGenerations { profile, generations })
}

/// Runs a parsed `delete-generations`.
pub fn run(root: &Root, request: &DeleteGenerations) -> Fields {
    delete_generations(root, &request.profile, &request.generations)
}

/// Checks that every generation exists as a symlink and is neither current nor booted.
fn check(profile: &Profile, root: &Root, generations: &[u32]) -> Result<(), Failure> {
    let current = profile.current()?;
    let booted = booted_system(root)?;
    for &n in generations {
        if n == current {
            return Err(Failure::refused(format!(
                "generation {n} is the current generation of {}; switch to another one first",
                profile.name
            )));
        }
        let target = profile.generation_link_target(n)?;
        if booted.as_deref() == Some(target.as_str()) {
            return Err(Failure::refused(format!(
                "generation {n} of {} is the booted system ({target}); reboot into another generation first",
                profile.name
            )));
        }
    }
    Ok(())
}

/// Deletes `generations` of `profile`; the result fields on success.
fn delete_generations(root: &Root, profile: &str, generations: &[u32]) -> Fields {
    let profile = Profile::open(root, profile)?;
    // The boot menu is the running system's: its installer lists every profile's generations.
    let system = Profile::open(root, "system")?;
    check(&profile, root, generations)?;
    let _lock = profile.lock()?;
    check(&profile, root, generations)?;
    let toplevel = system.generation_target(system.current()?)?;
    let script = switch_script(&toplevel)?;

    let mut removed = Vec::new();
    for &n in generations {
        let name = profile.generation_name(n);
        progress(VERB, "remove", &format!("removing {}", profile.dir.shown(&name).display()));
        if let Err(error) = remove_link(&profile.dir, &name) {
            return Err(Failure::failed(format!(
                "could not remove {name}: {error}; removed before it: {removed:?}; the boot menu was not refreshed"
            ))
            .with("removed", Json::Arr(removed.iter().map(|&r: &u32| Json::Num(r.into())).collect())));
        }
        removed.push(n);
    }
    let removed_json = Json::Arr(removed.iter().map(|&r| Json::Num(r.into())).collect());

    progress(VERB, "boot-menu", &format!("refreshing the boot menu: {} boot", script.display()));
    let finished = run_program(&script, &["boot"], false)?;
    if !finished.ok() {
        return Err(Failure::failed(format!(
            "the links were removed, but switch-to-configuration boot {}; the boot menu may still list them: run it again",
            finished.describe()
        ))
        .with("removed", removed_json)
        .with("bootMenuRefreshed", Json::Bool(false)));
    }
    Ok(vec![
        ("profile".to_string(), Json::str(&profile.name)),
        ("removed".to_string(), removed_json),
        ("bootMenuRefreshed".to_string(), Json::Bool(true)),
        ("bootToplevel".to_string(), Json::str(toplevel)),
    ])
}
