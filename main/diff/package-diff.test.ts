import { describe, expect, it } from 'vitest';
import { classify, type ClosureSide, diffClosures } from './package-diff.ts';

const p = (hash: string, name: string) => `/nix/store/${hash.padEnd(32, '0')}-${name}`;
const side = (paths: [string, number][], selected: string[] = []): ClosureSide => ({ paths: new Map(paths), selected: new Set(selected) });

describe('classify', () => {
  it.each([
    [['1.0'], ['2.0'], 'upgraded'],
    [['2.0'], ['1.0'], 'downgraded'],
    [['1.0', '3.0'], ['2.0'], 'changed'],
    [['1.0', '2.0'], ['2.0', '3.0'], 'changed'],
    [[], ['1.0'], 'added'],
    [['1.0'], [], 'removed'],
    [['1.0'], ['1.0'], 'rebuilt'],
    [['2.3pre1'], ['2.3'], 'upgraded'],
  ] as const)('%j → %j is %s', (before, after, status) => {
    expect(classify(before, after)).toBe(status);
  });
});

describe('diffClosures', () => {
  const firefoxOld = p('a1', 'firefox-132.0');
  const firefoxNew = p('a2', 'firefox-133.0');
  const glibcOld = p('b1', 'glibc-2.40-66');
  const glibcOldBin = p('b2', 'glibc-2.40-66-bin');
  const glibcRebuilt = p('b3', 'glibc-2.40-66');
  const zlib = p('c1', 'zlib-1.3.1');
  const gone = p('d1', 'libfoo-0.9');
  const fresh = p('e1', 'ripgrep-14.1.1');
  const systemPath = p('f1', 'system-path');

  const before = side([[firefoxOld, 100], [glibcOld, 30], [glibcOldBin, 5], [zlib, 1], [gone, 7], [systemPath, 2]], [firefoxOld]);
  const after = side([[firefoxNew, 110], [glibcRebuilt, 31], [glibcOldBin, 5], [zlib, 1], [fresh, 9], [systemPath, 2]], [firefoxNew, fresh]);
  const result = diffClosures(before, after);

  it('has one row per changed name, sorted, and leaves unchanged names out', () => {
    expect(result.packages.map((r) => `${r.name}:${r.status}:${r.selected}`)).toEqual(['firefox:upgraded:both', 'glibc:rebuilt:none', 'libfoo:removed:none', 'ripgrep:added:after']);
  });
  it('groups outputs under their package, with sizes and the paths behind each row', () => {
    const glibc = result.packages.find((r) => r.name === 'glibc');
    expect(glibc).toMatchObject({ before: ['2.40-66'], after: ['2.40-66'], sizeBefore: 35, sizeAfter: 36 });
    expect(glibc?.pathsBefore).toEqual([glibcOld, glibcOldBin].sort());
  });
  it('sums the closures and counts paths added and removed', () => {
    expect(result.summary).toEqual({ upgraded: 1, downgraded: 0, changed: 0, added: 1, removed: 1, rebuilt: 1, closureSizeBefore: 145, closureSizeAfter: 158, pathsAdded: 3, pathsRemoved: 3 });
  });
  it('finds nothing between a closure and itself', () => {
    expect(diffClosures(before, before).packages).toEqual([]);
  });
  it('sorts versions by compareVersions and keeps an empty version as ""', () => {
    const r = diffClosures(side([[p('g1', 'x-1.10'), 1], [p('g2', 'x-1.9'), 1]]), side([[p('g3', 'x'), 1]]));
    expect(r.packages[0]).toMatchObject({ before: ['1.9', '1.10'], after: [''], status: 'downgraded' }); // "" sorts below any number
  });
});
