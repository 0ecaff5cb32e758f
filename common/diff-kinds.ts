// The six kinds of change a diff row can have: their order, words, letters and symbols.
import type { DiffStatus, Selection } from './contract/index.ts';

/** Every kind, in the order the summary, the kind sort and the copied text use. */
export const DIFF_KINDS: readonly DiffStatus[] = ['upgraded', 'downgraded', 'changed', 'added', 'removed', 'rebuilt'];

/** How each kind is named, lettered (copied text) and drawn (a symbol beside the colour, never colour alone). */
export const KIND_INFO: Readonly<Record<DiffStatus, { label: string; letter: string; symbol: string; help: string }>> = {
  upgraded: { label: 'Upgraded', letter: 'U', symbol: '↑', help: 'A newer version' },
  downgraded: { label: 'Downgraded', letter: 'D', symbol: '↓', help: 'An older version' },
  changed: { label: 'Changed', letter: 'C', symbol: '~', help: 'Versions changed in a way that is neither an upgrade nor a downgrade' },
  added: { label: 'Added', letter: 'A', symbol: '+', help: 'Only in the newer closure' },
  removed: { label: 'Removed', letter: 'R', symbol: '−', help: 'Only in the older closure' },
  rebuilt: { label: 'Rebuilt', letter: 'B', symbol: '↻', help: 'Same versions, different store paths' },
};

/** The position of a kind in {@link DIFF_KINDS} (for sorting). */
export function kindRank(kind: DiffStatus): number {
  return DIFF_KINDS.indexOf(kind);
}

/** How each selection state is marked: a symbol for the table, a character for copied text, and words. */
export const SELECTION_INFO: Readonly<Record<Selection, { symbol: string; mark: string; label: string }>> = {
  both: { symbol: '●', mark: '*', label: 'Selected before and after' },
  after: { symbol: '+', mark: '+', label: 'Newly selected' },
  before: { symbol: '−', mark: '-', label: 'No longer selected' },
  none: { symbol: '', mark: '.', label: 'Not selected (a dependency)' },
};
