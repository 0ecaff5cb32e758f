// For tests only: a small nixpkgs-shaped git repository, and what a world holds of one package as Nix
// itself reports it (the oracle for `pins suggest`). The repository's default.nix takes
// { system, config, overlays } like nixpkgs and applies the overlays; each commit sets the versions of
// a few packages. kicad lives in pkgs/kicad.nix with a meta.position (as mkDerivation gives one), the
// others in default.nix.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OverlayTarget, Pin } from '../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../worlds/index.ts';
import { ensureOverlay } from '../main/pins/overlay-text.ts';

/** A made repository and its commits, oldest first. */
export interface NixpkgsFixture {
  dir: string;
  /** `git+file:///…`, as a pin's source. */
  source: string;
  revs: string[];
}

const DEFAULT_NIX = (names: string[]) => `{ system ? builtins.currentSystem, config ? { }, overlays ? [ ] }:
let
  versions = builtins.fromJSON (builtins.readFile ./versions.json);
  mk = pname: version: derivation {
    name = "\${pname}-\${version}";
    inherit system;
    builder = "/bin/sh";
    args = [ "-c" "echo \${pname} > $out" ];
  } // { inherit pname version; };
  pkgs = {
    kicad = import ./pkgs/kicad.nix { inherit system; };
    stdenv.hostPlatform.system = system;
    inherit config;
${names.map((n) => `    ${JSON.stringify(n)} = mk ${JSON.stringify(n)} versions.${JSON.stringify(n)};`).join('\n')}
  };
in
builtins.foldl' (acc: overlay: acc // overlay acc acc) pkgs overlays
`;

const KICAD_NIX = (version: string) => `{ system }:
let
  attrs = {
    pname = "kicad";
    version = "${version}";
  };
  position = builtins.unsafeGetAttrPos "version" attrs;
in
derivation {
  name = "\${attrs.pname}-\${attrs.version}";
  inherit system;
  builder = "/bin/sh";
  args = [ "-c" "echo kicad > $out" ];
} // attrs // { meta.position = "\${position.file}:\${toString position.line}"; }
`;

/** Makes the repository in `dir` (which must not exist or be empty), one commit per entry of `commits` (kicad → its version, and any other package names). */
export function makeNixpkgsRepo(dir: string, commits: { kicad: string; [pname: string]: string }[]): NixpkgsFixture {
  mkdirSync(join(dir, 'pkgs'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 't@example.org' } }).trim();
  git('init', '--quiet', '--initial-branch=master');
  const revs: string[] = [];
  for (const [i, versions] of commits.entries()) {
    const { kicad, ...others } = versions;
    writeFileSync(join(dir, 'default.nix'), DEFAULT_NIX(Object.keys(others).sort()));
    writeFileSync(join(dir, 'versions.json'), `${JSON.stringify(others, null, 2)}\n`);
    writeFileSync(join(dir, 'pkgs/kicad.nix'), KICAD_NIX(kicad));
    git('add', '-A');
    git('commit', '--quiet', '-m', `commit ${i + 1}: kicad ${kicad}`);
    revs.push(git('rev-parse', 'HEAD'));
  }
  return { dir, source: `git+file://${dir}`, revs };
}

/** One generation of a world, as its records name it. */
export interface WorldGeneration {
  profile: string;
  kind: 'system' | 'home';
  number: number;
  storePath: string;
  current: boolean;
  /** The label's short nixpkgs revision (system generations with a nixos-version). */
  shortRev: string | null;
}

/** What a world's generations hold, from the world's records and `nix-store --query --requisites`. */
export interface WorldHoldings {
  generations: WorldGeneration[];
  /** `profile:number` → name → versions (paths named NAME-VERSION or NAME-VERSION-OUTPUT). */
  held: Map<string, Map<string, Set<string>>>;
}

const SIMPLE = /^([a-z][a-z0-9-]*?)-([0-9][0-9.]*)(?:-(?:bin|lib|dev|man|doc|out|info|devdoc))?$/;

/** Reads every system and home-manager generation of a world that is still in the store. */
export function worldHoldings(world: World): WorldHoldings {
  const generations: WorldGeneration[] = [];
  const held = new Map<string, Map<string, Set<string>>>();
  for (const profile of world.expected.profiles) {
    if (profile.kind !== 'system' && profile.kind !== 'home') continue;
    for (const g of profile.generations) {
      if (g.storePath === null) continue;
      const q = spawnSync('nix-store', ['--query', '--requisites', g.storePath], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (q.status !== 0) continue;
      const m = g.nixosVersion ? /\.([0-9a-f]{7,40})$/.exec(g.nixosVersion) : null;
      generations.push({ profile: profile.name, kind: profile.kind, number: g.number, storePath: g.storePath, current: g.current, shortRev: m ? (m[1] as string) : null });
      const names = new Map<string, Set<string>>();
      for (const line of q.stdout.split('\n')) {
        const n = SIMPLE.exec(line.slice('/nix/store/'.length + 33));
        if (!n) continue;
        const set = names.get(n[1] as string) ?? new Set<string>();
        set.add(n[2] as string);
        names.set(n[1] as string, set);
      }
      held.set(`${profile.name}:${g.number}`, names);
    }
  }
  return { generations, held };
}

const numeric = (a: string, b: string): number => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
};

