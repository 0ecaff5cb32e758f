// Which one wins on PATH: each PATH directory matched to the profile generation whose bin (or sbin) directory it
// is — the same directory after every link — then, for each command name found in one of those, the one a shell
// runs (the first executable in PATH order) and the ones it shadows, with each one's store item and package.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PathCommand, PathDir, PathProfile, PathProfileKind, PathProvider, PathReport } from '../../common/contract/index.ts';
import { parseDrvName } from '../../common/drv-name.ts';
import { compareVersions } from '../../common/compare-versions.ts';
import { parseGuixText, readGuixText } from '../guix/guix-file.ts';
import { guixGenerationFile, readGuixLinks } from '../guix/guix-links.ts';
import { guixPresent } from '../guix/guix-locations.ts';
import { manifestFromSexp, type GuixManifestEntry } from '../guix/manifest.ts';
import { fastManifest } from '../guix/manifest-fast.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { readProfileLinks } from '../nix/profile-links.ts';

/** Where each kind of profile keeps its commands, inside one generation. */
const BIN_DIRS: Record<PathProfileKind, string[]> = {
  'guix-system': ['profile/bin', 'profile/sbin'],
  'guix-home': ['profile/bin', 'profile/sbin'],
  'guix-user': ['bin', 'sbin'],
  system: ['sw/bin', 'sw/sbin'],
  home: ['home-path/bin', 'home-path/sbin'],
  user: ['bin', 'sbin'],
};

/** One generation of a known profile and its link. */
interface KnownGeneration {
  profile: PathProfile;
  link: string;
}

async function guixGenerations(kind: 'guix-system' | 'guix-home' | 'guix-user', path: string): Promise<KnownGeneration[]> {
  const links = await readGuixLinks(path);
  return links.numbers.map((n) => ({ profile: { kind, path, generation: n, current: n === links.current }, link: guixGenerationFile(path, n) }));
}

async function nixGenerations(kind: 'system' | 'home' | 'user', path: string): Promise<KnownGeneration[]> {
  try {
    const { generations, current } = await readProfileLinks(path);
    return generations.map((g) => ({ profile: { kind, path, generation: g.number, current: g.number === current }, link: g.linkPath }));
  } catch {
    return []; // a profile that is not there provides nothing
  }
}

/** Every generation of the machine's known profiles. */
async function knownGenerations(paths: MachinePaths): Promise<KnownGeneration[]> {
  const lists: Promise<KnownGeneration[]>[] = [nixGenerations('system', paths.systemProfile), ...paths.homeProfiles.map((p) => nixGenerations('home', p)), ...paths.userProfiles.map((p) => nixGenerations('user', p))];
  const g = paths.guix;
  if (g !== undefined && (await guixPresent(g))) lists.push(guixGenerations('guix-system', g.system), guixGenerations('guix-home', g.home), guixGenerations('guix-user', g.user));
  return (await Promise.all(lists)).flat();
}

const real = (p: string) => realpath(p).catch(() => null);

/** The real directory of each known generation's bin and sbin, to the generation (the current one where two share it). */
async function binDirIndex(gens: KnownGeneration[]): Promise<Map<string, KnownGeneration>> {
  const index = new Map<string, KnownGeneration>();
  const found = await Promise.all(gens.flatMap((g) => BIN_DIRS[g.profile.kind].map(async (sub) => ({ g, dir: await real(join(g.link, sub)) }))));
  for (const { g, dir } of found) {
    if (dir === null) continue;
    const had = index.get(dir);
    if (had === undefined || (!had.profile.current && g.profile.current)) index.set(dir, g);
  }
  return index;
}

const STORE_ITEM = /\/(gnu|nix)\/store\/[0-9a-z]{32}-[^/]+/;
const NIX_OUTPUT = /-(bin|out|dev|lib|man|doc|info|debug|dist|devdoc|static)$/;

/** The package of a Nix store name, split as Nix splits it, an output suffix left out. */
function nixPackage(storeItem: string): { name: string; version: string } {
  const { name, version } = parseDrvName(storeItem.slice(storeItem.lastIndexOf('/') + 1 + 33));
  return { name, version: version.replace(NIX_OUTPUT, '') };
}

