// The search box over the terminal: a term, the match count, next and previous (Enter, Shift+Enter, F3),
// Escape to close and go back to the terminal.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { matchesText } from '../lib/terminal-search.ts';

/** What the search box asks of the terminal. */
export type TerminalFinder = {
  /** Finds the next (or previous) match of `term`; `incremental` keeps the match under the cursor while typing. False when there is none. */
  find(term: string, backwards: boolean, incremental: boolean): boolean;
  /** Removes the selected match. */
  clear(): void;
  /** How many matches of `term` the output holds. */
  count(term: string): number;
};

/** The terminal's search box; `count` is the number of matches of `term` (null before a search). */
export function TerminalSearch({ finder, term, count, onTerm, onCount, onClose }: {
  finder: TerminalFinder;
  term: string;
  count: number | null;
  onTerm: (term: string) => void;
  onCount: (count: number | null) => void;
  onClose: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  function find(backwards: boolean, text = term, incremental = false): void {
    if (text === '') {
      finder.clear();
      onCount(null);
      return;
    }
    finder.find(text, backwards, incremental);
    onCount(finder.count(text));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' || event.key === 'F3') {
      event.preventDefault();
      find(event.shiftKey);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  const notFound = term !== '' && count === 0;
  return (
    <div className="terminal-search" role="search" data-testid="terminal-search">
      <input
        ref={inputRef}
        className={`search-input${notFound ? ' search-input-missing' : ''}`}
        type="search"
        placeholder="Find in the output"
        aria-label="Find in the output"
        value={term}
        data-testid="terminal-search-input"
        onChange={(event) => {
          onTerm(event.target.value);
          find(false, event.target.value, true);
        }}
        onKeyDown={onKeyDown}
      />
      <span className="terminal-search-count muted" role="status" data-testid="terminal-search-count">{term === '' ? '' : matchesText(count)}</span>
      <button type="button" className="button button-small" title="Previous match (Shift+Enter)" aria-label="Previous match" disabled={term === ''} onClick={() => find(true)} data-testid="terminal-search-previous">↑</button>
      <button type="button" className="button button-small" title="Next match (Enter)" aria-label="Next match" disabled={term === ''} onClick={() => find(false)} data-testid="terminal-search-next">↓</button>
      <button type="button" className="button button-small button-quiet" title="Close the search (Escape)" onClick={onClose} data-testid="terminal-search-close">Close</button>
    </div>
  );
}
