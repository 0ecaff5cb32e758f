//! systemd-boot's `loader/loader.conf`: read and set its `timeout` line, keeping every other line
//! and comment byte for byte, and the text of a boot entry file (`loader/entries/*.conf`) checked
//! before it is written.
#![forbid(unsafe_code)]

/// The most an entry written by `write-entry` may hold.
pub const MAX_ENTRY_BYTES: usize = 64 * 1024;

/// If `line` (without its newline) is a `timeout` line, its value (trimmed, possibly empty).
/// systemd-boot skips leading whitespace, takes the first word as the key, the rest as the value.
fn timeout_value(line: &[u8]) -> Option<&[u8]> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let start = line.iter().position(|b| !matches!(b, b' ' | b'\t')).unwrap_or(line.len());
    let rest = line[start..].strip_prefix(b"timeout")?;
    if !(rest.is_empty() || matches!(rest[0], b' ' | b'\t')) {
        return None;
    }
    let trimmed = rest.trim_ascii();
    Some(trimmed)
}

/// The timeout in effect (the last `timeout` line wins in systemd-boot), or None without one.
pub fn timeout(text: &[u8]) -> Option<String> {
    text.split(|&b| b == b'\n').filter_map(timeout_value).next_back().map(|v| String::from_utf8_lossy(v).into_owned())
}

/// `text` with every `timeout` line set to `timeout VALUE` (a `\r` before the newline is kept),
/// or, without one, `timeout VALUE` appended as a last line. Nothing else changes.
pub fn set_timeout(text: &[u8], value: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 32);
    let mut found = false;
    let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    for (i, line) in lines.iter().enumerate() {
        if timeout_value(line).is_some() {
            found = true;
            out.extend_from_slice(b"timeout ");
            out.extend_from_slice(value.as_bytes());
            if line.ends_with(b"\r") {
                out.push(b'\r');
            }
        } else {
            out.extend_from_slice(line);
        }
        if i + 1 < lines.len() {
            out.push(b'\n');
        }
    }
    if !found {
        if !out.is_empty() && !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        out.extend_from_slice(b"timeout ");
        out.extend_from_slice(value.as_bytes());
        out.push(b'\n');
    }
    out
}

/// Checks the text of a boot entry for `write-entry`: at most 64 KiB of UTF-8 without NUL or
/// other control characters (tab and a `\r` before the newline aside); every non-blank line is a
/// `#` comment or `key value` with a key of `[a-z-]+`; one of `linux`, `efi` or `uki` names what
/// to load. The error says what is wrong.
pub fn check_entry(bytes: &[u8]) -> Result<&str, String> {
    if bytes.len() > MAX_ENTRY_BYTES {
        return Err(format!("the entry text is more than {MAX_ENTRY_BYTES} bytes"));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "the entry text is not UTF-8".to_string())?;
    if text.trim().is_empty() {
        return Err("the entry text is empty".into());
    }
    let mut loads = false;
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(c) = line.chars().find(|&c| (c.is_control() && c != '\t') || c == '\u{2028}' || c == '\u{2029}') {
            return Err(format!("line {} holds the control character U+{:04X}", n + 1, c as u32));
        }
        let body = line.trim_start_matches([' ', '\t']);
        if body.trim_end_matches([' ', '\t']).is_empty() || body.starts_with('#') {
            continue;
        }
        let key_len = body.bytes().take_while(|b| b.is_ascii_lowercase() || *b == b'-').count();
        let (key, rest) = body.split_at(key_len);
        let value = rest.trim_start_matches([' ', '\t']);
        if key.is_empty() || value.len() == rest.len() || value.trim_end_matches([' ', '\t']).is_empty() {
            return Err(format!("line {} is not a comment or \"key value\" with a key of a-z and -: {line:?}", n + 1));
        }
        loads |= matches!(key, "linux" | "efi" | "uki");
    }
    if !loads {
        return Err("the entry names nothing to boot: it needs a linux, efi or uki line".into());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NIXOS: &str = "timeout 5\ndefault nixos-generation-42.conf\nconsole-mode keep\n";

    #[test]
    fn reads_the_timeout_in_effect() {
        assert_eq!(timeout(NIXOS.as_bytes()).as_deref(), Some("5"));
        assert_eq!(timeout(b"# timeout 9\ntimeout 1\n  timeout\tmenu-force  \n").as_deref(), Some("menu-force"));
        assert_eq!(timeout(b"timeouts 3\ndefault x\n"), None);
        assert_eq!(timeout(b""), None);
    }

    #[test]
    fn rewrites_only_the_timeout_line() {
        assert_eq!(set_timeout(NIXOS.as_bytes(), "3"), b"timeout 3\ndefault nixos-generation-42.conf\nconsole-mode keep\n");
        assert_eq!(
            set_timeout(b"# my comment\r\n  timeout 10\r\neditor 0\r\n", "menu-force"),
            b"# my comment\r\ntimeout menu-force\r\neditor 0\r\n"
        );
        // Every timeout line is set, so the last one (the one in effect) has the new value too.
        assert_eq!(set_timeout(b"timeout 1\n# x\ntimeout 2\n", "0"), b"timeout 0\n# x\ntimeout 0\n");
        // A commented-out timeout and look-alike keys stay as they are.
        assert_eq!(set_timeout(b"#timeout 1\ntimeouts 2\n", "7"), b"#timeout 1\ntimeouts 2\ntimeout 7\n");
    }

    #[test]
    fn adds_a_missing_timeout_line_at_the_end() {
        assert_eq!(set_timeout(b"default a.conf", "4"), b"default a.conf\ntimeout 4\n");
        assert_eq!(set_timeout(b"default a.conf\n", "4"), b"default a.conf\ntimeout 4\n");
        assert_eq!(set_timeout(b"", "menu-force"), b"timeout menu-force\n");
    }

    #[test]
    fn accepts_plain_entries() {
        let memtest = "title Memtest86+\nefi /efi/memtest86/memtest.efi\n";
        assert_eq!(check_entry(memtest.as_bytes()), Ok(memtest));
        let linux = "# hand-written\r\ntitle Rescue\nsort-key z\nlinux /EFI/rescue/vmlinuz\ninitrd /EFI/rescue/initrd\noptions init=/bin/sh quiet\n\n";
        assert!(check_entry(linux.as_bytes()).is_ok());
        assert!(check_entry(b"uki /EFI/Linux/arch.efi").is_ok());
        assert!(check_entry(b"  title\tIndented\n\tefi\t/x.efi  \n").is_ok());
    }

    #[test]
    fn refuses_malformed_entries() {
        let big = format!("efi /x.efi\n#{}\n", "x".repeat(MAX_ENTRY_BYTES));
        for bad in [
            &b""[..],
            b"\n  \n",
            b"title No kernel\n",
            b"title A\nefi\n",
            b"title A\nefi   \n",
            b"Title A\nefi /x.efi\n",
            b"title_x A\nefi /x.efi\n",
            b"efi /x.efi\ntitle A\0B\n",
            b"efi /x.efi\ntitle \x1b[31mred\n",
            b"efi /x.efi\ntitle \xff\n",
            b"efi /x.efi\n= x\n",
            big.as_bytes(),
        ] {
            assert!(check_entry(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }
}
