//! `switch`: point a profile at generation N (temporary symlink renamed over the profile link),
//! then run that generation's `bin/switch-to-configuration MODE`; put the old link back if it fails.
#![forbid(unsafe_code)]

use crate::Mode;
use crate::atomic::replace_symlink;
use crate::json::Json;
use crate::output::{Failure, progress};
use crate::paths::Root;
use crate::process::run;
use crate::profile::{Profile, switch_script};

const VERB: &str = "switch";

/// Switches `profile` to generation `generation` in `mode`; the result fields on success.
pub fn switch(root: &Root, profile: &str, generation: u32, mode: Mode) -> Result<Vec<(String, Json)>, Failure> {
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
        let finished = run(&script, &["test"], false)?;
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
    let finished = match run(&script, &[mode.as_str()], false) {
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
