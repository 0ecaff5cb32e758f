// Which profile and which generation are selected, kept sensible when the profile list changes.
import type { Profile } from '../../../../common/contract/index.ts';
import { orderedProfiles, profileKey } from './profile-order.ts';

/** The generation selected when the person has not picked one: the current one, else the newest. */
export function defaultGenerationNumber(profile: Profile): number | null {
  let newest: number | null = null;
  for (const generation of profile.generations) {
    if (generation.current) return generation.number;
    if (newest === null || generation.number > newest) newest = generation.number;
  }
  return newest;
}

/** The generation to show for a profile: the one the person picked if it still exists, else the default. */
export function effectiveGenerationNumber(profile: Profile, picked: number | undefined): number | null {
  if (picked !== undefined && profile.generations.some((generation) => generation.number === picked)) return picked;
  return defaultGenerationNumber(profile);
}

/** The profile to show after a (re)load: the selected one if it is still there, else the first in sidebar order. */
export function reconcileProfileKey(profiles: readonly Profile[], selected: string | null): string | null {
  if (selected !== null && profiles.some((profile) => profileKey(profile) === selected)) return selected;
  const first = orderedProfiles(profiles)[0];
  return first ? profileKey(first) : null;
}
