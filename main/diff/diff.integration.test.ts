// The diff engine against `nix store diff-closures` on real worlds: every name Nix reports with a
// version change appears in Gentry's diff with the same removed and added versions, and vice versa.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diff } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { worldPaths } from '../demo/demo-world.ts';
import { inProcessDoor } from '../in-process-door.ts';
import { silentLogger } from '../infra/log.ts';
import { runProcess } from '../infra/process.ts';
import { createServices } from '../services.ts';

const NIX_ENV = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };
type Change = { removed: string[]; added: string[] };

/** Parses `nix store diff-closures` output into name → removed/added versions (size-only lines are skipped). */
function nixVersionChanges(before: string, after: string): Map<string, Change> {
  const out = execFileSync('nix', ['store', 'diff-closures', before, after], { env: NIX_ENV, encoding: 'utf8' });
  const changes = new Map<string, Change>();
  for (const raw of out.split('\n')) {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
    const colon = line.indexOf(': ');
    if (colon < 0 || !line.includes(' → ')) continue;
    const body = line.slice(colon + 2).replace(/, [+-][0-9.]+ KiB$/, '');
    const [left = '', right = ''] = body.split(' → ');
    const versions = (s: string) => (s === '∅' ? [] : s.split(', ').map((v) => (v === 'ε' ? '' : v))).sort();
    changes.set(line.slice(0, colon), { removed: versions(left), added: versions(right) });
  }
  return changes;
}

/** The same view of Gentry's diff: set differences of the version lists. */
function ourVersionChanges(diff: Diff): Map<string, Change> {
  const changes = new Map<string, Change>();
  for (const p of diff.packages) {
    const removed = p.before.filter((v) => !p.after.includes(v)).sort();
    const added = p.after.filter((v) => !p.before.includes(v)).sort();
    if (removed.length || added.length) changes.set(p.name, { removed, added });
  }
  return changes;
}

describe('gentry diff against nix store diff-closures', () => {
  let world: World;
  let door: ReturnType<typeof inProcessDoor>;
  let services: ReturnType<typeof createServices>;
  let numbers: number[];

  beforeAll(async () => {
    world = await buildWorld({ preset: 'small', systemGenerations: 14 });
    services = createServices({ paths: worldPaths(world), run: runProcess, log: silentLogger, env: {} });
    door = inProcessDoor(services, silentLogger);
    numbers = (world.expected.profiles[0]?.generations ?? []).map((g) => g.number);
  });
  afterAll(async () => {
    services?.close();
    if (world) await removeWorld(world);
  });

  async function diff(from: number, to: number): Promise<Diff> {
    const r = await door.diff({ from: { kind: 'system', name: 'system', number: from }, to: { kind: 'system', name: 'system', number: to } });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }

  it('agrees on every adjacent pair and on far-apart pairs, both ways', async () => {
    const first = numbers[0] as number;
    const last = numbers.at(-1) as number;
    const pairs: [number, number][] = numbers.slice(1).map((n, i) => [numbers[i] as number, n]);
    pairs.push([first, last], [last, first], [first, numbers[Math.floor(numbers.length / 2)] as number]);
    let compared = 0;
    for (const [a, b] of pairs) {
      const d = await diff(a, b);
      const ours = ourVersionChanges(d);
      const theirs = nixVersionChanges(d.from.storePath, d.to.storePath);
      expect(Object.fromEntries(ours), `${a} → ${b}`).toEqual(Object.fromEntries(theirs));
      compared += theirs.size;
    }
    expect(compared).toBeGreaterThan(10); // the world really has version changes to compare
  });

  it('marks selected packages from the direct references of sw, as nix-store --references reports them', async () => {
    const [a, b] = [numbers[0] as number, numbers.at(-1) as number];
    const d = await diff(a, b);
    const sw = (toplevel: string) => new Set(execFileSync('nix-store', ['-q', '--references', execFileSync('readlink', ['-f', `${toplevel}/sw`], { encoding: 'utf8' }).trim()], { env: NIX_ENV, encoding: 'utf8' }).trim().split('\n'));
    const selBefore = sw(d.from.storePath);
    const selAfter = sw(d.to.storePath);
    for (const p of d.packages) {
      const before = p.pathsBefore.some((x) => selBefore.has(x));
      const after = p.pathsAfter.some((x) => selAfter.has(x));
      expect(p.selected, p.name).toBe(before && after ? 'both' : before ? 'before' : after ? 'after' : 'none');
    }
    expect(d.packages.some((p) => p.selected !== 'none')).toBe(true);
  });

  it('sums closures as nix path-info does', async () => {
    const d = await diff(numbers[0] as number, numbers.at(-1) as number);
    const info = JSON.parse(execFileSync('nix', ['path-info', '--json', '--closure-size', d.from.storePath, d.to.storePath], { env: NIX_ENV, encoding: 'utf8' })) as { path: string; closureSize: number }[];
    const size = new Map(info.map((i) => [i.path, i.closureSize]));
    expect(d.summary.closureSizeBefore).toBe(size.get(d.from.storePath));
    expect(d.summary.closureSizeAfter).toBe(size.get(d.to.storePath));
  });

  it('switches between neighbouring generations quickly once their closures are cached', async () => {
    const [a, b, c] = numbers.slice(-3) as [number, number, number];
    await diff(a, b);
    await diff(b, c);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await diff(i % 2 ? a : b, i % 2 ? b : c);
      times.push(performance.now() - t);
    }
    times.sort((x, y) => x - y);
    console.log(`neighbour diff with cached closures: median ${times[5]?.toFixed(1)} ms, max ${times[9]?.toFixed(1)} ms`);
    expect(times.length).toBe(10);
  });

  it('refuses a generation that does not exist and the same generation twice, clearly', async () => {
    const missing = await door.diff({ from: { kind: 'system', name: 'system', number: 9999 }, to: { kind: 'system', name: 'system', number: 1 } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    if (!missing.ok) expect(missing.error.message).toMatch(/no generation 9999/);
    const same = await door.diff({ from: { kind: 'system', name: 'system', number: 1 }, to: { kind: 'system', name: 'system', number: 1 } });
    expect(same).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('draws the history with channel updates where the nixpkgs revision changes', async () => {
    const r = await door.history({ kind: 'system', name: 'system' });
    if (!r.ok) throw new Error(r.error.message);
    const expected = world.expected.profiles[0]?.generations ?? [];
    expect(r.value.points.map((p) => [p.number, p.closureSize])).toEqual(expected.map((g) => [g.number, g.closureSize]));
    const updates = r.value.points.filter((p) => p.channelUpdate).map((p) => p.number);
    const revs = expected.map((g) => g.nixpkgsRevision);
    expect(updates).toEqual(expected.filter((g, i) => i > 0 && g.nixpkgsRevision !== revs[i - 1]).map((g) => g.number));
    expect(r.value.points.every((p) => (p.packageCount ?? 0) > 10)).toBe(true);
  });
});
