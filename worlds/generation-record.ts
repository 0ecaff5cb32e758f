// What the world knows about each profile and generation it made: the links to write and the oracle.
import type { ProfileKind } from '../common/contract/index.ts';
import type { BuiltSystem } from './nixos-system.ts';
import type { StoreNode } from './store-graph.ts';

/** What a reader should report about one generation, apart from what the links decide. */
export interface GenerationFacts {
  nixosVersion: string | null;
  nixpkgsRevision: string | null;
  kernelVersion: string | null;
  specialisations: string[];
  homeManagerVersion: string | null;
  packages: string[] | null;
  problem: string | null;
}

/** One generation link of a profile. */
export interface GenerationRecord {
  number: number;
  /** The link's mtime (whole seconds). */
  date: Date;
  /** Where the link points. */
  target: string;
  /** The registered store path it points to, or null (missing, outside the store). */
  root: StoreNode | null;
  facts: GenerationFacts;
  /** For NixOS generations that get boot entries: the built system. */
  system: BuiltSystem | null;
}

/** One profile: its link, its generations (ascending) and the current one. */
export interface ProfileRecord {
  kind: ProfileKind;
  name: string;
  /** The profile link, e.g. <root>/nix/var/nix/profiles/system. */
  path: string;
  generations: GenerationRecord[];
  current: number;
}

/** Facts for a generation that has none of the NixOS or home-manager fields. */
export function emptyFacts(): GenerationFacts {
  return {
    nixosVersion: null,
    nixpkgsRevision: null,
    kernelVersion: null,
    specialisations: [],
    homeManagerVersion: null,
    packages: null,
    problem: null,
  };
}
