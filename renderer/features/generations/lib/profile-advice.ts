// What to tell the person when a profile cannot be read or has no generations yet.
import type { Profile } from '../../../../common/contract/index.ts';

/** One or two sentences on what to do about a profile that has a problem or no generations. */
export function profileAdvice(profile: Pick<Profile, 'kind' | 'name' | 'path' | 'problem'>): string {
  if (profile.problem !== null) {
    switch (profile.kind) {
      case 'system':
        return `Gentry reads this profile at ${profile.path}. If this machine runs NixOS, check that the path exists and that your user can read it; to look at another system profile, start Gentry with --system-profile.`;
      case 'home':
        return `home-manager keeps its generations at ${profile.path}. Run "home-manager switch" once to create them, or ignore this profile if you do not use home-manager.`;
      case 'user':
        return `Gentry reads this per-user profile at ${profile.path}. Check that it exists and is readable; "nix profile install" or "nix-env -i" creates it.`;
    }
  }
  switch (profile.kind) {
    case 'system':
      return 'This profile has no generations yet. "nixos-rebuild switch --profile-name ' + profile.name + '" creates the first one.';
    case 'home':
      return 'This profile has no generations yet. "home-manager switch" creates the first one.';
    case 'user':
      return 'This profile has no generations yet. Installing a package with "nix profile install" or "nix-env -i" creates the first one.';
  }
}
