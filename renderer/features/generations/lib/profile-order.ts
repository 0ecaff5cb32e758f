// How profiles are grouped and ordered in the sidebar, and how to step between them.
import type { Profile, ProfileKind } from '../../../../common/contract/index.ts';

/** A stable key for a profile: its kind and name ("system:system", "home:alice"). */
export function profileKey(profile: Pick<Profile, 'kind' | 'name'>): string {
  return `${profile.kind}:${profile.name}`;
}

/** One heading in the sidebar and the profiles under it. */
export type ProfileGroup = { kind: ProfileKind; label: string; profiles: Profile[] };

const GROUPS: ReadonlyArray<{ kind: ProfileKind; label: string }> = [
  { kind: 'system', label: 'System' },
  { kind: 'home', label: 'Home' },
  { kind: 'user', label: 'User' },
];

function byName(a: Profile, b: Profile): number {
  // The main system profile comes first; the rest (other system profiles, users) alphabetically.
  if (a.kind === 'system' && a.name === 'system') return -1;
  if (b.kind === 'system' && b.name === 'system') return 1;
  return a.name.localeCompare(b.name);
}

/** Groups profiles by kind (System, Home, User), each group sorted, empty groups left out. */
export function groupProfiles(profiles: readonly Profile[]): ProfileGroup[] {
  return GROUPS.map(({ kind, label }) => ({
    kind,
    label,
    profiles: profiles.filter((profile) => profile.kind === kind).sort(byName),
  })).filter((group) => group.profiles.length > 0);
}

/** Profiles in the order the sidebar shows them. */
export function orderedProfiles(profiles: readonly Profile[]): Profile[] {
  return groupProfiles(profiles).flatMap((group) => group.profiles);
}

/** The key `delta` steps away from `current` in `keys` (clamped at the ends); the first key when `current` is absent. */
export function adjacentKey(keys: readonly string[], current: string | null, delta: number): string | null {
  if (keys.length === 0) return null;
  const index = current === null ? -1 : keys.indexOf(current);
  if (index < 0) return keys[0] ?? null;
  return keys[Math.min(keys.length - 1, Math.max(0, index + delta))] ?? null;
}
