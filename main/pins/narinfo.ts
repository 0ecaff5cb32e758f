// Asking binary caches which store paths they hold (issue 16): `<cache>/<hash>.narinfo` over http(s)
// or from a file:// cache, in parallel under a concurrency cap, each with a timeout. Answers are
// remembered in Gentry's cache: a narinfo found for a store path never changes (the path names its
// content), a miss is forgotten after `missTtlMs` (the cache may get the path later), and an error is
// not remembered at all.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Logger } from '../infra/log.ts';
import { jsonCache, type JsonCache } from './json-cache.ts';

/** The fields of a narinfo that the cost needs. */
export interface Narinfo {
  storePath: string;
  url: string;
  compression: string;
  /** Bytes to download (the compressed NAR); null when the cache does not say. */
  fileSize: number | null;
  /** Bytes once unpacked. */
  narSize: number;
  /** Store paths (basenames) it refers to. */
  references: string[];
}

/** Parses a `.narinfo` file's `Key: value` lines; throws when StorePath, URL or NarSize is missing. */
export function parseNarinfo(text: string): Narinfo {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 2).trim());
    else if (line.endsWith(':')) fields.set(line.slice(0, -1), '');
  }
  const need = (k: string): string => {
    const v = fields.get(k);
    if (v === undefined) throw new Error(`the narinfo has no ${k} line`);
    return v;
  };
  const int = (k: string, v: string): number => {
    if (!/^[0-9]+$/.test(v)) throw new Error(`the narinfo's ${k} is not a number: ${JSON.stringify(v)}`);
    return Number(v);
  };
  const fileSize = fields.get('FileSize');
  return {
    storePath: need('StorePath'),
    url: need('URL'),
    compression: fields.get('Compression') ?? 'bzip2', // Nix's default when the line is absent
    fileSize: fileSize === undefined ? null : int('FileSize', fileSize),
    narSize: int('NarSize', need('NarSize')),
    references: (fields.get('References') ?? '').split(' ').filter(Boolean),
  };
}

/** One cache's answer for one path. */
export type NarinfoAnswer = { state: 'hit'; narinfo: Narinfo } | { state: 'miss' } | { state: 'error'; reason: string };

/** How lookups are made. */
export interface NarinfoOptions {
  log: Logger;
  /** Gentry's cache directory; null keeps answers in memory. */
  cacheDir: string | null;
  /** How long one request may take. */
  timeoutMs: number;
  /** How many requests run at once, over all caches. */
  concurrency: number;
  /** How long a miss is believed (Nix's own narinfo-cache-negative-ttl is an hour). */
  missTtlMs: number;
  now: () => number;
}

const NarinfoSchema = z.object({
  storePath: z.string(),
  url: z.string(),
  compression: z.string(),
  fileSize: z.number().nullable(),
  narSize: z.number(),
  references: z.array(z.string()),
});
const CachedSchema = z.union([z.object({ hit: NarinfoSchema }), z.object({ missAt: z.number() })]);
type Cached = z.infer<typeof CachedSchema>;

/** The hash part of a store path (`/nix/store/<hash>-name` → `<hash>`). */
export function hashPart(storePath: string): string {
  const m = /^(?:.*\/)?([0-9a-z]{32})-/.exec(storePath);
  if (!m) throw new Error(`${storePath} is not a store path`);
  return m[1] as string;
}

