//! systemd-boot's EFI variables through Linux's efivarfs: a file `<Name>-<vendor GUID>` holding 4
//! bytes of attributes (little-endian) and the value as UTF-16LE with a terminating NUL. efivarfs
//! has no rename: a variable is replaced by ONE write() of the whole buffer, which the kernel
//! applies atomically. Most variable files are immutable (`chattr +i`) and must be made writable
//! first; filesystems without the flags ioctl (tmpfs, overlays in tests) carry on without it.
#![forbid(unsafe_code)]

use crate::fsroot::{Dir, Kind};
use crate::output::Failure;
use crate::sys;
use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::PathBuf;

/// systemd-boot's vendor GUID.
pub const LOADER_GUID: &str = "4a67b082-0a4c-41cf-b6c7-440b29bb8c4f";
/// Where efivarfs is mounted.
pub const EFIVARS_DIR: &str = "/sys/firmware/efi/efivars";
/// EFI_VARIABLE_NON_VOLATILE | BOOTSERVICE_ACCESS | RUNTIME_ACCESS, as bootctl writes them.
pub const ATTRIBUTES: u32 = 0x07;

/// The efivarfs file name of one of systemd-boot's variables.
pub fn file_name(name: &str) -> String {
    format!("{name}-{LOADER_GUID}")
}

/// The bytes efivarfs takes for `value`: attributes, UTF-16LE, two zero bytes.
pub fn encode(value: &str) -> Vec<u8> {
    let mut out = ATTRIBUTES.to_le_bytes().to_vec();
    for unit in value.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out.extend_from_slice(&[0, 0]);
    out
}

/// The string in an efivarfs file's bytes (attributes skipped, up to the first NUL); None when the
/// file is too short to hold the attributes.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let data = bytes.get(4..)?;
    let units: Vec<u16> = data.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).take_while(|&unit| unit != 0).collect();
    Some(String::from_utf16_lossy(&units))
}

/// One of systemd-boot's variables in the efivarfs directory `dir` (an open handle: the variable
/// file is opened relative to it, never through a symlink).
pub struct Variable<'a> {
    dir: &'a Dir,
    file: String,
    /// Where the variable is on this root (for messages).
    pub path: PathBuf,
}

