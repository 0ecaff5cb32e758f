// Pins against real Nix: a nixpkgs-shaped git repository made here, a real world, the services'
// calls. The oracles are Nix (nix-instantiate of the repository with the overlay, nix-store
// --query --requisites of each generation) and the world's own records.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PinSuggestionsSchema, PinTargetSchema } from '../../common/contract/index.ts';
import { removeWorld, type World } from '../../worlds/index.ts';
import { worldPaths } from '../demo/demo-world.ts';
import { silentLogger } from '../infra/log.ts';
import { openClosureReader } from '../nix/closure-reader.ts';
import { runProcess } from '../infra/process.ts';
import { createServices } from '../services.ts';
import { type NixpkgsFixture, makeNixpkgsRepo, versionsOf, type WorldHoldings, worldRevision, worldWithMovedPackage, writeProblemTargets, writeSettings } from '../../test-support/pin-fixtures.ts';
import { Pins } from './pin-engine.ts';

process.env.NIX_CONFIG = 'substituters =\nexperimental-features = nix-command';
const tmp = mkdtempSync(join(tmpdir(), 'gentry-pins-'));
process.env.XDG_CACHE_HOME = join(tmp, 'cache');

/** What Nix evaluates `attr` to in the repository at `rev`, with the overlays of `targets`. */
function evalWithOverlays(repo: NixpkgsFixture, rev: string, attr: string, targets: string[]): string {
  const overlays = targets.map((t) => `(import ${join(t, 'overlay.nix')})`).join(' ');
  const expr = `(import (builtins.fetchGit { url = "file://${repo.dir}"; rev = "${rev}"; }) { overlays = [ ${overlays} ]; }).${attr}.version`;
  const r = spawnSync('nix-instantiate', ['--eval', '--json', '--expr', expr], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string;
}


describe('pins on a world', () => {
  let world: World;
  let holdings: WorldHoldings;
  let pkg: { name: string; old: string; current: string };
  let repo: NixpkgsFixture;
  let engine: (nixpkgsGit?: string | null) => Pins;
  const configDir = join(tmp, 'config');
  const stateDir = join(tmp, 'state');

  beforeAll(async () => {
    ({ world, holdings, pkg } = await worldWithMovedPackage(true));
    repo = makeNixpkgsRepo(join(tmp, 'nixpkgs'), [
      { kicad: '8.0.1', [pkg.name]: pkg.old, frobnicate: '1.0' },
      { kicad: '8.0.2', [pkg.name]: pkg.current, frobnicate: '1.0' },
      { kicad: '8.0.2', [pkg.name]: `${pkg.current}.99`, frobnicate: '1.0' },
    ]);
    const reader = openClosureReader('/nix/var/nix/db/db.sqlite', runProcess);
    engine = (nixpkgsGit = null) =>
      new Pins({ paths: worldPaths(world), run: runProcess, log: silentLogger, reader: () => reader, cacheDir: join(tmp, 'cache', 'gentry'), nixpkgsGit, now: () => new Date() });
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('pins from a git+file source, and the overlay makes Nix evaluate the old version at the newest commit', async () => {
    const dir = join(tmp, 'targets/overlay');
    const target = { name: 'overlay', path: dir, kind: 'system' as const };
    const state = await engine().add(target, [], { attr: 'kicad', route: { from: 'source', source: repo.source, rev: repo.revs[0] as string }, reason: '8.0.2 crashes on export' });
    expect(PinTargetSchema.parse(state).pins).toEqual([expect.objectContaining({ attr: 'kicad', version: '8.0.1', source: repo.source, rev: repo.revs[0], narHash: null, reason: '8.0.2 crashes on export', fromGeneration: null })]);
    expect(existsSync(join(dir, 'overlay.nix'))).toBe(true);
    expect(existsSync(join(dir, 'pins.json.bak'))).toBe(false);
    // The oracle is Nix: at the newest commit kicad is 8.0.2 without the overlay, 8.0.1 with it.
    expect(evalWithOverlays(repo, repo.revs[2] as string, 'kicad', [])).toBe('8.0.2');
    expect(evalWithOverlays(repo, repo.revs[2] as string, 'kicad', [dir])).toBe('8.0.1');
    expect(evalWithOverlays(repo, repo.revs[2] as string, 'frobnicate', [dir])).toBe('1.0');
    expect(state.wiring).toBe(`nixpkgs.overlays = [ (import ${dir}/overlay.nix) ];`);
    expect(state.carried).toEqual([{ attr: 'kicad', currentVersions: [], carried: false }]);

    // A second pin keeps the first pins.json as .bak; both apply.
    const before = readFileSync(join(dir, 'pins.json'), 'utf8');
    await engine().add(target, [], { attr: pkg.name, route: { from: 'source', source: repo.source, rev: repo.revs[0] as string } });
    expect(readFileSync(join(dir, 'pins.json.bak'), 'utf8')).toBe(before);
    expect(evalWithOverlays(repo, repo.revs[2] as string, pkg.name, [dir])).toBe(pkg.old);
    expect(evalWithOverlays(repo, repo.revs[2] as string, 'kicad', [dir])).toBe('8.0.1');

    // Removing it puts the newest version back.
    const after = await engine().remove(target, [], 'kicad');
    expect(after.pins.map((p) => p.attr)).toEqual([pkg.name]);
    expect(evalWithOverlays(repo, repo.revs[2] as string, 'kicad', [dir])).toBe('8.0.2');
  });

  it('refuses what cannot work, before writing anything', async () => {
    const dir = join(tmp, 'targets/refused');
    const target = { name: 'refused', path: dir, kind: 'system' as const };
    const mismatch = await engine().tryAdd(target, [], { attr: 'kicad', version: '8.0.2', route: { from: 'source', source: repo.source, rev: repo.revs[0] as string } });
    expect(mismatch.added).toBe(false);
    expect(!mismatch.added && mismatch.blocking.map((p) => p.kind)).toEqual(['version-mismatch']);
    const missing = await engine().tryAdd(target, [], { attr: 'nothere', route: { from: 'source', source: repo.source, rev: repo.revs[0] as string } });
    expect(!missing.added && missing.blocking.map((p) => p.kind)).toEqual(['missing-attr']);
    await expect(engine().tryAdd(target, [], { attr: 'python3Packages.requests', route: { from: 'source', source: repo.source, rev: repo.revs[0] as string } })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringMatching(/attribute path/),
    });
    await expect(engine().tryAdd(target, [], { attr: 'kicad', route: { from: 'source', source: repo.source, rev: (repo.revs[0] as string).slice(0, 7) } })).rejects.toMatchObject({ code: 'bad-input' });
    expect(existsSync(join(dir, 'pins.json'))).toBe(false);
  });

  it('pins from a generation through the services: version and full revision from the generation, no narHash offline', async () => {
    const first = holdings.generations.filter((g) => g.profile === 'system').sort((a, b) => a.number - b.number).find((g) => holdings.held.get(`system:${g.number}`)?.get(pkg.name)?.has(pkg.old));
    if (!first) throw new Error('no generation with the old version');
    const dir = join(tmp, 'targets/from-generation');
    writeSettings(configDir, [{ name: 'sys', path: dir, kind: 'system' }], null);
    const svc = createServices({ paths: worldPaths(world), run: runProcess, log: silentLogger, env: {}, configDir, stateDir });
    try {
      const preview = await svc.handlers.previewPin({ target: 'sys', attr: pkg.name, fromGeneration: { kind: 'system', name: 'system', number: first.number } }, { client: 't' });
      expect(preview.entry).toMatchObject({ attr: pkg.name, version: pkg.old, source: 'github:NixOS/nixpkgs', rev: worldRevision(first.storePath), narHash: null, fromGeneration: { profile: 'system', number: first.number } });
      expect(preview.problems.map((p) => p.kind)).toEqual(['no-narhash']);
      expect(preview.problems[0]?.message).toContain(`inputs.nixpkgs-${pkg.name}.url = "github:NixOS/nixpkgs/${worldRevision(first.storePath)}";`);
      expect(existsSync(join(dir, 'pins.json'))).toBe(false);
      expect(JSON.parse(preview.pinsJson)).toEqual({ version: 1, pins: [preview.entry] });

      const added = await svc.handlers.addPin({ target: 'sys', attr: pkg.name, fromGeneration: { kind: 'system', name: 'system', number: first.number }, reason: 'regressed' }, { client: 't' });
      expect(added.pins).toEqual([{ ...preview.entry, reason: 'regressed', created: expect.any(String) }]);
      expect(added.carried).toEqual([{ attr: pkg.name, currentVersions: [pkg.current], carried: false }]);

      // A home-manager generation records no nixpkgs revision: a system generation with the same store path gives it.
      const home = holdings.generations.find((g) => g.kind === 'home' && holdings.held.get(`${g.profile}:${g.number}`)?.get(pkg.name)?.has(pkg.old));
      if (home) {
        const fromHome = await svc.handlers.previewPin({ target: 'sys', attr: pkg.name, fromGeneration: { kind: 'home', name: home.profile, number: home.number } }, { client: 't' });
        expect(fromHome.entry.rev).toMatch(/^[0-9a-f]{40}$/);
        expect(fromHome.entry.fromGeneration).toEqual({ profile: home.profile, number: home.number });
      }
      await expect(svc.handlers.previewPin({ target: 'sys', attr: 'kicad', fromGeneration: { kind: 'system', name: 'system', number: first.number } }, { client: 't' })).rejects.toMatchObject({ code: 'not-found' });
      await expect(svc.handlers.previewPin({ target: 'nope', attr: pkg.name, fromGeneration: { kind: 'system', name: 'system', number: first.number } }, { client: 't' })).rejects.toMatchObject({ code: 'not-found' });

      const removed = await svc.handlers.removePin({ target: 'sys', attr: pkg.name }, { client: 't' });
      expect(removed.pins).toEqual([]);
      expect(JSON.parse(readFileSync(join(dir, 'pins.json.bak'), 'utf8')).pins).toHaveLength(1);
    } finally {
      svc.close();
    }
  });

  it('reports every kind of problem through pinTargets', async () => {
    const oldGen = holdings.generations.find((g) => g.profile === 'system' && holdings.held.get(`system:${g.number}`)?.get(pkg.name)?.has(pkg.old));
    const targets = await writeProblemTargets(join(tmp, 'problems'), repo, pkg, worldRevision(oldGen?.storePath ?? ''));
    writeSettings(configDir, targets, repo.dir);
    const svc = createServices({ paths: worldPaths(world), run: runProcess, log: silentLogger, env: {}, configDir, stateDir });
    try {
      const { targets: got } = await svc.handlers.pinTargets({}, { client: 't' });
      const by = Object.fromEntries(got.map((t) => [t.name, PinTargetSchema.parse(t)]));
      const kinds = (name: string, attr: string | null) => (by[name]?.problems ?? []).filter((p) => p.attr === attr).map((p) => `${p.kind}/${p.severity}`);
      expect(kinds('a', pkg.name)).toContain('fixed-upstream/warning');
      expect(kinds('a', pkg.name)).toContain('conflict/error'); // b pins it to another version, same kind
      expect(kinds('a', 'kicad')).toEqual(expect.arrayContaining(['version-mismatch/error', 'conflict/error', 'not-in-store/warning']));
      expect(kinds('a', 'nothere')).toContain('missing-attr/error');
      expect(kinds('a', 'frobnicate')).toContain('old/warning');
      expect(kinds('a', 'quuxify')).toEqual(['unreadable/error']);
      expect(kinds('b', pkg.name)).toContain('no-change/warning');
      expect(kinds('b', 'kicad')).toContain('conflict/error');
      expect(kinds('c', pkg.name)).toContain('no-narhash/warning');
      expect(kinds('c', pkg.name)).toContain('conflict/warning'); // the same version from another revision, in a home target
      expect(kinds('e', null)).toEqual(['unreadable/error']);
      expect(by.b?.carried).toEqual([
        { attr: 'kicad', currentVersions: [], carried: false },
        { attr: pkg.name, currentVersions: [pkg.current], carried: true },
      ]);
      const all = new Set(got.flatMap((t) => t.problems.map((p) => p.kind)));
      expect([...all].sort()).toEqual(['conflict', 'fixed-upstream', 'missing-attr', 'no-change', 'no-narhash', 'not-in-store', 'old', 'unreadable', 'version-mismatch']);
      expect(by.c?.wiring).toMatch(/home-manager configuration/);
    } finally {
      svc.close();
    }
  });

  it('suggest finds every version and generation the world holds, with each version’s nixpkgs revision', async () => {
    const expected = versionsOf(holdings, pkg.name);
    const svc = createServices({ paths: worldPaths(world), run: runProcess, log: silentLogger, env: {}, configDir: join(tmp, 'no-config'), stateDir });
    try {
      const got = PinSuggestionsSchema.parse(await svc.handlers.pinSuggestions({ attr: pkg.name }, { client: 't' }));
      expect(new Map(got.versions.map((v) => [v.version, v.generations.map((g) => `${g.profile}:${g.number}`).sort()]))).toEqual(expected);
      for (const v of got.versions) {
        expect(v.inStore).toBe(true);
        const shorts = holdings.generations.filter((g) => g.kind === 'system' && expected.get(v.version)?.includes(`${g.profile}:${g.number}`)).map((g) => g.shortRev);
        expect(v.nixpkgsRevision).toMatch(/^[0-9a-f]{40}$/);
        expect(shorts).toContain(v.nixpkgsRevision?.slice(0, 7));
      }
      expect((await svc.handlers.pinSuggestions({ attr: 'kicad' }, { client: 't' })).versions).toEqual([]);
    } finally {
      svc.close();
    }
  });

  it('suggest adds the versions of a local nixpkgs checkout: the history of the defining file, or each commit evaluated', async () => {
    const kicad = await engine(repo.dir).suggest('kicad');
    expect(kicad.versions).toEqual([
      { version: '8.0.1', generations: [], nixpkgsRevision: repo.revs[0], inStore: false },
      { version: '8.0.2', generations: [], nixpkgsRevision: repo.revs[1], inStore: false },
    ]);
    expect(kicad.notices.join()).toMatch(/history of pkgs\/kicad\.nix/);
    const moved = await engine(repo.dir).suggest(pkg.name);
    const newest = moved.versions.at(-1);
    expect(newest).toEqual({ version: `${pkg.current}.99`, generations: [], nixpkgsRevision: repo.revs[2], inStore: false });
    expect(moved.versions.map((v) => v.version)).toEqual(expect.arrayContaining([pkg.old, pkg.current]));
  });
});
