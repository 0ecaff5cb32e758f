import { describe, expect, it } from 'vitest';
import { type GraphNode, sumClosures } from './closure-sizes.ts';

describe('sumClosures', () => {
  // 1 → 2 → 4, 1 → 3 → 4, 3 → 3 (self-reference), 5 alone
  const rows: GraphNode[] = [
    [1, 100, [2, 3]],
    [2, 20, [4]],
    [3, 30, [4, 3]],
    [4, 4, []],
    [5, 5000, []],
  ];
  it('counts each path of a closure once, even when reached twice or through a self-reference', () => {
    expect(sumClosures(rows, [1, 3, 4, 5])).toEqual([154, 34, 4, 5000]);
  });
  it('treats a null narSize as zero, ignores references outside the graph, and gives an unknown root an empty closure', () => {
    expect(sumClosures([[7, null, [8]]], [7, 99])).toEqual([0, 0]);
  });
});

describe('openClosureSizer without a database', () => {
  it('falls back to the nix CLI and says when that is missing too', async () => {
    const { openClosureSizer } = await import('./closure-sizes.ts');
    const missing = async () => ({ code: 127, stdout: '', stderr: 'spawn nix ENOENT' });
    const sizer = await openClosureSizer('/nonexistent/gentry/db.sqlite', missing);
    expect(sizer.source).toBe('nix-cli');
    expect(sizer.notice).toContain('/nonexistent/gentry/db.sqlite');
    expect(await sizer.closureSizes(['/nix/store/00000000000000000000000000000000-x'])).toEqual(new Map());
    expect(sizer.notice).toMatch(/not installed either/);
  });
});
