// No lost update (issue 12): two real node processes, and two calls in flight in one process, changing
// the same state file at once, 100 rounds each; every change must be there at the end. Also: a lock left
// by a process that died is broken, and one held by a live process makes a change wait.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pin } from '../../common/contract/index.ts';
import { readLabels, writeLabel } from '../labels/labels.ts';
import { updatePinsFile, withPin } from '../pins/pins-file.ts';
import { lockFileOf, updateStateFile, withStateLock } from './state-file.ts';

const here = resolve(import.meta.dirname);

/** Runs a script (ES module, TypeScript stripped by node) in a real node process; resolves with its stdout. */
function runNode(script: string, args: string[]): Promise<string> {
  return run(['--no-warnings', '--input-type=module', '-e', script, '--', ...args]);
}

function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`node exited ${code}: ${err}`))));
  });
}

// Each process makes 100 rounds of changes: round i labels generation 2i+base. It prints when it started and ended.
const labelScript = `
import { writeLabel } from ${JSON.stringify(join(here, '../labels/labels.ts'))};
const [dir, base, rounds] = process.argv.slice(1);
const t0 = Date.now();
for (let i = 0; i < Number(rounds); i++) await writeLabel(dir, { profile: '/nix/var/nix/profiles/system', number: Number(base) + 2 * i, storePath: null }, 'kept ' + i, null);
console.log(JSON.stringify([t0, Date.now()]));
`;

const pinScript = `
import { updatePinsFile, withPin } from ${JSON.stringify(join(here, '../pins/pins-file.ts'))};
const [dir, who, rounds] = process.argv.slice(1);
const t0 = Date.now();
for (let i = 0; i < Number(rounds); i++) {
  await updatePinsFile(dir, (f) => withPin(f, { attr: who + i, version: '1', source: 'github:NixOS/nixpkgs', rev: 'a'.repeat(40), narHash: null, reason: null, created: '2026-01-01T00:00:00Z', fromGeneration: null }));
}
console.log(JSON.stringify([t0, Date.now()]));
`;

const pin = (attr: string): Pin => ({ attr, version: '1', source: 'github:NixOS/nixpkgs', rev: 'a'.repeat(40), narHash: null, reason: null, created: '2026-01-01T00:00:00Z', fromGeneration: null });

describe('state files under concurrent change', () => {
  it('`gentry label` twice at once, 100 rounds: both labels of every round are kept', async () => {
    // A profile with two generations, pointing at real store paths.
    const root = mkdtempSync(join(tmpdir(), 'gentry-lock-cli-'));
    const store = readdirSync('/nix/store').filter((n) => !n.endsWith('.drv') && !n.startsWith('.')).slice(0, 2);
    mkdirSync(join(root, 'profiles'));
    store.forEach((name, i) => symlinkSync(join('/nix/store', name), join(root, `profiles/system-${i + 1}-link`)));
    symlinkSync('system-2-link', join(root, 'profiles/system'));
    const env = { ...process.env, XDG_STATE_HOME: join(root, 'state') };
    const label = (n: number, text: string) => run([join(here, '../../bin/gentry.js'), 'label', String(n), text, '--system-profile', join(root, 'profiles/system')], env);
    let lost = 0;
    for (let round = 0; round < 100; round++) {
      await Promise.all([label(1, `one ${round}`), label(2, `two ${round}`)]);
      const stored = (await readLabels(join(root, 'state/gentry'))).map((l) => l.label).sort();
      if (stored.join('|') !== `one ${round}|two ${round}`) lost++;
    }
    expect(lost).toBe(0);
  });

  it('two processes labelling at once, 100 rounds each: no label lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-lock-labels-'));
    const [a, b] = await Promise.all([runNode(labelScript, [dir, '1', '100']), runNode(labelScript, [dir, '2', '100'])]);
    const [[a0, a1], [b0, b1]] = [JSON.parse(a) as number[], JSON.parse(b) as number[]] as [[number, number], [number, number]];
    expect(a0 < b1 && b0 < a1).toBe(true); // they really ran at the same time
    const labels = await readLabels(dir);
    expect(labels.map((l) => l.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(readdirSync(dir).sort()).toEqual(['labels.json']); // no lock or temporary file left behind
  });

  it('two processes adding pins at once, 100 rounds each: no pin lost, pins.json.bak is the text before the last change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-lock-pins-'));
    await Promise.all([runNode(pinScript, [dir, 'a', '100']), runNode(pinScript, [dir, 'b', '100'])]);
    const pins = (JSON.parse(readFileSync(join(dir, 'pins.json'), 'utf8')) as { pins: Pin[] }).pins.map((p) => p.attr);
    expect(new Set(pins).size).toBe(200);
    expect((JSON.parse(readFileSync(join(dir, 'pins.json.bak'), 'utf8')) as { pins: Pin[] }).pins).toHaveLength(199);
  });

  it('two calls in flight in one process, 100 rounds: no label and no pin lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-lock-inflight-'));
    for (let i = 0; i < 100; i++) {
      await Promise.all([
        writeLabel(dir, { profile: '/p', number: 2 * i + 1, storePath: null }, 'a', null),
        writeLabel(dir, { profile: '/p', number: 2 * i + 2, storePath: null }, 'b', null),
        updatePinsFile(dir, (f) => withPin(f, pin(`a${i}`))),
        updatePinsFile(dir, (f) => withPin(f, pin(`b${i}`))),
      ]);
    }
    expect((await readLabels(dir)).length).toBe(200);
    expect((JSON.parse(readFileSync(join(dir, 'pins.json'), 'utf8')) as { pins: Pin[] }).pins).toHaveLength(200);
  });

  it('breaks a lock whose owner has died, and waits for one whose owner is alive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-lock-stale-'));
    const file = join(dir, 'counter.json');
    const deadPid = Number(await runNode('console.log(process.pid)', []));
    writeFileSync(lockFileOf(file), `${JSON.stringify({ pid: deadPid, startTime: '1' })}\n`);
    await updateStateFile(file, (t) => ({ text: String(Number(t ?? '0') + 1), value: null }));
    expect(readFileSync(file, 'utf8')).toBe('1');

    // A live holder (this process, another in-flight call) makes the change wait until it lets go.
    const order: string[] = [];
    let letGo!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const held = withStateLock(file, () => new Promise<void>((r) => ((letGo = () => (order.push('holder done'), r())), entered())));
    await inside;
    const waiting = updateStateFile(file, (t) => (order.push('change'), { text: String(Number(t) + 1), value: null }));
    // Give an unlocked change ample time to run first (it would read, change and write in well under 50 ms).
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    letGo();
    await Promise.all([held, waiting]);
    expect(order).toEqual(['holder done', 'change']);
    expect(readFileSync(file, 'utf8')).toBe('2');
  });

  it('a lock held by a live process past the wait is a clear error naming the lock file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-lock-live-'));
    const file = join(dir, 'labels.json');
    writeFileSync(lockFileOf(file), `${JSON.stringify({ pid: process.ppid, startTime: null })}\n`);
    const t0 = Date.now();
    await expect(withStateLock(file, async () => 'ran', 300)).rejects.toMatchObject({
      code: 'unavailable',
      message: `${file} is being changed by process ${process.ppid}, which has held its lock for over 0 s`,
      hint: `Try again in a moment. If no Gentry is running, remove ${file}.lock.`,
    });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(readdirSync(dir)).toEqual(['labels.json.lock']); // someone else's lock is left alone
  });
});
