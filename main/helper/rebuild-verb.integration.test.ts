// The helper's `rebuild` verb as a real process under --root: a nixos-rebuild stand-in at
// ROOT/run/current-system/sw/bin/nixos-rebuild checks the argv and environment it gets and runs a
// real nix-build of tiny derivations (unique per run, so they really build) with
// --log-format internal-json; the helper's stdout must stay pure JSON lines while Nix's `@nix`
// lines arrive on stderr. Also: failures, stop signals, and flake references refused unrun.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildHelperBinary } from './helper-binary.ts';

const nixEnv = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };
let helper = '';
beforeAll(() => {
  helper = buildHelperBinary();
}, 180_000);

/** The helper's environment: the test's, without PKEXEC_UID and SUDO_UID (the helper clears it for its child anyway). */
function helperEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...nixEnv };
  delete env.PKEXEC_UID;
  delete env.SUDO_UID;
  return { ...env, ...extra };
}

/** One finished run, with stdout parsed as JSON lines (a line that is not JSON fails the test). */
interface HelperRun {
  status: number | null;
  stderr: string;
  lines: Record<string, unknown>[];
  result: Record<string, unknown>;
}

function parseRun(status: number | null, stdout: string, stderr: string): HelperRun {
  const lines = stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const results = lines.filter((l) => l.event === 'result');
  expect(results, `${stdout}\n${stderr}`).toHaveLength(1);
  expect(lines.at(-1)?.event).toBe('result');
  return { status, stderr, lines, result: results[0] as Record<string, unknown> };
}

function runHelper(args: string[], env: Record<string, string> = {}): HelperRun {
  const r = spawnSync(helper, args, { encoding: 'utf8', env: helperEnv(env), timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  return parseRun(r.status, r.stdout, r.stderr);
}

/** The `@nix {…}` lines of a stderr text, parsed. */
function nixLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('@nix '))
    .map((line) => JSON.parse(line.slice(5)) as Record<string, unknown>);
}

const q = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * A stand-in body that runs `sleep 60` in the foreground (a background job of a script would ignore SIGINT)
 * holding `fifo` open for writing: the sleeper's lifeline (see `lifeline`).
 */
const sleeper = (fifo: string) => `sh -c 'exec 3>${fifo} && exec sleep 60'\nexit 0`;

