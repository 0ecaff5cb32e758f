import { describe, it, expect } from 'vitest';
import { generation, profile } from '../../../../test-support/contract-fixtures.ts';
import { ascendingNumbers, orderedPair, pairWithPrevious, previousNumber, steppedPair } from './diff-pairs.ts';

const system = profile({ generations: [3, 1, 7, 4].map((number) => generation({ number })) });
const ref = (number: number) => ({ kind: 'system' as const, name: 'system', number });

describe('previousNumber', () => {
  it('finds the next lower number, across gaps', () => {
    expect(previousNumber([1, 3, 4, 7], 7)).toBe(4);
    expect(previousNumber([7, 1, 4, 3], 3)).toBe(1);
  });
  it('is null for the oldest', () => {
    expect(previousNumber([1, 3], 1)).toBeNull();
  });
});

describe('pairWithPrevious', () => {
  it('pairs a generation with the one before it in the same profile', () => {
    expect(pairWithPrevious(system, 7)).toEqual({ from: ref(4), to: ref(7) });
  });
  it('is null for the oldest generation', () => {
    expect(pairWithPrevious(system, 1)).toBeNull();
  });
});

describe('orderedPair', () => {
  it('puts the older generation first, whichever was picked first', () => {
    expect(orderedPair(system, 7, 3)).toEqual({ from: ref(3), to: ref(7) });
    expect(orderedPair(system, 3, 7)).toEqual({ from: ref(3), to: ref(7) });
  });
  it('is null for the same generation twice', () => {
    expect(orderedPair(system, 3, 3)).toBeNull();
  });
});

describe('steppedPair', () => {
  const numbers = ascendingNumbers(system);
  it('moves both ends one generation older or newer, across gaps', () => {
    expect(numbers).toEqual([1, 3, 4, 7]);
    expect(steppedPair(numbers, { from: ref(3), to: ref(4) }, -1)).toEqual({ from: ref(1), to: ref(3) });
    expect(steppedPair(numbers, { from: ref(3), to: ref(4) }, 1)).toEqual({ from: ref(4), to: ref(7) });
    expect(steppedPair(numbers, { from: ref(1), to: ref(7) }, 0)).toEqual({ from: ref(1), to: ref(7) });
  });
  it('stops at the ends and for numbers not in the list', () => {
    expect(steppedPair(numbers, { from: ref(4), to: ref(7) }, 1)).toBeNull();
    expect(steppedPair(numbers, { from: ref(1), to: ref(3) }, -1)).toBeNull();
    expect(steppedPair(numbers, { from: ref(2), to: ref(3) }, 1)).toBeNull();
  });
});
