// Which rows of a diff the table shows, and in what order: kind filters, "selected only", name search, sort.
import type { DiffStatus, PackageDiff } from '../../../../common/contract/index.ts';
import { sizeDelta } from '../../../../common/diff-format.ts';
import { kindRank } from '../../../../common/diff-kinds.ts';

/** A column the table sorts by. */
export type SortField = 'name' | 'kind' | 'sizeDelta';
/** Ascending or descending. */
export type SortDirection = 'asc' | 'desc';
/** The table's sort: a column and a direction. */
export type DiffSort = { field: SortField; direction: SortDirection };

/** What narrows the rows: the kinds shown, selected packages only, and a name search. */
export type DiffFilter = {
  /** The kinds hidden (every kind not listed is shown). */
  hiddenKinds: readonly DiffStatus[];
  selectedOnly: boolean;
  /** A case-insensitive substring of the name; blank shows every name. */
  search: string;
};

/** The filter that shows every row. */
export const SHOW_ALL: DiffFilter = { hiddenKinds: [], selectedOnly: false, search: '' };

/** True when the row passes the filter. */
export function rowMatches(row: PackageDiff, filter: DiffFilter, needle = filter.search.trim().toLowerCase()): boolean {
  if (filter.hiddenKinds.includes(row.status)) return false;
  if (filter.selectedOnly && row.selected === 'none') return false;
  return needle === '' || row.name.toLowerCase().includes(needle);
}

/** The rows that pass the filter, in their original order. */
export function filterRows(rows: readonly PackageDiff[], filter: DiffFilter): PackageDiff[] {
  const needle = filter.search.trim().toLowerCase();
  return rows.filter((row) => rowMatches(row, filter, needle));
}

function byName(a: PackageDiff, b: PackageDiff): number {
  const folded = a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en');
  return folded !== 0 ? folded : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const COMPARE: Readonly<Record<SortField, (a: PackageDiff, b: PackageDiff) => number>> = {
  name: byName,
  kind: (a, b) => kindRank(a.status) - kindRank(b.status),
  sizeDelta: (a, b) => sizeDelta(a) - sizeDelta(b),
};

/** A sorted copy: by the field in the direction asked, ties broken by name ascending. */
export function sortRows(rows: readonly PackageDiff[], sort: DiffSort): PackageDiff[] {
  const compare = COMPARE[sort.field];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b) || byName(a, b));
}

/** The rows the table shows: filtered, then sorted. */
export function visibleRows(rows: readonly PackageDiff[], filter: DiffFilter, sort: DiffSort): PackageDiff[] {
  return sortRows(filterRows(rows, filter), sort);
}

/** The sort after clicking a column header: the same column flips direction; a new one starts in its natural direction. */
export function nextSort(current: DiffSort, field: SortField): DiffSort {
  if (current.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  // Biggest growth first is what one looks for when sorting by size.
  return { field, direction: field === 'sizeDelta' ? 'desc' : 'asc' };
}
