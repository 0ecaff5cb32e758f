// A small on-disk cache of facts that never change once known (what Nix evaluated at a revision, the
// nixpkgs revision of a store path): one JSON object per file in Gentry's cache directory. A cache
// that cannot be read is treated as empty; one that cannot be written is only logged.
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../infra/atomic-file.ts';
import type { Logger } from '../infra/log.ts';
import { readTextFile, withStateLock } from '../infra/state-file.ts';

const CacheFileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.unknown()) });

/** A cache of values of one shape, keyed by string. */
export interface JsonCache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  /** Sets several entries with one write of the file. */
  setMany(entries: Iterable<readonly [string, T]>): Promise<void>;
}

/** A cache kept in `<cacheDir>/<name>.json`; entries that do not match `schema` are ignored. Null cacheDir: kept in memory only. */
export function jsonCache<T>(cacheDir: string | null, name: string, schema: z.ZodType<T>, log: Logger): JsonCache<T> {
  const file = cacheDir === null ? null : join(cacheDir, `${name}.json`);
  const readEntries = async (path: string): Promise<Map<string, T>> => {
    const map = new Map<string, T>();
    try {
      const text = await readTextFile(path);
      if (text === null) return map;
      const parsed = CacheFileSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return map;
      for (const [k, v] of Object.entries(parsed.data.entries)) {
        const value = schema.safeParse(v);
        if (value.success) map.set(k, value.data);
      }
    } catch (err) {
      log.debug(`cache ${path} not used: ${(err as Error).message}`); // unreadable or not ours: start empty
    }
    return map;
  };
  let loaded: Promise<Map<string, T>> | null = null;
  const load = (): Promise<Map<string, T>> =>
    (loaded ??= (async () => {
      const map = new Map<string, T>();
      if (file === null) return map;
      for (const [k, v] of await readEntries(file)) map.set(k, v);
      return map;
    })());
  let writing: Promise<void> = Promise.resolve();
  const setMany = async (entries: Iterable<readonly [string, T]>): Promise<void> => {
    const map = await load();
    let changed = false;
    for (const [key, value] of entries) {
      map.set(key, value);
      changed = true;
    }
    if (file === null || !changed) return;
    // Merge under the lock with what other processes wrote meanwhile, so neither loses an entry.
    writing = writing.then(() =>
      withStateLock(file, async (stillHeld) => {
        for (const [k, v] of await readEntries(file)) if (!map.has(k)) map.set(k, v);
        await stillHeld();
        await writeFileAtomically(file, `${JSON.stringify({ version: 1, entries: Object.fromEntries(map) })}\n`);
      }).catch((err: Error) => log.warn(`cannot write the cache ${file}: ${err.message}`)),
    );
    await writing;
  };
  return {
    async get(key) {
      return (await load()).get(key);
    },
    set: (key, value) => setMany([[key, value]]),
    setMany,
  };
}
