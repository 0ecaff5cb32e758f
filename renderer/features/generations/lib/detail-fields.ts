// Which fields the details pane lists for a generation: all that apply to its profile's kind, plus any that are set.
import type { Generation, ProfileKind } from '../../../../common/contract/index.ts';

/** A row of the details pane; also its `data-field`. */
export type DetailField =
  | 'number' | 'date' | 'status' | 'storePath' | 'nixosVersion' | 'nixpkgsRevision' | 'kernelVersion'
  | 'homeManagerVersion' | 'specialisations' | 'closureSize' | 'packages';

/** The label the details pane shows for each field. */
export const DETAIL_LABELS: Readonly<Record<DetailField, string>> = {
  number: 'Generation',
  date: 'Built',
  status: 'Status',
  storePath: 'Store path',
  nixosVersion: 'NixOS version',
  nixpkgsRevision: 'nixpkgs revision',
  kernelVersion: 'Kernel',
  homeManagerVersion: 'home-manager version',
  specialisations: 'Specialisations',
  closureSize: 'Closure size',
  packages: 'Packages',
};

/** The fields to list, in order: those the kind can have (shown as "unknown" when missing) and any other that is set. */
export function detailFieldsFor(kind: ProfileKind, generation: Generation): DetailField[] {
  const applies: Record<DetailField, boolean> = {
    number: true,
    date: true,
    status: true,
    storePath: true,
    nixosVersion: kind === 'system' || generation.nixosVersion !== null,
    nixpkgsRevision: kind === 'system' || generation.nixpkgsRevision !== null,
    kernelVersion: kind === 'system' || generation.kernelVersion !== null,
    homeManagerVersion: kind === 'home' || generation.homeManagerVersion !== null,
    specialisations: kind !== 'user' || generation.specialisations.length > 0,
    closureSize: true,
    packages: kind === 'user' || generation.packages !== null,
  };
  return (Object.keys(DETAIL_LABELS) as DetailField[]).filter((field) => applies[field]);
}

/** Words for a generation's badges: "current, booted", or "" when it is neither. */
export function statusWords(generation: Pick<Generation, 'current' | 'booted'>): string {
  return [generation.current ? 'current' : null, generation.booted ? 'booted' : null].filter(Boolean).join(', ');
}
