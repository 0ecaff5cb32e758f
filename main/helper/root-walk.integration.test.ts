// The helper's root walk against the real binary: a symlinked intermediate component (ROOT/nix,
// ROOT/sys, ROOT/boot/loader/entries) is refused with nothing written outside the root, and a
// process that keeps swapping such a directory for a symlink out of the root while the helper runs
// (a few hundred runs per component) never gets a single write outside the root.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { buildHelperBinary } from './helper-binary.ts';
import { treeHash } from '../../test-support/tree-hash.ts';

const GUID = '4a67b082-0a4c-41cf-b6c7-440b29bb8c4f';
const MEMTEST = 'title Memtest86+\nefi /efi/memtest86/memtest.efi\n';
const RESCUE = 'title Rescue\nlinux /EFI/rescue/vmlinuz\noptions init=/bin/sh\n';
/** Helper runs per raced component. */
const TRIES = 300;

let helper = '';
const scratch: string[] = [];
beforeAll(() => {
  helper = buildHelperBinary();
}, 180_000);
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function tempDir(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gentry-rootwalk-${tag}-`));
  scratch.push(dir);
  return dir;
}

interface Run {
  status: number | null;
  result: Record<string, unknown>;
}

/** Runs the helper to the end (no PKEXEC_UID or SUDO_UID: --root is refused under them); stdout must end in one JSON result. */
function runHelper(args: string[], input = ''): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };
  delete env.PKEXEC_UID;
  delete env.SUDO_UID;
  const r = spawnSync(helper, args, { encoding: 'utf8', input, env, timeout: 60_000 });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const results = lines.filter((l) => l.event === 'result');
  expect(results, `${r.stdout}\n${r.stderr}`).toHaveLength(1);
  return { status: r.status, result: results[0] as Record<string, unknown> };
}


/** Every file and link below `dir` (relative paths), links not followed. */
function listTree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const path = join(rel, name);
    const st = lstatSync(join(dir, path));
    if (st.isDirectory()) out.push(...listTree(dir, path));
    else out.push(path);
  }
  return out;
}

/** A root with a systemd-boot ESP (ROOT/boot/loader with loader.conf and two entries) and an efivarfs stand-in. */
function espRoot(): string {
  const root = tempDir('root');
  mkdirSync(join(root, 'boot/loader/entries'), { recursive: true });
  mkdirSync(join(root, 'sys/firmware/efi/efivars'), { recursive: true });
  writeFileSync(join(root, 'boot/loader/loader.conf'), 'timeout 5\ndefault nixos-generation-1.conf\n');
  writeFileSync(join(root, 'boot/loader/entries/memtest86.conf'), MEMTEST);
  writeFileSync(join(root, 'boot/loader/entries/nixos-generation-1.conf'), 'title NixOS\nlinux /EFI/nixos/k.efi\n');
  return root;
}

/** Moves `path` (a directory) to `outside/name` and leaves a symlink to it in its place. */
function moveAndLink(path: string, outside: string, name: string): string {
  const target = join(outside, name);
  renameSync(path, target);
  symlinkSync(target, path);
  return target;
}

describe('a symlinked intermediate component', () => {
  let world: World | undefined;
  afterEach(async () => {
    if (world) await removeWorld(world);
    world = undefined;
  });

  it('ROOT/nix symlinked out of the root: switch and delete-generations are refused, naming it, and nothing is written outside', async () => {
    world = await buildWorld({ preset: 'small' });
    const outside = tempDir('out-nix');
    moveAndLink(join(world.root, 'nix'), outside, 'nix');
    const before = treeHash(outside);
    const switched = runHelper(['--root', world.root, 'switch', '--profile', 'system', '--generation', '3', '--mode', 'switch']);
    expect(switched.status).toBe(3);
    expect(switched.result).toMatchObject({ ok: false, verb: 'switch', kind: 'refused', error: `${join(world.root, 'nix')} is a symlink; refusing to follow it` });
    const deleted = runHelper(['--root', world.root, 'delete-generations', '--profile', 'system', '--generation', '2']);
    expect(deleted.status).toBe(3);
    expect(deleted.result).toMatchObject({ ok: false, kind: 'refused', error: expect.stringContaining(`${join(world.root, 'nix')} is a symlink`) });
    expect(treeHash(outside)).toBe(before);
    renameSync(join(outside, 'nix'), `${join(world.root, 'nix')}.back`);
    rmSync(join(world.root, 'nix'));
    renameSync(`${join(world.root, 'nix')}.back`, join(world.root, 'nix'));
  }, 120_000);

  it('ROOT/nix/var symlinked deeper down is refused the same way', async () => {
    world = await buildWorld({ preset: 'small' });
    const outside = tempDir('out-var');
    moveAndLink(join(world.root, 'nix/var'), outside, 'var');
    const before = treeHash(outside);
    const run = runHelper(['--root', world.root, 'switch', '--profile', 'work', '--generation', '3', '--mode', 'boot']);
    expect(run.status).toBe(3);
    expect(run.result.error).toBe(`${join(world.root, 'nix/var')} is a symlink; refusing to follow it`);
    expect(treeHash(outside)).toBe(before);
    renameSync(join(outside, 'var'), `${join(world.root, 'nix/var')}.back`);
    rmSync(join(world.root, 'nix/var'));
    renameSync(`${join(world.root, 'nix/var')}.back`, join(world.root, 'nix/var'));
  }, 120_000);

  it('ROOT/sys symlinked out of the root: EFI variable writes are refused and the outside efivars stay empty', () => {
    const root = espRoot();
    const outside = tempDir('out-sys');
    moveAndLink(join(root, 'sys'), outside, 'sys');
    for (const args of [['set-default', 'memtest86.conf'], ['set-oneshot', 'memtest86.conf'], ['clear-default']]) {
      const run = runHelper(['--root', root, 'boot', ...args]);
      expect(run.status, args.join(' ')).toBe(3);
      expect(run.result.error).toBe(`${join(root, 'sys')} is a symlink; refusing to follow it`);
    }
    expect(listTree(outside)).toEqual([]);
  });

  it('a --root that is itself reached through a symlink is refused', () => {
    const root = espRoot();
    const alias = join(tempDir('alias'), 'world');
    symlinkSync(root, alias);
    const run = runHelper(['--root', alias, 'boot', 'set-timeout', '3']);
    expect(run.status).toBe(2); // not a directory: the helper checks --root with lstat before anything
    expect(readFileSync(join(root, 'boot/loader/loader.conf'), 'utf8')).toBe('timeout 5\ndefault nixos-generation-1.conf\n');
  });
});

/**
 * Starts a process that keeps swapping the directory `path` for a symlink to `target` and back:
 * `path` → `path.dir`, `path.sym` → `path`, `path` → `path.sym`, `path.dir` → `path`, as fast as
 * it can. Every state the walk can meet comes up: the directory, nothing, the symlink.
 */
function startSwapper(path: string, target: string): ChildProcess {
  symlinkSync(target, `${path}.sym`);
  const script = `
    const { renameSync } = require('node:fs');
    const [p] = process.argv.slice(1);
    process.stdout.write('ready\\n');
    for (;;) { renameSync(p, p + '.dir'); renameSync(p + '.sym', p); renameSync(p, p + '.sym'); renameSync(p + '.dir', p); }`;
  return spawn(process.execPath, ['-e', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Waits until the swapper has started its loop. */
async function swapperReady(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the swapper exited (${code}) before it started`)));
  });
}

