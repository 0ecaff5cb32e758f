import { describe, it, expect } from 'vitest';
import { packageDiff } from '../../../../test-support/contract-fixtures.ts';
import { rowAsText, rowsAsText, TEXT_LEGEND } from './diff-text.ts';

const MiB = 1024 * 1024;

describe('rowAsText', () => {
  it('writes kind letter, selection mark, name, versions and size change', () => {
    const row = packageDiff({ name: 'kicad', before: ['8.0.1'], after: ['8.0.2'], sizeBefore: 100 * MiB, sizeAfter: 100 * MiB + 12.3 * MiB });
    expect(rowAsText(row)).toBe('[U*] kicad 8.0.1 → 8.0.2 +12.3 MiB');
  });
  it('marks gained, lost and no selection, and missing or empty versions', () => {
    expect(rowAsText(packageDiff({ name: 'a', status: 'added', selected: 'after', before: [], after: [''], sizeBefore: 0, sizeAfter: 2048 })))
      .toBe('[A+] a ∅ → ε +2.0 KiB');
    expect(rowAsText(packageDiff({ name: 'r', status: 'removed', selected: 'before', before: ['1', '2'], after: [], sizeBefore: 10, sizeAfter: 0 })))
      .toBe('[R-] r 1, 2 → ∅ −10 B');
    expect(rowAsText(packageDiff({ name: 'g', status: 'rebuilt', selected: 'none', before: ['2.40'], after: ['2.40'], sizeBefore: 5, sizeAfter: 5 })))
      .toBe('[B.] g 2.40 → 2.40 0 B');
  });
});

describe('rowsAsText', () => {
  const rows = [
    packageDiff({ name: 'zsh', status: 'removed', selected: 'before', before: ['5.9'], after: [], sizeBefore: 1024, sizeAfter: 0 }),
    packageDiff({ name: 'kicad', before: ['8.0.1'], after: ['8.0.2'], sizeBefore: 0, sizeAfter: 1024 }),
    packageDiff({ name: 'curl', before: ['8.5'], after: ['8.6'], selected: 'none', sizeBefore: 0, sizeAfter: 0 }),
  ];
  it('groups lines by kind in the summary order, keeping the order given within a kind', () => {
    expect(rowsAsText(rows)).toBe([
      'Upgraded (2)',
      '[U*] kicad 8.0.1 → 8.0.2 +1.0 KiB',
      '[U.] curl 8.5 → 8.6 0 B',
      '',
      'Removed (1)',
      '[R-] zsh 5.9 → ∅ −1.0 KiB',
      '',
    ].join('\n'));
  });
  it('puts the title first and the legend last when asked', () => {
    const text = rowsAsText(rows.slice(0, 1), { title: 'system #1 → #2', legend: true });
    expect(text.startsWith('system #1 → #2\n\nRemoved (1)\n')).toBe(true);
    expect(text.endsWith(`Legend: ${TEXT_LEGEND}\n`)).toBe(true);
    expect(TEXT_LEGEND).toContain('U upgraded');
    expect(TEXT_LEGEND).toContain('B rebuilt');
  });
  it('says so when there is nothing to copy', () => {
    expect(rowsAsText([], { title: 'T' })).toBe('T\n\nNo differences.\n');
  });
});
