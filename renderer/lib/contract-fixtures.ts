// Builders of contract objects for unit tests (not shipped: only *.test.ts files import this).
import type { Generation, Profile } from '../../common/contract.ts';

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
    ...fields,
  };
}

/** A profile with no generations and no problem, overridden by `fields`. */
export function profile(fields: Partial<Profile> = {}): Profile {
  return { kind: 'system', name: 'system', path: '/nix/var/nix/profiles/system', generations: [], problem: null, ...fields };
}