/** Stops the swapper and puts the directory back at `path` (the symlink at `path.sym`). */
async function stopSwapper(child: ChildProcess, path: string): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  if (existsSync(`${path}.dir`) || lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) renameSync(path, `${path}.sym`);
    if (existsSync(`${path}.dir`)) renameSync(`${path}.dir`, path);
  }
  expect(lstatSync(path).isDirectory()).toBe(true);
}

/** Outcomes of the raced runs, by exit code. */
type Tally = Record<string, number>;

/** Runs the helper TRIES times while `path` is swapped for a symlink to `target`; the tally of exit codes. */
async function race(path: string, target: string, args: (i: number) => { argv: string[]; input?: string }): Promise<Tally> {
  const swapper = startSwapper(path, target);
  const tally: Tally = {};
  try {
    await swapperReady(swapper);
    for (let i = 0; i < TRIES; i++) {
      const { argv, input } = args(i);
      const run = runHelper(argv, input);
      const key = String(run.status);
      tally[key] = (tally[key] ?? 0) + 1;
      expect([0, 3, 4], JSON.stringify(run.result)).toContain(run.status);
    }
  } finally {
    await stopSwapper(swapper, path);
  }
  return tally;
}

/** Reports a race's figures on stderr (they go into docs/security.md). */
function report(what: string, tally: Tally, outsideWrites: number): void {
  process.stderr.write(`root walk race, ${what}: ${TRIES} runs, exit codes ${JSON.stringify(tally)}, writes outside the root: ${outsideWrites}\n`);
}

