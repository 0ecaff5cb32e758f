import { describe, it, expect } from 'vitest';
import { barFraction, largestClosure } from './closure-bar.ts';
import { generation } from '../../../../test-support/contract-fixtures.ts';

describe('largestClosure', () => {
  it('ignores unknown sizes', () => {
    expect(largestClosure([generation({ closureSize: 10 }), generation({ closureSize: null }), generation({ closureSize: 30 })])).toBe(30);
  });
  it('is 0 for no known sizes', () => {
    expect(largestClosure([generation()])).toBe(0);
    expect(largestClosure([])).toBe(0);
  });
});

describe('barFraction', () => {
  it('scales to the largest closure', () => {
    expect(barFraction(15, 30)).toBe(0.5);
    expect(barFraction(30, 30)).toBe(1);
  });
  it('is empty when a size or the scale is unknown', () => {
    expect(barFraction(null, 30)).toBe(0);
    expect(barFraction(10, 0)).toBe(0);
  });
  it('never overflows', () => {
    expect(barFraction(60, 30)).toBe(1);
  });
});
