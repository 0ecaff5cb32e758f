// Which diff is open, loading it, and the last few diffs kept so stepping back and forth does not ask again.
import { createStore } from 'zustand/vanilla';
import type { Diff, GentryApi, GentryErrorShape } from '../../../../common/contract/index.ts';
import { diffKey } from '../lib/diff-key.ts';
import type { DiffPair } from '../lib/diff-pairs.ts';
import { RecentCache } from '../lib/recent-cache.ts';

/** What the diff store holds and can do. */
export type DiffState = {
  /** The pair being shown; null while the generations view shows. */
  pair: DiffPair | null;
  /** The diff of `pair` once it has arrived. */
  diff: Diff | null;
  /** True while the diff of `pair` is being asked for. */
  loading: boolean;
  /** Why the diff of `pair` could not be made. */
  error: GentryErrorShape | null;
  /** Shows the diff of `pair` (from the cache when it is there). */
  open(pair: DiffPair): Promise<void>;
  /** Asks again for the diff shown, bypassing the cache. */
  retry(): Promise<void>;
  /** Back to the generations view (the cache stays). */
  close(): void;
  /** Forgets the cached diffs (the profiles changed, or another machine is shown). */
  forget(): void;
};

/** Options of the diff store. */
export type DiffStoreOptions = {
  /** How many diffs to keep (default 8). */
  keep?: number;
};

function failure(error: unknown): GentryErrorShape {
  return {
    code: 'internal',
    message: `The diff could not be asked for: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'Try again; if it keeps failing, restart Gentry.',
  };
}

/** Creates the diff store. */
export function createDiffStore(api: Pick<GentryApi, 'diff'>, options: DiffStoreOptions = {}) {
  const cache = new RecentCache<Diff>(options.keep ?? 8);
  // Calls under way by key, so opening the same pair twice asks once.
  const inFlight = new Map<string, Promise<{ ok: true; value: Diff } | { ok: false; error: GentryErrorShape }>>();
  let shown = 0;
  let epoch = 0;

  function ask(pair: DiffPair, key: string) {
    let call = inFlight.get(key);
    if (!call) {
      const mine = epoch;
      call = api.diff({ from: pair.from, to: pair.to })
        .catch((error: unknown) => ({ ok: false as const, error: failure(error) }))
        .then((result) => {
          if (inFlight.get(key) === call) inFlight.delete(key);
          if (result.ok && mine === epoch) cache.set(key, result.value);
          return result;
        });
      inFlight.set(key, call);
    }
    return call;
  }

  return createStore<DiffState>()((set, get) => {
    async function show(pair: DiffPair, useCache: boolean): Promise<void> {
      const key = diffKey(pair.from, pair.to);
      const mine = ++shown;
      const cached = useCache ? cache.get(key) : undefined;
      if (cached) {
        set({ pair, diff: cached, loading: false, error: null });
        return;
      }
      if (!useCache) inFlight.delete(key);
      set({ pair, diff: null, loading: true, error: null });
      const result = await ask(pair, key);
      if (mine !== shown) return; // another pair was opened (or the view closed) meanwhile
      if (result.ok) set({ diff: result.value, loading: false, error: null });
      else set({ diff: null, loading: false, error: result.error });
    }

    return {
      pair: null,
      diff: null,
      loading: false,
      error: null,
      open: (pair) => show(pair, true),
      async retry() {
        const pair = get().pair;
        if (pair) await show(pair, false);
      },
      close() {
        shown += 1;
        set({ pair: null, diff: null, loading: false, error: null });
      },
      forget() {
        epoch += 1;
        cache.clear();
        inFlight.clear();
      },
    };
  });
}

/** The store's type, for hooks and tests. */
export type DiffStore = ReturnType<typeof createDiffStore>;
