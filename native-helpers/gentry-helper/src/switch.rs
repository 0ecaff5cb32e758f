//! `switch`: point a profile at generation N (temporary symlink renamed over the profile link),
//! then run that generation's `bin/switch-to-configuration MODE`; put the old link back if it fails.
#![forbid(unsafe_code)]

use crate::atomic::replace_symlink;
use crate::json::Json;
use crate::options::{pairs, required};
use crate::output::{Failure, Fields, progress};
use crate::paths::Root;
use crate::process::run as run_program;
use crate::profile::{Profile, switch_script};

const VERB: &str = "switch";

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

/// What `switch` was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switch {
    pub profile: String,
    pub generation: u32,
    pub mode: Mode,
}

/// Parses `--profile NAME --generation N --mode switch|boot|test`, each exactly once, in any order.
pub fn parse(options: &[String]) -> Result<Switch, String> {
    let pairs = pairs(VERB, options, &["--profile", "--generation", "--mode"], &[])?;
    let profile = crate::check_profile(required(VERB, &pairs, "--profile")?)?;
    let generation = crate::check_generation(required(VERB, &pairs, "--generation")?)?;
    let mode = match required(VERB, &pairs, "--mode")? {
        "switch" => Mode::Switch,
        "boot" => Mode::Boot,
        "test" => Mode::Test,
        other => return Err(format!("bad mode {other:?} (switch, boot or test)")),
    };
    Ok(Switch { profile, generation, mode })
}

/// Runs a parsed `switch`.
pub fn run(root: &Root, request: &Switch) -> Fields {
    switch(root, &request.profile, request.generation, request.mode)
}

/// Switches `profile` to generation `generation` in `mode`; the result fields on success.
fn switch(root: &Root, profile: &str, generation: u32, mode: Mode) -> Fields {
    let profile = Profile::open(root, profile)?;
    let toplevel = profile.generation_target(generation)?;
    let script = switch_script(&toplevel)?;
    let mut fields = vec![
        ("profile".to_string(), Json::str(&profile.name)),
        ("generation".to_string(), Json::Num(generation.into())),
        ("mode".to_string(), Json::str(mode.as_str())),
        ("toplevel".to_string(), Json::str(&toplevel)),
    ];

    if mode == Mode::Test {
        progress(VERB, "activate", &format!("running {} test (the profile link is left alone)", script.display()));
        let finished = run_program(&script, &["test"], false)?;
        if !finished.ok() {
            return Err(Failure::failed(format!("switch-to-configuration test {}; the profile link was not changed", finished.describe()))
                .with("profileLink", Json::Null)
                .with("activationExitCode", finished.code.map_or(Json::Null, |c| Json::Num(c as u64))));
        }
        fields.push(("previousGeneration".to_string(), Json::Null));
        return Ok(fields);
    }

    // Check everything before taking the lock (so a refusal leaves no lock file), then again under it.
    profile.current()?;
    let _lock = profile.lock()?;
    let previous = profile.current()?;
    let toplevel_now = profile.generation_target(generation)?;
    if toplevel_now != toplevel {
        return Err(Failure::failed(format!("generation {generation} changed while waiting for the profile lock; try again")));
    }
    let new_target = profile.generation_name(generation);
    let old_target = profile.generation_name(previous);
    fields.push(("previousGeneration".to_string(), Json::Num(previous.into())));

    progress(VERB, "link", &format!("pointing {} at {new_target} (was {old_target})", profile.link().display()));
    replace_symlink(&profile.dir, &profile.name, &new_target)
        .map_err(|e| Failure::failed(format!("could not update {}: {e}; it still points at {old_target}", profile.link().display())))?;

    progress(VERB, "activate", &format!("running {} {}", script.display(), mode.as_str()));
    let finished = match run_program(&script, &[mode.as_str()], false) {
        Ok(finished) if finished.ok() => None,
        Ok(finished) => Some((format!("switch-to-configuration {} {}", mode.as_str(), finished.describe()), finished.code)),
        Err(failure) => Some((failure.message, None)),
    };
    let Some((what, code)) = finished else {
        fields.push(("profileLink".to_string(), Json::str(new_target)));
        return Ok(fields);
    };

    progress(VERB, "restore", &format!("{what}; pointing {} back at {old_target}", profile.link().display()));
    let code = code.map_or(Json::Null, |c| Json::Num(c as u64));
    match replace_symlink(&profile.dir, &profile.name, &old_target) {
        Ok(()) => Err(Failure::failed(format!("{what}; the profile link was restored to {old_target}"))
            .with("restored", Json::Arr(vec![Json::str(format!("profile link {} -> {old_target}", profile.name))]))
            .with("profileLink", Json::str(old_target))
            .with("activationExitCode", code)),
        Err(error) => Err(Failure::failed(format!(
            "{what}, and restoring the profile link to {old_target} failed ({error}); it points at {new_target}: fix it by hand"
        ))
        .with("profileLink", Json::str(new_target))
        .with("activationExitCode", code)),
    }
}
