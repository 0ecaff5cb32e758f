// The keys the terminal panel keeps for itself instead of sending them to the running program.

/** The parts of a keyboard event the decision needs. */
export type KeyFacts = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>;

/** What a key press in the terminal does: copy the selection, open the search box, or go to the program. */
export type TerminalKeyAction = 'copy' | 'search' | 'search-next' | 'search-previous' | null;

/**
 * Decides what a key press inside the terminal does. Ctrl+Shift+C (⌘C on a Mac) copies the selection (and
 * never reaches the program, even with nothing selected),
 * Ctrl+F (⌘F) opens the search box, F3 / Shift+F3 find the next / previous match. Everything else, Ctrl+C
 * included, goes to the program (interrupting a build from the keyboard works as in any terminal).
 * The caller acts on keydown and swallows the key's other events too.
 */
export function terminalKeyAction(event: KeyFacts): TerminalKeyAction {
  const key = event.key.toLowerCase();
  if (event.altKey) return null;
  if (key === 'c' && ((event.ctrlKey && event.shiftKey) || (event.metaKey && !event.ctrlKey))) return 'copy';
  if (key === 'f' && !event.shiftKey && (event.ctrlKey !== event.metaKey)) return 'search';
  if (event.key === 'F3' && !event.ctrlKey && !event.metaKey) return event.shiftKey ? 'search-previous' : 'search-next';
  return null;
}
