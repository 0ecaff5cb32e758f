// Where a machine keeps its profiles, by Nix's and home-manager's own rules (nix-formats.md §1, §5, §6).
import { existsSync, readlinkSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type GuixOverrides, type GuixProfilePaths, guixProfilePaths, withGuixOverrides } from '../guix/guix-locations.ts';

/** Every path the read model looks at. Services take this as an argument (shared/STYLE.md habit 7). */
export interface MachinePaths {
  /** The main system profile link, e.g. /nix/var/nix/profiles/system; `system-profiles/*` beside it are read too. */
  systemProfile: string;
  /** home-manager profile links to list, first = the one home-manager uses. */
  homeProfiles: string[];
  /** True when homeProfiles were named by the person: then a missing one is listed with a problem. */
  homeProfilesExplicit: boolean;
  /** Per-user `nix-env` / `nix profile` profile links to list. */
  userProfiles: string[];
  /** /run/booted-system. */
  bootedSystem: string;
  /** The Nix store database. */
  nixDb: string;
  /** Guix's profiles (main/guix/), listed only where their state directory exists; absent: none. */
  guix?: GuixProfilePaths;
}

/** What the defaults depend on. */
export interface LocationEnv {
  env: Record<string, string | undefined>;
  homeDir: string;
  user: string;
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** home-manager's rule: `$XDG_STATE_HOME/nix/profiles` if that directory exists, else the legacy per-user one; both when both hold a profile. */
export function defaultHomeProfiles({ env, homeDir, user }: LocationEnv): string[] {
  const xdgState = env.XDG_STATE_HOME || join(homeDir, '.local/state');
  const xdg = join(xdgState, 'nix/profiles/home-manager');
  const legacy = join(env.NIX_STATE_DIR || '/nix/var/nix', 'profiles/per-user', user, 'home-manager');
  const primary = isDir(dirname(xdg)) ? xdg : legacy;
  const other = primary === xdg ? legacy : xdg;
  return [primary, other].filter((p, i) => i === 0 || existsSync(p) || isLink(p));
}

function isLink(p: string): boolean {
  try {
    readlinkSync(p);
    return true;
  } catch {
    return false;
  }
}

/** The user's `nix-env`/`nix profile` profile: where ~/.nix-profile (or the XDG `nix/profile` link) points. */
export function defaultUserProfiles({ env, homeDir }: LocationEnv): string[] {
  const xdgState = env.XDG_STATE_HOME || join(homeDir, '.local/state');
  const found: string[] = [];
  for (const link of [join(homeDir, '.nix-profile'), join(xdgState, 'nix/profile')]) {
    try {
      found.push(resolve(dirname(link), readlinkSync(link)));
    } catch {
      // not there
    }
  }
  return [...new Set(found)];
}

/** The paths of this machine, with overrides from the command line. */
export function machinePaths(loc: LocationEnv, overrides: { systemProfile?: string; homeProfile?: string; userProfile?: string; bootedSystem?: string; nixDb?: string } & GuixOverrides = {}): MachinePaths {
  return {
    systemProfile: resolve(overrides.systemProfile ?? '/nix/var/nix/profiles/system'),
    homeProfiles: overrides.homeProfile ? [resolve(overrides.homeProfile)] : defaultHomeProfiles(loc),
    homeProfilesExplicit: overrides.homeProfile !== undefined,
    userProfiles: overrides.userProfile ? [resolve(overrides.userProfile)] : defaultUserProfiles(loc),
    bootedSystem: overrides.bootedSystem ?? '/run/booted-system',
    nixDb: overrides.nixDb ?? '/nix/var/nix/db/db.sqlite',
    guix: withGuixOverrides(guixProfilePaths({ env: loc.env, user: loc.user }), overrides),
  };
}

/** Gentry's cache directory: `${XDG_CACHE_HOME:-~/.cache}/gentry`. */
export function gentryCacheDir(env: Record<string, string | undefined>, homeDir: string): string {
  return join(env.XDG_CACHE_HOME || join(homeDir, '.cache'), 'gentry');
}

/** Where Gentry keeps what it must not lose: labels, run logs (`$XDG_STATE_HOME/gentry`). */
export function gentryStateDir(env: Record<string, string | undefined>, homeDir: string): string {
  return join(env.XDG_STATE_HOME || join(homeDir, '.local/state'), 'gentry');
}

/** Where Gentry's settings live (`$XDG_CONFIG_HOME/gentry`). */
export function gentryConfigDir(env: Record<string, string | undefined>, homeDir: string): string {
  return join(env.XDG_CONFIG_HOME || join(homeDir, '.config'), 'gentry');
}
