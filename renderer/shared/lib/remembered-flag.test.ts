import { afterEach, describe, it, expect, vi } from 'vitest';
import { readFlag, writeFlag } from './remembered-flag.ts';

function fakeStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() { return map.size; },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => { map.delete(key); },
    setItem: (key, value) => { map.set(key, value); },
  };
}

describe('remembered flags', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads back what was written, and the fallback before that', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    expect(readFlag('x', true)).toBe(true);
    writeFlag('x', false);
    expect(readFlag('x', true)).toBe(false);
  });

  it('falls back when storage is missing or throws', () => {
    expect(readFlag('x', true)).toBe(true);
    writeFlag('x', true);
    vi.stubGlobal('localStorage', { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } });
    expect(readFlag('x', false)).toBe(false);
    expect(() => writeFlag('x', true)).not.toThrow();
  });
});
