import { describe, it, expect } from 'vitest';
import { diffKey, refKey, sameRef } from './diff-key.ts';

const system = (number: number) => ({ kind: 'system' as const, name: 'system', number });

describe('refKey', () => {
  it('joins kind, name and number', () => {
    expect(refKey({ kind: 'home', name: 'alice', number: 7 })).toBe('home:alice:7');
  });
});

describe('diffKey', () => {
  it('is kind:name:from:to within one profile', () => {
    expect(diffKey(system(41), system(42))).toBe('system:system:41:42');
  });
  it('keeps the direction', () => {
    expect(diffKey(system(42), system(41))).not.toBe(diffKey(system(41), system(42)));
  });
  it('names both profiles across two, so they never collide with one profile\'s keys', () => {
    const key = diffKey(system(3), { kind: 'system', name: 'gaming', number: 4 });
    expect(key).toBe('system:system:3>system:gaming:4');
    expect(key).not.toBe(diffKey(system(3), system(4)));
  });
});

describe('sameRef', () => {
  it('compares all three parts', () => {
    expect(sameRef(system(1), system(1))).toBe(true);
    expect(sameRef(system(1), system(2))).toBe(false);
    expect(sameRef(system(1), { kind: 'home', name: 'system', number: 1 })).toBe(false);
  });
});
