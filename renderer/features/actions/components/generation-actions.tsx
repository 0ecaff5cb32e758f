// In the details pane: "Switch to this generation" and "Boot into this generation next time".
import type { Generation, Profile } from '../../../../common/contract/index.ts';
import { switchOffers } from '../lib/action-rules.ts';
import { useActions } from '../../../shared/stores/bound-stores.ts';
import { usePrivilegedUnavailable } from './use-privileged.ts';

/** Props of {@link GenerationActions}. */
export type GenerationActionsProps = {
  profile: Profile;
  generation: Generation;
};

/** The switch buttons a generation offers (none for per-user profiles); each opens the action dialog with a preview. */
export function GenerationActions({ profile, generation }: GenerationActionsProps) {
  const open = useActions((state) => state.open);
  const offers = switchOffers(profile.kind, generation);
  const unavailable = usePrivilegedUnavailable();
  // System generations go through the helper; home-manager's run as you.
  const blocked = profile.kind === 'system' ? unavailable : null;
  if (offers.length === 0) return null;
  return (
    <div className="generation-actions" role="group" aria-label={`Actions on generation ${generation.number}`} data-testid="generation-actions">
      {offers.map((offer) => (
        <button
          key={offer.mode}
          type="button"
          className="button"
          disabled={!offer.enabled || blocked !== null}
          title={offer.reason ?? blocked ?? `Shows what would change first; nothing runs until you confirm`}
          data-blocked={blocked !== null}
          data-testid={`action-${offer.mode}`}
          onClick={() => void open({ action: 'switch', generation: { kind: profile.kind, name: profile.name, number: generation.number }, mode: offer.mode })}
        >
          {offer.label}…
        </button>
      ))}
      {blocked && offers.some((o) => o.enabled) && <p className="action-blocked muted" data-testid="actions-blocked">{blocked}</p>}
    </div>
  );
}