/** A Guix generation's manifest entries by store item (dependencies too: their commands are in the profile). */
async function guixItems(g: KnownGeneration): Promise<Map<string, GuixManifestEntry>> {
  const file = g.profile.kind === 'guix-user' ? `${g.link}/manifest` : `${g.link}/profile/manifest`;
  const out = new Map<string, GuixManifestEntry>();
  const r = await readGuixText(file);
  if (!r.ok) return out;
  try {
    let entries = fastManifest(r.text)?.entries ?? null;
    if (entries === null) {
      const parsed = parseGuixText(file, r.text);
      if (!parsed.ok) return out;
      entries = manifestFromSexp(parsed.datum).entries;
    }
    const walk = (es: GuixManifestEntry[]) => {
      for (const e of es) {
        if (!out.has(e.item)) out.set(e.item, e);
        walk(e.dependencies);
      }
    };
    walk(entries);
  } catch {
    // an unreadable manifest: the store name is split instead
  }
  return out;
}

/** Which profile provides each command on `dirs`, in PATH order. */
export async function pathReport(paths: MachinePaths, dirs: readonly string[]): Promise<PathReport> {
  const index = await binDirIndex(await knownGenerations(paths));
  // Each directory once (a repeat never wins), empty entries (the working directory) left out.
  const seen = new Set<string>();
  const listed: { dir: string; gen: KnownGeneration | null; names: string[] }[] = [];
  for (const dir of dirs) {
    if (dir === '' || !dir.startsWith('/')) continue;
    const r = await real(dir);
    if (r === null || seen.has(r)) continue;
    seen.add(r);
    const entries: Dirent[] = await readdir(dir, { withFileTypes: true }).catch(() => []);
    listed.push({ dir, gen: index.get(r) ?? null, names: entries.filter((e) => !e.isDirectory()).map((e) => e.name) });
  }
  const wanted = new Set(listed.flatMap((d) => (d.gen === null ? [] : d.names)));
  const manifests = new Map<KnownGeneration, Promise<Map<string, GuixManifestEntry>>>();
  const manifestOf = (g: KnownGeneration) => {
    let m = manifests.get(g);
    if (m === undefined) manifests.set(g, (m = guixItems(g)));
    return m;
  };
  const providers = new Map<string, PathProvider[]>();
  const counts: number[] = [];
  for (const d of listed) {
    const found = await Promise.all(
      d.names.map(async (name): Promise<[string, PathProvider] | null> => {
        const file = join(d.dir, name);
        const target = await real(file);
        if (target === null) return null;
        const st = await stat(target).catch(() => null);
        if (st === null || !st.isFile() || (st.mode & 0o111) === 0) return null;
        if (!wanted.has(name)) return [name, { dir: d.dir, profile: null, target, store: null, package: null }];
        const m = STORE_ITEM.exec(target);
        const store = m === null ? null : (m[1] as 'gnu' | 'nix');
        let pkg: PathProvider['package'] = null;
        if (m !== null) {
          const item = m[0].slice(m[0].indexOf(`/${m[1]}/store/`));
          const entry = store === 'gnu' && d.gen !== null && d.gen.profile.kind.startsWith('guix-') ? (await manifestOf(d.gen)).get(item) : undefined;
          pkg = entry !== undefined ? { name: entry.name, version: entry.version } : nixPackage(item);
        }
        return [name, { dir: d.dir, profile: d.gen?.profile ?? null, target, store, package: pkg }];
      }),
    );
    let count = 0;
    for (const f of found) {
      if (f === null) continue;
      count++;
      if (!wanted.has(f[0])) continue;
      const list = providers.get(f[0]) ?? [];
      list.push(f[1]);
      providers.set(f[0], list);
    }
    counts.push(count);
  }
  const commands: PathCommand[] = [];
  for (const name of [...providers.keys()].sort()) {
    const all = providers.get(name)!;
    if (!all.some((p) => p.profile !== null)) continue;
    const byPackage = new Map<string, PathProvider[]>();
    for (const p of all) if (p.package !== null) byPackage.set(p.package.name, [...(byPackage.get(p.package.name) ?? []), p]);
    let versionsDiffer: string[] = [];
    let acrossStores = false;
    for (const ps of byPackage.values()) {
      const versions = [...new Set(ps.map((p) => p.package!.version))].sort(compareVersions);
      if (versions.length < 2) continue;
      versionsDiffer = versions;
      acrossStores = new Set(ps.map((p) => p.store)).size > 1 && ps.some((p) => p.store === 'gnu') && ps.some((p) => p.store === 'nix');
      break;
    }
    commands.push({ name, runs: all[0]!, shadowed: all.slice(1), versionsDiffer, acrossStores });
  }
  const outDirs: PathDir[] = listed.map((d, i) => ({ dir: d.dir, profile: d.gen?.profile ?? null, commands: counts[i]! }));
  return { dirs: outDirs, commands };
}
