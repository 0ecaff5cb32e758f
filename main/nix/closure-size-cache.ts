// A persistent cache of closure sizes. A valid store path's references never change (they are fixed
// when it is registered, and Nix keeps every reference of a valid path valid), so its closure size
// never changes either: once measured, it can be remembered across runs.
import { writeFileAtomically } from '../infra/atomic-file.ts';
import type { Logger } from '../infra/log.ts';
import { readTextFile, withStateLock } from '../infra/state-file.ts';
import type { ClosureSizer } from './closure-sizes.ts';

/** How many entries the cache keeps at most; the ones not asked for in the latest run go first. */
export const CACHE_LIMIT = 50_000;

interface CacheFile {
  version: 1;
  sizes: Record<string, number>;
}

async function load(file: string): Promise<Map<string, number>> {
  try {
    const text = await readTextFile(file, { maxBytes: 64 * 1024 * 1024 });
    if (text === null) return new Map();
    const parsed = JSON.parse(text) as CacheFile;
    if (parsed.version !== 1 || typeof parsed.sizes !== 'object' || parsed.sizes === null) return new Map();
    return new Map(Object.entries(parsed.sizes).filter(([, v]) => Number.isSafeInteger(v) && v >= 0));
  } catch {
    return new Map();
  }
}


/** A sizer that answers from the cache file and opens the real one (`open`) only for sizes it has never seen. */
export function cachedClosureSizer(open: () => Promise<ClosureSizer>, file: string, log: Logger): ClosureSizer {
  let cache: Promise<Map<string, number>> | null = null;
  let inner: Promise<ClosureSizer> | null = null;
  let opened: ClosureSizer | null = null;
  return {
    get source() {
      return opened?.source ?? 'cache';
    },
    get notice() {
      return opened?.notice ?? null;
    },
    async closureSizes(roots) {
      const known = await (cache ??= load(file));
      const missing = roots.filter((r) => !known.has(r));
      const out = new Map<string, number>();
      if (missing.length > 0) {
        opened = await (inner ??= open());
        const measured = await opened.closureSizes(missing);
        for (const [path, size] of measured) known.set(path, size);
        if (measured.size > 0) {
          // Keep the newest entries: re-insert what this call asked for, then trim the oldest.
          for (const r of roots) {
            const size = known.get(r);
            if (size !== undefined) {
              known.delete(r);
              known.set(r, size);
            }
          }
          // Under the file's lock, keep what other processes added meanwhile (older than ours), then trim the oldest.
          await withStateLock(file, async (stillHeld) => {
            const onDisk = await load(file);
            const merged = new Map([...onDisk].filter(([p]) => !known.has(p)));
            for (const [p, size] of known) merged.set(p, size);
            known.clear();
            for (const [p, size] of merged) known.set(p, size);
            while (known.size > CACHE_LIMIT) known.delete(known.keys().next().value as string);
            await stillHeld();
            await writeFileAtomically(file, JSON.stringify({ version: 1, sizes: Object.fromEntries(known) } satisfies CacheFile));
          }).catch((err: Error) => log.debug(`closure size cache not saved: ${err.message}`));
        }
      }
      for (const r of roots) {
        const size = known.get(r);
        if (size !== undefined) out.set(r, size);
      }
      return out;
    },
    close: () => opened?.close(),
  };
}
