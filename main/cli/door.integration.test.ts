// The CLI as a door, as whole processes on a real world: the contract's limits and messages apply to
// it (labels), home-manager targets work for switch and delete, each command has its own help, an
// unknown command is one line, and a reader that goes away early (`| head -1`) is not an error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_EMPTY, LABEL_TOO_LONG, type ProfileList } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');

describe('gentry as a door of the contract', () => {
  let world: World;
  let worldArgs: string[];
  let env: NodeJS.ProcessEnv;
  const gentry = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, input: '' });
  const homeNumber = () => Number(/home-manager-(\d+)-link/.exec(readlinkSync(world.homeProfile))?.[1]);

  beforeAll(async () => {
    world = await buildWorld({ preset: 'small' });
    worldArgs = ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
    env = { ...process.env, TZ: 'UTC', XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'gentry-door-cache-')), XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gentry-door-state-')) };
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  const labelOf = (n: number) => {
    const list = JSON.parse(gentry('list', '--json', ...worldArgs).stdout) as ProfileList;
    return list.profiles.find((p) => p.kind === 'system')?.generations.find((g) => g.number === n)?.label;
  };

  it('refuses a label of only white space with the window’s message, and stores nothing', () => {
    const r = gentry('label', '2', '   ', ...worldArgs);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(LABEL_EMPTY);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(labelOf(2)).toBeNull();
  });

  it('refuses a 120 kB label with the window’s message, and stores nothing', () => {
    const r = gentry('label', '2', 'x'.repeat(120_000), ...worldArgs);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(LABEL_TOO_LONG);
    expect(labelOf(2)).toBeNull();
    const ok = gentry('label', '2', '  kept  ', '--json', ...worldArgs);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ label: 'kept', note: null });
    expect(labelOf(2)).toBe('kept');
  });

  it('deleting a labelled generation without --delete-labelled names the option in its hint', () => {
    const r = gentry('delete', '2', '--yes', ...worldArgs);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/labelled and protected/);
    expect(r.stderr).toContain('--delete-labelled');
    expect(r.stderr).not.toContain('--yes --yes');
    expect(existsSync(join(dirname(world.systemProfile), 'system-2-link'))).toBe(true);
  });

  it('switches and deletes home-manager generations named home:N', () => {
    const before = homeNumber();
    const home = world.expected.profiles.find((p) => p.kind === 'home')?.generations ?? [];
    const to = home.find((g) => g.problem === null && g.number !== before)?.number as number;
    expect(to).toBeDefined();
    const switched = gentry('switch', `home:${to}`, '--yes', '--json', ...worldArgs);
    expect(switched.status, switched.stderr).toBe(0);
    const out = JSON.parse(switched.stdout) as { preview: { diff: { to: { number: number } } | null }; outcome: { state: string } };
    expect(out.outcome.state).toBe('done');
    expect(out.preview.diff?.to.number).toBe(to);
    expect(homeNumber()).toBe(to);

    const refused = gentry('delete', `home:${to}`, '--yes', ...worldArgs);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/current/);
    const deleted = gentry('delete', `home:${before}`, '--yes', '--json', ...worldArgs);
    expect(deleted.status, deleted.stderr).toBe(0);
    expect((JSON.parse(deleted.stdout) as { outcome: { state: string } }).outcome.state).toBe('done');
    expect(existsSync(join(dirname(world.homeProfile), `home-manager-${before}-link`))).toBe(false);
    expect(existsSync(join(dirname(world.homeProfile), `home-manager-${to}-link`))).toBe(true);
  });

  it.each(['list', 'diff', 'history', 'switch', 'delete', 'gc', 'boot', 'label', 'pins', 'progress', 'serve', 'demo'])('%s has its own help, the same from COMMAND --help and help COMMAND', (command) => {
    const flag = gentry(command, '--help');
    const word = gentry('help', command);
    expect(flag.status).toBe(0);
    expect(word.status).toBe(0);
    expect(flag.stdout).toBe(word.stdout);
    expect(flag.stdout).toMatch(new RegExp(`^Usage: .*gentry ${command}`));
    expect(flag.stdout).toMatch(/\nExamples?:\n {2}\S/);
    expect(flag.stdout).toContain('--json');
    expect(flag.stdout).not.toContain('Commands:'); // not the overview
  });

  it('help of an unknown command is one line and exit 2', () => {
    const r = gentry('help', 'frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('a reader that goes away early', () => {
  let world: World;
  let worldArgs: string[];
  let env: NodeJS.ProcessEnv;
  let first: number;
  let last: number;
  beforeAll(async () => {
    // Two generations of about 2,000 paths far apart: the diff is some 400 kB of JSON and the history of 30
    // generations some 300 kB of text, more than a pipe holds, so gentry is still writing when the reader has gone.
    world = await buildWorld({ preset: 'large', systemGenerations: 30 });
    worldArgs = ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
    env = { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'gentry-pipe-cache-')) };
    const valid = (world.expected.profiles[0]?.generations ?? []).filter((g) => g.problem === null);
    [first, last] = [valid[0]?.number as number, valid.at(-1)?.number as number];
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  // bash's `|` is a real pipe; PIPESTATUS[0] is gentry's own exit status.
  const piped = (gentryArgs: string[], reader: string) => {
    const quoted = [process.execPath, BIN, ...gentryArgs, ...worldArgs].map((x) => `'${x}'`).join(' ');
    return spawnSync('bash', ['-c', `${quoted} 2>"$ERR" | ${reader} >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', env: { ...env, ERR: join(env.XDG_CACHE_HOME as string, 'stderr') } });
  };
  const stderrOf = () => spawnSync('cat', [join(env.XDG_CACHE_HOME as string, 'stderr')], { encoding: 'utf8' }).stdout;

  // The text diff's size depends on the world's random history (64-110 kB), so this one does not lean on it: the
  // reader is gone before gentry writes its first byte (`true` exits at once; gentry reads a database first).
  it('`gentry diff A B | true` (a reader that has already gone) ends quietly with exit 0', () => {
    const r = piped(['diff', String(first), String(last)], 'true');
    expect(r.stdout.trim()).toBe('0');
    expect(stderrOf()).toBe('');
  });

  it('`gentry history --last 30 | head -1` (some 300 kB of text) ends quietly with exit 0', () => {
    const r = piped(['history', '--last', '30'], 'head -1');
    expect(r.stdout.trim()).toBe('0');
    expect(stderrOf()).toBe('');
  });

  it('`gentry diff A B --json | head -c 100` ends quietly with exit 0', () => {
    const r = piped(['diff', String(first), String(last), '--json'], 'head -c 100');
    expect(r.stdout.trim()).toBe('0');
    expect(stderrOf()).toBe('');
  });
});
