import { describe, it, expect } from 'vitest';
import { createDiffFilterStore, filterOf } from './diff-filter-store.ts';

describe('diff filter store', () => {
  it('folds the rebuilt rows away and sorts by kind at first', () => {
    const store = createDiffFilterStore();
    expect(filterOf(store.getState())).toEqual({ hiddenKinds: ['rebuilt'], selectedOnly: false, search: '' });
    expect(store.getState().sort).toEqual({ field: 'kind', direction: 'asc' });
  });

  it('toggles kinds on and off, and shows them all again', () => {
    const store = createDiffFilterStore();
    store.getState().showAllKinds();
    store.getState().toggleKind('rebuilt');
    store.getState().toggleKind('added');
    expect(store.getState().hiddenKinds).toEqual(['rebuilt', 'added']);
    store.getState().toggleKind('rebuilt');
    expect(store.getState().hiddenKinds).toEqual(['added']);
    store.getState().showAllKinds();
    expect(store.getState().hiddenKinds).toEqual([]);
  });

  it('sets search and selected only, flips the sort on a second click, and clears the filters but not the sort', () => {
    const store = createDiffFilterStore();
    store.getState().setSearch('py');
    store.getState().setSelectedOnly(true);
    store.getState().sortBy('name');
    store.getState().sortBy('name');
    expect(store.getState()).toMatchObject({ search: 'py', selectedOnly: true, sort: { field: 'name', direction: 'desc' } });
    store.getState().toggleKind('added');
    store.getState().clearFilters();
    expect(store.getState()).toMatchObject({ search: '', selectedOnly: false, hiddenKinds: [], sort: { field: 'name', direction: 'desc' } });
  });
});
