// Where a generation row shows its label chip: at the start of its widest text column, so the
// label is seen before the version string it partly hides.
import type { Column, ColumnField } from './columns.ts';

const PREFERRED: readonly ColumnField[] = ['nixosVersion', 'homeManagerVersion', 'packages', 'date'];

/** The column whose cell carries the label chip: the first of NixOS version, home-manager version, packages and date shown. */
export function labelField(columns: readonly Column[]): ColumnField | null {
  return PREFERRED.find((field) => columns.some((column) => column.field === field)) ?? columns[0]?.field ?? null;
}
