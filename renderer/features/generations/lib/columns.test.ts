import { describe, it, expect } from 'vitest';
import { columnsFor, gridTemplate } from './columns.ts';
import { generation } from '../../../../test-support/contract-fixtures.ts';

const fields = (kind: 'system' | 'home' | 'user', gens = [generation()]): string[] => columnsFor(kind, gens).map((c) => c.field);

describe('columnsFor', () => {
  it('shows NixOS, nixpkgs and kernel for system profiles', () => {
    expect(fields('system')).toEqual(['number', 'date', 'nixosVersion', 'nixpkgsRevision', 'kernelVersion', 'closureSize', 'status']);
  });
  it('shows the home-manager version for home profiles', () => {
    expect(fields('home')).toEqual(['number', 'date', 'homeManagerVersion', 'closureSize', 'status']);
  });
  it('shows packages for user profiles', () => {
    expect(fields('user')).toEqual(['number', 'date', 'packages', 'closureSize', 'status']);
  });
  it('adds specialisations only when some generation has one', () => {
    expect(fields('system', [generation(), generation({ specialisations: ['gaming'] })])).toContain('specialisations');
    expect(fields('home', [generation({ specialisations: ['work'] })])).toContain('specialisations');
  });
  it('adds a field another kind normally has when the data has it', () => {
    expect(fields('home', [generation({ nixpkgsRevision: 'abc' })])).toContain('nixpkgsRevision');
  });
  it('keeps the canonical column order', () => {
    expect(fields('home', [generation({ nixpkgsRevision: 'abc', specialisations: ['x'] })])).toEqual([
      'number', 'date', 'homeManagerVersion', 'nixpkgsRevision', 'specialisations', 'closureSize', 'status',
    ]);
  });
});

describe('gridTemplate', () => {
  it('joins the tracks', () => {
    expect(gridTemplate(columnsFor('user', []))).toBe('3rem minmax(5.5rem, 0.9fr) minmax(6rem, 2fr) 6.5rem 6.5rem');
  });
});
