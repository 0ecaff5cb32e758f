//! GRUB's environment block (`grub/grubenv`): exactly 1024 bytes, `# GRUB Environment Block\n`,
//! then `name=value\n` lines (a `\` or newline in a value is escaped with a `\`), then `#` padding.
//! Lines are kept byte for byte except the one variable being set or removed, as GRUB's own
//! `grub_envblk_set`/`grub_envblk_delete` do.
#![forbid(unsafe_code)]

/// The size of every environment block.
pub const SIZE: usize = 1024;
/// The first line of every environment block.
pub const HEADER: &[u8] = b"# GRUB Environment Block\n";

/// One line of the block, without its newline: a `#` comment or a variable (value still escaped).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    Comment(Vec<u8>),
    Variable { name: Vec<u8>, escaped: Vec<u8> },
}

/// A parsed environment block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    lines: Vec<Line>,
}

/// Escapes a value as GRUB writes it: `\` before every `\` and newline.
pub fn escape(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len());
    for &b in value {
        if b == b'\\' || b == b'\n' {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}

/// Undoes `escape`: a `\` takes the next byte literally.
pub fn unescape(escaped: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(escaped.len());
    let mut bytes = escaped.iter();
    while let Some(&b) = bytes.next() {
        if b == b'\\' {
            if let Some(&next) = bytes.next() {
                out.push(next);
            }
        } else {
            out.push(b);
        }
    }
    out
}

impl Block {
    /// An empty block, as `grub-editenv create` makes it.
    pub fn fresh() -> Block {
        Block { lines: Vec::new() }
    }

    /// Parses a whole grubenv file. Refused (with the reason) unless it is exactly 1024 bytes,
    /// starts with the header, has `#` padding after a final newline, and every line is a `#`
    /// comment or `name=value`.
    pub fn parse(bytes: &[u8]) -> Result<Block, String> {
        if bytes.len() != SIZE {
            return Err(format!("it is {} bytes, not {SIZE}", bytes.len()));
        }
        if !bytes.starts_with(HEADER) {
            return Err("it does not start with \"# GRUB Environment Block\"".into());
        }
        // The padding: trailing '#' back to the last newline (the header's, when empty).
        let mut end = SIZE;
        while end > HEADER.len() && bytes[end - 1] == b'#' {
            end -= 1;
        }
        if bytes[end - 1] != b'\n' {
            return Err("its last line is not terminated before the # padding".into());
        }
        let body = &bytes[HEADER.len()..end];
        let mut lines = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < body.len() {
            match body[i] {
                b'\\' => i += 2,
                b'\n' => {
                    lines.push(Self::parse_line(&body[start..i])?);
                    i += 1;
                    start = i;
                }
                _ => i += 1,
            }
        }
        if start != body.len() {
            return Err("its last line ends in an escaped newline".into());
        }
        Ok(Block { lines })
    }

    fn parse_line(line: &[u8]) -> Result<Line, String> {
        if line.first() == Some(&b'#') {
            return Ok(Line::Comment(line.to_vec()));
        }
        match line.iter().position(|&b| b == b'=') {
            Some(0) | None => Err(format!("the line {:?} is not name=value", String::from_utf8_lossy(line))),
            Some(eq) => Ok(Line::Variable { name: line[..eq].to_vec(), escaped: line[eq + 1..].to_vec() }),
        }
    }

    /// The value of `name` (unescaped), as GRUB's load_env would leave it: the last line wins.
    pub fn get(&self, name: &str) -> Option<Vec<u8>> {
        self.lines.iter().rev().find_map(|line| match line {
            Line::Variable { name: n, escaped } if n == name.as_bytes() => Some(unescape(escaped)),
            _ => None,
        })
    }

    /// Sets `name` to `value`: its first line is rewritten in place (later duplicates removed), or
    /// a line is appended after the others.
    pub fn set(&mut self, name: &str, value: &[u8]) {
        let escaped = escape(value);
        let mut seen = false;
        self.lines.retain_mut(|line| match line {
            Line::Variable { name: n, escaped: e } if n == name.as_bytes() => {
                if seen {
                    return false;
                }
                seen = true;
                *e = escaped.clone();
                true
            }
            _ => true,
        });
        if !seen {
            self.lines.push(Line::Variable { name: name.as_bytes().to_vec(), escaped });
        }
    }

    /// Removes every line of `name`; true when there was one.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.lines.len();
        self.lines.retain(|line| !matches!(line, Line::Variable { name: n, .. } if n == name.as_bytes()));
        self.lines.len() != before
    }

    /// The block as a 1024-byte file; Err(the size it would need) when it does not fit.
    pub fn encode(&self) -> Result<Vec<u8>, usize> {
        let mut out = HEADER.to_vec();
        for line in &self.lines {
            match line {
                Line::Comment(text) => out.extend_from_slice(text),
                Line::Variable { name, escaped } => {
                    out.extend_from_slice(name);
                    out.push(b'=');
                    out.extend_from_slice(escaped);
                }
            }
            out.push(b'\n');
        }
        if out.len() > SIZE {
            return Err(out.len());
        }
        out.resize(SIZE, b'#');
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(body: &str) -> Vec<u8> {
        let mut bytes = HEADER.to_vec();
        bytes.extend_from_slice(body.as_bytes());
        bytes.resize(SIZE, b'#');
        bytes
    }

    #[test]
    fn a_fresh_block_is_the_header_and_padding() {
        let bytes = Block::fresh().encode().unwrap();
        assert_eq!(bytes.len(), 1024);
        assert_eq!(&bytes[..25], b"# GRUB Environment Block\n");
        assert!(bytes[25..].iter().all(|&b| b == b'#'));
        assert_eq!(Block::parse(&bytes).unwrap(), Block::fresh());
    }

    #[test]
    fn set_rewrites_in_place_and_keeps_other_lines_byte_for_byte() {
        let original = block("saved_entry=0\n#note\\\nstill note\nboot_success=1\nnext_entry=\n");
        let mut env = Block::parse(&original).unwrap();
        assert_eq!(env.encode().unwrap(), original, "parse then encode is the identity");
        assert_eq!(env.get("saved_entry"), Some(b"0".to_vec()));
        env.set("saved_entry", "All configurations>NixOS - Configuration 42 (2025-09-04 - 25.05)".as_bytes());
        assert_eq!(
            env.encode().unwrap(),
            block(
                "saved_entry=All configurations>NixOS - Configuration 42 (2025-09-04 - 25.05)\n#note\\\nstill note\nboot_success=1\nnext_entry=\n"
            )
        );
        env.set("next_entry", b"NixOS - Default");
        env.set("fresh", b"x");
        let text = env.encode().unwrap();
        assert!(text.starts_with(b"# GRUB Environment Block\nsaved_entry=All configurations>"));
        assert!(String::from_utf8_lossy(&text).contains("boot_success=1\nnext_entry=NixOS - Default\nfresh=x\n#"));
    }

    #[test]
    fn values_are_escaped_and_unescaped() {
        assert_eq!(escape(b"a\\b\nc"), b"a\\\\b\\\nc");
        assert_eq!(unescape(b"a\\\\b\\\nc"), b"a\\b\nc");
        let mut env = Block::fresh();
        env.set("saved_entry", b"C:\\boot\nx");
        let bytes = env.encode().unwrap();
        assert!(bytes.starts_with(b"# GRUB Environment Block\nsaved_entry=C:\\\\boot\\\nx\n#"));
        let back = Block::parse(&bytes).unwrap();
        assert_eq!(back.get("saved_entry"), Some(b"C:\\boot\nx".to_vec()));
        assert_eq!(back, env);
    }

    #[test]
    fn remove_drops_every_line_of_the_name_only() {
        let mut env = Block::parse(&block("next_entry=a\nsaved_entry=b\nnext_entry=c\n")).unwrap();
        assert_eq!(env.get("next_entry"), Some(b"c".to_vec()), "the last line wins, as in load_env");
        assert!(env.remove("next_entry"));
        assert!(!env.remove("next_entry"));
        assert_eq!(env.encode().unwrap(), block("saved_entry=b\n"));
    }

    #[test]
    fn exactly_1024_bytes_fit_and_one_more_is_refused() {
        let mut env = Block::fresh();
        // header 25 + "saved_entry=" 12 + value + "\n" 1 = 1024 when the value is 986 bytes.
        env.set("saved_entry", &[b'x'; 986]);
        let bytes = env.encode().unwrap();
        assert_eq!(bytes.len(), 1024);
        assert_eq!(bytes[1023], b'\n', "no padding left");
        assert_eq!(Block::parse(&bytes).unwrap().get("saved_entry"), Some(vec![b'x'; 986]));
        env.set("saved_entry", &[b'x'; 987]);
        assert_eq!(env.encode(), Err(1025));
        // Escapes count: 493 backslashes need 986 bytes.
        env.set("saved_entry", &[b'\\'; 494]);
        assert_eq!(env.encode(), Err(1026));
    }

    #[test]
    fn malformed_blocks_are_refused() {
        assert!(Block::parse(&block("saved_entry=a\n")[..1023]).is_err(), "1023 bytes");
        let mut long = block("saved_entry=a\n");
        long.push(b'#');
        assert!(Block::parse(&long).is_err(), "1025 bytes");
        let mut header = block("saved_entry=a\n");
        header[2] = b'g';
        assert!(Block::parse(&header).is_err(), "wrong header");
        assert!(Block::parse(&block("saved_entry=a")).is_err(), "no newline before the padding");
        assert!(Block::parse(&block("just words\n")).is_err(), "not name=value");
        assert!(Block::parse(&block("=value\n")).is_err(), "empty name");
        assert!(Block::parse(&block("a=b\\\n")).is_err(), "escaped final newline");
        assert!(Block::parse(&[b'#'; 1024]).is_err());
    }
}
