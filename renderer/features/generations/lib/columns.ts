// Which columns the generation list shows for a profile, and how wide each is.
import type { Generation, ProfileKind } from '../../../../common/contract/index.ts';

/** A column of the generation list; also the `data-field` of its cells. */
export type ColumnField =
  | 'number' | 'date' | 'nixosVersion' | 'homeManagerVersion' | 'packages'
  | 'nixpkgsRevision' | 'kernelVersion' | 'specialisations' | 'closureSize' | 'status';

/** One column: its field, header label and CSS grid track. */
export type Column = { field: ColumnField; label: string; track: string };

const ALL: readonly Column[] = [
  { field: 'number', label: '#', track: '3rem' },
  { field: 'date', label: 'Built', track: 'minmax(5.5rem, 0.9fr)' },
  { field: 'nixosVersion', label: 'NixOS', track: 'minmax(10rem, 2fr)' },
  { field: 'homeManagerVersion', label: 'home-manager', track: 'minmax(8rem, 1.5fr)' },
  { field: 'packages', label: 'Packages', track: 'minmax(6rem, 2fr)' },
  { field: 'nixpkgsRevision', label: 'nixpkgs', track: 'minmax(4rem, 0.5fr)' },
  { field: 'kernelVersion', label: 'Kernel', track: 'minmax(4rem, 0.6fr)' },
  { field: 'specialisations', label: 'Specialisations', track: 'minmax(3.5rem, 1.2fr)' },
  { field: 'closureSize', label: 'Closure', track: '6.5rem' },
  { field: 'status', label: 'Status', track: '6.5rem' },
];

/** The columns each kind of profile can fill. */
const BY_KIND: Readonly<Record<ProfileKind, readonly ColumnField[]>> = {
  system: ['number', 'date', 'nixosVersion', 'nixpkgsRevision', 'kernelVersion', 'specialisations', 'closureSize', 'status'],
  home: ['number', 'date', 'homeManagerVersion', 'specialisations', 'closureSize', 'status'],
  user: ['number', 'date', 'packages', 'closureSize', 'status'],
};

const OPTIONAL_BY_DATA: ReadonlyArray<readonly [ColumnField, (g: Generation) => boolean]> = [
  ['nixosVersion', (g) => g.nixosVersion !== null],
  ['homeManagerVersion', (g) => g.homeManagerVersion !== null],
  ['nixpkgsRevision', (g) => g.nixpkgsRevision !== null],
  ['kernelVersion', (g) => g.kernelVersion !== null],
  ['packages', (g) => g.packages !== null],
];

/**
 * The columns to show for a profile: those its kind can fill, plus any other field some generation
 * actually has; the specialisations column only when some generation has a specialisation.
 */
export function columnsFor(kind: ProfileKind, generations: readonly Generation[]): Column[] {
  const shown = new Set<ColumnField>(BY_KIND[kind]);
  for (const [field, has] of OPTIONAL_BY_DATA) {
    if (!shown.has(field) && generations.some(has)) shown.add(field);
  }
  if (!generations.some((g) => g.specialisations.length > 0)) shown.delete('specialisations');
  return ALL.filter((column) => shown.has(column.field));
}

/** The CSS `grid-template-columns` value for a set of columns. */
export function gridTemplate(columns: readonly Column[]): string {
  return columns.map((column) => column.track).join(' ');
}
