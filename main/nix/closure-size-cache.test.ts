import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../infra/log.ts';
import { cachedClosureSizer } from './closure-size-cache.ts';
import type { ClosureSizer } from './closure-sizes.ts';

/** A sizer that knows fixed sizes and records what it was asked. */
function countingSizer(sizes: Record<string, number>): ClosureSizer & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    source: 'sqlite',
    notice: null,
    async closureSizes(roots) {
      asked.push([...roots]);
      return new Map(roots.filter((r) => r in sizes).map((r) => [r, sizes[r] as number]));
    },
    close() {},
  };
}

describe('cachedClosureSizer', () => {
  it('measures each store path once, across sizers sharing a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gentry-cache-')), 'sub/closure-sizes.json');
    const first = countingSizer({ '/nix/store/a': 1, '/nix/store/b': 2 });
    const a = cachedClosureSizer(async () => first, file, silentLogger);
    expect(await a.closureSizes(['/nix/store/a', '/nix/store/b', '/nix/store/gone'])).toEqual(new Map([['/nix/store/a', 1], ['/nix/store/b', 2]]));
    expect(await a.closureSizes(['/nix/store/a'])).toEqual(new Map([['/nix/store/a', 1]]));
    expect(first.asked).toEqual([['/nix/store/a', '/nix/store/b', '/nix/store/gone']]);
    const second = countingSizer({ '/nix/store/c': 3 });
    let opened = false;
    const b = cachedClosureSizer(async () => ((opened = true), second), file, silentLogger);
    expect(await b.closureSizes(['/nix/store/a'])).toEqual(new Map([['/nix/store/a', 1]]));
    expect(opened).toBe(false); // everything asked for was known: the database was never opened
    expect(await b.closureSizes(['/nix/store/b', '/nix/store/c'])).toEqual(new Map([['/nix/store/b', 2], ['/nix/store/c', 3]]));
    expect(second.asked).toEqual([['/nix/store/c']]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, sizes: { '/nix/store/a': 1, '/nix/store/b': 2, '/nix/store/c': 3 } });
  });

  it('ignores a damaged cache file and measures again', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gentry-cache-')), 'closure-sizes.json');
    writeFileSync(file, '{"version":1,"sizes":{"/nix/store/a":-5}} trailing garbage');
    const inner = countingSizer({ '/nix/store/a': 7 });
    expect(await cachedClosureSizer(async () => inner, file, silentLogger).closureSizes(['/nix/store/a'])).toEqual(new Map([['/nix/store/a', 7]]));
    expect(inner.asked).toHaveLength(1);
  });
});
