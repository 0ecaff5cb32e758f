// How the diff table is narrowed and ordered: kinds shown, selected only, name search, sort. Kept across diffs.
import { createStore } from 'zustand/vanilla';
import type { DiffStatus } from '../../../../common/contract/index.ts';
import { nextSort, type DiffFilter, type DiffSort, type SortField } from '../lib/diff-rows.ts';

/** What the diff filter store holds and can do. */
export type DiffFilterState = DiffFilter & {
  sort: DiffSort;
  /** Shows or hides one kind. */
  toggleKind(kind: DiffStatus): void;
  /** Shows every kind again. */
  showAllKinds(): void;
  setSelectedOnly(on: boolean): void;
  setSearch(text: string): void;
  /** Sorts by a column; the same column again flips the direction. */
  sortBy(field: SortField): void;
  /** Shows every row again (the sort stays: it is a preference, the filters are about one look). */
  clearFilters(): void;
};

const NO_FILTERS = { hiddenKinds: [] as readonly DiffStatus[], selectedOnly: false, search: '' };

/**
 * The first look: rebuilt rows (same versions, new store paths) folded away, as nvd and nix store diff-closures
 * show only version and size changes; the table says how many are hidden and opens them in one click.
 */
export const FIRST_FILTERS = { ...NO_FILTERS, hiddenKinds: ['rebuilt'] as readonly DiffStatus[] };

/** Creates the diff filter store. */
export function createDiffFilterStore() {
  return createStore<DiffFilterState>()((set, get) => ({
    ...FIRST_FILTERS,
    sort: { field: 'kind', direction: 'asc' },
    toggleKind(kind) {
      const hidden = get().hiddenKinds;
      set({ hiddenKinds: hidden.includes(kind) ? hidden.filter((k) => k !== kind) : [...hidden, kind] });
    },
    showAllKinds() {
      set({ hiddenKinds: [] });
    },
    setSelectedOnly(on) {
      set({ selectedOnly: on });
    },
    setSearch(text) {
      set({ search: text });
    },
    sortBy(field) {
      set({ sort: nextSort(get().sort, field) });
    },
    clearFilters() {
      set(NO_FILTERS);
    },
  }));
}

/** The store's type, for hooks and tests. */
export type DiffFilterStore = ReturnType<typeof createDiffFilterStore>;

/** The filter part of the state (pass to filterRows / visibleRows). */
export function filterOf(state: DiffFilterState): DiffFilter {
  return { hiddenKinds: state.hiddenKinds, selectedOnly: state.selectedOnly, search: state.search };
}
