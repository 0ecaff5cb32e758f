// Turning what a person names ("20", "home:7", "work:3", "current", "booted", a store path, or the
// UI's {kind, name, number}) into a store path, and finding its selected packages' root.
import { lstat, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { DiffSide, DiffTarget, GenerationRef, ProfileKind } from '../../common/contract/index.ts';
import { isStorePath, toStorePath } from '../../common/store-path.ts';
import { GentryError } from '../infra/errors.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { profilePath } from '../nix/profile-path.ts';
import { generationLink, readProfileLinks } from '../nix/profile-links.ts';

/** One side of a diff, resolved. */
export interface ResolvedSide {
  side: DiffSide;
  kind: ProfileKind | null;
}

/** Checks that a generation's target is a store path that still exists. */
async function checkStorePath(target: string, what: string): Promise<string> {
  if (!isStorePath(target)) throw new GentryError('bad-input', `${what} points outside the Nix store (${target})`, 'Only store paths can be diffed.');
  try {
    await lstat(target);
  } catch {
    throw new GentryError('not-found', `${what}'s store path ${target} is gone`, 'It was garbage-collected: pick a generation whose store path still exists.');
  }
  return target;
}

/** Resolves generation `number` of the profile at `profile`. */
export async function resolveGeneration(profile: string, kind: ProfileKind, number: number): Promise<ResolvedSide> {
  const link = generationLink(profile, number);
  let target: string;
  try {
    target = resolve(dirname(link), await readlink(link));
  } catch {
    const { generations } = await readProfileLinks(profile).catch(() => ({ generations: [] }));
    const range = generations.length ? `it has ${generations[0]?.number}–${generations.at(-1)?.number}` : 'it has none';
    throw new GentryError('bad-input', `${basename(profile)} has no generation ${number} (${range})`, 'List them with `gentry list`.');
  }
  const storePath = await checkStorePath(target, `generation ${number} of ${basename(profile)}`);
  return { side: { profile: basename(profile), number, storePath }, kind };
}

/** Resolves the UI's {kind, name, number}. */
export async function resolveRef(paths: MachinePaths, ref: GenerationRef): Promise<ResolvedSide> {
  return resolveGeneration(await profilePath(paths, ref.kind, ref.name), ref.kind, ref.number);
}

/** Resolves a command-line spec: N, home:N, NAME:N, current, booted, or a path that leads into the store. */
export async function resolveSpec(paths: MachinePaths, spec: string): Promise<ResolvedSide> {
  if (/^[0-9]+$/.test(spec)) return resolveGeneration(paths.systemProfile, 'system', Number(spec));
  const m = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):([0-9]+)$/.exec(spec);
  if (m) {
    const [, name, n] = m as unknown as [string, string, string];
    if (name === 'home') return resolveGeneration(await profilePath(paths, 'home', 'home-manager'), 'home', Number(n));
    if (name === 'user') return resolveGeneration(await profilePath(paths, 'user', basename(paths.userProfiles[0] ?? 'profile')), 'user', Number(n));
    return resolveGeneration(await profilePath(paths, 'system', name), 'system', Number(n));
  }
  if (spec === 'current') {
    const { current } = await readProfileLinks(paths.systemProfile).catch(() => ({ current: null }));
    if (current === null) throw new GentryError('bad-input', `${paths.systemProfile} has no current generation`, 'Pass --system-profile, or name a generation by number.');
    return resolveGeneration(paths.systemProfile, 'system', current);
  }
  if (spec === 'booted') {
    const booted = await realpath(paths.bootedSystem).catch(() => null);
    if (booted === null) throw new GentryError('bad-input', `${paths.bootedSystem} does not exist`, 'This machine was not booted into NixOS (or pass --booted-system).');
    const { generations } = await readProfileLinks(paths.systemProfile).catch(() => ({ generations: [] }));
    const gen = generations.find((g) => g.target === booted);
    if (gen) return resolveGeneration(paths.systemProfile, 'system', gen.number);
    return { side: { profile: null, number: null, storePath: await checkStorePath(booted, paths.bootedSystem) }, kind: null };
  }
  if (spec.startsWith('/')) {
    const real = await realpath(spec).catch(() => null);
    if (real === null) throw new GentryError('bad-input', `${spec} does not exist`, null);
    const top = toStorePath(real);
    if (top === null) throw new GentryError('bad-input', `${spec} is outside the Nix store`, 'Name a store path, a generation link, or a generation number.');
    return { side: { profile: null, number: null, storePath: await checkStorePath(top, spec) }, kind: null };
  }
  throw new GentryError('bad-input', `cannot read ${JSON.stringify(spec)} as a generation`, 'Use N, home:N, PROFILE:N, current, booted, or a store path.');
}

/** Resolves one side of the diff call: a generation, or a command-line spec. */
export async function resolveTarget(paths: MachinePaths, target: DiffTarget): Promise<ResolvedSide> {
  return 'spec' in target ? resolveSpec(paths, target.spec) : resolveRef(paths, target);
}

/** The store path whose direct references are the selected packages: `sw`, `home-path`, or the path itself. */
export async function selectionRoot(storePath: string, kind: ProfileKind | null): Promise<string> {
  const inner = kind === 'system' ? ['sw'] : kind === 'home' ? ['home-path'] : kind === 'user' ? [] : ['sw', 'home-path'];
  for (const entry of inner) {
    const target = await realpath(join(storePath, entry)).catch(() => null);
    const top = target ? toStorePath(target) : null;
    if (top) return top;
  }
  return storePath;
}
