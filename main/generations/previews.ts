// Switch, boot, delete and collect garbage, each with its preview first. The checks the helper makes
// (current and booted generations, missing store paths) are made here too, before anyone is asked
// for a password.
import { realpath } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Diff } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { diffSides } from '../diff/generation-diff.ts';
import { resolveGeneration } from '../diff/resolve-side.ts';
import { profilePath } from '../nix/profile-path.ts';
import type { ClosureReader } from '../nix/closure-reader.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { readProfileLinks } from '../nix/profile-links.ts';

/** The modes of `switch-to-configuration` the helper accepts. */
export type SwitchMode = 'switch' | 'boot' | 'test';

/** A profile's link path and its current and booted generation numbers (booted: system profiles only). */
async function profileState(paths: MachinePaths, name: string, kind: 'system' | 'home' = 'system'): Promise<{ profile: string; current: number | null; booted: number | null; numbers: number[] }> {
  const profile = await profilePath(paths, kind, name);
  const { generations, current } = await readProfileLinks(profile);
  const bootedPath = await realpath(paths.bootedSystem).catch(() => null);
  const booted = kind === 'system' ? (generations.find((g) => bootedPath !== null && g.target === bootedPath)?.number ?? null) : null;
  return { profile, current, booted, numbers: generations.map((g) => g.number) };
}

/** The preview of a switch: the package diff from the current generation to N. */
export async function previewSwitch(paths: MachinePaths, reader: ClosureReader, name: string, number: number, kind: 'system' | 'home' = 'system'): Promise<{ diff: Diff | null; alreadyCurrent: boolean }> {
  const state = await profileState(paths, name, kind);
  const target = await resolveGeneration(state.profile, kind, number);
  if (state.current === number) return { diff: null, alreadyCurrent: true };
  if (state.current === null) return { diff: null, alreadyCurrent: false };
  return { diff: await diffSides(reader, await resolveGeneration(state.profile, kind, state.current), target), alreadyCurrent: false };
}

/** The preview of a deletion: what goes, and how many bytes only those generations reach. */
export interface DeletePreview {
  profile: string;
  generations: number[];
  /** Sum of narSize over paths that only the deleted generations reach (among this profile's generations). */
  collectableBytes: number;
  collectablePaths: number;
}

/** Checks a deletion the way the helper will, and measures what it frees. */
export async function previewDelete(paths: MachinePaths, reader: ClosureReader, name: string, numbers: number[], kind: 'system' | 'home' = 'system'): Promise<DeletePreview> {
  const state = await profileState(paths, name, kind);
  const unique = [...new Set(numbers)].sort((a, b) => a - b);
  for (const n of unique) {
    if (!state.numbers.includes(n)) throw new GentryError('bad-input', `${basename(state.profile)} has no generation ${n}`, 'List them with `gentry list`.');
    if (n === state.current) throw new GentryError('bad-input', `generation ${n} is the current one and cannot be deleted`, 'Switch to another generation first.');
    if (n === state.booted) throw new GentryError('bad-input', `generation ${n} is the one this machine booted and cannot be deleted`, 'Reboot into another generation first.');
  }
  const closureOf = async (n: number) => {
    try {
      return await reader.closure((await resolveGeneration(state.profile, kind, n)).side.storePath);
    } catch {
      return new Map<string, number>(); // a garbage-collected generation frees nothing more
    }
  };
  const kept = new Set<string>();
  for (const n of state.numbers.filter((x) => !unique.includes(x))) for (const p of (await closureOf(n)).keys()) kept.add(p);
  const freed = new Map<string, number>();
  for (const n of unique) for (const [p, size] of await closureOf(n)) if (!kept.has(p)) freed.set(p, size);
  let bytes = 0;
  for (const size of freed.values()) bytes += size;
  return { profile: state.profile, generations: unique, collectableBytes: bytes, collectablePaths: freed.size };
}