describe(`swapping a directory for a symlink while the helper runs (${TRIES} runs each)`, () => {
  it('ROOT/sys during boot set-default: every EFI variable write lands inside the root', async () => {
    const root = espRoot();
    const outside = tempDir('race-sys');
    mkdirSync(join(outside, 'sys/firmware/efi/efivars'), { recursive: true });
    const tally = await race(join(root, 'sys'), join(outside, 'sys'), (i) => ({ argv: ['--root', root, 'boot', i % 2 ? 'set-oneshot' : 'set-default', 'memtest86.conf'] }));
    const escaped = listTree(outside).length;
    report('ROOT/sys, boot set-default/set-oneshot', tally, escaped);
    expect(escaped).toBe(0);
    expect(tally['0'] ?? 0, 'some runs met the directory and wrote').toBeGreaterThan(0);
    expect(readdirSync(join(root, 'sys/firmware/efi/efivars')).sort()).toEqual([`LoaderEntryDefault-${GUID}`, `LoaderEntryOneShot-${GUID}`]);
  }, 120_000);

  it('ROOT/boot/loader/entries during boot-entry write: every entry lands inside the root', async () => {
    const root = espRoot();
    const outside = tempDir('race-entries');
    mkdirSync(join(outside, 'entries'));
    writeFileSync(join(outside, 'entries/memtest86.conf'), MEMTEST);
    const before = treeHash(outside);
    const tally = await race(join(root, 'boot/loader/entries'), join(outside, 'entries'), () => ({ argv: ['--root', root, 'boot-entry', 'write', 'rescue.conf'], input: RESCUE }));
    const escaped = treeHash(outside) === before ? 0 : listTree(outside).filter((p) => p !== 'entries/memtest86.conf').length || 1;
    report('ROOT/boot/loader/entries, boot-entry write', tally, escaped);
    expect(escaped).toBe(0);
    expect(tally['0'] ?? 0).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'boot/loader/entries/rescue.conf'), 'utf8')).toBe(RESCUE);
    expect(readdirSync(join(root, 'boot/loader/entries')).filter((n) => n.includes('gentry-tmp'))).toEqual([]);
  }, 120_000);

  it('ROOT/boot during boot set-timeout: loader.conf is only ever written inside the root', async () => {
    const root = espRoot();
    const outside = tempDir('race-boot');
    cpSync(join(root, 'boot'), join(outside, 'boot'), { recursive: true });
    const before = treeHash(outside);
    const tally = await race(join(root, 'boot'), join(outside, 'boot'), (i) => ({ argv: ['--root', root, 'boot', 'set-timeout', String(i % 10)] }));
    const escaped = treeHash(outside) === before ? 0 : 1;
    report('ROOT/boot, boot set-timeout', tally, escaped);
    expect(escaped).toBe(0);
    expect(tally['0'] ?? 0).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'boot/loader/loader.conf'), 'utf8')).toMatch(/^timeout \d\ndefault nixos-generation-1\.conf\n$/);
  }, 120_000);

  it('ROOT/nix during switch: profile links and the lock file only change inside the root', async () => {
    const world = await buildWorld({ preset: 'small' });
    try {
      const outside = tempDir('race-nix');
      cpSync(join(world.root, 'nix'), join(outside, 'nix'), { recursive: true, verbatimSymlinks: true });
      const before = treeHash(outside);
      const tally = await race(join(world.root, 'nix'), join(outside, 'nix'), (i) => ({
        argv: ['--root', world.root, 'switch', '--profile', 'system', '--generation', String(3 + (i % 2)), '--mode', 'boot'],
      }));
      const escaped = treeHash(outside) === before ? 0 : 1;
      report('ROOT/nix, switch --mode boot', tally, escaped);
      expect(escaped).toBe(0);
      expect(tally['0'] ?? 0).toBeGreaterThan(0);
      expect(readlinkSync(world.systemProfile)).toMatch(/^system-[34]-link$/);
    } finally {
      await removeWorld(world);
    }
  }, 300_000);
});
