// `gentry` as a whole process, on a real world.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileList } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');
const cacheHome = mkdtempSync(join(tmpdir(), 'gentry-cli-cache-'));
const gentry = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', XDG_CACHE_HOME: cacheHome } });

describe('gentry list', () => {
  let world: World;
  let worldArgs: string[];
  beforeAll(async () => {
    world = await buildWorld({ preset: 'small', quirks: true });
    worldArgs = ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  it('--json prints one object that agrees with the world', () => {
    const r = gentry('list', '--json', ...worldArgs);
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as ProfileList;
    expect(list.profiles.map((p) => `${p.kind}:${p.name}`)).toEqual(world.expected.profiles.map((p) => `${p.kind}:${p.name}`));
    for (const [i, p] of list.profiles.entries()) {
      const want = world.expected.profiles[i];
      expect(p.generations.map((g) => ({ ...g, problem: g.problem !== null }))).toEqual(want?.generations.map((g) => ({ ...g, problem: g.problem !== null })));
    }
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('remembers closure sizes and answers the same from the cache', () => {
    const first = gentry('list', '--json', ...worldArgs);
    const cacheFile = join(cacheHome, 'gentry/closure-sizes.json');
    expect(existsSync(cacheFile)).toBe(true);
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { sizes: Record<string, number> };
    const current = world.expected.profiles[0]?.generations.find((g) => g.current);
    expect(cached.sizes[current?.storePath ?? '']).toBe(current?.closureSize);
    const second = gentry('list', '--json', ...worldArgs);
    expect(second.stdout).toBe(first.stdout);
  });

  it('prints a table per profile with the current and booted markers', () => {
    const r = gentry('list', ...worldArgs);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`system system  ${world.systemProfile}`);
    expect(r.stdout).toMatch(/current/);
    expect(r.stdout).toMatch(/booted/);
    expect(r.stdout).toMatch(/home home-manager/);
    expect(r.stdout).toMatch(/ ! /); // the quirks are explained, not dropped
  });

  it.each([[['list', '--bogus']], [['list', 'extra']], [['serve', '--port', 'eighty']], [['list', '--system-profile']]])('exits 2 with usage on %j', (argv) => {
    const r = gentry(...argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: gentry');
    expect(r.stdout).toBe('');
  });

  it('an unknown command is one line on standard error and exit 2', () => {
    const r = gentry('frobnicate', '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('gentry: unknown command "frobnicate"; `gentry help` lists the commands\n');
    expect(r.stdout).toBe('');
  });

  it('reports a system profile that does not exist and still exits 0', () => {
    const r = gentry('list', '--json', '--system-profile', '/nonexistent/gentry/system', '--home-profile', world.homeProfile);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as ProfileList;
    expect(list.profiles[0]?.problem).toMatch(/does not exist/);
    expect(list.profiles[1]?.generations.length).toBeGreaterThan(0);
  });
});
