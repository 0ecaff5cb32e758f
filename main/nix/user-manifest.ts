// The packages of a per-user profile generation: nix-env's manifest.nix, or `nix profile`'s
// manifest.json versions 1–3 (nix-formats.md §6).
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseDrvName } from '../../common/drv-name.ts';
import { manifestNixNames } from './manifest-nix.ts';

/** The package names of a user profile generation, or a problem saying why they are unknown. */
export interface UserManifestInfo {
  packages: string[] | null;
  problems: string[];
}

/** The package name of a store path: DrvName's name part of what follows the hash. */
function nameOfStorePath(path: string): string {
  return parseDrvName(basename(path).slice(33)).name;
}

/** Element names from a manifest.json of version 1, 2 or 3. */
export function manifestJsonNames(json: unknown): string[] {
  if (typeof json !== 'object' || json === null) throw new Error('manifest.json is not a JSON object');
  const { version, elements } = json as { version?: unknown; elements?: unknown };
  if (version === 3) {
    if (typeof elements !== 'object' || elements === null || Array.isArray(elements)) throw new Error('manifest.json version 3 needs an elements object');
    return Object.keys(elements);
  }
  if (version === 1 || version === 2) {
    if (!Array.isArray(elements)) throw new Error(`manifest.json version ${version} needs an elements array`);
    return elements.map((e: { storePaths?: unknown; attrPath?: unknown }) => {
      const first = Array.isArray(e.storePaths) ? e.storePaths[0] : undefined;
      if (typeof first === 'string') return nameOfStorePath(first);
      if (typeof e.attrPath === 'string') return e.attrPath.split('.').pop() as string;
      return '?';
    });
  }
  throw new Error(`manifest.json version ${String(version)} is not one Gentry reads (1–3)`);
}

/** Reads the manifest of a user-environment or profile store path. */
export async function readUserManifest(generation: string): Promise<UserManifestInfo> {
  try {
    const json = JSON.parse(await readFile(join(generation, 'manifest.json'), 'utf8')) as unknown;
    return { packages: manifestJsonNames(json).sort(), problems: [] };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { packages: null, problems: [`manifest.json cannot be read: ${(err as Error).message}`] };
    }
  }
  try {
    const text = await readFile(join(generation, 'manifest.nix'), 'utf8');
    return { packages: manifestNixNames(text).map((n) => parseDrvName(n).name).sort(), problems: [] };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { packages: null, problems: ['neither manifest.json nor manifest.nix: not a nix-env or nix profile generation'] };
    }
    return { packages: null, problems: [`manifest.nix cannot be read: ${(err as Error).message}`] };
  }
}
