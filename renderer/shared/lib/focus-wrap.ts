// Keeping Tab inside a modal dialog: which element Tab should wrap to from the ends.

/** The index Tab (or Shift-Tab when `backwards`) must move focus to so it stays among `count` elements; null when the browser's own move stays inside. */
export function wrapIndex(count: number, current: number, backwards: boolean): number | null {
  if (count === 0) return null;
  if (current < 0) return backwards ? count - 1 : 0;
  if (backwards && current === 0) return count - 1;
  if (!backwards && current === count - 1) return 0;
  return null;
}
