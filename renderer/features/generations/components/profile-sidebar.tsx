// The sidebar: one entry per profile, grouped System / Home / User, with counts and problem markers.
import { useMemo } from 'react';
import type { Profile } from '../../../../common/contract/index.ts';
import { groupProfiles, profileKey } from '../lib/profile-order.ts';
import { WarningIcon } from '../../../shared/components/icons.tsx';

/** Props of {@link ProfileSidebar}. */
export type ProfileSidebarProps = {
  profiles: readonly Profile[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
};

function problemSummary(profile: Profile): string | null {
  if (profile.problem) return profile.problem;
  const unreadable = profile.generations.filter((generation) => generation.problem !== null).length;
  if (unreadable === 0) return null;
  return `${unreadable} ${unreadable === 1 ? 'generation' : 'generations'} could not be read fully`;
}

/** The profile sidebar. */
export function ProfileSidebar({ profiles, selectedKey, onSelect }: ProfileSidebarProps) {
  const groups = useMemo(() => groupProfiles(profiles), [profiles]);
  return (
    <nav className="sidebar" aria-label="Profiles">
      {groups.map((group) => (
        <section key={group.kind} className="sidebar-group" aria-labelledby={`sidebar-${group.kind}`}>
          <h2 id={`sidebar-${group.kind}`} className="sidebar-heading">{group.label}</h2>
          <ul>
            {group.profiles.map((profile) => {
              const key = profileKey(profile);
              const selected = key === selectedKey;
              const problem = problemSummary(profile);
              const count = profile.generations.length;
              return (
                <li key={key}>
                  <button
                    type="button"
                    className={selected ? 'profile-entry selected' : 'profile-entry'}
                    aria-current={selected ? 'true' : undefined}
                    data-testid={`profile-${profile.kind}-${profile.name}`}
                    data-selected={selected}
                    data-problem={profile.problem !== null}
                    data-count={count}
                    title={profile.path}
                    onClick={() => onSelect(key)}
                  >
                    <span className="profile-name">{profile.name}</span>
                    {problem && <WarningIcon label={problem} />}
                    <span className="profile-count" aria-label={`${count} generations`}>{count}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
