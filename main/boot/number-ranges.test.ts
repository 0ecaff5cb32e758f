import { describe, expect, it } from 'vitest';
import { numberRanges } from './number-ranges.ts';

describe('numberRanges', () => {
  it.each([
    [[], ''],
    [[4], '4'],
    [[1, 2], '1-2'],
    [[8, 7, 1, 2, 3, 5, 3], '1-3, 5, 7-8'],
    [Array.from({ length: 1900 }, (_, i) => i + 1), '1-1900'],
  ])('%j → %s', (numbers, text) => expect(numberRanges(numbers)).toBe(text));
});
