// The read model against real worlds in the real Nix store, with Nix's own commands as oracles.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Generation, Profile } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { worldPaths } from '../demo/demo-world.ts';
import { runProcess } from '../infra/process.ts';
import { openClosureSizer } from './closure-sizes.ts';
import { listProfiles } from './read-model.ts';

const NIX_ENV = { ...process.env, TZ: 'UTC', NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };

/** A generation with `problem` reduced to whether there is one (worlds cannot know our wording). */
const comparable = (g: Generation) => ({ ...g, problem: g.problem !== null });
const comparableProfile = (p: Profile) => ({ ...p, problem: p.problem !== null, generations: p.generations.map(comparable) });

describe('listProfiles on a small world with every quirk', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld({ preset: 'small', quirks: true });
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  it('agrees with the world field by field, for every profile', async () => {
    const sizer = await openClosureSizer('/nix/var/nix/db/db.sqlite', runProcess);
    const list = await listProfiles(worldPaths(world), sizer);
    sizer.close();
    expect(list.notices).toEqual([]);
    expect(list.profiles.map(comparableProfile)).toEqual(world.expected.profiles.map(comparableProfile));
  });

  it('agrees with nix-env --list-generations on numbers, dates and the current generation', async () => {
    const sizer = await openClosureSizer('/nix/var/nix/db/db.sqlite', runProcess);
    const list = await listProfiles(worldPaths(world), sizer);
    for (const profile of list.profiles) {
      const out = execFileSync('nix-env', ['-p', profile.path, '--list-generations'], { env: NIX_ENV, encoding: 'utf8' });
      const theirs = out
        .trim()
        .split('\n')
        .map((line) => {
          const m = /^\s*(\d+)\s+(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)\s*(\(current\))?\s*$/.exec(line);
          if (!m) throw new Error(`unexpected nix-env line: ${line}`);
          return { number: Number(m[1]), date: `${m[2]}T${m[3]}Z`, current: m[4] !== undefined };
        });
      const ours = profile.generations.map((g) => ({ number: g.number, date: g.date, current: g.current }));
      expect(ours, profile.name).toEqual(theirs);
    }
  });

  it('agrees with nix path-info on closure sizes', async () => {
    const sizer = await openClosureSizer('/nix/var/nix/db/db.sqlite', runProcess);
    const list = await listProfiles(worldPaths(world), sizer);
    const measured = list.profiles.flatMap((p) => p.generations).filter((g) => g.closureSize !== null);
    expect(measured.length).toBeGreaterThan(10);
    const out = execFileSync('nix', ['path-info', '--json', '--closure-size', ...measured.map((g) => g.storePath as string)], { env: NIX_ENV, encoding: 'utf8' });
    const parsed = JSON.parse(out) as { path: string; closureSize: number }[] | Record<string, { closureSize: number }>;
    const nixSizes = new Map(Array.isArray(parsed) ? parsed.map((e) => [e.path, e.closureSize]) : Object.entries(parsed).map(([k, v]) => [k, v.closureSize]));
    for (const g of measured) expect(g.closureSize, g.storePath ?? '').toBe(nixSizes.get(g.storePath as string));
  });

  it('falls back to the nix CLI when the database cannot be opened, says so once, and gets the same sizes', async () => {
    const good = await openClosureSizer('/nix/var/nix/db/db.sqlite', runProcess);
    const expected = await listProfiles(worldPaths(world), good);
    const bogus = join(mkdtempSync(join(tmpdir(), 'gentry-db-')), 'db.sqlite');
    writeFileSync(bogus, 'this is not a database');
    const bad = await openClosureSizer(bogus, runProcess);
    expect(bad.source).toBe('nix-cli');
    const list = await listProfiles({ ...worldPaths(world), nixDb: bogus }, bad);
    expect(list.notices).toHaveLength(1);
    expect(list.notices[0]).toContain(bogus);
    expect(list.profiles).toEqual(expected.profiles);
  });

  it('lists a profile whose directory does not exist with a reason', async () => {
    const sizer = await openClosureSizer('/nix/var/nix/db/db.sqlite', runProcess);
    const list = await listProfiles({ ...worldPaths(world), homeProfiles: ['/nonexistent/gentry/home-manager'] }, sizer);
    const home = list.profiles.find((p) => p.kind === 'home');
    expect(home?.generations).toEqual([]);
    expect(home?.problem).toMatch(/does not exist/);
  });
});

describe('listProfiles on 2,000 generations in one profile', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld({ preset: 'small', systemGenerations: 2000, homeGenerations: 3 });
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  it('lists every one of them with its closure size', async () => {
    const sizer = await openClosureSizer('/nix/var/nix/db/db.sqlite', runProcess);
    const started = performance.now();
    const list = await listProfiles(worldPaths(world), sizer);
    const system = list.profiles[0] as Profile;
    console.log(`2,000 generations listed in ${Math.round(performance.now() - started)} ms`);
    expect(system.generations).toHaveLength(2000);
    expect(system.generations.every((g) => g.closureSize !== null && g.closureSize > 0)).toBe(true);
    expect(system.generations.map((g) => g.number)).toEqual(world.expected.profiles[0]?.generations.map((g) => g.number));
  });
});
