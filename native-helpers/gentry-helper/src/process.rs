//! Runs programs by absolute path with an argv (never a shell), a cleared environment, a fixed
//! PATH, stdin from /dev/null and `/` as the working directory.
#![forbid(unsafe_code)]

use crate::output::Failure;
use crate::paths::CHILD_PATH;
use std::path::Path;
use std::process::{Command, Stdio};

/// What a finished child left.
pub struct Finished {
    /// The exit code, or None when a signal ended it.
    pub code: Option<i32>,
    /// Its stdout, when it was captured.
    pub stdout: String,
}

impl Finished {
    /// True when it exited 0.
    pub fn ok(&self) -> bool {
        self.code == Some(0)
    }

    /// "exit N" or "a signal", for messages.
    pub fn describe(&self) -> String {
        self.code.map_or("was killed by a signal".to_string(), |c| format!("exited {c}"))
    }
}

/// `program args…` ready to start: cleared environment with only PATH, `/` as working directory,
/// stdin from /dev/null, stderr to ours, and stdout captured when `capture`, otherwise also sent to
/// our stderr, so nothing but the helper's own JSON ever reaches stdout. Callers may add
/// environment variables.
pub fn command(program: &Path, args: &[&str], capture: bool) -> Command {
    let mut command = Command::new(program);
    command.args(args).env_clear().env("PATH", CHILD_PATH).current_dir("/").stdin(Stdio::null()).stderr(Stdio::inherit());
    command.stdout(if capture { Stdio::piped() } else { Stdio::from(std::io::stderr()) });
    command
}

/// Runs `program args…` (see `command`) to the end.
pub fn run(program: &Path, args: &[&str], capture: bool) -> Result<Finished, Failure> {
    let output =
        command(program, args, capture).output().map_err(|e| Failure::failed(format!("could not start {}: {e}", program.display())))?;
    Ok(Finished { code: output.status.code(), stdout: String::from_utf8_lossy(&output.stdout).into_owned() })
}
