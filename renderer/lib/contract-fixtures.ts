// Builders of contract objects for unit tests (not shipped: only *.test.ts files import this).
import type { Diff, Generation, HistoryPoint, PackageDiff, Profile } from '../../common/contract.ts';

/** A generation with every field filled with a plain default, overridden by `fields`. */
export function generation(fields: Partial<Generation> = {}): Generation {
  return {
    number: 1,
    date: '2025-06-01T10:00:00Z',
    storePath: '/nix/store/00000000000000000000000000000000-nixos-system-test',
    current: false,
    booted: false,
    nixosVersion: null,
    nixpkgsRevision: null,
    kernelVersion: null,
    specialisations: [],
    homeManagerVersion: null,
    closureSize: null,
    packages: null,
    problem: null,
    label: null,
    note: null,
    ...fields,
  };
}

/** A profile with no generations and no problem, overridden by `fields`. */
export function profile(fields: Partial<Profile> = {}): Profile {
  return { kind: 'system', name: 'system', path: '/nix/var/nix/profiles/system', generations: [], problem: null, ...fields };
}

/** A package row: an upgrade of `name` from 1.0 to 1.1, selected before and after, overridden by `fields`. */
export function packageDiff(fields: Partial<PackageDiff> = {}): PackageDiff {
  const name = fields.name ?? 'hello';
  return {
    name,
    before: ['1.0'],
    after: ['1.1'],
    status: 'upgraded',
    selected: 'both',
    sizeBefore: 1000,
    sizeAfter: 1200,
    pathsBefore: [`/nix/store/00000000000000000000000000000000-${name}-1.0`],
    pathsAfter: [`/nix/store/11111111111111111111111111111111-${name}-1.1`],
    ...fields,
  };
}

/** A diff of system generations 1 → 2 holding `packages`, its summary counted from them. */
export function diffOf(packages: PackageDiff[], from = 1, to = 2): Diff {
  const count = (status: PackageDiff['status']): number => packages.filter((row) => row.status === status).length;
  return {
    from: { profile: '/nix/var/nix/profiles/system', number: from, storePath: `/nix/store/00000000000000000000000000000000-nixos-system-${from}` },
    to: { profile: '/nix/var/nix/profiles/system', number: to, storePath: `/nix/store/11111111111111111111111111111111-nixos-system-${to}` },
    packages,
    summary: {
      upgraded: count('upgraded'), downgraded: count('downgraded'), changed: count('changed'),
      added: count('added'), removed: count('removed'), rebuilt: count('rebuilt'),
      closureSizeBefore: packages.reduce((sum, row) => sum + row.sizeBefore, 0),
      closureSizeAfter: packages.reduce((sum, row) => sum + row.sizeAfter, 0),
      pathsAdded: packages.reduce((sum, row) => sum + row.pathsAfter.length, 0),
      pathsRemoved: packages.reduce((sum, row) => sum + row.pathsBefore.length, 0),
    },
  };
}

/** A history point of generation `number` (default 1), overridden by `fields`. */
export function historyPoint(fields: Partial<HistoryPoint> = {}): HistoryPoint {
  return {
    number: 1,
    date: '2025-06-01T10:00:00Z',
    closureSize: 1024 ** 3,
    packageCount: 1000,
    nixpkgsRevision: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    channelUpdate: false,
    ...fields,
  };
}
