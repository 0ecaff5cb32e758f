// `gentry diff` and `gentry history` as whole processes on a real world, bad input included.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffSchema } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');
const cacheHome = mkdtempSync(join(tmpdir(), 'gentry-diff-cache-'));

describe('gentry diff and gentry history', () => {
  let world: World;
  let run: (...args: string[]) => SpawnSyncReturns<string>;
  beforeAll(async () => {
    world = await buildWorld({ preset: 'small', quirks: true });
    const worldArgs = ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
    run = (...args) => spawnSync(process.execPath, [BIN, ...args, ...worldArgs], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  const valid = () => (world.expected.profiles[0]?.generations ?? []).filter((g) => g.problem === null);

  it('prints the documented JSON for two generation numbers', () => {
    const [a, b] = [valid()[0], valid().at(-1)];
    const r = run('diff', String(a?.number), String(b?.number), '--json');
    expect(r.status, r.stderr).toBe(0);
    const d = DiffSchema.parse(JSON.parse(r.stdout));
    expect(d.from).toEqual({ profile: 'system', number: a?.number, storePath: a?.storePath });
    expect(d.to).toEqual({ profile: 'system', number: b?.number, storePath: b?.storePath });
    expect(d.summary.closureSizeAfter).toBe(b?.closureSize);
    expect(d.packages.length).toBeGreaterThan(0);
  });

  it('accepts current, booted, store paths and generation links, with null numbers for bare paths', () => {
    const current = valid().find((g) => g.current);
    const booted = valid().find((g) => g.booted);
    const byName = run('diff', 'booted', 'current', '--json');
    expect(byName.status, byName.stderr).toBe(0);
    const d = DiffSchema.parse(JSON.parse(byName.stdout));
    expect([d.from.number, d.to.number]).toEqual([booted?.number, current?.number]);
    const link = join(dirname(world.systemProfile), `system-${booted?.number}-link`);
    const bare = run('diff', readlinkSync(link), current?.storePath ?? '', '--json');
    expect(bare.status, bare.stderr).toBe(0);
    const e = DiffSchema.parse(JSON.parse(bare.stdout));
    expect(e.from).toEqual({ profile: null, number: null, storePath: booted?.storePath });
    expect(e.packages).toEqual(d.packages);
  });

  it('diffs home-manager generations with home:N', () => {
    const home = (world.expected.profiles.find((p) => p.kind === 'home')?.generations ?? []).filter((g) => g.problem === null);
    const r = run('diff', `home:${home[0]?.number}`, `home:${home.at(-1)?.number}`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`home-manager ${home[0]?.number} → home-manager ${home.at(-1)?.number}`);
  });

  it('prints a text form grouped by kind, in 80 columns', () => {
    const r = run('diff', String(valid()[0]?.number), 'current');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Closure: .* paths added, \d+ removed$/m);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it.each([
    [['diff', '9999', '1'], 2, /no generation 9999/],
    [['diff', '1', '1'], 2, /both sides are generation 1/],
    [['diff', '/tmp', '1'], 2, /outside the Nix store/],
    [['diff', 'sideways', '1'], 2, /cannot read "sideways"/],
    [['diff', '1'], 2, /two generations/],
  ])('%j exits %i with a clear message', (argv, status, message) => {
    const r = run(...(argv as string[]));
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 1 for a generation whose store path is gone', () => {
    const dangling = world.expected.profiles[0]?.generations.find((g) => g.problem !== null && g.closureSize === null && g.storePath?.startsWith('/nix/store/'));
    expect(dangling).toBeDefined();
    const r = run('diff', String(valid()[0]?.number), String(dangling?.number));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/gone|garbage-collected/);
  });

  it('history --last N prints N diffs of each generation against the one before', () => {
    const r = run('history', '--last', '3', '--json');
    expect(r.status, r.stderr).toBe(0);
    const { diffs } = JSON.parse(r.stdout) as { diffs: unknown[] };
    const parsed = diffs.map((d) => DiffSchema.parse(d));
    const numbers = (world.expected.profiles[0]?.generations ?? []).map((g) => g.number);
    const tail = numbers.slice(-4);
    // The quirk generations at the end cannot be diffed; they are skipped with a warning, not fatal.
    expect(parsed.length).toBeLessThanOrEqual(3);
    for (const d of parsed) expect(tail).toContain(d.to.number);
    expect(run('history', '--last', '0').status).toBe(2);
  });
});