impl<'a> Variable<'a> {
    /// The variable `name` (e.g. `LoaderEntryDefault`) in the efivarfs directory `dir`.
    pub fn new(dir: &'a Dir, name: &str) -> Variable<'a> {
        let file = file_name(name);
        Variable { dir, path: dir.shown(&file), file }
    }

    /// Whether the variable exists: nothing, or a regular file; anything else is refused.
    fn exists(&self) -> Result<bool, Failure> {
        match self.dir.kind(&self.file) {
            Ok(Kind::Missing) => Ok(false),
            Ok(Kind::File) => Ok(true),
            Ok(_) => Err(Failure::refused(format!("{} is not a regular file (a symlink?); refusing to touch it", self.path.display()))),
            Err(error) => Err(Failure::failed(format!("cannot read {}: {error}", self.path.display()))),
        }
    }

    /// Opens the existing variable read-only (never through a symlink), for reading and the flags ioctl.
    fn open_existing(&self) -> Result<File, Failure> {
        self.dir.open_read(&self.file).map_err(|e| Failure::failed(format!("cannot open {}: {e}", self.path.display())))
    }

    /// Its value, or None when it is not set.
    pub fn read(&self) -> Result<Option<String>, Failure> {
        if !self.exists()? {
            return Ok(None);
        }
        let bytes = self.dir.read(&self.file, 64 * 1024).map_err(|e| Failure::failed(format!("cannot read {}: {e}", self.path.display())))?;
        Ok(decode(&bytes))
    }

    /// Writes `value` in one write() call, clearing the immutable flag first and putting it back
    /// after. On error the message says the variable still holds its old value.
    pub fn write(&self, value: &str) -> Result<(), Failure> {
        let path = &self.path;
        let was_immutable = if self.exists()? {
            sys::clear_immutable(&self.open_existing()?)
                .map_err(|e| Failure::failed(format!("cannot clear the immutable flag of {}: {e}; nothing was changed", path.display())))?
        } else {
            false
        };
        let buffer = encode(value);
        let outcome = self.dir.open_write(&self.file, true, 0o644).and_then(|mut file| {
            let written = file.write(&buffer)?;
            if written != buffer.len() {
                return Err(std::io::Error::other(format!("short write: {written} of {} bytes", buffer.len())));
            }
            Ok(file)
        });
        match outcome {
            Ok(file) => {
                if was_immutable {
                    // Put the flag back as bootctl does; a variable left mutable still works.
                    let _ = sys::set_immutable(&file);
                }
                Ok(())
            }
            Err(error) => {
                if was_immutable && let Ok(file) = self.open_existing() {
                    let _ = sys::set_immutable(&file);
                }
                Err(Failure::failed(format!("could not write {}: {error}; the firmware keeps the old value", path.display())))
            }
        }
    }

    /// Deletes the variable (clearing the immutable flag first); false when it was not set.
    pub fn remove(&self) -> Result<bool, Failure> {
        let path = &self.path;
        if !self.exists()? {
            return Ok(false);
        }
        let file = self.open_existing()?;
        let was_immutable = sys::clear_immutable(&file)
            .map_err(|e| Failure::failed(format!("cannot clear the immutable flag of {}: {e}; nothing was changed", path.display())))?;
        match self.dir.unlink(&self.file) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == ErrorKind::NotFound => Ok(false),
            Err(error) => {
                if was_immutable {
                    let _ = sys::set_immutable(&file);
                }
                Err(Failure::failed(format!("could not delete {}: {error}; the variable is still set", path.display())))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_the_kernel_takes_it() {
        assert_eq!(encode("a.conf"), b"\x07\0\0\0a\0.\0c\0o\0n\0f\0\0\0");
        assert_eq!(encode(""), b"\x07\0\0\0\0\0");
        // Outside the BMP: a surrogate pair.
        assert_eq!(encode("é😀"), b"\x07\0\0\0\xe9\0\x3d\xd8\x00\xde\0\0");
    }

    #[test]
    fn decodes_up_to_the_first_nul() {
        assert_eq!(decode(&encode("nixos-generation-42.conf")).as_deref(), Some("nixos-generation-42.conf"));
        assert_eq!(decode(b"\x07\0\0\0x\0\0\0garbage").as_deref(), Some("x"));
        assert_eq!(decode(b"\x07\0\0\0x\0y").as_deref(), Some("x"), "an odd trailing byte is dropped");
        assert_eq!(decode(b"\x07\0\0\0").as_deref(), Some(""));
        assert_eq!(decode(b"\x07\0\0"), None);
        assert_eq!(file_name("LoaderEntryOneShot"), "LoaderEntryOneShot-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f");
    }

    #[test]
    fn writes_reads_and_removes_a_variable() {
        let dir = std::env::temp_dir().join(format!("gentry-helper-efivar-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).unwrap();
        let handle = crate::fsroot::Root::real().dir(&dir.to_string_lossy()).unwrap();
        let var = Variable::new(&handle, "LoaderEntryDefault");
        assert_eq!(var.read().unwrap(), None);
        var.write("a-much-longer-entry-name.conf").unwrap();
        var.write("b.conf").unwrap();
        assert_eq!(std::fs::read(&var.path).unwrap(), encode("b.conf"), "a shorter value leaves no tail");
        assert_eq!(var.read().unwrap().as_deref(), Some("b.conf"));
        assert!(var.remove().unwrap());
        assert!(!var.remove().unwrap());
        std::os::unix::fs::symlink("/etc/hostname", &var.path).unwrap();
        assert!(var.write("c.conf").is_err());
        assert!(var.remove().is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
