// test-support/: helpers only tests import (fixtures, builders); product code never does (lint).
// Builders of contract objects for unit tests (not shipped: only *.test.ts files import this).
import type { Diff, Generation, HistoryPoint, PackageDiff, Pin, PinProblem, PinTarget, Profile, Progress, Recipe, RunSummary, Settings } from '../common/contract/index.ts';

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

/** A pin of `kicad` to 8.0.1 from system generation 41, overridden by `fields`. */
export function pin(fields: Partial<Pin> = {}): Pin {
  return {
    attr: 'kicad',
    version: '8.0.1',
    source: 'github:NixOS/nixpkgs',
    rev: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    narHash: null,
    reason: null,
    created: '2025-06-01T10:00:00Z',
    fromGeneration: { profile: 'system', number: 41 },
    ...fields,
  };
}

/** A problem of the `kicad` pin (no narHash, a warning), overridden by `fields`. */
export function pinProblem(fields: Partial<PinProblem> = {}): PinProblem {
  return { attr: 'kicad', kind: 'no-narhash', severity: 'warning', message: 'github:NixOS/nixpkgs has no narHash here', ...fields };
}

/** A system overlay target named `system-pins` with no pins, overridden by `fields`. */
export function pinTarget(fields: Partial<PinTarget> = {}): PinTarget {
  return {
    name: 'system-pins',
    path: '/etc/nixos/gentry-pins',
    kind: 'system',
    pins: [],
    problems: [],
    wiring: 'nixpkgs.overlays = [ (import /etc/nixos/gentry-pins/overlay.nix) ];',
    carried: [],
    ...fields,
  };
}

/** Progress counts: nothing built or downloaded yet, overridden by `fields`. */
export function progress(fields: Partial<Progress> = {}): Progress {
  return {
    builds: { done: 0, expected: 0, running: 0, failed: 0 },
    downloads: { done: 0, expected: 0, bytes: 0 },
    errors: [],
    active: [],
    ...fields,
  };
}

/** The demo-build recipe, available, overridden by `fields`. */
export function recipe(fields: Partial<Recipe> = {}): Recipe {
  return {
    id: 'demo-build',
    title: 'Build the demo derivations',
    description: 'Builds a few small derivations in the Nix store.',
    modes: [],
    privileged: false,
    available: true,
    unavailableReason: null,
    command: 'nix-build demo.nix',
    ...fields,
  };
}

/** A running demo-build run started 2025-06-01 10:00:00 UTC, overridden by `fields`. */
export function runSummary(fields: Partial<RunSummary> = {}): RunSummary {
  return {
    id: '20250601T100000Z-abc123',
    recipe: 'demo-build',
    mode: null,
    title: 'Build the demo derivations',
    started: '2025-06-01T10:00:00Z',
    ended: null,
    exitCode: null,
    state: 'running',
    progress: progress(),
    generation: null,
    logBytes: 0,
    ...fields,
  };
}

/** The settings of a fresh install, overridden by `fields`. */
export function settings(fields: Partial<Settings> = {}): Settings {
  return { version: 1, systemFlake: null, homeFlake: null, nixpkgsGit: null, overlayTargets: [], runHistoryLimitMiB: 200, ...fields };
}
