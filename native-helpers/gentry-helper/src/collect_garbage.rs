//! `collect-garbage`: `nix-store --gc`, or with `--dry-run` `nix-store --gc --print-dead` plus the
//! dead paths' NAR sizes from `nix-store -q --size` (an estimate of what a real run would free).
#![forbid(unsafe_code)]

use crate::json::Json;
use crate::output::{Failure, Fields, progress};
use crate::paths::{Root, nix_store};
use crate::process::run as run_program;
use crate::profile::is_store_path;

const VERB: &str = "collect-garbage";
/// Paths per `nix-store -q --size` call (keeps argv far below the kernel's limit).
const SIZE_BATCH: usize = 500;

/// What `collect-garbage` was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CollectGarbage {
    pub dry_run: bool,
}

/// Parses `[--dry-run]` (once).
pub fn parse(options: &[String]) -> Result<CollectGarbage, String> {
    match options {
        [] => Ok(CollectGarbage { dry_run: false }),
        [flag] if flag == "--dry-run" => Ok(CollectGarbage { dry_run: true }),
        [flag, again, ..] if flag == "--dry-run" && again == "--dry-run" => Err("--dry-run given twice".into()),
        [flag, other, ..] if flag == "--dry-run" => Err(format!("unexpected argument {other:?} for {VERB}")),
        [other, ..] => Err(format!("unexpected argument {other:?} for {VERB}")),
    }
}

/// Runs the garbage collector (or only lists what it would delete); the result fields.
pub fn run(root: &Root, request: &CollectGarbage) -> Fields {
    let dry_run = request.dry_run;
    let nix_store = nix_store(root)?;
    if dry_run {
        progress(VERB, "find-dead", &format!("{} --gc --print-dead", nix_store.display()));
        let finished = run_program(&nix_store, &["--gc", "--print-dead"], true)?;
        if !finished.ok() {
            return Err(Failure::failed(format!("nix-store --gc --print-dead {}; nothing was deleted", finished.describe())));
        }
        let dead: Vec<&str> = finished.stdout.lines().map(str::trim).filter(|l| is_store_path(l)).collect();
        progress(VERB, "size", &format!("{} dead paths; adding up their sizes", dead.len()));
        let bytes = dead_size(&nix_store, &dead);
        return Ok(vec![
            ("dryRun".to_string(), Json::Bool(true)),
            ("deadPaths".to_string(), Json::Num(dead.len() as u64)),
            ("bytes".to_string(), bytes.map_or(Json::Null, Json::Num)),
            ("estimate".to_string(), Json::Bool(true)),
            (
                "note".to_string(),
                Json::str(
                    "bytes is the sum of the dead paths' NAR sizes from the Nix database (nix-store -q --size); the disk space a real run frees differs (hard links, block sizes); null when the sizes could not be read",
                ),
            ),
        ]);
    }

    progress(VERB, "collect", &format!("{} --gc", nix_store.display()));
    let finished = run_program(&nix_store, &["--gc"], true)?;
    if !finished.ok() {
        return Err(Failure::failed(format!(
            "nix-store --gc {}; some paths may have been deleted (a partial collection is still consistent)",
            finished.describe()
        )));
    }
    let summary = parse_freed(&finished.stdout);
    Ok(vec![
        ("dryRun".to_string(), Json::Bool(false)),
        ("deletedPaths".to_string(), summary.map_or(Json::Null, |(n, _)| Json::Num(n))),
        ("bytesFreed".to_string(), summary.map_or(Json::Null, |(_, b)| Json::Num(b))),
        ("estimate".to_string(), Json::Bool(true)),
        (
            "note".to_string(),
            Json::str(
                "bytesFreed is parsed from nix-store's summary line, which Nix rounds (e.g. to 0.01 MiB); null when the line was not found",
            ),
        ),
    ])
}

