// In place of the generation list: a profile that cannot be read, or has no generations yet.
import { useRef, type KeyboardEvent } from 'react';
import type { Profile } from '../../../../common/contract/index.ts';
import { profileAdvice } from '../lib/profile-advice.ts';
import { WarningIcon } from '../../../shared/components/icons.tsx';
import { useClaimFocus } from '../../../shared/components/use-claim-focus.ts';

/** Props of {@link ProfileStatePanel}. */
export type ProfileStatePanelProps = { profile: Profile; onStepProfile: (delta: number) => void };

/** Explains an unreadable or empty profile and what to do about it; ← and → still switch profile. */
export function ProfileStatePanel({ profile, onStepProfile }: ProfileStatePanelProps) {
  const ref = useRef<HTMLElement>(null);
  useClaimFocus(ref);
  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      onStepProfile(event.key === 'ArrowLeft' ? -1 : 1);
    }
  }
  const problem = profile.problem;
  return (
    <div className="panel-center">
      <section
        ref={ref}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className={problem ? 'panel panel-warning' : 'panel'}
        role={problem ? 'alert' : undefined}
        aria-label={problem ? `Gentry cannot read the profile ${profile.name}` : `The profile ${profile.name} has no generations`}
        data-testid={problem ? 'profile-problem' : 'profile-empty'}
      >
        {problem ? (
          <>
            <h2><WarningIcon label="Problem" /> Gentry cannot read this profile</h2>
            <p className="error-message" data-field="problem">{problem}</p>
            <p className="error-hint">{profileAdvice(profile)}</p>
          </>
        ) : (
          <>
            <h2>No generations yet</h2>
            <p>{profileAdvice(profile)}</p>
          </>
        )}
      </section>
    </div>
  );
}
