// Where everything lives under a world's root.
import { join } from 'node:path';

/** The paths of one world, all under `root`. */
export interface WorldLayout {
  root: string;
  profilesDir: string;
  systemProfile: string;
  workProfile: string;
  home: string;
  /** ~/.local/state/nix/profiles (home-manager and the per-user profile). */
  userProfilesDir: string;
  homeProfile: string;
  userProfile: string;
  /** ~/.nix-profile */
  nixProfileLink: string;
  bootedSystem: string;
  currentSystem: string;
  esp: string;
  switchLog: string;
  machineId: string;
  /** Where the quirk generation that points outside the store points. */
  outsideToplevel: string;
  worldJson: string;
  storePathsFile: string;
}

/** The layout of the world rooted at `root`. */
export function worldLayout(root: string): WorldLayout {
  const profilesDir = join(root, 'nix/var/nix/profiles');
  const home = join(root, 'home/alice');
  const userProfilesDir = join(home, '.local/state/nix/profiles');
  return {
    root,
    profilesDir,
    systemProfile: join(profilesDir, 'system'),
    workProfile: join(profilesDir, 'system-profiles/work'),
    home,
    userProfilesDir,
    homeProfile: join(userProfilesDir, 'home-manager'),
    userProfile: join(userProfilesDir, 'profile'),
    nixProfileLink: join(home, '.nix-profile'),
    bootedSystem: join(root, 'run/booted-system'),
    currentSystem: join(root, 'run/current-system'),
    esp: join(root, 'boot'),
    switchLog: join(root, 'switch-log'),
    machineId: join(root, 'etc/machine-id'),
    outsideToplevel: join(root, 'outside/nixos-system-atlas-handmade'),
    worldJson: join(root, 'world.json'),
    storePathsFile: join(root, 'store-paths.txt'),
  };
}
