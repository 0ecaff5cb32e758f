// The virtualised list of a profile's generations, newest first, driven by the keyboard or the mouse.
import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Generation } from '../../../../common/contract/index.ts';
import { largestClosure } from '../lib/closure-bar.ts';
import { gridTemplate, type Column } from '../lib/columns.ts';
import { indexOfNumber } from '../lib/generation-order.ts';
import { indexAfterKey, rowsPerPage } from '../../../shared/lib/list-keys.ts';
import { GenerationRow, generationRowId } from './generation-row.tsx';
import { useClaimFocus } from '../../../shared/components/use-claim-focus.ts';

/** Height of one row in pixels (the CSS uses the same value through --row-height). */
export const ROW_HEIGHT = 30;

const MARK_TRACK = '1.75rem';

/** Props of {@link GenerationList}. */
export type GenerationListProps = {
  /** Changes when another profile is shown (the list then scrolls to that profile's selection). */
  profileKey: string;
  label: string;
  /** Newest first. */
  generations: readonly Generation[];
  columns: readonly Column[];
  selectedNumber: number | null;
  now: number;
  onSelect: (number: number) => void;
  /** Compare the generation clicked with a modifier against the selected one. */
  onCompare: (number: number) => void;
  /** Enter: diff the selected generation against the one before it. */
  onDiffPrevious: () => void;
  onStepProfile: (delta: number) => void;
  /** The deletion checkboxes; absent when the profile's generations cannot be deleted. */
  marking?: ListMarking;
};

/** The deletion checkboxes of the list: which are ticked, which cannot be, and ticking one. */
export type ListMarking = {
  marked: ReadonlySet<number>;
  /** Why a generation cannot be ticked, or null. */
  blockedReason: (generation: Generation) => string | null;
  onToggle: (number: number) => void;
};

/** The generation list: a header row and a listbox of rows, only the visible ones in the DOM. */
export function GenerationList(props: GenerationListProps) {
  const { profileKey, label, generations, columns, selectedNumber, now, onSelect, onCompare, onDiffPrevious, onStepProfile, marking } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser hands back methods the React Compiler cannot memoise; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: generations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => generations[index]?.number ?? index,
  });
  const selectedIndex = indexOfNumber(generations, selectedNumber);
  const context = useMemo(() => ({ now, largestClosure: largestClosure(generations) }), [now, generations]);
  const template = useMemo(() => (marking ? `${MARK_TRACK} ` : '') + gridTemplate(columns), [columns, marking]);
  useClaimFocus(scrollRef);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, profileKey, virtualizer]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      onStepProfile(event.key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      onDiffPrevious();
      return;
    }
    if (event.key === ' ' && marking) {
      event.preventDefault();
      const generation = generations[selectedIndex];
      if (generation && marking.blockedReason(generation) === null) marking.onToggle(generation.number);
      return;
    }
    const page = rowsPerPage(scrollRef.current?.clientHeight ?? 0, ROW_HEIGHT);
    const next = indexAfterKey(event.key, selectedIndex, generations.length, page);
    if (next === null) return;
    event.preventDefault();
    const generation = generations[next];
    if (generation) onSelect(generation.number);
  }

  const selected = selectedIndex >= 0 ? generations[selectedIndex] : undefined;
  return (
    <div className="generation-list" style={{ '--columns': template } as CSSProperties}>
      <div className="generation-header" aria-hidden="true">
        {marking && <div className="cell cell-mark" title="Tick generations to delete them">Del.</div>}
        {columns.map((column) => (
          <div key={column.field} className={`cell cell-${column.field}`} data-testid="column-header" data-field={column.field}>
            {column.label}
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="generation-scroll"
        role="listbox"
        tabIndex={0}
        aria-label={label}
        aria-activedescendant={selected ? generationRowId(selected.number) : undefined}
        data-testid="generation-list"
        data-count={generations.length}
        onKeyDown={onKeyDown}
      >
        <div className="generation-sizer" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const generation = generations[item.index];
            if (!generation) return null;
            return (
              <GenerationRow
                key={generation.number}
                generation={generation}
                columns={columns}
                selected={generation.number === selectedNumber}
                top={item.start}
                context={context}
                onSelect={onSelect}
                onCompare={onCompare}
                markable={marking !== undefined}
                marked={marking?.marked.has(generation.number) ?? false}
                markBlock={marking ? marking.blockedReason(generation) : null}
                onMark={marking?.onToggle}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
