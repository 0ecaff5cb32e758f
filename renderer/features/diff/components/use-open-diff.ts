// Opening a diff from anywhere: the newer side becomes the selected generation, so going back lands on it.
import { useCallback } from 'react';
import type { DiffPair } from '../lib/diff-pairs.ts';
import { profileKey } from '../../generations/lib/profile-order.ts';
import { useDiff, useGenerations } from '../../../shared/stores/bound-stores.ts';

/** A function that opens the diff of a pair (and selects its newer side in the generations view). */
export function useOpenDiff(): (pair: DiffPair) => void {
  const open = useDiff((state) => state.open);
  const selectGeneration = useGenerations((state) => state.selectGeneration);
  return useCallback((pair: DiffPair) => {
    selectGeneration(profileKey(pair.to), pair.to.number);
    void open(pair);
  }, [open, selectGeneration]);
}