/** A package of the world's system profile that moved: an older version (the first generation's that had one), and the current one. */
export function movedPackage(h: WorldHoldings): { name: string; old: string; current: string } {
  const system = h.generations.filter((g) => g.profile === 'system').sort((a, b) => a.number - b.number);
  const current = system.find((g) => g.current);
  if (!current) throw new Error('the world has no current system generation');
  const candidates: { name: string; old: string; current: string }[] = [];
  for (const [name, versions] of h.held.get(`system:${current.number}`) ?? []) {
    if (versions.size !== 1 || name === 'kicad') continue;
    const now = [...versions][0] as string;
    const earlier = system.map((g) => h.held.get(`system:${g.number}`)?.get(name)).find((v) => v !== undefined && v.size === 1 && numeric([...v][0] as string, now) < 0);
    if (earlier) candidates.push({ name, old: [...earlier][0] as string, current: now });
  }
  candidates.sort((a, b) => a.name.localeCompare(b.name));
  const picked = candidates[0];
  if (!picked) throw new Error('no package of this world changed version in the system profile');
  return picked;
}

/** Every version of `name` in the world, with the generations (`profile:number`) that hold it. */
export function versionsOf(h: WorldHoldings, name: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of h.generations) {
    for (const v of h.held.get(`${g.profile}:${g.number}`)?.get(name) ?? []) out.set(v, [...(out.get(v) ?? []), `${g.profile}:${g.number}`]);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** The full nixpkgs revision a world's system generation says it was built from (its own `sw/bin/nixos-version --json`). */
export function worldRevision(storePath: string): string {
  const out = execFileSync(join(storePath, 'sw/bin/nixos-version'), ['--json'], { encoding: 'utf8' });
  return (JSON.parse(out) as { nixpkgsRevision: string }).nixpkgsRevision;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A pin as pins.json holds it, made now unless said otherwise. */
export function pinOf(over: Partial<Pin> & Pick<Pin, 'attr' | 'version' | 'source' | 'rev'>): Pin {
  return { narHash: null, reason: null, created: iso(new Date()), fromGeneration: null, ...over };
}

/**
 * Four targets under `base` whose pins.json (as if edited by hand) have every kind of problem between them:
 * a (system): the moved package at its old version (fixed upstream: the checkout's HEAD is newer than the
 * broken current one), kicad 8.0.0 at commit 1 (which has 8.0.1), an attribute that does not exist, a pin
 * made 40 days ago, and one at a revision the repository does not have; b (system): kicad 8.0.2 (a conflict
 * with a) and the moved package at the current generation's version (no change); c (home): a github: pin
 * without narHash; e: a pins.json that is not JSON. The repository must be the settings' nixpkgsGit.
 */
export async function writeProblemTargets(base: string, repo: NixpkgsFixture, pkg: { name: string; old: string; current: string }, githubRev: string): Promise<OverlayTarget[]> {
  const [c1, c2] = repo.revs as [string, string];
  const dirs = { a: join(base, 'a'), b: join(base, 'b'), c: join(base, 'c'), e: join(base, 'e') };
  const write = (dir: string, pins: Pin[]) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pins.json'), `${JSON.stringify({ version: 1, pins }, null, 2)}\n`);
  };
  write(dirs.a, [
    pinOf({ attr: pkg.name, version: pkg.old, source: repo.source, rev: c1 }),
    pinOf({ attr: 'kicad', version: '8.0.0', source: repo.source, rev: c1 }),
    pinOf({ attr: 'nothere', version: '1.0', source: repo.source, rev: c1 }),
    pinOf({ attr: 'frobnicate', version: '1.0', source: repo.source, rev: c1, created: iso(new Date(Date.now() - 40 * 86_400_000)) }),
    pinOf({ attr: 'quuxify', version: '1.0', source: repo.source, rev: 'f'.repeat(40) }),
  ]);
  write(dirs.b, [pinOf({ attr: 'kicad', version: '8.0.2', source: repo.source, rev: c2 }), pinOf({ attr: pkg.name, version: pkg.current, source: repo.source, rev: c2 })]);
  write(dirs.c, [pinOf({ attr: pkg.name, version: pkg.old, source: 'github:NixOS/nixpkgs', rev: githubRev })]);
  mkdirSync(dirs.e, { recursive: true });
  writeFileSync(join(dirs.e, 'pins.json'), '{"version":1,"pins":[');
  for (const d of [dirs.a, dirs.b, dirs.c]) await ensureOverlay(d);
  return [
    { name: 'a', path: dirs.a, kind: 'system' },
    { name: 'b', path: dirs.b, kind: 'system' },
    { name: 'c', path: dirs.c, kind: 'home' },
    { name: 'e', path: dirs.e, kind: 'system' },
  ];
}

/** A settings file (config.json) with these targets and nixpkgs checkout. */
export function writeSettings(configDir: string, targets: OverlayTarget[], nixpkgsGit: string | null): void {
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'config.json'), JSON.stringify({ version: 1, systemFlake: null, homeFlake: null, nixpkgsGit, overlayTargets: targets, runHistoryLimitMiB: 200 }));
}

/**
 * A small world (30 system generations) with a package that changed version in the system profile.
 * Worlds are random, so a rare one where nothing simple moved is removed and another built.
 */
export async function worldWithMovedPackage(quirks: boolean): Promise<{ world: World; holdings: WorldHoldings; pkg: { name: string; old: string; current: string } }> {
  for (let attempt = 1; ; attempt++) {
    const world = await buildWorld({ preset: 'small', systemGenerations: 30, quirks });
    const holdings = worldHoldings(world);
    try {
      return { world, holdings, pkg: movedPackage(holdings) };
    } catch (err) {
      await removeWorld(world);
      if (attempt === 3) throw err;
    }
  }
}
