import { describe, it, expect } from 'vitest';
import type { DiffStatus, PackageDiff, Selection } from '../../../../common/contract/index.ts';
import { packageDiff } from '../../../../test-support/contract-fixtures.ts';
import { DIFF_KINDS } from '../../../../common/diff-kinds.ts';
import { filterRows, nextSort, SHOW_ALL, sortRows, visibleRows } from './diff-rows.ts';

const rows: PackageDiff[] = [
  packageDiff({ name: 'kicad', status: 'upgraded', selected: 'both', sizeBefore: 100, sizeAfter: 300 }),
  packageDiff({ name: 'glibc', status: 'rebuilt', selected: 'none', sizeBefore: 500, sizeAfter: 500 }),
  packageDiff({ name: 'Firefox', status: 'downgraded', selected: 'after', sizeBefore: 900, sizeAfter: 100 }),
  packageDiff({ name: 'libkiwi', status: 'added', selected: 'none', sizeBefore: 0, sizeAfter: 50 }),
  packageDiff({ name: 'zsh', status: 'removed', selected: 'before', sizeBefore: 40, sizeAfter: 0 }),
];
const names = (list: readonly PackageDiff[]) => list.map((row) => row.name);

describe('filterRows', () => {
  it('shows everything by default, in the order given', () => {
    expect(names(filterRows(rows, SHOW_ALL))).toEqual(names(rows));
  });
  it('hides the kinds switched off', () => {
    expect(names(filterRows(rows, { ...SHOW_ALL, hiddenKinds: ['rebuilt', 'added'] }))).toEqual(['kicad', 'Firefox', 'zsh']);
  });
  it('keeps packages selected before, after or both when asked for selected only', () => {
    expect(names(filterRows(rows, { ...SHOW_ALL, selectedOnly: true }))).toEqual(['kicad', 'Firefox', 'zsh']);
  });
  it('searches names by substring, ignoring case and surrounding blanks', () => {
    expect(names(filterRows(rows, { ...SHOW_ALL, search: '  KI ' }))).toEqual(['kicad', 'libkiwi']);
    expect(names(filterRows(rows, { ...SHOW_ALL, search: 'fire' }))).toEqual(['Firefox']);
    expect(filterRows(rows, { ...SHOW_ALL, search: 'nothing' })).toEqual([]);
  });
  it('combines the three', () => {
    expect(names(filterRows(rows, { hiddenKinds: ['upgraded'], selectedOnly: true, search: 'k' }))).toEqual([]);
    expect(names(filterRows(rows, { hiddenKinds: ['removed'], selectedOnly: true, search: 'i' }))).toEqual(['kicad', 'Firefox']);
  });
});

describe('sortRows', () => {
  it('sorts by name ignoring case, either way', () => {
    expect(names(sortRows(rows, { field: 'name', direction: 'asc' }))).toEqual(['Firefox', 'glibc', 'kicad', 'libkiwi', 'zsh']);
    expect(names(sortRows(rows, { field: 'name', direction: 'desc' }))).toEqual(['zsh', 'libkiwi', 'kicad', 'glibc', 'Firefox']);
  });
  it('sorts by kind in the summary order, names breaking ties', () => {
    const tied = [...rows, packageDiff({ name: 'bash', status: 'upgraded' })];
    expect(names(sortRows(tied, { field: 'kind', direction: 'asc' }))).toEqual(['bash', 'kicad', 'Firefox', 'libkiwi', 'zsh', 'glibc']);
  });
  it('sorts by size change, largest growth first when descending', () => {
    expect(names(sortRows(rows, { field: 'sizeDelta', direction: 'desc' }))).toEqual(['kicad', 'libkiwi', 'glibc', 'zsh', 'Firefox']);
    expect(names(sortRows(rows, { field: 'sizeDelta', direction: 'asc' }))).toEqual(['Firefox', 'zsh', 'glibc', 'libkiwi', 'kicad']);
  });
  it('does not touch its input', () => {
    const copy = [...rows];
    sortRows(rows, { field: 'name', direction: 'asc' });
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the direction on the same column', () => {
    expect(nextSort({ field: 'name', direction: 'asc' }, 'name')).toEqual({ field: 'name', direction: 'desc' });
  });
  it('starts size change descending and the others ascending', () => {
    expect(nextSort({ field: 'name', direction: 'asc' }, 'sizeDelta')).toEqual({ field: 'sizeDelta', direction: 'desc' });
    expect(nextSort({ field: 'sizeDelta', direction: 'desc' }, 'kind')).toEqual({ field: 'kind', direction: 'asc' });
  });
});

describe('visibleRows on a large diff', () => {
  const selections: Selection[] = ['both', 'before', 'after', 'none'];
  const big: PackageDiff[] = Array.from({ length: 5000 }, (_, i) => packageDiff({
    name: `pkg-${String(i).padStart(4, '0')}${i % 7 === 0 ? '-python' : ''}`,
    status: DIFF_KINDS[i % DIFF_KINDS.length] as DiffStatus,
    selected: selections[i % 4] as Selection,
    sizeBefore: (i * 7919) % 100_000,
    sizeAfter: (i * 104_729) % 100_000,
  }));

  it('filters, searches and sorts 5,000 rows correctly and fast', () => {
    const started = performance.now();
    const shown = visibleRows(big, { hiddenKinds: ['rebuilt'], selectedOnly: true, search: 'PYTHON' }, { field: 'sizeDelta', direction: 'desc' });
    const elapsed = performance.now() - started;
    const expected = big.filter((row) => row.status !== 'rebuilt' && row.selected !== 'none' && row.name.includes('python'));
    expect(shown).toHaveLength(expected.length);
    expect(new Set(names(shown))).toEqual(new Set(names(expected)));
    for (let i = 1; i < shown.length; i++) {
      const a = shown[i - 1]!;
      const b = shown[i]!;
      expect(a.sizeAfter - a.sizeBefore).toBeGreaterThanOrEqual(b.sizeAfter - b.sizeBefore);
    }
    expect(elapsed).toBeLessThan(250);
  });

  it('sorts all 5,000 by name within a frame budget', () => {
    const started = performance.now();
    const sorted = visibleRows(big, SHOW_ALL, { field: 'name', direction: 'asc' });
    expect(performance.now() - started).toBeLessThan(250);
    expect(sorted).toHaveLength(5000);
    expect(sorted[0]?.name).toBe('pkg-0000-python');
    expect(sorted.at(-1)?.name).toBe('pkg-4999');
  });
});
