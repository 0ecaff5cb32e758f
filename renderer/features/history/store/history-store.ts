// The history of each profile (closure size and package count per generation) for the chart, and how the chart shows.
import { createStore } from 'zustand/vanilla';
import type { GentryApi, GentryErrorShape, HistoryPoint, ProfileKind } from '../../../../common/contract/index.ts';
import type { XMode } from '../lib/history-layout.ts';

/** One profile's history as far as it has loaded. */
export type HistoryEntry = {
  /** The points, oldest first; the previous ones stay while a refresh is under way. */
  points: readonly HistoryPoint[] | null;
  loading: boolean;
  error: GentryErrorShape | null;
  /** True when the profiles changed since these points were read: load again. */
  stale: boolean;
};

/** What the history store holds and can do. */
export type HistoryState = {
  /** By profile key ("kind:name"). */
  byProfile: Readonly<Record<string, HistoryEntry>>;
  /** True when the chart is open (it can be folded away). */
  chartOpen: boolean;
  xMode: XMode;
  /** Loads a profile's history unless it is loading, or loaded (failed included) and fresh; `force` asks again after a failure. */
  load(kind: ProfileKind, name: string, force?: boolean): Promise<void>;
  /** Marks every loaded history stale; charts on screen then load theirs again. */
  invalidate(): void;
  /** Forgets every history (another machine is shown). */
  forget(): void;
  setChartOpen(open: boolean): void;
  setXMode(mode: XMode): void;
};

/** Options of the history store: whether the chart starts open, and who to tell when it is folded or opened. */
export type HistoryStoreOptions = {
  chartOpen?: boolean;
  onChartOpen?: (open: boolean) => void;
};

/** Creates the history store (the chart starts folded unless told otherwise). */
export function createHistoryStore(api: Pick<GentryApi, 'history'>, options: HistoryStoreOptions = {}) {
  const latest = new Map<string, number>();
  let calls = 0;
  return createStore<HistoryState>()((set, get) => {
    function update(key: string, entry: Partial<HistoryEntry>): void {
      const old = get().byProfile[key] ?? { points: null, loading: false, error: null, stale: false };
      set({ byProfile: { ...get().byProfile, [key]: { ...old, ...entry } } });
    }
    return {
      byProfile: {},
      chartOpen: options.chartOpen ?? false,
      xMode: 'index',

      async load(kind, name, force = false) {
        const key = `${kind}:${name}`;
        const entry = get().byProfile[key];
        if (entry && (entry.loading || (!entry.stale && !force))) return;
        const mine = ++calls;
        latest.set(key, mine);
        update(key, { loading: true, stale: false });
        let result: Awaited<ReturnType<GentryApi['history']>>;
        try {
          result = await api.history({ kind, name });
        } catch (error) {
          result = { ok: false, error: { code: 'internal', message: `The history could not be asked for: ${String(error)}`, hint: 'Try again.' } };
        }
        if (latest.get(key) !== mine) return; // forgotten, or a newer load answers instead
        if (result.ok) update(key, { points: result.value.points, loading: false, error: null });
        else update(key, { loading: false, error: result.error });
      },

      invalidate() {
        const next: Record<string, HistoryEntry> = {};
        for (const [key, entry] of Object.entries(get().byProfile)) next[key] = { ...entry, stale: true, loading: false };
        latest.clear();
        set({ byProfile: next });
      },

      forget() {
        latest.clear();
        set({ byProfile: {} });
      },

      setChartOpen(open) {
        set({ chartOpen: open });
        options.onChartOpen?.(open);
      },

      setXMode(mode) {
        set({ xMode: mode });
      },
    };
  });
}

/** The store's type, for hooks and tests. */
export type HistoryStore = ReturnType<typeof createHistoryStore>;
