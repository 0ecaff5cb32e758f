// The boot entries in the order the menu shows them: a listbox driven by the keyboard (arrows move,
// Enter opens the entry's actions) or the mouse (click selects, ⋯ opens the actions).
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { BootMenu } from '../../../../common/contract/index.ts';
import type { BootRow } from '../lib/boot-rows.ts';
import { indexOfEntry } from '../lib/boot-rows.ts';
import { indexAfterKey, rowsPerPage } from '../../../shared/lib/list-keys.ts';
import { BootMarkers } from './boot-markers.tsx';
import { BootGeneration } from './boot-generation.tsx';
import { entryProblems } from '../lib/boot-verdict.ts';
import { useClaimFocus } from '../../../shared/components/use-claim-focus.ts';

/** Height of one entry row in pixels (boot.css uses the same value). */
const ROW_HEIGHT = 46;

/** The DOM id of an entry's row (the listbox's aria-activedescendant points at it). */
export function bootRowId(position: number): string {
  return `boot-entry-${position}`;
}

/** Props of {@link BootEntryList}. */
export type BootEntryListProps = {
  rows: readonly BootRow[];
  menu: BootMenu;
  selectedId: string | null;
  now: number;
  onSelect: (id: string) => void;
  /** Open the actions menu of an entry, under `anchor`. */
  onOpenActions: (id: string, anchor: DOMRect) => void;
};

/** The boot entry list. */
export function BootEntryList({ rows, menu, selectedId, now, onSelect, onOpenActions }: BootEntryListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedIndex = indexOfEntry(rows, selectedId);
  const selected = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
  useClaimFocus(scrollRef);

  // Bring the selected row into the list's own scroll area (scrollIntoView would scroll the page too, and the
  // view would open scrolled down with the app's header out of sight).
  useEffect(() => {
    const box = scrollRef.current;
    const element = selected ? document.getElementById(bootRowId(selected.position)) : null;
    if (!box || !element) return;
    const view = box.getBoundingClientRect();
    const row = element.getBoundingClientRect();
    if (row.top < view.top) box.scrollTop -= view.top - row.top;
    else if (row.bottom > view.bottom) box.scrollTop += row.bottom - view.bottom;
  }, [selected]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      if (!selected) return;
      event.preventDefault();
      const element = document.getElementById(bootRowId(selected.position));
      if (element) onOpenActions(selected.entry.id, element.getBoundingClientRect());
      return;
    }
    const page = rowsPerPage(scrollRef.current?.clientHeight ?? 0, ROW_HEIGHT);
    const next = indexAfterKey(event.key, selectedIndex, rows.length, page);
    if (next === null) return;
    event.preventDefault();
    const row = rows[next];
    if (row) onSelect(row.entry.id);
  }

  return (
    <div className="boot-list">
      <div className="boot-list-head" aria-hidden="true">
        <span className="cell boot-cell-position">#</span>
        <span className="cell">Entry</span>
        <span className="cell">Generation</span>
        <span className="cell">Status</span>
        <span className="cell" />
      </div>
      <div
        ref={scrollRef}
        className="boot-scroll"
        role="listbox"
        tabIndex={0}
        aria-label="Boot menu entries, in menu order"
        aria-activedescendant={selected ? bootRowId(selected.position) : undefined}
        data-testid="boot-entry-list"
        data-count={rows.length}
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => {
          const { entry } = row;
          const isSelected = entry.id === selectedId;
          const classes = ['boot-row'];
          if (isSelected) classes.push('selected');
          if (entry.isDefault) classes.push('is-default');
          if (entry.isOneshot) classes.push('is-oneshot');
          const problems = entryProblems(entry);
          if (problems.length > 0) classes.push('is-broken');
          return (
            <div
              key={entry.id}
              id={bootRowId(row.position)}
              role="option"
              aria-selected={isSelected}
              className={classes.join(' ')}
              data-testid="boot-entry"
              data-id={entry.id}
              data-default={entry.isDefault}
              data-oneshot={entry.isOneshot}
              data-selected={isSelected}
              data-generation={entry.generation ?? undefined}
              data-profile={entry.profile ?? undefined}
              data-nixos={entry.managedByNixOS}
              data-broken={problems.length > 0}
              onClick={() => onSelect(entry.id)}
              onContextMenu={(event) => {
                event.preventDefault();
                onSelect(entry.id);
                onOpenActions(entry.id, event.currentTarget.getBoundingClientRect());
              }}
            >
              <span className="cell boot-cell-position">{row.position}</span>
              <span className="cell boot-cell-entry" title={`Entry file: ${entry.id}`}>
                <span className="boot-entry-title">
                  <span className="boot-entry-name">{entry.title ?? entry.id}</span>
                  {entry.specialisation && <span className="chip" data-specialisation={entry.specialisation}>{entry.specialisation}</span>}
                  {!entry.managedByNixOS && <span className="chip chip-own" title="NixOS does not write this entry: Gentry can edit or remove it">not NixOS</span>}
                </span>
                <span className="boot-entry-sub mono">{entry.version ?? entry.id}</span>
              </span>
              <span className="cell boot-cell-generation"><BootGeneration row={row} now={now} /></span>
              <span className="cell boot-cell-markers">
                {problems.length > 0 && (
                  <span className="badge badge-broken" data-marker="broken" data-kinds={problems.map((p) => p.kind).join(' ')} title={problems.map((p) => p.message).join('\n')}>
                    {problems.some((p) => p.kind === 'missing-file') ? 'WILL NOT BOOT' : problems.some((p) => p.kind === 'generation-gone') ? 'GENERATION GONE' : 'NO TRIES LEFT'}
                  </span>
                )}
                <BootMarkers entry={entry} defaultSource={menu.default?.source ?? null} />
              </span>
              <span className="cell boot-cell-more">
                <button
                  type="button"
                  className="button button-quiet button-small boot-more"
                  tabIndex={-1}
                  aria-label={`Actions for ${row.name}`}
                  title="Actions (Enter)"
                  data-testid="boot-entry-more"
                  onClick={(event) => {
                    event.stopPropagation();
                    onSelect(entry.id);
                    onOpenActions(entry.id, event.currentTarget.getBoundingClientRect());
                  }}
                >
                  ⋯
                </button>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
