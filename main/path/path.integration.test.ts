// `gentry path` as a whole process on a hybrid machine: a real Nix world (NixOS system, home-manager, a nix-env
// profile, in the real store) and Guix profiles laid out as Guix lays them out, under one PATH built here.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathReportSchema, type PathReport } from '../../common/contract/index.ts';
import { parseDrvName } from '../../common/drv-name.ts';
import { GuixWorld, manifestText } from '../../test-support/guix-world.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');

let dir: string;
let nix: World;
let guix: GuixWorld;
let shared: { command: string; nixPackage: string; nixVersion: string; guixVersion: string };
let path: string[];
let run: (...args: string[]) => SpawnSyncReturns<string>;

/** The executables of `d` (names), as a shell's PATH lookup finds them. */
const executables = (d: string) =>
  readdirSync(d).filter((n) => {
    try {
      const st = statSync(join(d, n));
      return st.isFile() && (st.mode & 0o111) !== 0;
    } catch {
      return false;
    }
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gentry-path-'));
  nix = await buildWorld({ preset: 'small' });
  // A command of the NixOS system's current generation, and its package as its store name says.
  const sw = join(nix.currentSystem, 'sw/bin');
  // (one whose store name is NAME-VERSION with a version of digits and dots, no output suffix such as -bin,
  // and one that neither home-manager nor the nix-env profile has, so that only two versions of it are on PATH)
  const elsewhere = new Set([...executables(join(nix.homeProfile, 'home-path/bin')), ...executables(join(nix.userProfile, 'bin'))]);
  const command = executables(sw).find((n) => n !== 'nixos-version' && !elsewhere.has(n) && /\/nix\/store\/[0-9a-z]{32}-[^/]+-[0-9][0-9.]*\//.test(realpathSync(join(sw, n))));
  if (command === undefined) throw new Error(`the Nix world (seed ${nix.seed}) has no command of its own in the system's sw/bin`);
  const item = /\/nix\/store\/[0-9a-z]{32}-([^/]+)/.exec(realpathSync(join(sw, command)))![1]!;
  const { name, version } = parseDrvName(item);
  shared = { command, nixPackage: name, nixVersion: version, guixVersion: `${version}.99` };

  guix = new GuixWorld(join(dir, 'guix'));
  // Guix home 1, 2 (current): the same package as Nix's at another version, and guile; Guix system: coreutils' ls
  // and guile again (an older one); Guix user profile: hello, also in an unknown directory before it. (The Guix-only
  // commands are named gentry-… so that the Nix world, whose packages vary with its seed, has none of them.)
  const home1 = guix.tool('guile', '3.0.9', ['gentry-guile']);
  guix.homeGeneration('alice', 1, { provenance: null, manifest: manifestText([{ name: 'guile', version: '3.0.9' }], 4), bin: { 'gentry-guile': home1 } });
  const mine = guix.tool(shared.nixPackage, shared.guixVersion, [command]);
  const guile = guix.tool('guile', '3.0.10', ['gentry-guile']);
  guix.homeGeneration('alice', 2, { provenance: null, manifest: manifestText([{ name: shared.nixPackage, version: shared.guixVersion }, { name: 'guile', version: '3.0.10' }], 4), bin: { [command]: mine, 'gentry-guile': guile } });
  guix.setCurrent(guix.home('alice'), 2, 'absolute');
  const coreutils = guix.tool('coreutils', '9.1', ['gentry-ls', 'gentry-cat']);
  guix.systemGeneration(1, { boot: null, provenance: null, manifest: manifestText([{ name: 'coreutils', version: '9.1' }, { name: 'guile', version: '3.0.9' }], 4), bin: { 'gentry-ls': coreutils, 'gentry-cat': coreutils, 'gentry-guile': home1 } });
  guix.setCurrent(guix.system, 1, 'absolute');
  const hello = guix.tool('hello', '2.12.1', ['gentry-hello']);
  guix.userGeneration('alice', 1, manifestText([{ name: 'hello', version: '2.12.1' }], 4), { 'gentry-hello': hello });
  guix.setCurrent(guix.userProfile('alice'), 1, 'relative');
  const other = join(dir, 'usr/local/bin');
  mkdirSync(other, { recursive: true });
  writeFileSync(join(other, 'gentry-hello'), '#!/bin/sh\n', { mode: 0o755 });

  path = [`${guix.home('alice')}/profile/bin`, sw, `${nix.homeProfile}/home-path/bin`, other, `${guix.userProfile('alice')}/bin`, `${nix.userProfile}/bin`, `${guix.system}/profile/bin`, join(dir, 'missing/bin'), '', sw];
  const worldArgs = ['--system-profile', nix.systemProfile, '--home-profile', nix.homeProfile, '--user-profile', nix.userProfile];
  run = (...args) => spawnSync(process.execPath, [BIN, ...args, ...worldArgs], { encoding: 'utf8', env: { ...process.env, GUIX_STATE_DIRECTORY: guix.state, USER: 'alice', XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: join(dir, 'state') } });
}, 600_000);

afterAll(async () => {
  if (nix) await removeWorld(nix);
  rmSync(dir, { recursive: true, force: true });
});

describe('gentry path on a hybrid Guix + Nix machine', () => {
  let report: PathReport;
  beforeAll(() => {
    const r = run('path', '--path', path.join(':'), '--json');
    expect(r.status, r.stderr).toBe(0);
    report = PathReportSchema.parse(JSON.parse(r.stdout));
  });

  it('names the profile and generation of each PATH directory (each real directory once, missing and empty entries left out)', () => {
    const currentNix = nix.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system')!.generations.find((g) => g.current)!.number;
    const currentHm = nix.expected.profiles.find((p) => p.kind === 'home')!.generations.find((g) => g.current)!.number;
    expect(report.dirs.map((d) => [d.dir, d.profile && `${d.profile.kind} ${d.profile.generation} ${d.profile.current}`])).toEqual([
      [path[0], 'guix-home 2 true'],
      [path[1], `system ${currentNix} true`],
      [path[2], `home ${currentHm} true`],
      [path[3], null],
      [path[4], 'guix-user 1 true'],
      [path[5], expect.stringMatching(/^user \d+ true$/)],
      [path[6], 'guix-system 1 true'],
    ]);
    expect(report.dirs.map((d) => d.commands)).toEqual(report.dirs.map((d) => executables(d.dir).length));
  });

  it('each command runs from the first directory that has it; the later ones are shadowed, in PATH order', () => {
    const dirs = report.dirs.map((d) => d.dir);
    const known = new Set(report.dirs.filter((d) => d.profile !== null).map((d) => d.dir));
    const expected = new Map<string, string[]>();
    for (const d of dirs) for (const n of executables(d)) expected.set(n, [...(expected.get(n) ?? []), d]);
    const names = [...expected.keys()].filter((n) => expected.get(n)!.some((d) => known.has(d))).sort();
    expect(report.commands.map((c) => c.name)).toEqual(names);
    for (const c of report.commands) expect([c.runs.dir, ...c.shadowed.map((s) => s.dir)], c.name).toEqual(expected.get(c.name));
    expect(report.commands.find((c) => c.name === 'gentry-hello')).toMatchObject({ runs: { dir: path[3], profile: null }, shadowed: [{ profile: { kind: 'guix-user' }, package: { name: 'hello', version: '2.12.1' }, store: 'gnu' }] });
  });

  it('flags one package at two versions in the two stores: the Guix home one runs, the NixOS one is shadowed', () => {
    const c = report.commands.find((x) => x.name === shared.command)!;
    expect(c.runs).toMatchObject({ profile: { kind: 'guix-home', generation: 2 }, store: 'gnu', package: { name: shared.nixPackage, version: shared.guixVersion } });
    expect(c.shadowed[0]).toMatchObject({ profile: { kind: 'system' }, store: 'nix', package: { name: shared.nixPackage, version: shared.nixVersion } });
    expect(c.versionsDiffer).toEqual([shared.nixVersion, shared.guixVersion]);
    expect(c.acrossStores).toBe(true);
    // guile: Guix home 3.0.10 over Guix system 3.0.9: versions differ within one store.
    const g = report.commands.find((x) => x.name === 'gentry-guile')!;
    expect([g.versionsDiffer, g.acrossStores]).toEqual([['3.0.9', '3.0.10'], false]);
    expect(report.commands.find((x) => x.name === 'gentry-ls')).toMatchObject({ runs: { profile: { kind: 'guix-system' }, package: { name: 'coreutils', version: '9.1' } }, shadowed: [], versionsDiffer: [] });
  });

  it('prints the directories and the shadowing commands as text, the cross-store one flagged', () => {
    const r = run('path', '--path', path.join(':'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`   1  ${path[0]}  guix-home 2 (current)`);
    const line = r.stdout.split('\n').find((l) => l.trimStart().startsWith(`${shared.command} `))!;
    expect(line).toContain(`runs guix-home 2 (current) ${shared.nixPackage} ${shared.guixVersion} [gnu]  ! ${shared.nixVersion} vs ${shared.guixVersion} (Guix and Nix)`);
  });
});
