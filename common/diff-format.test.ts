import { describe, it, expect } from 'vitest';
import { formatSizeDelta, formatVersions, sizeDelta } from './diff-format.ts';

describe('formatVersions', () => {
  it('joins versions with a comma and a space', () => {
    expect(formatVersions(['1.0', '2.0'])).toBe('1.0, 2.0');
  });
  it('says ∅ for no versions and ε for an empty version', () => {
    expect(formatVersions([])).toBe('∅');
    expect(formatVersions([''])).toBe('ε');
    expect(formatVersions(['', '3.1'])).toBe('ε, 3.1');
  });
});

describe('formatSizeDelta', () => {
  it('signs growth and shrinkage in 1024-based units', () => {
    expect(formatSizeDelta(12.3 * 1024 * 1024)).toBe('+12.3 MiB');
    expect(formatSizeDelta(-512)).toBe('−512 B');
    expect(formatSizeDelta(-2048)).toBe('−2.0 KiB');
  });
  it('leaves zero unsigned', () => {
    expect(formatSizeDelta(0)).toBe('0 B');
  });
});

describe('sizeDelta', () => {
  it('is after minus before', () => {
    expect(sizeDelta({ sizeBefore: 300, sizeAfter: 100 })).toBe(-200);
  });
});
