//! The helper's protocol: JSON lines on stdout (progress events, then exactly one result), human
//! text on stderr, and the exit codes.
#![forbid(unsafe_code)]

use crate::json::Json;
use std::io::Write;

/// How the helper ends. The numbers are the protocol's exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: the operation was done.
    Done = 0,
    /// 2: the arguments were malformed; nothing was touched.
    Usage = 2,
    /// 3: refused by policy (current or booted generation, an unsafe link or symlink, a missing or
    /// NixOS-managed boot entry, a bad entry text, a grubenv that is not a GRUB block or would
    /// overflow, `--root` under pkexec or sudo); nothing was touched.
    Refused = 3,
    /// 4: the operation failed; the result says what was restored.
    Failed = 4,
}

impl Exit {
    /// The `kind` field of a failed result.
    pub fn kind(self) -> &'static str {
        match self {
            Exit::Done => "done",
            Exit::Usage => "usage",
            Exit::Refused => "refused",
            Exit::Failed => "failed",
        }
    }
}

/// What a verb returns: its result fields, or why it did not succeed.
pub type Fields = Result<Vec<(String, Json)>, Failure>;

/// Why a verb did not succeed: the exit code, a message that says what to do next, and extra
/// result fields (what was changed and what was restored).
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
    pub fields: Vec<(String, Json)>,
}

impl Failure {
    /// A policy refusal (exit 3); nothing was changed.
    pub fn refused(message: impl Into<String>) -> Failure {
        Failure { exit: Exit::Refused, message: message.into(), fields: Vec::new() }
    }

    /// A failure (exit 4) before anything was changed.
    pub fn failed(message: impl Into<String>) -> Failure {
        Failure { exit: Exit::Failed, message: message.into(), fields: Vec::new() }
    }

    /// Adds a result field.
    pub fn with(mut self, key: &str, value: Json) -> Failure {
        self.fields.push((key.to_string(), value));
        self
    }
}

/// Writes one line of human text to stderr. Unlike eprintln!, a closed or hung-up stderr (the
/// terminal went away during a rebuild) is ignored instead of ending the helper in a panic.
pub fn note(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "gentry-helper: {message}");
}

/// Writes one JSON line to stdout and flushes it (a reader acts on each line as it comes).
fn emit(value: &Json) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", value.to_line());
    let _ = stdout.flush();
}

/// Reports a step in progress: a JSON progress line on stdout and the same words on stderr.
pub fn progress(verb: &str, step: &str, message: &str) {
    emit(&Json::Obj(vec![
        ("event".into(), Json::str("progress")),
        ("verb".into(), Json::str(verb)),
        ("step".into(), Json::str(step)),
        ("message".into(), Json::str(message)),
    ]));
    note(message);
}

/// Prints the one result line for a verb that succeeded.
pub fn success(verb: &str, fields: Vec<(String, Json)>) -> Exit {
    let mut all = vec![
        ("event".to_string(), Json::str("result")),
        ("ok".to_string(), Json::Bool(true)),
        ("verb".to_string(), Json::str(verb)),
        ("exitCode".to_string(), Json::Num(0)),
    ];
    all.extend(fields);
    emit(&Json::Obj(all));
    Exit::Done
}

/// Prints the one result line for a verb that did not succeed (`verb` is null when the arguments
/// did not name one), and its message on stderr.
pub fn failure(verb: Option<&str>, failure: Failure) -> Exit {
    let mut all = vec![
        ("event".to_string(), Json::str("result")),
        ("ok".to_string(), Json::Bool(false)),
        ("verb".to_string(), verb.map_or(Json::Null, Json::str)),
        ("exitCode".to_string(), Json::Num(failure.exit as u64)),
        ("kind".to_string(), Json::str(failure.exit.kind())),
        ("error".to_string(), Json::str(failure.message.clone())),
    ];
    if !failure.fields.iter().any(|(key, _)| key == "restored") {
        all.push(("restored".to_string(), Json::Arr(Vec::new())));
    }
    all.extend(failure.fields);
    emit(&Json::Obj(all));
    note(&failure.message);
    failure.exit
}
