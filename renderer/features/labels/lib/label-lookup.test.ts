import { describe, it, expect } from 'vitest';
import { generation, profile } from '../../../../test-support/contract-fixtures.ts';
import { findGeneration } from './label-lookup.ts';

describe('findGeneration', () => {
  it('finds a generation by kind, profile name and number', () => {
    const profiles = [
      profile({ generations: [generation({ number: 3, label: 'system three' })] }),
      profile({ kind: 'home', name: 'system', generations: [generation({ number: 3, label: 'home three' })] }),
    ];
    expect(findGeneration(profiles, { kind: 'home', name: 'system', number: 3 })?.label).toBe('home three');
    expect(findGeneration(profiles, { kind: 'system', name: 'system', number: 3 })?.label).toBe('system three');
    expect(findGeneration(profiles, { kind: 'system', name: 'system', number: 4 })).toBeNull();
    expect(findGeneration(null, { kind: 'system', name: 'system', number: 3 })).toBeNull();
  });
});
