// `gentry pins` as whole processes on a real world and a nixpkgs-shaped repository made here: the pin
// is judged by Nix (nix-instantiate of the repository with the overlay), suggestions by the world's
// records and nix-store --query --requisites, problems by `pins check`'s exit status and JSON.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PinSchema, PinSuggestionsSchema, PinTargetSchema } from '../../common/contract/index.ts';
import { removeWorld, type World } from '../../worlds/index.ts';
import { makeNixpkgsRepo, type NixpkgsFixture, versionsOf, type WorldHoldings, worldRevision, worldWithMovedPackage, writeProblemTargets, writeSettings } from '../../test-support/pin-fixtures.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');
const tmp = mkdtempSync(join(tmpdir(), 'gentry-pins-cli-'));
const env = { ...process.env, XDG_CACHE_HOME: join(tmp, 'cache'), XDG_CONFIG_HOME: join(tmp, 'config'), NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };

function nixVersion(repo: NixpkgsFixture, rev: string, attr: string, overlayDir: string | null): string {
  const overlays = overlayDir ? `(import ${overlayDir}/overlay.nix)` : '';
  const expr = `(import (builtins.fetchGit { url = "file://${repo.dir}"; rev = "${rev}"; }) { overlays = [ ${overlays} ]; }).${attr}.version`;
  const r = spawnSync('nix-instantiate', ['--eval', '--json', '--expr', expr], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string;
}

describe('gentry pins', () => {
  let world: World;
  let holdings: WorldHoldings;
  let pkg: { name: string; old: string; current: string };
  let repo: NixpkgsFixture;
  let run: (...args: string[]) => SpawnSyncReturns<string>;

  beforeAll(async () => {
    ({ world, holdings, pkg } = await worldWithMovedPackage(false));
    repo = makeNixpkgsRepo(join(tmp, 'nixpkgs'), [
      { kicad: '8.0.1', [pkg.name]: pkg.old, frobnicate: '1.0' },
      { kicad: '8.0.2', [pkg.name]: pkg.current, frobnicate: '1.0' },
      { kicad: '8.0.2', [pkg.name]: `${pkg.current}.99`, frobnicate: '1.0' },
    ]);
    const worldArgs = ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
    run = (...args) => spawnSync(process.execPath, [BIN, 'pins', ...args, ...worldArgs], { encoding: 'utf8', env });
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('pins kicad from a git+file revision; Nix then evaluates the newest commit to the pinned version', () => {
    const dir = join(tmp, 'gentry');
    const r = run('add', 'kicad', '--overlay', dir, '--source', repo.source, '--rev', repo.revs[0] as string, '--reason', '8.0.2 crashes on export', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { added: boolean; entry: unknown; target: unknown };
    expect(out.added).toBe(true);
    expect(PinSchema.parse(out.entry)).toMatchObject({ attr: 'kicad', version: '8.0.1', rev: repo.revs[0], reason: '8.0.2 crashes on export' });
    expect(PinTargetSchema.parse(out.target).wiring).toBe(`nixpkgs.overlays = [ (import ${dir}/overlay.nix) ];`);
    const newest = repo.revs.at(-1) as string;
    expect(nixVersion(repo, newest, 'kicad', null)).toBe('8.0.2');
    expect(nixVersion(repo, newest, 'kicad', dir)).toBe('8.0.1');

    const list = run('list', '--overlay', dir);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('Wire it in once:  nixpkgs.overlays = [');
    expect(list.stdout).toMatch(/kicad 8\.0\.1 {3}git\+file:\/\/\S+ [0-9a-f]{12} {3}not carried yet \(current: none\)/);
    const json = PinTargetSchema.parse(JSON.parse(run('list', '--overlay', dir, '--json').stdout));
    expect(json.pins.map((p) => p.attr)).toEqual(['kicad']);
  });

  it('refuses a wrong version (exit 1), and bad usage or a dotted attribute (exit 2), writing nothing', () => {
    const dir = join(tmp, 'refused');
    const wrong = run('add', 'kicad', '--overlay', dir, '--source', repo.source, '--rev', repo.revs[0] as string, '--version', '8.0.2', '--json');
    expect(wrong.status).toBe(1);
    const out = JSON.parse(wrong.stdout) as { added: boolean; problems: { kind: string }[] };
    expect(out.added).toBe(false);
    expect(out.problems.map((p) => p.kind)).toContain('version-mismatch');
    const text = run('add', 'nothere', '--overlay', dir, '--source', repo.source, '--rev', repo.revs[0] as string);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/nothere was not pinned:\n {2}error {3}nothere \(missing-attr\): there is no attribute nothere/);
    const dotted = run('add', 'python3Packages.requests', '--overlay', dir, '--source', repo.source, '--rev', repo.revs[0] as string);
    expect(dotted.status).toBe(2);
    expect(dotted.stderr).toMatch(/attribute path/);
    expect(run('add', 'kicad', '--overlay', dir).status).toBe(2);
    expect(run('add', 'kicad', '--overlay', dir, '--source', repo.source, '--rev', 'abc1234').status).toBe(2);
    expect(run('add', 'kicad', '--source', repo.source, '--rev', repo.revs[0] as string).status).toBe(2);
    expect(run('frob', '--overlay', dir).status).toBe(2);
    expect(existsSync(join(dir, 'pins.json'))).toBe(false);
  });

  it('pins from a generation (github:, no narHash offline), checks clean and dirty targets, removes with a .bak', () => {
    const gen = holdings.generations.filter((g) => g.profile === 'system').sort((a, b) => a.number - b.number).find((g) => holdings.held.get(`system:${g.number}`)?.get(pkg.name)?.has(pkg.old));
    const dir = join(tmp, 'from-gen');
    const r = run('add', pkg.name, '--overlay', dir, '--from-generation', String(gen?.number), '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { entry: unknown; problems: { kind: string; message: string }[] };
    expect(PinSchema.parse(out.entry)).toMatchObject({ attr: pkg.name, version: pkg.old, source: 'github:NixOS/nixpkgs', rev: worldRevision(gen?.storePath ?? ''), narHash: null, fromGeneration: { profile: 'system', number: gen?.number } });
    expect(out.problems.map((p) => p.kind)).toEqual(['no-narhash']);
    const check = run('check', '--overlay', dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/warning (\S+) \(no-narhash\): no narHash/);

    // The same version from a fetchable revision: nothing to report.
    const clean = join(tmp, 'clean');
    expect(run('add', pkg.name, '--overlay', clean, '--source', repo.source, '--rev', repo.revs[0] as string).status).toBe(0);
    const ok = run('check', '--overlay', clean, '--json');
    expect(ok.status, ok.stdout).toBe(0);
    expect(PinTargetSchema.parse(JSON.parse(ok.stdout)).problems).toEqual([]);

    const before = readFileSync(join(dir, 'pins.json'), 'utf8');
    const removed = run('remove', pkg.name, '--overlay', dir, '--json');
    expect(removed.status, removed.stderr).toBe(0);
    expect(PinTargetSchema.parse(JSON.parse(removed.stdout)).pins).toEqual([]);
    expect(readFileSync(join(dir, 'pins.json.bak'), 'utf8')).toBe(before);
    const again = run('remove', pkg.name, '--overlay', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/has no pin for/);
  });

  it('check exits 1 and reports every kind of problem', async () => {
    const oldGen = holdings.generations.find((g) => g.profile === 'system' && holdings.held.get(`system:${g.number}`)?.get(pkg.name)?.has(pkg.old));
    const targets = await writeProblemTargets(join(tmp, 'problems'), repo, pkg, worldRevision(oldGen?.storePath ?? ''));
    writeSettings(join(tmp, 'config/gentry'), targets, repo.dir);
    const kinds = new Set<string>();
    for (const t of targets) {
      const r = run('check', '--overlay', t.path, '--json');
      expect(r.status, `${t.name}: ${r.stderr}`).toBe(1);
      const state = PinTargetSchema.parse(JSON.parse(r.stdout));
      expect(state.kind).toBe(t.kind);
      for (const p of state.problems) kinds.add(p.kind);
    }
    expect([...kinds].sort()).toEqual(['conflict', 'fixed-upstream', 'missing-attr', 'no-change', 'no-narhash', 'not-in-store', 'old', 'unreadable', 'version-mismatch']);
    const text = run('check', '--overlay', targets[0]?.path ?? '');
    expect(text.stdout).toMatch(/^\d+ problems:$/m);
    expect(text.stdout).toMatch(/error {3}kicad \(conflict\): kicad is pinned to 8\.0\.2 in target b and to 8\.0\.0 here/);
    writeSettings(join(tmp, 'config/gentry'), [], null);
  });

  it('suggest lists every version and generation the world holds, and the checkout’s with --nixpkgs-git', () => {
    const r = run('suggest', pkg.name, '--json');
    expect(r.status, r.stderr).toBe(0);
    const got = PinSuggestionsSchema.parse(JSON.parse(r.stdout));
    expect(new Map(got.versions.map((v) => [v.version, v.generations.map((g) => `${g.profile}:${g.number}`).sort()]))).toEqual(versionsOf(holdings, pkg.name));
    const text = run('suggest', pkg.name);
    expect(text.stdout).toContain(`${pkg.name}: ${got.versions.length} versions`);
    const none = run('suggest', 'kicad');
    expect(none.status).toBe(1);
    expect(none.stdout).toMatch(/No generation here has a package named kicad/);
    const withGit = PinSuggestionsSchema.parse(JSON.parse(run('suggest', 'kicad', '--nixpkgs-git', repo.dir, '--json').stdout));
    expect(withGit.versions.map((v) => [v.version, v.nixpkgsRevision])).toEqual([
      ['8.0.1', repo.revs[0]],
      ['8.0.2', repo.revs[1]],
    ]);
  });
});