/** Reads `<cache>/<file>` from an http(s) or file:// cache: the text, null for "not there", or throws why it could not ask. */
export async function readCacheFile(cacheUrl: string, file: string, timeoutMs: number): Promise<string | null> {
  const base = cacheUrl.replace(/\/+$/, '');
  if (base.startsWith('file://')) {
    try {
      return await readFile(`${decodeURIComponent(base.slice('file://'.length))}/${file}`, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new Error(`cannot read ${base}/${file}: ${(err as Error).message}`);
    }
  }
  if (!/^https?:\/\//.test(base)) throw new Error(`Gentry looks only into http(s):// and file:// caches, not ${base}`);
  let res: Response;
  try {
    res = await fetch(`${base}/${file}`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new Error(`${base} did not answer within ${timeoutMs / 1000} s`);
    throw new Error(`${base} cannot be reached (${e.cause?.code ?? e.cause?.message ?? e.message})`);
  }
  if (res.status === 404 || res.status === 403) {
    await res.body?.cancel();
    return null; // S3-backed caches say 403 for a key that is not there
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`${base}/${file} answered HTTP ${res.status}`);
  }
  try {
    return await res.text();
  } catch (err) {
    throw new Error(`${base} stopped answering mid-way (${(err as Error).message})`);
  }
}

/** Looks narinfos up, remembering the answers. */
export class NarinfoLookup {
  readonly #opts: NarinfoOptions;
  readonly #cache: JsonCache<Cached>;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(opts: NarinfoOptions) {
    this.#opts = opts;
    this.#cache = jsonCache(opts.cacheDir, 'pin-cost-narinfos', CachedSchema, opts.log);
  }

  async #slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#opts.concurrency) await new Promise<void>((r) => this.#waiting.push(r));
    this.#running++;
    try {
      return await work();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }

  /** What `cacheUrl` says about `storePath`, and the entry to remember (null: nothing new to write). */
  async #ask(cacheUrl: string, storePath: string): Promise<{ answer: NarinfoAnswer; remember: [string, Cached] | null }> {
    const key = `${cacheUrl.replace(/\/+$/, '')} ${hashPart(storePath)}`;
    const known = await this.#cache.get(key);
    if (known && 'hit' in known) return { answer: { state: 'hit', narinfo: known.hit }, remember: null };
    if (known && this.#opts.now() - known.missAt < this.#opts.missTtlMs) return { answer: { state: 'miss' }, remember: null };
    let text: string | null;
    try {
      text = await this.#slot(() => readCacheFile(cacheUrl, `${hashPart(storePath)}.narinfo`, this.#opts.timeoutMs));
    } catch (err) {
      return { answer: { state: 'error', reason: (err as Error).message }, remember: null };
    }
    if (text === null) return { answer: { state: 'miss' }, remember: [key, { missAt: this.#opts.now() }] };
    let narinfo: Narinfo;
    try {
      narinfo = parseNarinfo(text);
    } catch (err) {
      return { answer: { state: 'error', reason: `${cacheUrl} sent a narinfo for ${storePath} that Gentry cannot read: ${(err as Error).message}` }, remember: null };
    }
    if (narinfo.storePath !== storePath) return { answer: { state: 'error', reason: `${cacheUrl} sent the narinfo of ${narinfo.storePath} when asked for ${storePath}` }, remember: null };
    return { answer: { state: 'hit', narinfo }, remember: [key, { hit: narinfo }] };
  }

  /** What `cacheUrl` says about `storePath`. */
  async lookup(cacheUrl: string, storePath: string): Promise<NarinfoAnswer> {
    const { answer, remember } = await this.#ask(cacheUrl, storePath);
    if (remember) await this.#cache.set(...remember);
    return answer;
  }

  /** Every (cache, path) pair at once, under the concurrency cap: `answers.get(cache).get(path)`; what was learnt is written in one go. */
  async lookupAll(cacheUrls: readonly string[], storePaths: readonly string[]): Promise<Map<string, Map<string, NarinfoAnswer>>> {
    const out = new Map<string, Map<string, NarinfoAnswer>>();
    const learnt: [string, Cached][] = [];
    await Promise.all(
      cacheUrls.map(async (c) => {
        const answers = new Map<string, NarinfoAnswer>();
        out.set(c, answers);
        await Promise.all(
          storePaths.map(async (p) => {
            const { answer, remember } = await this.#ask(c, p);
            answers.set(p, answer);
            if (remember) learnt.push(remember);
          }),
        );
      }),
    );
    await this.#cache.setMany(learnt);
    return out;
  }
}
