// The few diff rows a switch preview lists: packages the person selected first, then by kind and name.
import type { PackageDiff } from '../../../../common/contract/index.ts';
import { sortRows } from '../../diff/lib/diff-rows.ts';

/** The rows to list (at most `limit`) and how many more the diff holds. */
export function previewRows(rows: readonly PackageDiff[], limit = 12): { rows: PackageDiff[]; more: number } {
  const sorted = sortRows(rows, { field: 'kind', direction: 'asc' });
  const chosen = [...sorted.filter((row) => row.selected !== 'none'), ...sorted.filter((row) => row.selected === 'none')].slice(0, limit);
  return { rows: chosen, more: rows.length - chosen.length };
}
