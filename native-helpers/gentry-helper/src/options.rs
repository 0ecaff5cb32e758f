//! The option grammar the verbs share: `--name value` pairs after the verb, in any order. Each
//! verb's `parse` says which names it takes and which may repeat; everything else (unknown names,
//! `--name=value`, a missing value, a stray word) is an error that names it.
#![forbid(unsafe_code)]

/// The `--name value` pairs of `options`, in order. Names outside `known` are refused, and so is a
/// name given twice unless it is in `repeatable`.
pub fn pairs<'a>(verb: &str, options: &'a [String], known: &[&str], repeatable: &[&str]) -> Result<Vec<(&'a str, &'a str)>, String> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    let mut rest = options;
    while let Some((option, tail)) = rest.split_first() {
        if !known.contains(&option.as_str()) {
            return Err(format!("unexpected argument {option:?} for {verb}"));
        }
        let value = tail.first().ok_or_else(|| format!("{option} needs a value"))?;
        if !repeatable.contains(&option.as_str()) && out.iter().any(|(name, _)| name == option) {
            return Err(format!("{option} given twice"));
        }
        out.push((option, value));
        rest = &tail[1..];
    }
    Ok(out)
}

/// The one value of `name` among `pairs`, or the error "VERB needs NAME".
pub fn required<'a>(verb: &str, pairs: &[(&str, &'a str)], name: &str) -> Result<&'a str, String> {
    pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).ok_or_else(|| format!("{verb} needs {name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &[&str]) -> Vec<String> {
        line.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn pairs_in_any_order_and_errors_that_name_the_option() {
        let line = args(&["--b", "2", "--a", "1", "--b", "3"]);
        assert_eq!(pairs("v", &line, &["--a", "--b"], &["--b"]), Ok(vec![("--b", "2"), ("--a", "1"), ("--b", "3")]));
        assert_eq!(pairs("v", &args(&["--a", "1", "--a", "2"]), &["--a"], &[]), Err("--a given twice".into()));
        assert_eq!(pairs("v", &args(&["--a"]), &["--a"], &[]), Err("--a needs a value".into()));
        assert_eq!(pairs("v", &args(&["--a=1"]), &["--a"], &[]), Err("unexpected argument \"--a=1\" for v".into()));
        assert_eq!(required("v", &[("--a", "1")], "--b"), Err("v needs --b".into()));
    }
}
