import { describe, it, expect } from 'vitest';
import { defaultGenerationNumber, effectiveGenerationNumber, reconcileProfileKey } from './selection.ts';
import { generation, profile } from '../../../../test-support/contract-fixtures.ts';

describe('defaultGenerationNumber', () => {
  it('prefers the current generation', () => {
    const p = profile({ generations: [generation({ number: 1 }), generation({ number: 2, current: true }), generation({ number: 3 })] });
    expect(defaultGenerationNumber(p)).toBe(2);
  });
  it('falls back to the newest', () => {
    const p = profile({ generations: [generation({ number: 4 }), generation({ number: 9 }), generation({ number: 7 })] });
    expect(defaultGenerationNumber(p)).toBe(9);
  });
  it('is null for an empty profile', () => {
    expect(defaultGenerationNumber(profile())).toBeNull();
  });
});

describe('effectiveGenerationNumber', () => {
  const p = profile({ generations: [generation({ number: 1 }), generation({ number: 2, current: true })] });
  it('keeps a pick that still exists', () => {
    expect(effectiveGenerationNumber(p, 1)).toBe(1);
  });
  it('drops a pick that was deleted', () => {
    expect(effectiveGenerationNumber(p, 7)).toBe(2);
    expect(effectiveGenerationNumber(p, undefined)).toBe(2);
  });
});

describe('reconcileProfileKey', () => {
  const profiles = [profile({ kind: 'home', name: 'alice' }), profile({ kind: 'system', name: 'system' })];
  it('keeps a selection that still exists', () => {
    expect(reconcileProfileKey(profiles, 'home:alice')).toBe('home:alice');
  });
  it('falls back to the first profile in sidebar order', () => {
    expect(reconcileProfileKey(profiles, 'user:gone')).toBe('system:system');
    expect(reconcileProfileKey(profiles, null)).toBe('system:system');
  });
  it('is null without profiles', () => {
    expect(reconcileProfileKey([], 'system:system')).toBeNull();
  });
});
