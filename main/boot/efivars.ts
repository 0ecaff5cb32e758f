// systemd-boot's EFI variables as Linux's efivarfs shows them (nix-formats.md §3): a file
// `<Name>-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f` holding 4 bytes of attributes, then the value as
// UTF-16LE with a terminating NUL.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

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

/** Reads one of systemd-boot's variables from `efivars`; null when it is not set. */
export async function readLoaderVariable(efivars: string, name: string): Promise<string | null> {
  try {
    return decodeEfiString(await readFile(join(efivars, `${name}-${LOADER_GUID}`)));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
