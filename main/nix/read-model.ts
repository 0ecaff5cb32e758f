// The read model: every profile of a machine and every generation in it, read without privilege.
import { lstat, readdir, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Generation, Profile, ProfileKind, ProfileList } from '../../common/contract/index.ts';
import { isStorePath, STORE_DIR } from '../../common/store-path.ts';
import type { ClosureSizer } from './closure-sizes.ts';
import { readHomeGeneration } from './home-generation.ts';
import type { MachinePaths } from './locations.ts';
import { type GenerationLink, ProfileUnreadableError, readProfileLinks } from './profile-links.ts';
import { readSystemToplevel } from './system-toplevel.ts';
import { readUserManifest } from './user-manifest.ts';

/** A profile to read: its kind, display name and link path. */
export interface ProfileRef {
  kind: ProfileKind;
  name: string;
  path: string;
  /** List it with a problem when it does not exist (otherwise a missing optional profile is left out). */
  required: boolean;
}

/** ISO 8601 in UTC without milliseconds, as `gentry list --json` prints dates. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The system profiles: the main one, then each `system-profiles/<name>` beside it, by name. */
export async function systemProfileRefs(systemProfile: string): Promise<ProfileRef[]> {
  const refs: ProfileRef[] = [{ kind: 'system', name: basename(systemProfile), path: systemProfile, required: true }];
  const dir = join(dirname(systemProfile), 'system-profiles');
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return refs;
  }
  for (const name of names.sort()) {
    if (name.endsWith('-link') || name.endsWith('.lock')) continue;
    const st = await lstat(join(dir, name)).catch(() => null);
    if (st?.isSymbolicLink()) refs.push({ kind: 'system', name, path: join(dir, name), required: true });
  }
  return refs;
}

/** Every profile of the machine to read, in display order. */
export async function profileRefs(paths: MachinePaths): Promise<ProfileRef[]> {
  const home = paths.homeProfiles.map((path, i): ProfileRef => ({
    kind: 'home',
    name: i === 0 ? 'home-manager' : 'home-manager-legacy',
    path,
    required: paths.homeProfilesExplicit,
  }));
  const user = paths.userProfiles.map((path): ProfileRef => ({ kind: 'user', name: basename(path), path, required: true }));
  return [...(await systemProfileRefs(paths.systemProfile)), ...home, ...user];
}

/** Why a generation link's target cannot be read as a generation, or null when it can. */
async function targetProblem(link: GenerationLink): Promise<string | null> {
  if (link.target === null) return `${link.linkPath} is not a symbolic link`;
  if (!isStorePath(link.target)) {
    return link.target.startsWith(`${STORE_DIR}/`)
      ? `points into the store but not at a store path (${link.target})`
      : `points outside ${STORE_DIR} (${link.target}); Nix only makes generations of store paths`;
  }
  try {
    await lstat(link.target);
    return null;
  } catch {
    return `its store path ${link.target} is missing: the link is dangling (garbage-collected or deleted by hand)`;
  }
}

/** A generation and whether its store path is there to be measured. */
interface ReadGeneration {
  gen: Generation;
  inStore: boolean;
}

async function readGeneration(kind: ProfileKind, link: GenerationLink, current: number | null, booted: string | null): Promise<ReadGeneration> {
  const gen: Generation = {
    number: link.number,
    date: isoSeconds(link.mtime),
    storePath: link.target,
    current: current === link.number,
    booted: kind === 'system' && booted !== null && link.target === booted,
    nixosVersion: null,
    nixpkgsRevision: null,
    kernelVersion: null,
    specialisations: [],
    homeManagerVersion: null,
    closureSize: null,
    packages: null,
    problem: await targetProblem(link),
    label: null,
    note: null,
  };
  if (gen.problem !== null || link.target === null) return { gen, inStore: false };
  let problems: string[];
  if (kind === 'system') {
    const info = await readSystemToplevel(link.target);
    Object.assign(gen, { nixosVersion: info.nixosVersion, nixpkgsRevision: info.nixpkgsRevision, kernelVersion: info.kernelVersion, specialisations: info.specialisations });
    problems = info.problems;
  } else if (kind === 'home') {
    const info = await readHomeGeneration(link.target);
    Object.assign(gen, { homeManagerVersion: info.homeManagerVersion, specialisations: info.specialisations });
    problems = info.problems;
  } else {
    const info = await readUserManifest(link.target);
    gen.packages = info.packages;
    problems = info.problems;
  }
  gen.problem = problems.length > 0 ? problems.join('; ') : null;
  return { gen, inStore: true };
}

/** Reads one profile: its links, each generation, and all closure sizes in one query. */
export async function readProfile(ref: ProfileRef, sizer: ClosureSizer, booted: string | null): Promise<Profile | null> {
  let links;
  try {
    links = await readProfileLinks(ref.path);
  } catch (err) {
    if (!(err instanceof ProfileUnreadableError)) throw err;
    if (!ref.required) return null;
    return { kind: ref.kind, name: ref.name, path: ref.path, generations: [], problem: `${err.message}; pass the right path with --${ref.kind}-profile, or check permissions` };
  }
  if (links.generations.length === 0 && !ref.required) return null;
  const read = await mapLimit(links.generations, 64, (l) => readGeneration(ref.kind, l, links.current, booted));
  const generations = read.map((r) => r.gen);
  const measurable = read.filter((r) => r.inStore).map((r) => r.gen.storePath as string);
  const sizes = await sizer.closureSizes([...new Set(measurable)]);
  for (const g of generations) {
    if (g.storePath !== null && sizes.has(g.storePath)) g.closureSize = sizes.get(g.storePath) as number;
  }
  let problem: string | null = null;
  if (links.generations.length === 0) problem = `no generations: ${ref.path} has no ${basename(ref.path)}-N-link beside it`;
  else if (links.current === null) problem = `the profile link ${ref.path} does not point at one of its generations`;
  return { kind: ref.kind, name: ref.name, path: ref.path, generations, problem };
}

/** Every profile of the machine with its generations. */
export async function listProfiles(paths: MachinePaths, sizer: ClosureSizer): Promise<ProfileList> {
  const booted = await realpath(paths.bootedSystem).catch(() => null);
  const refs = await profileRefs(paths);
  const profiles: Profile[] = [];
  for (const ref of refs) {
    const p = await readProfile(ref, sizer, booted);
    if (p) profiles.push(p);
  }
  return { profiles, notices: sizer.notice ? [sizer.notice] : [] };
}

/** Maps with at most `limit` promises in flight (thousands of generations must not open thousands of files at once). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** True when a link exists at `path` (a profile link, dangling or not). */
export async function linkExists(path: string): Promise<boolean> {
  return readlink(path).then(
    () => true,
    () => false,
  );
}
