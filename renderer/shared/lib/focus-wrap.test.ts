import { describe, it, expect } from 'vitest';
import { wrapIndex } from './focus-wrap.ts';

describe('wrapIndex', () => {
  it('wraps at the ends, leaves the middle to the browser, and pulls stray focus in', () => {
    expect(wrapIndex(3, 2, false)).toBe(0);
    expect(wrapIndex(3, 0, true)).toBe(2);
    expect(wrapIndex(3, 1, false)).toBeNull();
    expect(wrapIndex(3, -1, false)).toBe(0);
    expect(wrapIndex(3, -1, true)).toBe(2);
    expect(wrapIndex(0, -1, false)).toBeNull();
  });
});
