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

/// Runs `program args…`. Its stderr goes to ours; its stdout is captured when `capture`, otherwise
/// it also goes to our stderr, so nothing but the helper's own JSON ever reaches stdout.
pub fn run(program: &Path, args: &[&str], capture: bool) -> Result<Finished, Failure> {
    let mut command = Command::new(program);
    command.args(args).env_clear().env("PATH", CHILD_PATH).current_dir("/").stdin(Stdio::null()).stderr(Stdio::inherit());
    command.stdout(if capture { Stdio::piped() } else { Stdio::from(std::io::stderr()) });
    let output = command.output().map_err(|e| Failure::failed(format!("could not start {}: {e}", program.display())))?;
    Ok(Finished { code: output.status.code(), stdout: String::from_utf8_lossy(&output.stdout).into_owned() })
}
