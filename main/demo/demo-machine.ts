// A demo world seen as a machine: where its root is, which helper acts on it (the checkout's own,
// under --root, never pkexec on this machine), where its boot menu is, and whether this user can
// build one (it registers paths in the real Nix store).
import { existsSync } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { appRoot } from '../app-root.ts';
import type { BootPaths } from '../boot/boot-menu.ts';
import { GentryError } from '../infra/errors.ts';
import type { HelperCommand } from '../helper/helper-client.ts';
import type { MachinePaths } from '../nix/locations.ts';

/** The root of a world (demo machine) whose system profile sits at ROOT/nix/var/nix/profiles/system; null elsewhere. */
export function worldRoot(paths: MachinePaths): string | null {
  const suffix = '/nix/var/nix/profiles/system';
  return paths.systemProfile.endsWith(suffix) && paths.systemProfile !== suffix ? paths.systemProfile.slice(0, -suffix.length) : null;
}

/** A helper built from this checkout (cargo's release or debug output); null when there is none. */
function localHelperBinary(): string | null {
  const target = join(appRoot(), 'native-helpers/gentry-helper/target');
  for (const build of ['release', 'debug']) {
    const bin = join(target, build, 'gentry-helper');
    if (existsSync(bin)) return bin;
  }
  return null;
}

/** The helper that acts on the world at `root`: GENTRY_HELPER (under GENTRY_HELPER_ROOT, else `root`) or this checkout's build, run directly. */
export function worldHelper(root: string, env: Readonly<Record<string, string | undefined>>): HelperCommand {
  const direct = env.GENTRY_HELPER ?? localHelperBinary();
  if (!direct) {
    throw new GentryError(
      'unavailable',
      'On the demo machine, changes go through a helper built from this checkout, and there is none.',
      'Install cargo and start the demo again (it builds the helper itself), or set GENTRY_HELPER to a built gentry-helper.',
    );
  }
  return { program: direct, prefix: ['--root', env.GENTRY_HELPER ? (env.GENTRY_HELPER_ROOT ?? root) : root], viaPkexec: false };
}

/** The ESP and EFI variables of the world at `root`. */
export function worldBoot(root: string): BootPaths {
  return { esp: join(root, 'boot'), efivars: join(root, 'sys/firmware/efi/efivars') };
}

/** Whether this user can write /nix/store and the Nix database. */
export async function nixStoreWritable(): Promise<boolean> {
  try {
    await access('/nix/store', constants.W_OK);
    await access('/nix/var/nix/db', constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
