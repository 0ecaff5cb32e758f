// main/cli/: the gentry command, a door: parse the arguments, call the in-process door, format the answer.
// gentry switch / delete / gc as whole processes, with the real helper binary run directly under
// --root (GENTRY_HELPER), against a real world.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import type { Profile } from '../../common/contract/index.ts';
import { buildHelperBinary } from '../helper/helper-binary.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/gentry.js');

describe('gentry switch, delete and gc through the real helper', () => {
  let world: World;
  let run: (...args: string[]) => SpawnSyncReturns<string>;
  const profiles = () => dirname(world.systemProfile);
  const current = () => Number(/system-(\d+)-link/.exec(readlinkSync(world.systemProfile))?.[1]);

  beforeAll(async () => {
    const HELPER = buildHelperBinary();
    world = await buildWorld({ preset: 'small' });
    const worldArgs = ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
    const env = {
      ...process.env,
      GENTRY_HELPER: HELPER,
      GENTRY_HELPER_ROOT: world.root,
      XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'gentry-actions-')),
      XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gentry-actions-state-')),
    };
    run = (...args) => spawnSync(process.execPath, [BIN, ...args, ...worldArgs], { encoding: 'utf8', env, input: '' });
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  it('switch previews the diff from the current generation, then switches and activates', () => {
    const from = current();
    const to = from - 3;
    const r = run('switch', String(to), '--yes', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { preview: { diff: { from: { number: number }; to: { number: number } } }; outcome: { state: string } };
    expect([out.preview.diff.from.number, out.preview.diff.to.number]).toEqual([from, to]);
    expect(out.outcome.state).toBe('done');
    expect(current()).toBe(to);
    expect(readFileSync(world.switchLog, 'utf8')).toMatch(/\tswitch\t/);
  });

  it('boot mode activates for the next boot; without a terminal and without --yes nothing happens', () => {
    const before = current();
    const refused = run('switch', String(before - 1), '--mode', 'boot');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    expect(current()).toBe(before);
    const r = run('switch', String(before - 1), '--mode', 'boot', '--yes');
    expect(r.status, r.stderr).toBe(0);
    expect(current()).toBe(before - 1);
    expect(readFileSync(world.switchLog, 'utf8').trim().split('\n').at(-1)).toMatch(/\tboot(\t|$)/);
  });

  it('delete refuses the current and booted generations before running the helper, and deletes others', () => {
    const log = () => (existsSync(world.switchLog) ? readFileSync(world.switchLog, 'utf8') : '');
    const logBefore = log();
    const booted = world.expected.profiles[0]?.generations.find((g) => g.booted)?.number;
    expect(booted).toBeDefined();
    expect(booted).not.toBe(current());
    const refusedCurrent = run('delete', String(current()), '--yes');
    expect(refusedCurrent.status).toBe(2);
    expect(refusedCurrent.stderr).toMatch(/is the current one/);
    const refusedBooted = run('delete', String(booted), '--yes');
    expect(refusedBooted.status).toBe(2);
    expect(refusedBooted.stderr).toMatch(/booted/);
    expect(log()).toBe(logBefore); // the helper never ran
    const r = run('delete', '1', '2', '--yes', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { preview: { generations: number[]; collectablePaths: number }; outcome: { state: string } };
    expect(out.preview.generations).toEqual([1, 2]);
    expect(out.outcome.state).toBe('done');
    expect(existsSync(join(profiles(), 'system-1-link'))).toBe(false);
    expect(existsSync(join(profiles(), 'system-2-link'))).toBe(false);
    expect(existsSync(join(profiles(), 'system-3-link'))).toBe(true);
    expect(log().trim().split('\n').at(-1)).toMatch(/\tboot(\t|$)/); // the boot menu was refreshed
  });

  it('a labelled generation shows in list and is protected from delete until --delete-labelled', () => {
    const n = 3;
    const labelled = run('label', String(n), 'last', 'good', 'before', 'KiCad', '--note', 'export works here');
    expect(labelled.status, labelled.stderr).toBe(0);
    const listed = JSON.parse(run('list', '--json').stdout) as { profiles: Profile[] };
    const gen = listed.profiles.find((p) => p.kind === 'system' && p.name === 'system')?.generations.find((g) => g.number === n);
    expect([gen?.label, gen?.note]).toEqual(['last good before KiCad', 'export works here']);
    const refused = run('delete', String(n), '--yes');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/labelled and protected/);
    expect(existsSync(join(profiles(), `system-${n}-link`))).toBe(true);
    const r = run('delete', String(n), '--yes', '--delete-labelled', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { preview: { labelled: unknown[] } }).preview.labelled).toEqual([{ number: n, label: 'last good before KiCad' }]);
    expect(existsSync(join(profiles(), `system-${n}-link`))).toBe(false);
  });

  it('gc --dry-run reports the dead paths and deletes nothing', () => {
    const r = run('gc', '--dry-run', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { preview: { deadPaths: number } };
    expect(typeof out.preview.deadPaths).toBe('number');
  });
});