/** Rejects with `what` unless `promise` settles within `ms`. */
async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A FIFO the sleeper holds open for writing: `started` resolves once it has opened it (it runs), `gone`
 * once the last process holding it has exited (the reader's end of file), both events from the kernel.
 */
function lifeline(fifo: string): { started: (ms: number) => Promise<unknown>; gone: (ms: number) => Promise<unknown> } {
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const reader = createReadStream(fifo);
  reader.resume();
  const opened = once(reader, 'open');
  const ended = once(reader, 'end');
  opened.catch(() => {});
  ended.catch(() => {});
  return {
    started: (ms) => withDeadline(opened, ms, 'the sleeper did not start'),
    gone: (ms) => withDeadline(ended, ms, 'the sleeper (the grandchild) did not exit'),
  };
}

/** A test root: ROOT/run/current-system/sw/bin/ for the stand-in, and a place for its logs. */
interface RebuildRoot {
  root: string;
  seed: string;
  /** Where the stand-in writes its argv (one per line) and environment when it runs. */
  argvLog: string;
  envLog: string;
  /** Where the stand-in writes nix-build's exit code, which it then exits with. */
  codeLog: string;
  nixFile: string;
}

function makeRoot(): RebuildRoot {
  const root = mkdtempSync(join(tmpdir(), 'gentry-rebuild-'));
  mkdirSync(join(root, 'run/current-system/sw/bin'), { recursive: true });
  const seed = randomBytes(6).toString('hex');
  return { root, seed, argvLog: join(root, 'argv.log'), envLog: join(root, 'env.log'), codeLog: join(root, 'code.log'), nixFile: join(root, 'tiny.nix') };
}

/**
 * Writes the stand-in: it logs its argv and environment, refuses any argv but `expected`, then
 * execs a real nix-build of `derivations` tiny derivations (the last one failing when `fail`).
 * The stand-in sees only what the helper passes (a cleared environment), so Nix's settings are
 * set inside it.
 */
function writeStandIn(r: RebuildRoot, expected: string[], options: { derivations?: number; fail?: boolean; body?: string } = {}): void {
  const count = options.derivations ?? 3;
  const failing = options.fail ? `(derivation { name = "t-fail-${r.seed}"; system = builtins.currentSystem; builder = "/bin/sh"; args = [ "-c" "echo about to fail; exit 1" ]; })` : '';
  writeFileSync(
    r.nixFile,
    `let seed = "${r.seed}"; in\n(map (i: derivation { name = "t-\${toString i}-\${seed}"; system = builtins.currentSystem; builder = "/bin/sh"; args = [ "-c" "echo building; echo $out > $out" ]; }) (builtins.genList (i: i + 1) ${count}))\n++ [ ${failing} ]\n`,
  );
  const script = [
    '#!/bin/sh',
    '# A stand-in for nixos-rebuild, written by rebuild-verb.integration.test.ts.',
    `printf '%s\\n' "$@" > ${q(r.argvLog)}`,
    `env > ${q(r.envLog)}`,
    `expected=${q(expected.join('\n'))}`,
    `actual=$(printf '%s\\n' "$@")`,
    'if [ "$actual" != "$expected" ]; then echo "stand-in: unexpected arguments: $*" >&2; exit 64; fi',
    'echo "stand-in stdout: this must reach the helper\'s stderr, not its stdout"',
    options.body ??
      [
        `NIX_CONFIG='substituters =`,
        `experimental-features = nix-command'`,
        'export NIX_CONFIG',
        `nix-build --no-out-link --log-format internal-json -v ${q(r.nixFile)}`,
        'code=$?',
        `echo $code > ${q(r.codeLog)}`,
        'exit $code',
      ].join('\n'),
    '',
  ].join('\n');
  const path = join(r.root, 'run/current-system/sw/bin/nixos-rebuild');
  writeFileSync(path, script);
  chmodSync(path, 0o755);
}

/** Deletes the store paths a test built (only those: never a garbage collection). */
function deleteBuilt(seed: string): void {
  const listed = spawnSync('sh', ['-c', `ls -d /nix/store/*-t-*-${seed} /nix/store/*-t-*-${seed}.drv /nix/store/*-t-fail-${seed}.drv 2>/dev/null`], { encoding: 'utf8' });
  const paths = listed.stdout.split('\n').filter(Boolean);
  if (paths.length > 0) spawnSync('nix-store', ['--delete', ...paths], { env: nixEnv, stdio: 'ignore' });
}

describe('rebuild', () => {
  let r: RebuildRoot;
  beforeEach(() => {
    r = makeRoot();
  });
  afterEach(() => {
    deleteBuilt(r.seed);
    rmSync(r.root, { recursive: true, force: true });
  });

  it('runs nixos-rebuild MODE --flake REF --log-format internal-json -v; JSON on stdout, @nix lines on stderr', () => {
    const flake = '/etc/nixos#"atlas.local"';
    writeStandIn(r, ['build', '--flake', flake, '--log-format', 'internal-json', '-v']);
    const run = runHelper(['--root', r.root, 'rebuild', '--mode', 'build', '--flake', flake]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(r.codeLog, 'utf8')).toBe('0\n');
    expect(run.result).toEqual({
      event: 'result', ok: true, verb: 'rebuild', exitCode: 0, mode: 'build', flake,
      program: join(r.root, 'run/current-system/sw/bin/nixos-rebuild'), rebuildExitCode: 0, rebuildSignal: null, stoppedBy: null,
    });
    expect(run.lines[0]).toMatchObject({ event: 'progress', verb: 'rebuild', step: 'run' });
    // Exactly that argv, each argument intact (no shell: the quotes and # reach it as they are).
    expect(readFileSync(r.argvLog, 'utf8')).toBe(`build\n--flake\n${flake}\n--log-format\ninternal-json\n-v\n`);
    // A cleared environment: PATH and HOME=/root only (sh adds PWD, the working directory is /).
    const env = Object.fromEntries(readFileSync(r.envLog, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(env).toEqual({ PATH: '/run/wrappers/bin:/run/current-system/sw/bin:/nix/var/nix/profiles/default/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', PWD: '/' });
    // The child's stdout went to stderr; Nix's internal-json lines too, with a Build activity per derivation.
    expect(run.stderr).toContain('stand-in stdout: this must reach the helper');
    const nix = nixLines(run.stderr);
    const builds = nix.filter((l) => l.action === 'start' && l.type === 105).map((l) => String((l.fields as unknown[])[0]));
    expect(builds.filter((drv) => drv.endsWith(`-${r.seed}.drv`))).toHaveLength(3);
    expect(nix.some((l) => l.action === 'result' && l.type === 101 && (l.fields as unknown[])[0] === 'building')).toBe(true);
    for (const i of [1, 2, 3]) expect(spawnSync('sh', ['-c', `ls /nix/store/*-t-${i}-${r.seed}`]).status).toBe(0);
  });

  it('reports a failed nixos-rebuild with its exit code (exit 4), still JSON-only on stdout', () => {
    writeStandIn(r, ['switch', '--flake', 'github:ann/config/main#atlas', '--log-format', 'internal-json', '-v'], { derivations: 1, fail: true });
    const run = runHelper(['--root', r.root, 'rebuild', '--flake', 'github:ann/config/main#atlas', '--mode', 'switch']);
    expect(run.status).toBe(4);
    const nixBuildCode = Number(readFileSync(r.codeLog, 'utf8'));
    expect(nixBuildCode).toBeGreaterThan(0); // nix-build's own verdict on the failing derivation
    expect(run.result).toMatchObject({ ok: false, verb: 'rebuild', exitCode: 4, kind: 'failed', mode: 'switch', rebuildExitCode: nixBuildCode, rebuildSignal: null, stoppedBy: null, restored: [] });
    expect(String(run.result.error)).toMatch(new RegExp(`nixos-rebuild switch exited ${nixBuildCode}`));
    const nix = nixLines(run.stderr);
    // Nix's own error for the failing builder, and that builder's log line, as internal-json.
    expect(nix.some((l) => l.action === 'msg' && l.level === 0 && String(l.msg).includes(`-t-fail-${r.seed}.drv`)), run.stderr.slice(-3000)).toBe(true);
    expect(nix.some((l) => l.action === 'result' && l.type === 101 && (l.fields as unknown[])[0] === 'about to fail')).toBe(true);
  });

  it('a stop (SIGINT to its process group, as the terminal sends it) reaches nixos-rebuild and what it started; the helper reports and leaves nothing behind', async () => {
    const fifo = join(r.root, 'sleeper.fifo');
    const sleeperLife = lifeline(fifo);
    writeStandIn(r, ['test', '--flake', 'path:/etc/nixos', '--log-format', 'internal-json', '-v'], { body: sleeper(fifo) });
    const child = spawn(helper, ['--root', r.root, 'rebuild', '--mode', 'test', '--flake', 'path:/etc/nixos'], { env: helperEnv(), detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit');
    await sleeperLife.started(20_000);
    process.kill(-(child.pid as number), 'SIGINT'); // the helper's whole group: the terminal's Ctrl-C
    const [code] = (await exited) as [number | null];
    const run = parseRun(code, stdout, stderr);
    expect(run.status).toBe(4);
    expect(run.result).toMatchObject({ ok: false, verb: 'rebuild', exitCode: 4, kind: 'failed', mode: 'test', stoppedBy: 'SIGINT' });
    // sh dies of the SIGINT (or exits 130 when it handles it); either way it did not finish.
    expect(run.result.rebuildSignal === 'SIGINT' || run.result.rebuildExitCode === 130).toBe(true);
    await sleeperLife.gone(5_000); // the grandchild got it too (it sleeps 60 s otherwise): no orphan left running
  });

  it('SIGTERM to the helper alone is passed on to nixos-rebuild, and reported', async () => {
    const fifo = join(r.root, 'sleeper.fifo');
    const sleeperLife = lifeline(fifo);
    writeStandIn(r, ['boot', '--flake', '/etc/nixos', '--log-format', 'internal-json', '-v'], { body: sleeper(fifo) });
    const child = spawn(helper, ['--root', r.root, 'rebuild', '--mode', 'boot', '--flake', '/etc/nixos'], { env: helperEnv() });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    const exited = once(child, 'exit');
    await sleeperLife.started(20_000);
    child.kill('SIGTERM');
    const [code, signal] = (await exited) as [number | null, string | null];
    expect(signal).toBeNull(); // the helper itself was not killed: it reported
    const run = parseRun(code, stdout, '');
    expect(run.status).toBe(4);
    expect(run.result).toMatchObject({ ok: false, mode: 'boot', rebuildSignal: 'SIGTERM', rebuildExitCode: null, stoppedBy: 'SIGTERM' });
    expect(String(run.result.error)).toMatch(/killed by SIGTERM after a stop request/);
    await sleeperLife.gone(5_000);
  });

  it('fails (exit 4) when nixos-rebuild is missing, running nothing', () => {
    const run = runHelper(['--root', r.root, 'rebuild', '--mode', 'switch', '--flake', '/etc/nixos']);
    expect(run.status).toBe(4);
    expect(run.result).toMatchObject({ ok: false, kind: 'failed', verb: 'rebuild', mode: 'switch', error: expect.stringMatching(/nixos-rebuild not found/) });
  });

  it('refuses --root under pkexec or sudo (exit 3), running nothing', () => {
    writeStandIn(r, ['switch', '--flake', '/etc/nixos', '--log-format', 'internal-json', '-v']);
    for (const variable of ['PKEXEC_UID', 'SUDO_UID']) {
      const run = runHelper(['--root', r.root, 'rebuild', '--mode', 'switch', '--flake', '/etc/nixos'], { [variable]: '1000' });
      expect(run.status).toBe(3);
      expect(run.result).toMatchObject({ ok: false, kind: 'refused', verb: 'rebuild' });
    }
    expect(existsSync(r.argvLog)).toBe(false);
  });

  const badLines: [string, string[]][] = [
    ['flake -rf', ['--mode', 'switch', '--flake', '-rf']],
    ['flake "foo bar"', ['--mode', 'switch', '--flake', 'foo bar']],
    ['flake http://x', ['--mode', 'switch', '--flake', 'http://x']],
    ['flake github:a', ['--mode', 'switch', '--flake', 'github:a']],
    ['flake "/p#a b"', ['--mode', 'switch', '--flake', '/p#a b']],
    ['flake of 5000 bytes', ['--mode', 'switch', '--flake', `/${'a'.repeat(4999)}`]],
    ['flake with a newline', ['--mode', 'switch', '--flake', '/etc/nixos\n--option']],
    ['flake with a shell substitution attr', ['--mode', 'switch', '--flake', '/etc/nixos#$(reboot)']],
    ['flake ~/config', ['--mode', 'switch', '--flake', '~/config']],
    ['flake relative', ['--mode', 'switch', '--flake', 'config#atlas']],
    ['empty flake', ['--mode', 'switch', '--flake', '']],
    ['mode dry-build', ['--mode', 'dry-build', '--flake', '/etc/nixos']],
    ['mode repl', ['--mode', 'repl', '--flake', '/etc/nixos']],
    ['no --flake', ['--mode', 'switch']],
    ['no --mode', ['--flake', '/etc/nixos']],
    ['--mode twice', ['--mode', 'switch', '--mode', 'boot', '--flake', '/etc/nixos']],
    ['--flake twice', ['--mode', 'switch', '--flake', '/etc/nixos', '--flake', '/x']],
    ['--flake=REF', ['--mode', 'switch', '--flake=/etc/nixos']],
    ['an extra option passed on', ['--mode', 'switch', '--flake', '/etc/nixos', '--option', 'sandbox', 'false']],
    ['--flake without a value', ['--mode', 'switch', '--flake']],
  ];

  it.each(badLines)('%s: usage error (exit 2), nothing run', (_name, args) => {
    writeStandIn(r, ['never']);
    const run = runHelper(['--root', r.root, 'rebuild', ...args]);
    expect(run.status).toBe(2);
    expect(run.result).toMatchObject({ event: 'result', ok: false, verb: 'rebuild', exitCode: 2, kind: 'usage', restored: [] });
    expect(run.lines).toHaveLength(1);
    expect(existsSync(r.argvLog)).toBe(false);
  });
});
