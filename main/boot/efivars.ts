// systemd-boot's EFI variables as Linux's efivarfs shows them (nix-formats.md §3): a file
// `<Name>-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f` holding 4 bytes of attributes, then the value as
// UTF-16LE with a terminating NUL.
import { join } from 'node:path';
import { readRegularFile } from '../infra/state-file.ts';

/** The vendor GUID of systemd-boot's variables. */
export const LOADER_GUID = '4a67b082-0a4c-41cf-b6c7-440b29bb8c4f';

/** Decodes an efivarfs file's bytes into the string it holds (attributes skipped, NUL and what follows dropped). */
export function decodeEfiString(bytes: Uint8Array): string {
  if (bytes.length < 4) throw new Error(`an EFI variable needs at least 4 bytes of attributes, got ${bytes.length}`);
  let out = '';
  for (let i = 4; i + 1 < bytes.length; i += 2) {
    const unit = (bytes[i] as number) | ((bytes[i + 1] as number) << 8);
    if (unit === 0) break;
    out += String.fromCharCode(unit);
  }
  return out;
}

/** The most an EFI variable file may hold for Gentry to read it (systemd-boot's are a few hundred bytes). */
export const EFI_VARIABLE_MAX_BYTES = 64 * 1024;

/**
 * Reads one of systemd-boot's variables from `efivars`; null when it is not set. Never follows a symlink,
 * never blocks on a FIFO or device, and reads at most EFI_VARIABLE_MAX_BYTES: anything else is an error naming the file.
 */
export async function readLoaderVariable(efivars: string, name: string): Promise<string | null> {
  const file = join(efivars, `${name}-${LOADER_GUID}`);
  const bytes = await readRegularFile(file, { noFollow: true, maxBytes: EFI_VARIABLE_MAX_BYTES });
  if (bytes === null) return null;
  try {
    return decodeEfiString(bytes);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}
