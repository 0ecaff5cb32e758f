import { describe, it, expect } from 'vitest';
import { indexOfNumber, newestFirst } from './generation-order.ts';
import { generation } from '../../../../test-support/contract-fixtures.ts';

describe('newestFirst', () => {
  it('sorts by number, descending, without touching the input', () => {
    const input = [generation({ number: 1 }), generation({ number: 10 }), generation({ number: 2 })];
    expect(newestFirst(input).map((g) => g.number)).toEqual([10, 2, 1]);
    expect(input.map((g) => g.number)).toEqual([1, 10, 2]);
  });
});

describe('indexOfNumber', () => {
  const list = [generation({ number: 5 }), generation({ number: 3 })];
  it('finds a generation by number', () => {
    expect(indexOfNumber(list, 3)).toBe(1);
  });
  it('returns -1 when absent or unset', () => {
    expect(indexOfNumber(list, 4)).toBe(-1);
    expect(indexOfNumber(list, null)).toBe(-1);
  });
});
