import { describe, it, expect } from 'vitest';
import { detailFieldsFor, statusWords } from './detail-fields.ts';
import { generation } from '../../../../test-support/contract-fixtures.ts';

describe('detailFieldsFor', () => {
  it('lists the system fields for a system generation', () => {
    expect(detailFieldsFor('system', generation())).toEqual([
      'number', 'date', 'status', 'storePath', 'nixosVersion', 'nixpkgsRevision', 'kernelVersion', 'specialisations', 'closureSize',
    ]);
  });
  it('lists the home-manager version for home generations', () => {
    expect(detailFieldsFor('home', generation())).toEqual([
      'number', 'date', 'status', 'storePath', 'homeManagerVersion', 'specialisations', 'closureSize',
    ]);
  });
  it('lists packages for user generations, and anything else that is set', () => {
    expect(detailFieldsFor('user', generation({ packages: ['hello'], nixpkgsRevision: 'abc' }))).toEqual([
      'number', 'date', 'status', 'storePath', 'nixpkgsRevision', 'closureSize', 'packages',
    ]);
  });
});

describe('statusWords', () => {
  it('names the badges', () => {
    expect(statusWords({ current: true, booted: true })).toBe('current, booted');
    expect(statusWords({ current: false, booted: true })).toBe('booted');
    expect(statusWords({ current: false, booted: false })).toBe('');
  });
});
