// The public shapes of a world: how to ask for one, and what you get back (also saved as world.json).
import type { Profile } from '../common/contract/index.ts';
import type { ExpectedGrubMenu } from './grub-esp.ts';
import type { PresetName } from './presets.ts';

/** How to build a world. */
export interface WorldOptions {
  /** small: ~60 paths per generation; demo: ~400; large: >= 2000. */
  preset: PresetName;
  /** Default: small 12, demo 40, large 100. */
  systemGenerations?: number;
  /** Default: small 6, demo 20, large 30. */
  homeGenerations?: number;
  /** Add the broken generations a reader must survive. */
  quirks?: boolean;
  /** The world's root (created if missing, must be empty); default a fresh gentry-world-* under the temp dir. */
  dir?: string;
  /** Default random; the world id and every store hash derive from it. */
  seed?: string;
  /** The newest generation's date; default now. */
  now?: Date;
  /** What <root>/boot holds: a systemd-boot ESP (default) or an EFI GRUB's boot partition (grub/, kernels/). */
  bootLoader?: 'systemd-boot' | 'grub';
  /** GRUB only: boot.loader.grub.default, "0" (NixOS's default) or "saved". */
  grubDefault?: '0' | 'saved';
}

/** A built world (the content of <root>/world.json). */
export interface World {
  id: string;
  seed: string;
  preset: string;
  root: string;
  /** <root>/nix/var/nix/profiles/system */
  systemProfile: string;
  /** <root>/nix/var/nix/profiles */
  profilesDir: string;
  /** [<root>/nix/var/nix/profiles/system-profiles/work] */
  otherSystemProfiles: string[];
  /** <root>/home/alice */
  home: string;
  /** <home>/.local/state/nix/profiles/home-manager */
  homeProfile: string;
  /** <home>/.local/state/nix/profiles/profile */
  userProfile: string;
  /** <root>/run/booted-system: an older generation than the current one. */
  bootedSystem: string;
  /** <root>/run/current-system */
  currentSystem: string;
  /** <root>/boot: a systemd-boot ESP, or GRUB's boot partition (grub/grub.cfg, grub/grubenv, kernels/). */
  esp: string;
  /** Which boot loader wrote <root>/boot. */
  bootLoader: 'systemd-boot' | 'grub';
  /** Where the toplevels' bin/switch-to-configuration append their calls (<root>/switch-log). */
  switchLog: string;
  storePathCount: number;
  /** What a correct reader must report; `grub` (GRUB worlds only): the menu entries in menu order. */
  expected: { profiles: Profile[]; grub?: ExpectedGrubMenu };
}
