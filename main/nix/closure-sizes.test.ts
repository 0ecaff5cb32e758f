import { describe, expect, it } from 'vitest';
import { sumClosures } from './closure-sizes.ts';

describe('sumClosures', () => {
  // 1 → 2 → 4, 1 → 3 → 4, 3 → 3 (self-reference), 5 alone
  const rows = [
    [1, 100, '2,3'],
    [2, 20, '4'],
    [3, 30, '4,3'],
    [4, 4, null],
    [5, 5000, null],
  ];
  it('counts each path of a closure once, even when reached twice or through a self-reference', () => {
    expect(sumClosures(rows, [1, 3, 4, 5])).toEqual([154, 34, 4, 5000]);
  });
  it('treats a null narSize as zero and an unknown root as an empty closure', () => {
    expect(sumClosures([[7, null, null]], [7, 99])).toEqual([0, 0]);
  });
});
