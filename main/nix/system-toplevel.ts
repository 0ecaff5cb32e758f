// What a NixOS system toplevel says about itself (nix-formats.md §1): version label, nixpkgs
// revision, kernel and specialisations, read from files alone (no process per generation).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The fields of a system generation read from its toplevel. */
export interface SystemToplevelInfo {
  nixosVersion: string | null;
  nixpkgsRevision: string | null;
  kernelVersion: string | null;
  specialisations: string[];
  problems: string[];
}

/** The nixpkgs revision at the end of a NixOS label (`25.05.20250904.fe83bbd` → `fe83bbd`), or null. */
export function revisionFromLabel(label: string): string | null {
  const m = /\.([0-9a-f]{7,40})$/.exec(label);
  return m ? (m[1] as string) : null;
}

/** The kernel's module directory version, falling back to the bootspec label's `(Linux X)`. */
async function readKernelVersion(toplevel: string): Promise<string | null> {
  try {
    const versions = (await readdir(join(toplevel, 'kernel-modules/lib/modules'))).sort();
    if (versions.length > 0) return versions[versions.length - 1] as string;
  } catch {
    // no kernel-modules (a container, or an odd toplevel): try the bootspec
  }
  try {
    const spec = JSON.parse(await readFile(join(toplevel, 'boot.json'), 'utf8')) as Record<string, { label?: unknown }>;
    const label = spec['org.nixos.bootspec.v1']?.label;
    const m = typeof label === 'string' ? /\(Linux ([^)]+)\)/.exec(label) : null;
    return m ? (m[1] as string) : null;
  } catch {
    return null;
  }
}

/** Reads a system toplevel; what cannot be read is null and explained in `problems`. */
export async function readSystemToplevel(toplevel: string): Promise<SystemToplevelInfo> {
  const problems: string[] = [];
  const [label, kernelVersion, specialisations] = await Promise.all([
    readFile(join(toplevel, 'nixos-version'), 'utf8').then(
      (s) => s.trim() || null,
      () => null,
    ),
    readKernelVersion(toplevel),
    readdir(join(toplevel, 'specialisation')).then(
      (names) => names.sort(),
      () => [] as string[],
    ),
  ]);
  if (label === null) problems.push('no nixos-version file: not a NixOS system toplevel, or one too old to say its version');
  return {
    nixosVersion: label,
    nixpkgsRevision: label === null ? null : revisionFromLabel(label),
    kernelVersion,
    specialisations,
    problems,
  };
}
