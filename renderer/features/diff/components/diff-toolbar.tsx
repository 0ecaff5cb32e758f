// Above the diff table: the name search, "selected only", how many rows show, and "Copy as text".
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { copyText } from '../../../shared/lib/copy-text.ts';

/** Props of {@link DiffToolbar}. */
export type DiffToolbarProps = {
  search: string;
  selectedOnly: boolean;
  shown: number;
  total: number;
  onSearch: (text: string) => void;
  onSelectedOnly: (on: boolean) => void;
  /** The text "Copy as text" puts on the clipboard (built when clicked). */
  copyableText: () => string;
  /** The search box, for the view's "/" key. */
  searchRef?: RefObject<HTMLInputElement | null>;
};

/** The toolbar; "/" anywhere in the diff view focuses the search (the view handles the key). */
export function DiffToolbar({ search, selectedOnly, shown, total, onSearch, onSelectedOnly, copyableText, searchRef }: DiffToolbarProps) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'refused'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current !== null) clearTimeout(timer.current); }, []);

  async function copy(): Promise<void> {
    const ok = await copyText(copyableText());
    setCopied(ok ? 'copied' : 'refused');
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied('idle'), 2000);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // Escape empties the search first; with nothing typed it leaves the search (a second Escape closes the diff).
    if (event.key === 'Escape' && search !== '') {
      event.preventDefault();
      event.stopPropagation();
      onSearch('');
    }
    // Down from the search goes into the rows.
    if (event.key === 'ArrowDown') {
      const table = event.currentTarget.closest('.diff-view')?.querySelector<HTMLElement>('[data-testid=diff-table]');
      if (table) {
        event.preventDefault();
        table.focus();
      }
    }
  }

  return (
    <div className="diff-toolbar">
      <input
        ref={searchRef}
        type="search"
        className="search-input"
        placeholder="Search names  ( / )"
        aria-label="Search package names"
        data-testid="diff-search"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      <label className="check" title="Only packages you asked for (in environment.systemPackages, home.packages or the user profile) before or after">
        <input type="checkbox" checked={selectedOnly} onChange={(event) => onSelectedOnly(event.target.checked)} data-testid="diff-selected-only" />
        Selected only
      </label>
      <span className="muted diff-shown" role="status" data-testid="diff-shown" data-shown={shown} data-total={total}>
        {shown === total ? `${total} ${total === 1 ? 'package' : 'packages'}` : `${shown} of ${total} packages`}
      </span>
      <span className="toolbar-spacer" />
      <button type="button" className="button" onClick={() => void copy()} data-testid="diff-copy" data-state={copied} title="Copy the rows shown as plain text, grouped by kind">
        {copied === 'copied' ? 'Copied' : copied === 'refused' ? 'The clipboard refused' : 'Copy as text'}
      </button>
    </div>
  );
}
