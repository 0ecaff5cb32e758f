// A small on-disk cache of facts that never change once known (what Nix evaluated at a revision, the
// nixpkgs revision of a store path): one JSON object per file in Gentry's cache directory. A cache
// that cannot be read is treated as empty; one that cannot be written is only logged.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../atomic-file.ts';
import type { Logger } from '../log.ts';

const CacheFileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.unknown()) });

/** A cache of values of one shape, keyed by string. */
export interface JsonCache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
}

/** A cache kept in `<cacheDir>/<name>.json`; entries that do not match `schema` are ignored. Null cacheDir: kept in memory only. */
export function jsonCache<T>(cacheDir: string | null, name: string, schema: z.ZodType<T>, log: Logger): JsonCache<T> {
  const file = cacheDir === null ? null : join(cacheDir, `${name}.json`);
  let loaded: Promise<Map<string, T>> | null = null;
  const load = (): Promise<Map<string, T>> =>
    (loaded ??= (async () => {
      const map = new Map<string, T>();
      if (file === null) return map;
      try {
        const parsed = CacheFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (!parsed.success) return map;
        for (const [k, v] of Object.entries(parsed.data.entries)) {
          const value = schema.safeParse(v);
          if (value.success) map.set(k, value.data);
        }
      } catch {
        // no cache yet, or an unreadable one: start empty
      }
      return map;
    })());
  let writing: Promise<void> = Promise.resolve();
  return {
    async get(key) {
      return (await load()).get(key);
    },
    async set(key, value) {
      const map = await load();
      map.set(key, value);
      if (file === null) return;
      const text = `${JSON.stringify({ version: 1, entries: Object.fromEntries(map) })}\n`;
      writing = writing.then(() =>
        writeFileAtomically(file, text).catch((err: Error) => log.warn(`cannot write the cache ${file}: ${err.message}`)),
      );
      await writing;
    },
  };
}
