import { describe, it, expect } from 'vitest';
import { RecentCache } from './recent-cache.ts';

describe('RecentCache', () => {
  it('drops the least recently used entry beyond its limit', () => {
    const cache = new RecentCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.keys()).toEqual(['a', 'c']);
  });
  it('replaces a value without growing', () => {
    const cache = new RecentCache<string>(2);
    cache.set('a', 'old');
    cache.set('a', 'new');
    expect(cache.keys()).toEqual(['a']);
    expect(cache.get('a')).toBe('new');
  });
  it('holds at least one entry, and forgets everything on clear', () => {
    const cache = new RecentCache<number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    cache.clear();
    expect(cache.keys()).toEqual([]);
  });
});
