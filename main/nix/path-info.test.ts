import { describe, expect, it } from 'vitest';
import { parsePathInfo } from './path-info.ts';

describe('parsePathInfo', () => {
  it('reads the array Nix 2.8 prints and the object newer Nix prints the same way', () => {
    const old = [{ path: '/nix/store/a', narSize: 1, closureSize: 3, references: ['/nix/store/b'] }];
    const newer = { '/nix/store/a': { narSize: 1, closureSize: 3, references: ['/nix/store/b'] } };
    expect(parsePathInfo(old)).toEqual(old);
    expect(parsePathInfo(newer)).toEqual(old);
  });
  it('ignores what is not path info', () => {
    expect(parsePathInfo(null)).toEqual([]);
    expect(parsePathInfo([1, { nope: true }])).toEqual([]);
  });
});
