import { describe, expect, it } from 'vitest';
import type { Diff } from '../../common/contract/index.ts';
import { formatDiff } from './format-diff.ts';

const diff: Diff = {
  from: { profile: 'system', number: 19, storePath: '/nix/store/a' },
  to: { profile: 'system', number: 20, storePath: '/nix/store/b' },
  packages: [
    { name: 'firefox', before: ['132.0'], after: ['133.0'], status: 'upgraded', selected: 'both', sizeBefore: 100 << 20, sizeAfter: 101 << 20, pathsBefore: [], pathsAfter: [] },
    { name: 'ripgrep', before: [], after: ['14.1.1'], status: 'added', selected: 'after', sizeBefore: 0, sizeAfter: 5 << 20, pathsBefore: [], pathsAfter: [] },
    { name: 'glibc', before: ['2.40-66'], after: ['2.40-66'], status: 'rebuilt', selected: 'none', sizeBefore: 30, sizeAfter: 30, pathsBefore: [], pathsAfter: [] },
    { name: 'a-package-with-a-very-long-name-indeed', before: ['1.0.0-rc1', '1.0.0-rc2', '1.0.0-rc3'], after: ['2.0.0-rc1', '2.0.0-rc2', '2.0.0-rc3'], status: 'upgraded', selected: 'none', sizeBefore: 0, sizeAfter: 0, pathsBefore: [], pathsAfter: [] },
  ],
  summary: { upgraded: 2, downgraded: 0, changed: 0, added: 1, removed: 0, rebuilt: 1, closureSizeBefore: 2 * 2 ** 30, closureSizeAfter: 2 * 2 ** 30 + 6 * 2 ** 20, pathsAdded: 3, pathsRemoved: 2 },
};

describe('formatDiff', () => {
  const text = formatDiff(diff);
  it('groups by kind with nvd-style markers', () => {
    expect(text).toContain('system 19 → system 20');
    expect(text).toMatch(/Upgraded \(2\):\n {2}\[U\*\] firefox +132\.0 → 133\.0 +\+1\.0 MiB/);
    expect(text).toMatch(/Added \(1\):\n {2}\[A\+\] ripgrep +∅ → 14\.1\.1 +\+5\.0 MiB/);
    expect(text).toMatch(/Rebuilt \(1\):\n {2}\[B\.\] glibc +2\.40-66 +0 B/);
    expect(text).toContain('Closure: 2.0 GiB → 2.0 GiB (+6.0 MiB); 3 paths added, 2 removed');
  });
  it('fits in 80 columns', () => {
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});
