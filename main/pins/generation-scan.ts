// Which generations of this machine had which versions of a package: every system and home-manager
// generation's closure, named the way the diff names packages (main/diff/package-name.ts), and the
// nixpkgs revision each system generation was built from (`sw/bin/nixos-version --json`, else the
// short revision at the end of its label).
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isStorePath } from '../../common/store-path.ts';
import { packageKey, type PackageKey } from '../diff/package-name.ts';
import { GentryError } from '../infra/errors.ts';
import type { Logger } from '../infra/log.ts';
import type { ClosureReader } from '../nix/closure-reader.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { readProfileLinks } from '../nix/profile-links.ts';
import { profileRefs } from '../nix/read-model.ts';
import { openStoreDb, readStoreDb } from '../nix/store-db.ts';
import { readSystemToplevel } from '../nix/system-toplevel.ts';
import type { ProcessRunner } from '../infra/process.ts';
import { jsonCache, type JsonCache } from './json-cache.ts';

/** The kinds of profile an overlay can change. */
export type PinKind = 'system' | 'home';

/** One generation whose store path is still there, and the versions it holds of the packages asked about. */
export interface ScannedGeneration {
  kind: PinKind;
  /** The profile's name (`system`, `work`, `home-manager`). */
  profile: string;
  number: number;
  storePath: string;
  /** The link's modification time (the generation's date). */
  date: Date;
  /** The profile link points at it. */
  current: boolean;
  /** True for the main system profile and the first home-manager profile: the ones targets change. */
  main: boolean;
  /** pname → version → the store paths of that version in the closure. */
  packages: Map<string, Map<string, string[]>>;
}

/** Reads every system and home-manager generation's closure for the packages named `pnames`. */
export async function scanGenerations(paths: MachinePaths, reader: ClosureReader, pnames: ReadonlySet<string>): Promise<ScannedGeneration[]> {
  const refs = (await profileRefs(paths)).filter((r) => r.kind === 'system' || r.kind === 'home');
  const keys = new Map<string, PackageKey>();
  const keyOf = (path: string): PackageKey => {
    let k = keys.get(path);
    if (!k) keys.set(path, (k = packageKey(path)));
    return k;
  };
  const out: ScannedGeneration[] = [];
  for (const ref of refs) {
    const links = await readProfileLinks(ref.path).catch(() => null);
    if (!links) continue;
    const main = ref.path === paths.systemProfile || ref.path === paths.homeProfiles[0];
    for (const link of links.generations) {
      if (link.target === null || !isStorePath(link.target)) continue;
      if (!(await lstat(link.target).then(() => true, () => false))) continue;
      let closure;
      try {
        closure = await reader.closure(link.target);
      } catch (err) {
        if (err instanceof GentryError && err.code === 'not-found') continue;
        throw err;
      }
      const packages = new Map<string, Map<string, string[]>>();
      for (const path of closure.keys()) {
        const k = keyOf(path);
        if (!pnames.has(k.name)) continue;
        let versions = packages.get(k.name);
        if (!versions) packages.set(k.name, (versions = new Map()));
        const list = versions.get(k.version);
        if (list) list.push(path);
        else versions.set(k.version, [path]);
      }
      for (const versions of packages.values()) for (const list of versions.values()) list.sort();
      out.push({ kind: ref.kind as PinKind, profile: ref.name, number: link.number, storePath: link.target, date: link.mtime, current: links.current === link.number, main, packages });
    }
  }
  return out;
}

/** The current generation of the profile a target of `kind` changes (the main system profile, the first home-manager one). */
export function currentGeneration(scanned: readonly ScannedGeneration[], kind: PinKind): ScannedGeneration | null {
  return scanned.find((g) => g.kind === kind && g.main && g.current) ?? null;
}

/** The nixpkgs revision a generation was built from: full when nixos-version --json says it, else the label's short one. */
export interface GenerationRevision {
  full: string | null;
  short: string | null;
}

const RevisionSchema = z.object({ full: z.string().nullable(), short: z.string().nullable() });
const VersionJsonSchema = z.object({ nixpkgsRevision: z.string().optional() }).loose();

/** Reads (and remembers, per store path: a toplevel never changes) the nixpkgs revision of system generations. */
export class RevisionReader {
  readonly #run: ProcessRunner;
  readonly #cache: JsonCache<GenerationRevision>;

  constructor(run: ProcessRunner, cacheDir: string | null, log: Logger) {
    this.#run = run;
    this.#cache = jsonCache(cacheDir, 'nixos-revisions', RevisionSchema, log);
  }

  /** The revision of a generation; home-manager generations do not record one (both null). */
  async revisionOf(gen: Pick<ScannedGeneration, 'kind' | 'storePath'>): Promise<GenerationRevision> {
    if (gen.kind !== 'system') return { full: null, short: null };
    const known = await this.#cache.get(gen.storePath);
    if (known) return known;
    let full: string | null = null;
    const res = await this.#run(join(gen.storePath, 'sw/bin/nixos-version'), ['--json'], { timeoutMs: 10_000 });
    if (res.code === 0) {
      try {
        const parsed = VersionJsonSchema.safeParse(JSON.parse(res.stdout));
        const rev = parsed.success ? parsed.data.nixpkgsRevision : undefined;
        if (rev && /^[0-9a-f]{40}$/.test(rev)) full = rev;
      } catch {
        // an old nixos-version without --json: the label below is all there is
      }
    }
    const short = (await readSystemToplevel(gen.storePath)).nixpkgsRevision ?? full?.slice(0, 7) ?? null;
    const found = { full, short };
    await this.#cache.set(gen.storePath, found);
    return found;
  }
}

/**
 * Valid store paths named `<pname>-<version>` (any output), from the Nix database: a version may be
 * in the store without any generation holding it. Null when the database cannot be read.
 */
export async function validPathsNamed(nixDb: string, pname: string, version: string): Promise<string[] | null> {
  const opened = await openStoreDb(nixDb);
  if (typeof opened === 'string') return null;
  try {
    // Store names hold no % or \; _ is LIKE's one-character wildcard, so it is escaped.
    const like = (s: string) => s.replaceAll('_', '\\_');
    const rows = await readStoreDb(opened.db, () => opened.db.prepare("SELECT path FROM ValidPaths WHERE path LIKE ? ESCAPE '\\'").all(version === '' ? `%-${like(pname)}%` : `%-${like(pname)}-${like(version)}%`) as { path: string }[]);
    return rows
      .map((r) => r.path)
      .filter((p) => {
        const k = packageKey(p);
        return k.name === pname && k.version === version;
      })
      .sort();
  } finally {
    opened.db.close();
  }
}

/** The size of the union of the closures of `storePaths` (bytes). */
export async function unionClosureSize(reader: ClosureReader, storePaths: readonly string[]): Promise<number> {
  const seen = new Map<string, number>();
  for (const p of storePaths) for (const [path, size] of await reader.closure(p)) seen.set(path, size);
  let total = 0;
  for (const size of seen.values()) total += size;
  return total;
}
