import { describe, it, expect } from 'vitest';
import { historyPoint } from '../../../../test-support/contract-fixtures.ts';
import { pointDate, pointFacts, pointLabel } from './history-labels.ts';

describe('pointFacts', () => {
  it('lists number, date, size, packages and the short revision', () => {
    expect(pointFacts(historyPoint({ number: 42, closureSize: 1.5 * 1024 ** 3, packageCount: 1234, channelUpdate: true }), 'UTC')).toEqual([
      'Generation 42', '2025-06-01 10:00', 'closure 1.5 GiB', '1,234 packages', 'nixpkgs a1b2c3d (channel update)',
    ]);
  });
  it('says what is unknown', () => {
    expect(pointFacts(historyPoint({ closureSize: null, packageCount: null, nixpkgsRevision: null }), 'UTC')).toEqual([
      'Generation 1', '2025-06-01 10:00', 'closure size unknown', 'package count unknown',
    ]);
  });
});

describe('pointLabel', () => {
  it('says what clicking does', () => {
    expect(pointLabel(historyPoint({ number: 5 }), 4, 'UTC')).toMatch(/opens its diff against generation 4$/);
    expect(pointLabel(historyPoint(), null, 'UTC')).toMatch(/nothing to compare with$/);
  });
});

describe('pointDate', () => {
  it('keeps text that is not a date', () => {
    expect(pointDate({ date: 'garbage' })).toBe('garbage');
  });
});
