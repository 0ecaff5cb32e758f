// The heading above a profile's generations: name, kind, path, counts, and its problem if any.
import type { Profile } from '../../../../common/contract/index.ts';
import { profileAdvice } from '../lib/profile-advice.ts';
import { WarningIcon } from '../../../shared/components/icons.tsx';

const KIND_LABELS = { system: 'system profile', home: 'home-manager', user: 'per-user profile' } as const;

/** The profile heading, with a problem banner when the profile could be read only in part. */
export function ProfileHeader({ profile }: { profile: Profile }) {
  const count = profile.generations.length;
  const current = profile.generations.find((generation) => generation.current);
  const booted = profile.generations.find((generation) => generation.booted);
  const unreadable = profile.generations.filter((generation) => generation.problem !== null).length;
  return (
    <header className="profile-header">
      <div className="profile-title">
        <h1>{profile.name}</h1>
        <span className="kind-tag">{KIND_LABELS[profile.kind]}</span>
        <code className="path" title="Profile path">{profile.path}</code>
      </div>
      <div className="profile-facts">
        <span data-field="generationCount">{count} {count === 1 ? 'generation' : 'generations'}</span>
        {current && <span>current #{current.number}</span>}
        {booted && <span>booted #{booted.number}</span>}
        {unreadable > 0 && (
          <span className="warning-text"><WarningIcon label="Problems" /> {unreadable} could not be read fully</span>
        )}
      </div>
      {profile.problem && count > 0 && (
        <div className="banner banner-warning inline" role="alert" data-testid="profile-problem">
          <WarningIcon label="Problem" />
          <div className="banner-text">
            <strong>{profile.problem}</strong> <span>{profileAdvice(profile)}</span>
          </div>
        </div>
      )}
    </header>
  );
}
