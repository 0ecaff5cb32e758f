// Which actions apply to which generation and profile kind, and which generations may be marked for deletion.
import type { Generation, Profile, ProfileKind, SwitchMode } from '../../../../common/contract/index.ts';

/** A switch the details pane offers: its mode, whether it can run, and why not when it cannot. */
export type SwitchOffer = { mode: SwitchMode; label: string; enabled: boolean; reason: string | null };

/** The profile kinds whose generations Gentry can delete (per-user profiles are `nix profile`'s business). */
export type DeletableKind = Extract<ProfileKind, 'system' | 'home'>;

/** True when Gentry can delete generations of this kind of profile. */
export function canDeleteKind(kind: ProfileKind): kind is DeletableKind {
  return kind === 'system' || kind === 'home';
}

/** The switches offered for a generation: switch and boot for system, switch only for home-manager, none for per-user. */
export function switchOffers(kind: ProfileKind, generation: Generation): SwitchOffer[] {
  if (kind === 'user') return [];
  const unreadable = generation.storePath === null ? 'Its link cannot be read, so there is nothing to switch to' : null;
  const offers: SwitchOffer[] = [{
    mode: 'switch',
    label: 'Switch to this generation',
    enabled: unreadable === null && !generation.current,
    reason: unreadable ?? (generation.current ? 'This is already the current generation' : null),
  }];
  if (kind === 'system') {
    offers.push({ mode: 'boot', label: 'Boot into this generation next time', enabled: unreadable === null, reason: unreadable });
  }
  return offers;
}

/** Why a generation cannot be marked for deletion, or null when it can. */
export function deletionBlock(kind: ProfileKind, generation: Generation): string | null {
  if (!canDeleteKind(kind)) return 'Per-user profile generations are deleted with nix profile wipe-history, not by Gentry';
  if (generation.current) return 'The current generation cannot be deleted: switch to another one first';
  if (generation.booted) return 'The generation this machine booted cannot be deleted: reboot into another one first';
  return null;
}

/** The marked numbers that still exist in the profile and may still be deleted, ascending. */
export function effectiveMarks(profile: Profile, marked: readonly number[]): number[] {
  const allowed = new Set(profile.generations.filter((g) => deletionBlock(profile.kind, g) === null).map((g) => g.number));
  return [...new Set(marked)].filter((number) => allowed.has(number)).sort((a, b) => a - b);
}

/** `marked` with `number` added, or removed when it was there. */
export function toggleMark(marked: readonly number[], number: number): number[] {
  return marked.includes(number) ? marked.filter((n) => n !== number) : [...marked, number];
}