/// The sum of the NAR sizes of `paths`, or None when nix-store could not be run. `--print-dead` also
/// lists store entries that are not valid paths (a killed build's `.lock` file, a path deleted
/// meanwhile), which make a whole `-q --size` batch fail: for such a batch, `--check-validity
/// --print-invalid` names them in one call, and the rest of the batch is sized without them.
fn dead_size(nix_store: &std::path::Path, paths: &[&str]) -> Option<u64> {
    let mut total: u64 = 0;
    for batch in paths.chunks(SIZE_BATCH) {
        let sum = match sizes(nix_store, batch)? {
            Some(sum) => sum,
            None => {
                let invalid = invalid_paths(nix_store, batch)?;
                let valid: Vec<&str> = batch.iter().copied().filter(|p| !invalid.contains(p)).collect();
                if valid.is_empty() { 0 } else { sizes(nix_store, &valid)?? }
            }
        };
        total = total.saturating_add(sum);
    }
    Some(total)
}

/// The entries of `batch` that are not valid store paths, or None when nix-store could not tell.
fn invalid_paths<'a>(nix_store: &std::path::Path, batch: &[&'a str]) -> Option<Vec<&'a str>> {
    let mut args = vec!["--check-validity", "--print-invalid"];
    args.extend_from_slice(batch);
    let finished = run_program(nix_store, &args, true).ok()?;
    if !finished.ok() {
        return None;
    }
    let listed: std::collections::HashSet<&str> = finished.stdout.lines().map(str::trim).collect();
    Some(batch.iter().copied().filter(|p| listed.contains(p)).collect())
}

/// One `nix-store -q --size` call: None when it could not run, Some(None) when nix-store refused the batch.
fn sizes(nix_store: &std::path::Path, batch: &[&str]) -> Option<Option<u64>> {
    let mut args = vec!["-q", "--size"];
    args.extend_from_slice(batch);
    let finished = run_program(nix_store, &args, true).ok()?;
    if !finished.ok() {
        return Some(None);
    }
    let mut sum: u64 = 0;
    for line in finished.stdout.lines() {
        match line.trim().parse::<u64>() {
            Ok(n) => sum = sum.saturating_add(n),
            Err(_) => return Some(None),
        }
    }
    Some(Some(sum))
}

/// Reads nix-store's `N store paths deleted, X UNIT freed` line: (paths, bytes).
pub fn parse_freed(stdout: &str) -> Option<(u64, u64)> {
    stdout.lines().rev().find_map(|line| {
        let (count, rest) = line.trim().split_once(" store paths deleted, ")?;
        let amount = rest.strip_suffix(" freed")?;
        let (number, unit) = amount.split_once(' ')?;
        let scale: f64 = match unit {
            "B" | "bytes" => 1.0,
            "KiB" => 1024.0,
            "MiB" => 1024.0 * 1024.0,
            "GiB" => 1024.0 * 1024.0 * 1024.0,
            "TiB" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
            _ => return None,
        };
        let value: f64 = number.parse().ok().filter(|v: &f64| v.is_finite() && *v >= 0.0)?;
        Some((count.parse().ok()?, (value * scale).round() as u64))
    })
}

#[cfg(test)]
mod tests {
    use super::parse_freed;

    #[test]
    fn parses_the_summary_line_in_any_unit() {
        assert_eq!(parse_freed("deleting x\n3 store paths deleted, 0.01 MiB freed\n"), Some((3, 10486)));
        assert_eq!(parse_freed("0 store paths deleted, 0.00 MiB freed\n"), Some((0, 0)));
        assert_eq!(parse_freed("12 store paths deleted, 1.5 GiB freed"), Some((12, 1610612736)));
        assert_eq!(parse_freed("2 store paths deleted, 512 KiB freed"), Some((2, 524288)));
        assert_eq!(parse_freed("nothing to see"), None);
        assert_eq!(parse_freed("3 store paths deleted, -1 MiB freed"), None);
    }
}
