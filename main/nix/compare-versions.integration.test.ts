// Gentry's compareVersions against Nix's own builtins.compareVersions over a generated corpus.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../common/compare-versions.ts';

/** A small deterministic generator (mulberry32), so a failure names pairs that come back on the next run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const parts = ['0', '1', '2', '9', '10', '007', '2147483647', '2147483648', '99999999999', 'pre', 'rc', 'a', 'b', 'z', 'A', 'é', 'Ａ', 'ｚ', '😀', '𝔘', 'a😀', 'aＡ', '', '.', '-', '..'];
const separators = ['.', '-', '', '.', '.'];

/** Pairs of versions: random mixes of the parts above, plus every non-BMP/BMP pairing head to head. */
function corpus(count: number): Array<{ a: string; b: string }> {
  const next = random(13);
  const pick = (xs: string[]): string => xs[Math.floor(next() * xs.length)] ?? '';
  const version = (): string => {
    const n = 1 + Math.floor(next() * 4);
    let v = '';
    for (let i = 0; i < n; i++) v += (i > 0 ? pick(separators) : '') + pick(parts);
    return v;
  };
  const pairs: Array<{ a: string; b: string }> = [];
  for (const a of ['😀', '𝔘', 'Ａ', 'ｚ', 'é', 'z']) for (const b of ['😀', '𝔘', 'Ａ', 'ｚ', 'é', 'z']) pairs.push({ a: `1.${a}`, b: `1.${b}` });
  while (pairs.length < count) {
    const a = version();
    pairs.push({ a, b: next() < 0.2 ? a : version() });
  }
  return pairs;
}

describe('compareVersions against Nix', () => {
  it('agrees with builtins.compareVersions on 6,000 generated pairs, non-BMP characters included', () => {
    const pairs = corpus(6000);
    const dir = mkdtempSync(join(tmpdir(), 'gentry-compare-'));
    try {
      const file = join(dir, 'pairs.json');
      writeFileSync(file, JSON.stringify(pairs));
      const expr = `map (p: builtins.compareVersions p.a p.b) (builtins.fromJSON (builtins.readFile ${file}))`;
      const nix: number[] = JSON.parse(execFileSync('nix-instantiate', ['--eval', '--strict', '--json', '-E', expr], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
      expect(nix).toHaveLength(pairs.length);
      const disagree = pairs.map((p, i) => ({ ...p, nix: nix[i], gentry: Math.sign(compareVersions(p.a, p.b)) })).filter((r) => r.nix !== r.gentry);
      expect(disagree).toEqual([]);
      // The corpus exercises the case that used to fail: UTF-16 order differs from UTF-8 order.
      expect(nix[pairs.findIndex((p) => p.a === '1.😀' && p.b === '1.Ａ')]).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
