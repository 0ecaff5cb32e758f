// The diff table: sortable column headers and a virtualised grid of rows that expand to their store paths.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PackageDiff } from '../../../../common/contract/index.ts';
import type { DiffSort, SortField } from '../lib/diff-rows.ts';
import { indexAfterKey, rowsPerPage } from '../../../shared/lib/list-keys.ts';
import { DiffRow, diffRowId } from './diff-row.tsx';
import { PinDialog } from '../../pins/components/pin-dialog.tsx';
import { usePinRowOpener } from '../../pins/components/pin-row-action.tsx';
import { useClaimFocus } from '../../../shared/components/use-claim-focus.ts';

/** Height of a folded row in pixels (the CSS uses the same through --diff-row-height). */
export const DIFF_ROW_HEIGHT = 30;

/** Props of {@link DiffTable}. */
export type DiffTableProps = {
  rows: readonly PackageDiff[];
  total: number;
  sort: DiffSort;
  onSort: (field: SortField) => void;
  label: string;
};

const COLUMNS: ReadonlyArray<{ key: string; label: string; sort?: SortField; title?: string }> = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'before', label: 'Before' },
  { key: 'after', label: 'After' },
  { key: 'kind', label: 'Kind', sort: 'kind' },
  { key: 'selected', label: 'Sel.', title: '● selected before and after, + newly selected, − no longer selected, blank: a dependency (selected: in environment.systemPackages, home.packages or the user profile)' },
  { key: 'delta', label: 'Size Δ', sort: 'sizeDelta' },
];

function estimate(row: PackageDiff | undefined, expanded: boolean): number {
  if (!row || !expanded) return DIFF_ROW_HEIGHT;
  return DIFF_ROW_HEIGHT + 52 + 20 * (row.pathsBefore.length + row.pathsAfter.length);
}

/** The table; mount it with a `key` per diff so expansion starts afresh for each. */
export function DiffTable({ rows, total, sort, onSort, label }: DiffTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [activeName, setActiveName] = useState<string | null>(null);
  // The virtualiser hands back methods the React Compiler cannot memoise; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimate(rows[index], expanded.has(rows[index]?.name ?? '')),
    overscan: 12,
    getItemKey: (index) => rows[index]?.name ?? index,
  });
  useClaimFocus(gridRef);
  const openPin = usePinRowOpener();

  const foundIndex = activeName === null ? -1 : rows.findIndex((row) => row.name === activeName);
  const activeIndex = foundIndex >= 0 ? foundIndex : rows.length > 0 ? 0 : -1;

  // Keep the active row in view; when the filter or sort changes and it is gone, that is the first row.
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, rows, virtualizer]);

  const toggle = useCallback((name: string) => {
    setActiveName(name);
    setExpanded((old) => {
      const next = new Set(old);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  }, []);

  function setOpen(name: string, open: boolean): void {
    if (expanded.has(name) === open) return;
    toggle(name);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const active = rows[activeIndex];
    if (active && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      toggle(active.name);
      return;
    }
    if (active && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      setOpen(active.name, event.key === 'ArrowRight');
      return;
    }
    if (active && event.key === 'p') {
      if (openPin(active)) event.preventDefault(); // "Pin to …" on the active row
      return;
    }
    const page = rowsPerPage(scrollRef.current?.clientHeight ?? 0, DIFF_ROW_HEIGHT);
    const next = indexAfterKey(event.key, activeIndex, rows.length, page);
    if (next === null) return;
    event.preventDefault();
    const row = rows[next];
    if (row) setActiveName(row.name);
  }

  return (
    <div
      ref={gridRef}
      className="diff-table"
      role="grid"
      tabIndex={0}
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={activeIndex >= 0 ? diffRowId(activeIndex) : undefined}
      data-testid="diff-table"
      data-count={rows.length}
      data-total={total}
      onKeyDown={onKeyDown}
    >
      <div className="diff-head" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) => {
          const sorted = column.sort !== undefined && sort.field === column.sort;
          return (
            <div
              key={column.key}
              role="columnheader"
              className={`dcell dcell-${column.key}`}
              aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              data-testid="diff-column"
              data-column={column.key}
              title={column.title}
            >
              {column.sort ? (
                <button type="button" className="sort-button" onClick={() => column.sort && onSort(column.sort)} data-testid={`diff-sort-${column.sort}`} data-sorted={sorted ? sort.direction : 'none'}>
                  {column.label}
                  <span className="sort-arrow" aria-hidden="true">{sorted ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
                </button>
              ) : (
                column.label
              )}
            </div>
          );
        })}
      </div>
      <div ref={scrollRef} className="diff-scroll" role="rowgroup" data-testid="diff-scroll">
        {rows.length === 0 ? (
          <p className="diff-none-match muted" role="row"><span role="gridcell">No package matches the filters.</span></p>
        ) : (
          <div className="diff-sizer" role="none" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <DiffRow
                  key={row.name}
                  row={row}
                  index={item.index}
                  top={item.start}
                  expanded={expanded.has(row.name)}
                  active={item.index === activeIndex}
                  onToggle={toggle}
                  measure={virtualizer.measureElement}
                />
              );
            })}
          </div>
        )}
      </div>
      <PinDialog />
    </div>
  );
}
