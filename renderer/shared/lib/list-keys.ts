// Keyboard movement in a list: which index a key moves the selection to.

/** The keys that move the selection in a list. */
export const LIST_MOVE_KEYS = ['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'] as const;

/**
 * The index the selection moves to when `key` is pressed at `index` (-1: nothing selected) in a list
 * of `count` rows showing `pageSize` rows at a time; null when the key does not move the selection.
 */
export function indexAfterKey(key: string, index: number, count: number, pageSize: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const page = Math.max(1, Math.floor(pageSize));
  const from = Math.min(Math.max(index, -1), last);
  switch (key) {
    case 'ArrowDown': return from < 0 ? 0 : Math.min(last, from + 1);
    case 'ArrowUp': return from < 0 ? 0 : Math.max(0, from - 1);
    case 'Home': return 0;
    case 'End': return last;
    case 'PageDown': return from < 0 ? Math.min(last, page - 1) : Math.min(last, from + page);
    case 'PageUp': return from < 0 ? 0 : Math.max(0, from - page);
    default: return null;
  }
}

/** How many whole rows of `rowHeight` fit in a viewport of `viewportHeight`, less one for context (at least 1). */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  if (rowHeight <= 0) return 1;
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}
