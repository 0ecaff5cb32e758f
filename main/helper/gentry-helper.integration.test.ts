// The privileged helper as a real process, run with --root against real worlds in the real store.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { buildHelperBinary } from './helper-binary.ts';
import { treeHash } from '../../test-support/tree-hash.ts';

const nixEnv = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };
let helperBinary = '';

/** Builds the helper once. */
function buildHelper(): void {
  const started = Date.now();
  helperBinary = buildHelperBinary();
  process.stderr.write(`gentry-helper built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** One run of the helper: exit status, raw output and the parsed JSON lines. */
interface HelperRun {
  status: number | null;
  stdout: string;
  stderr: string;
  progress: Record<string, unknown>[];
  results: Record<string, unknown>[];
}

/** Runs the helper with `args`; PKEXEC_UID and SUDO_UID are removed unless `extraEnv` sets them. */
function runHelper(args: string[], extraEnv: Record<string, string> = {}): HelperRun {
  const env: NodeJS.ProcessEnv = { ...nixEnv };
  delete env.PKEXEC_UID;
  delete env.SUDO_UID;
  const r = spawnSync(helperBinary, args, { encoding: 'utf8', env: { ...env, ...extraEnv }, timeout: 120_000 });
  const lines = r.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, progress: lines.filter((l) => l.event === 'progress'), results: lines.filter((l) => l.event === 'result') };
}


const nixStore = (...args: string[]) => spawnSync('nix-store', args, { encoding: 'utf8', env: nixEnv });

/** Generation N's link target in the system profile. */
const linkOf = (world: World, n: number) => readlinkSync(join(world.profilesDir, `system-${n}-link`));
const profileTarget = (world: World) => readlinkSync(world.systemProfile);
const switchLog = (world: World): string[][] => {
  try {
    return readFileSync(world.switchLog, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  } catch {
    return [];
  }
};
const currentNumber = (world: World) => Number(/^system-(\d+)-link$/.exec(profileTarget(world))?.[1]);
const generationNumbers = (world: World) =>
  readdirSync(world.profilesDir)
    .map((name) => /^system-(\d+)-link$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
const bootedNumber = (world: World) => {
  const booted = readlinkSync(world.bootedSystem);
  return generationNumbers(world).find((n) => n !== currentNumber(world) && linkOf(world, n) === booted) ?? -1;
};

/**
 * Adds a real store path (nix-store --add) holding a toplevel whose switch-to-configuration logs its
 * call like the world's do and then exits 1; lists it in store-paths.txt so removeWorld deletes it.
 */
function addFailingToplevel(world: World): string {
  const dir = mkdtempSync(join(tmpdir(), 'gentry-failing-'));
  const toplevel = join(dir, `nixos-system-failing-${world.id}`);
  mkdirSync(join(toplevel, 'bin'), { recursive: true });
  const script = join(toplevel, 'bin/switch-to-configuration');
  const log = world.switchLog.replaceAll("'", `'\\''`);
  appendFileSync(script, `#!/bin/sh\nprintf '%s\\t%s\\t%s\\n' failing "$*" "\${NIXOS_INSTALL_BOOTLOADER-}" >> '${log}'\nexit 1\n`);
  chmodSync(script, 0o755);
  const added = nixStore('--add', toplevel);
  rmSync(dir, { recursive: true, force: true });
  expect(added.status, added.stderr).toBe(0);
  const path = added.stdout.trim();
  appendFileSync(join(world.root, 'store-paths.txt'), `${path}\n`);
  return path;
}

function resultOf(run: HelperRun) {
  expect(run.results, run.stdout).toHaveLength(1);
  return run.results[0] as Record<string, unknown>;
}

beforeAll(() => buildHelper(), 180_000);

describe('gentry-helper on a world', () => {
  let world: World;
  beforeEach(async () => {
    world = await buildWorld({ preset: 'small' });
  });
  afterEach(async () => {
    if (world) await removeWorld(world);
  });

  it.each(['switch', 'boot'] as const)('switch --mode %s points the profile at N and runs its switch-to-configuration', (mode) => {
    const before = currentNumber(world);
    const target = 3;
    const run = runHelper(['--root', world.root, 'switch', '--profile', 'system', '--generation', String(target), '--mode', mode]);
    expect(run.status, run.stderr).toBe(0);
    expect(profileTarget(world)).toBe(`system-${target}-link`); // relative, as Nix writes it
    expect(switchLog(world)).toEqual([[linkOf(world, target), mode, '']]);
    expect(resultOf(run)).toMatchObject({ event: 'result', ok: true, verb: 'switch', generation: target, mode, previousGeneration: before, profileLink: `system-${target}-link` });
    expect(run.progress.length).toBeGreaterThan(0);
    expect(readdirSync(world.profilesDir).filter((n) => n.includes('gentry-tmp'))).toEqual([]);
  });

  it('switch --mode test activates without touching the profile link', () => {
    const before = profileTarget(world);
    const run = runHelper(['--root', world.root, 'switch', '--profile', 'system', '--generation', '5', '--mode', 'test']);
    expect(run.status, run.stderr).toBe(0);
    expect(profileTarget(world)).toBe(before);
    expect(switchLog(world)).toEqual([[linkOf(world, 5), 'test', '']]);
  });

  it('switches a profile under system-profiles', () => {
    const work = join(world.profilesDir, 'system-profiles');
    const run = runHelper(['--root', world.root, 'switch', '--profile', 'work', '--generation', '3', '--mode', 'boot']);
    expect(run.status, run.stderr).toBe(0);
    expect(readlinkSync(join(work, 'work'))).toBe('work-3-link');
    expect(switchLog(world)).toEqual([[readlinkSync(join(work, 'work-3-link')), 'boot', '']]);
  });

  it('a failing switch-to-configuration puts the old link back and exits 4', () => {
    const failing = addFailingToplevel(world);
    const next = Math.max(...generationNumbers(world)) + 1;
    symlinkSync(failing, join(world.profilesDir, `system-${next}-link`));
    const before = profileTarget(world);
    const run = runHelper(['--root', world.root, 'switch', '--profile', 'system', '--generation', String(next), '--mode', 'switch']);
    expect(run.status).toBe(4);
    expect(profileTarget(world)).toBe(before);
    expect(switchLog(world)).toEqual([['failing', 'switch', '']]); // it did run
    expect(resultOf(run)).toMatchObject({ ok: false, verb: 'switch', exitCode: 4, kind: 'failed', profileLink: before, activationExitCode: 1, restored: [`profile link system -> ${before}`] });
    expect(String(resultOf(run).error)).toMatch(/restored/);
  });

  it('refuses to delete the current or the booted generation (exit 3) and removes nothing', () => {
    const current = currentNumber(world);
    const booted = bootedNumber(world);
    expect(booted).toBeGreaterThan(0);
    const before = treeHash(world.root);
    for (const list of [[current], [booted], [1, current], [2, booted]]) {
      const run = runHelper(['--root', world.root, 'delete-generations', '--profile', 'system', ...list.flatMap((n) => ['--generation', String(n)])]);
      expect(run.status, JSON.stringify(list)).toBe(3);
      expect(resultOf(run)).toMatchObject({ ok: false, verb: 'delete-generations', kind: 'refused' });
    }
    expect(treeHash(world.root)).toBe(before);
    expect(switchLog(world)).toEqual([]);
  });

  it('deletes exactly the named generations and refreshes the boot menu from the current one', () => {
    const all = generationNumbers(world);
    const current = currentNumber(world);
    const run = runHelper(['--root', world.root, 'delete-generations', '--profile', 'system', '--generation', '2', '--generation', '4', '--generation', '1']);
    expect(run.status, run.stderr).toBe(0);
    expect(generationNumbers(world)).toEqual(all.filter((n) => ![1, 2, 4].includes(n)));
    expect(profileTarget(world)).toBe(`system-${current}-link`);
    expect(switchLog(world)).toEqual([[linkOf(world, current), 'boot', '']]);
    expect(resultOf(run)).toMatchObject({ ok: true, verb: 'delete-generations', removed: [2, 4, 1], bootMenuRefreshed: true });
  });

  it.each(['PKEXEC_UID', 'SUDO_UID'])('refuses --root when %s is set (exit 3)', (variable) => {
    const before = treeHash(world.root);
    for (const verb of [['switch', '--profile', 'system', '--generation', '3', '--mode', 'switch'], ['collect-garbage', '--dry-run'], ['delete-generations', '--profile', 'system', '--generation', '1']]) {
      const run = runHelper(['--root', world.root, ...verb], { [variable]: '1000' });
      expect(run.status).toBe(3);
      expect(resultOf(run)).toMatchObject({ ok: false, kind: 'refused', error: expect.stringMatching(/--root/) });
    }
    expect(treeHash(world.root)).toBe(before);
  });

  it('collect-garbage --dry-run counts the dead paths and estimates their size', () => {
    const before = treeHash(world.root);
    // A killed build leaves its `.lock` file in the store: --print-dead lists it, `nix-store -q --size` refuses it.
    const staleLock = `/nix/store/${'0'.repeat(31)}9-gentry-test-stale-${world.id}.lock`;
    writeFileSync(staleLock, '');
    let run;
    try {
      run = runHelper(['--root', world.root, 'collect-garbage', '--dry-run']);
    } finally {
      rmSync(staleLock, { force: true });
    }
    expect(run.status, run.stderr).toBe(0);
    const result = resultOf(run);
    // The world's paths are not GC roots, so all of them are dead.
    expect(result).toMatchObject({ ok: true, verb: 'collect-garbage', dryRun: true, estimate: true });
    expect(Number(result.deadPaths)).toBeGreaterThanOrEqual(world.storePathCount);
    expect(Number(result.bytes)).toBeGreaterThan(0);
    expect(treeHash(world.root)).toBe(before);
    expect(nixStore('--check-validity', ...readFileSync(join(world.root, 'store-paths.txt'), 'utf8').trim().split('\n')).status).toBe(0);
  });

  it('collect-garbage deletes an unrooted decoy and keeps the rooted world', () => {
    // A real GC deletes every unrooted path on this machine. Roots first: every link of the world
    // (as the brief asks), and, because other worlds may be in use by other test runs, every other
    // entry of the store too; only the decoy is left unrooted.
    const decoyDir = mkdtempSync(join(tmpdir(), 'gentry-decoy-'));
    const decoySource = join(decoyDir, `gentry-gc-decoy-${world.id}`);
    appendFileSync(decoySource, 'garbage\n');
    const added = nixStore('--add', decoySource);
    rmSync(decoyDir, { recursive: true, force: true });
    expect(added.status, added.stderr).toBe(0);
    const decoy = added.stdout.trim();
    appendFileSync(join(world.root, 'store-paths.txt'), `${decoy}\n`);

    const auto = '/nix/var/nix/gcroots/auto';
    const autoLinks: string[] = [];
    const keepDir = mkdtempSync('/nix/var/nix/gcroots/gentry-helper-test-');
    try {
      const worldLinks = [world.bootedSystem, world.currentSystem];
      for (const dir of [world.profilesDir, join(world.profilesDir, 'system-profiles'), join(world.home, '.local/state/nix/profiles')]) {
        for (const name of readdirSync(dir)) if (name.endsWith('-link')) worldLinks.push(join(dir, name));
      }
      for (const link of worldLinks) {
        const root = join(auto, `gentry-helper-test-${world.id}-${autoLinks.length}`);
        symlinkSync(link, root);
        autoLinks.push(root);
      }
      for (const name of readdirSync('/nix/store')) {
        const path = `/nix/store/${name}`;
        if (path !== decoy && !name.startsWith('.')) symlinkSync(path, join(keepDir, name));
      }

      const run = runHelper(['--root', world.root, 'collect-garbage']);
      expect(run.status, run.stderr).toBe(0);
      expect(resultOf(run)).toMatchObject({ ok: true, verb: 'collect-garbage', dryRun: false });
      expect(Number(resultOf(run).deletedPaths)).toBeGreaterThanOrEqual(1);
      expect(typeof resultOf(run).bytesFreed).toBe('number');
      expect(nixStore('--check-validity', decoy).status).not.toBe(0);
      const worldPaths = readFileSync(join(world.root, 'store-paths.txt'), 'utf8').trim().split('\n').filter((p) => p !== decoy);
      const check = nixStore('--check-validity', ...worldPaths);
      expect(check.status, check.stderr).toBe(0);
    } finally {
      for (const root of autoLinks) rmSync(root, { force: true });
      rmSync(keepDir, { recursive: true, force: true });
    }
  });
});

/** A hostile case: the argv after the helper's name, an optional environment, and the exit code it must give. */
interface Hostile {
  name: string;
  argv: (root: string) => string[];
  env?: Record<string, string>;
  exit: number;
}

const onRoot = (...tail: string[]) => (root: string) => ['--root', root, ...tail];
const sw = (profile: string, generation: string, mode: string) => onRoot('switch', '--profile', profile, '--generation', generation, '--mode', mode);
const usage = (name: string, argv: (root: string) => string[]): Hostile => ({ name, argv, exit: 2 });

// Leading zeros ("007") are refused: Nix never writes them in link names, and some readers take them as octal.
const hostileArguments: Hostile[] = [
  usage('no arguments at all', () => []),
  usage('no verb', onRoot()),
  usage('unknown verb', onRoot('frobnicate')),
  usage('verb in capitals', onRoot('SWITCH', '--profile', 'system', '--generation', '3', '--mode', 'switch')),
  usage('verb with a trailing space', onRoot('switch ', '--profile', 'system', '--generation', '3', '--mode', 'switch')),
  usage('switch without options', onRoot('switch')),
  usage('switch without --mode', onRoot('switch', '--profile', 'system', '--generation', '3')),
  usage('switch without --generation', onRoot('switch', '--profile', 'system', '--mode', 'switch')),
  usage('switch without --profile', onRoot('switch', '--generation', '3', '--mode', 'switch')),
  usage('--mode without a value', onRoot('switch', '--profile', 'system', '--generation', '3', '--mode')),
  usage('profile ../x', sw('../x', '3', 'switch')),
  usage('profile system/../../etc', sw('system/../../etc', '3', 'switch')),
  usage('profile /etc', sw('/etc', '3', 'switch')),
  usage('profile .', sw('.', '3', 'switch')),
  usage('profile ..', sw('..', '3', 'switch')),
  usage('profile .hidden', sw('.hidden', '3', 'switch')),
  usage('profile -', sw('-', '3', 'switch')),
  usage('profile --', sw('--', '3', 'switch')),
  usage('profile value is --root (option injection)', sw('--root', '3', 'switch')),
  usage('--profile=--root', onRoot('switch', '--profile=--root', '--generation', '3', '--mode', 'switch')),
  usage('--profile=system', onRoot('switch', '--profile=system', '--generation', '3', '--mode', 'switch')),
  usage('Cyrillic ѕ in system', sw('\u0455ystem', '3', 'switch')),
  usage('Cyrillic е in system', sw('syst\u0435m', '3', 'switch')),
  usage('fullwidth system', sw('ｓｙｓｔｅｍ', '3', 'switch')),
  usage('empty profile', sw('', '3', 'switch')),
  usage('profile with a leading space', sw(' system', '3', 'switch')),
  usage('profile with a trailing space', sw('system ', '3', 'switch')),
  usage('profile with a tab', sw('sys\ttem', '3', 'switch')),
  usage('profile with a newline', sw('system\n', '3', 'switch')),
  usage('profile of 65 characters', sw('p'.repeat(65), '3', 'switch')),
  usage('profile a/b', sw('a/b', '3', 'switch')),
  usage('profile with shell syntax', sw('system;reboot', '3', 'switch')),
  usage('profile with command substitution', sw('$(reboot)', '3', 'switch')),
  usage('generation 0', sw('system', '0', 'switch')),
  usage('generation -1', sw('system', '-1', 'switch')),
  usage('generation +5', sw('system', '+5', 'switch')),
  usage('generation 1e3', sw('system', '1e3', 'switch')),
  usage('generation 0x10', sw('system', '0x10', 'switch')),
  usage('generation 4294967296', sw('system', '4294967296', 'switch')),
  usage('generation of 20 digits', sw('system', '99999999999999999999', 'switch')),
  usage('generation with leading zeros', sw('system', '007', 'switch')),
  usage('fullwidth generation １', sw('system', '１', 'switch')),
  usage('Arabic-Indic generation ٣', sw('system', '٣', 'switch')),
  usage('empty generation', sw('system', '', 'switch')),
  usage('generation with a leading space', sw('system', ' 3', 'switch')),
  usage('generation with a trailing space', sw('system', '3 ', 'switch')),
  usage('generation 3.0', sw('system', '3.0', 'switch')),
  usage('mode dry-activate', sw('system', '3', 'dry-activate')),
  usage('mode in capitals', sw('system', '3', 'SWITCH')),
  usage('empty mode', sw('system', '3', '')),
  usage('mode with shell syntax', sw('system', '3', 'switch;reboot')),
  usage('repeated --mode', onRoot('switch', '--profile', 'system', '--generation', '3', '--mode', 'test', '--mode', 'switch')),
  usage('repeated --profile', onRoot('switch', '--profile', 'system', '--profile', 'work', '--generation', '3', '--mode', 'switch')),
  usage('repeated --generation for switch', onRoot('switch', '--profile', 'system', '--generation', '3', '--generation', '4', '--mode', 'switch')),
  usage('an extra argument', onRoot('switch', '--profile', 'system', '--generation', '3', '--mode', 'switch', 'now')),
  usage('-- before the verb', onRoot('--', 'switch', '--profile', 'system', '--generation', '3', '--mode', 'switch')),
  usage('- as the verb', onRoot('-')),
  usage('delete-generations without a generation', onRoot('delete-generations', '--profile', 'system')),
  usage('delete-generations with a generation twice', onRoot('delete-generations', '--profile', 'system', '--generation', '2', '--generation', '2')),
  usage('delete-generations with --mode', onRoot('delete-generations', '--profile', 'system', '--generation', '2', '--mode', 'switch')),
  usage('delete-generations with a missing value', onRoot('delete-generations', '--profile', 'system', '--generation')),
  usage('delete-generations with a traversal profile', onRoot('delete-generations', '--profile', '../../../etc', '--generation', '2')),
  usage('collect-garbage with an extra argument', onRoot('collect-garbage', '/nix/store')),
  usage('collect-garbage --dry-run twice', onRoot('collect-garbage', '--dry-run', '--dry-run')),
  usage('collect-garbage --dry-run=1', onRoot('collect-garbage', '--dry-run=1')),
  usage('collect-garbage -n', onRoot('collect-garbage', '-n')),
  usage('--root twice', (root) => ['--root', root, '--root', root, 'collect-garbage', '--dry-run']),
  usage('relative --root', () => ['--root', 'tmp/world', 'switch', '--profile', 'system', '--generation', '3', '--mode', 'switch']),
  usage('empty --root', () => ['--root', '', 'collect-garbage', '--dry-run']),
  usage('--root with ..', (root) => ['--root', `${root}/../${root.split('/').pop()}`, 'switch', '--profile', 'system', '--generation', '3', '--mode', 'switch']),
  usage('--root after the verb', (root) => ['switch', '--root', root, '--profile', 'system', '--generation', '3', '--mode', 'switch']),
  usage('--root=DIR', (root) => [`--root=${root}`, 'collect-garbage', '--dry-run']),
  usage('--root that is not a directory', (root) => ['--root', `${root}/world.json`, 'switch', '--profile', 'system', '--generation', '3', '--mode', 'switch']),
  usage('--help', onRoot('--help')),
  usage('-h', onRoot('-h')),
  usage('--version', () => ['--version']),
  { name: 'switch to a generation that does not exist', argv: sw('system', '999', 'switch'), exit: 4 },
  { name: 'a profile that does not exist', argv: sw('nope', '1', 'switch'), exit: 4 },
  { name: 'delete a generation that does not exist', argv: onRoot('delete-generations', '--profile', 'system', '--generation', '999'), exit: 4 },
  { name: '--root under pkexec', argv: sw('system', '3', 'switch'), env: { PKEXEC_UID: '1000' }, exit: 3 },
  { name: '--root under sudo', argv: sw('system', '3', 'switch'), env: { SUDO_UID: '1000' }, exit: 3 },
  { name: '--root under pkexec with an empty PKEXEC_UID', argv: onRoot('delete-generations', '--profile', 'system', '--generation', '1'), env: { PKEXEC_UID: '' }, exit: 3 },
];

/** Link shapes the helper must refuse to follow: each rewrites one link of a world, then runs a verb. */
interface HostileLink {
  name: string;
  plant: (world: World) => void;
  argv: (root: string) => string[];
}

const replaceLink = (path: string, target: string) => {
  rmSync(path, { recursive: true, force: true });
  symlinkSync(target, path);
};
const hostileLinks: HostileLink[] = [
  { name: 'profile link to ../../../../etc/passwd', plant: (w) => replaceLink(w.systemProfile, '../../../../etc/passwd'), argv: sw('system', '3', 'switch') },
  { name: 'profile link absolute, outside', plant: (w) => replaceLink(w.systemProfile, '/etc'), argv: sw('system', '3', 'boot') },
  { name: 'profile link absolute to its own generation', plant: (w) => replaceLink(w.systemProfile, join(w.profilesDir, 'system-12-link')), argv: sw('system', '3', 'switch') },
  { name: 'profile link through a generation link', plant: (w) => replaceLink(w.systemProfile, 'system-12-link/../../x'), argv: sw('system', '3', 'switch') },
  { name: "profile link to another profile's generation", plant: (w) => replaceLink(w.systemProfile, 'work-2-link'), argv: onRoot('delete-generations', '--profile', 'system', '--generation', '1') },
  { name: 'profile link with a leading-zero generation', plant: (w) => replaceLink(w.systemProfile, 'system-012-link'), argv: sw('system', '3', 'switch') },
  { name: 'profile link is a regular file', plant: (w) => { rmSync(w.systemProfile); writeFileSync(w.systemProfile, 'system-12-link'); }, argv: sw('system', '3', 'switch') },
  { name: 'generation link to /etc', plant: (w) => replaceLink(join(w.profilesDir, 'system-3-link'), '/etc'), argv: sw('system', '3', 'test') },
  { name: 'generation link to /nix/store/../../etc', plant: (w) => replaceLink(join(w.profilesDir, 'system-3-link'), '/nix/store/../../etc'), argv: sw('system', '3', 'switch') },
  { name: 'generation link to a path inside a store path', plant: (w) => replaceLink(join(w.profilesDir, 'system-3-link'), `${readlinkSync(join(w.profilesDir, 'system-3-link'))}/sw`), argv: sw('system', '3', 'switch') },
  { name: 'generation link relative', plant: (w) => replaceLink(join(w.profilesDir, 'system-3-link'), 'system-4-link'), argv: sw('system', '3', 'switch') },
  { name: 'generation link is a directory', plant: (w) => { rmSync(join(w.profilesDir, 'system-3-link')); mkdirSync(join(w.profilesDir, 'system-3-link')); }, argv: onRoot('delete-generations', '--profile', 'system', '--generation', '3') },
  { name: 'current generation link outside the store (boot refresh)', plant: (w) => replaceLink(join(w.profilesDir, 'system-12-link'), join(w.root, 'outside')), argv: onRoot('delete-generations', '--profile', 'system', '--generation', '1') },
  { name: 'system-profiles is a symlink', plant: (w) => { const d = join(w.profilesDir, 'system-profiles'); const moved = join(w.root, 'elsewhere'); spawnSync('mv', [d, moved]); symlinkSync(moved, d); }, argv: sw('work', '3', 'switch') },
  { name: 'booted-system outside the store', plant: (w) => replaceLink(w.bootedSystem, '/etc'), argv: onRoot('delete-generations', '--profile', 'system', '--generation', '1') },
  { name: 'profile lock is a symlink', plant: (w) => symlinkSync('/etc/passwd', join(w.profilesDir, 'system.lock')), argv: sw('system', '3', 'switch') },
];

describe('gentry-helper against hostile input', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld({ preset: 'small' });
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  it(`has at least 60 malformed or malicious argument lists (${hostileArguments.length + hostileLinks.length})`, () => {
    expect(hostileArguments.length + hostileLinks.length).toBeGreaterThanOrEqual(60);
    expect(new Set(hostileArguments.map((h) => h.name)).size).toBe(hostileArguments.length);
  });

  it.each(hostileArguments.map((h) => [h.name, h] as const))('%s: exits non-zero, one result line, world untouched', (_name, hostile) => {
    const before = treeHash(world.root);
    const run = runHelper(hostile.argv(world.root), hostile.env);
    expect(run.status).not.toBe(0);
    expect(run.status).toBe(hostile.exit);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ event: 'result', ok: false, exitCode: hostile.exit });
    expect(treeHash(world.root)).toBe(before);
  });

  it.each(hostileLinks.map((h) => [h.name, h] as const))('%s: refused (exit 3), tree untouched, nothing run', (_name, hostile) => {
    const root = mkdtempSync(join(tmpdir(), 'gentry-hostile-'));
    try {
      // A copy of the world's links (not its store paths), so each case plants into a fresh tree.
      const copy = spawnSync('cp', ['-a', `${world.root}/nix`, `${world.root}/run`, `${world.root}/world.json`, root]);
      expect(copy.status, String(copy.stderr)).toBe(0);
      const layout = { ...world, root, profilesDir: join(root, 'nix/var/nix/profiles'), systemProfile: join(root, 'nix/var/nix/profiles/system'), bootedSystem: join(root, 'run/booted-system'), switchLog: join(root, 'switch-log') };
      hostile.plant(layout);
      const before = treeHash(root);
      const run = runHelper(hostile.argv(root));
      expect(run.status, run.stdout).toBe(3);
      expect(run.results).toHaveLength(1);
      expect(treeHash(root)).toBe(before);
      expect(switchLog(layout)).toEqual([]);
      expect(switchLog(world)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
