// In the details pane: "Diff with previous" and "Compare with…" for the selected generation.
import type { Generation, Profile } from '../../../../common/contract/index.ts';
import { orderedPair, pairWithPrevious, type DiffPair } from '../../diff/lib/diff-pairs.ts';
import { newestFirst } from '../lib/generation-order.ts';

/** Props of {@link CompareControls}. */
export type CompareControlsProps = {
  profile: Profile;
  generation: Generation;
  onOpen: (pair: DiffPair) => void;
};

/** The two compare controls, with a hint about Ctrl-click and Enter in the list. */
export function CompareControls({ profile, generation, onOpen }: CompareControlsProps) {
  const previous = pairWithPrevious(profile, generation.number);
  const others = newestFirst(profile.generations).filter((other) => other.number !== generation.number);
  return (
    <div className="compare" data-testid="compare-controls">
      <div className="compare-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!previous}
          onClick={() => previous && onOpen(previous)}
          data-testid="diff-with-previous"
          title={previous ? `What changed from generation ${previous.from.number} to ${generation.number} (Enter in the list)` : 'This is the oldest generation: nothing before it to compare with'}
        >
          {previous ? `Diff with previous (#${previous.from.number})` : 'Diff with previous'}
        </button>
        {others.length > 0 && (
          <select
            className="select"
            aria-label={`Compare generation ${generation.number} with another generation`}
            value=""
            onChange={(event) => {
              const pair = orderedPair(profile, generation.number, Number(event.target.value));
              if (pair) onOpen(pair);
            }}
            data-testid="compare-with"
          >
            <option value="" disabled>Compare with…</option>
            {others.map((other) => (
              <option key={other.number} value={other.number}>
                #{other.number}{other.current ? ' (current)' : ''}{other.booted ? ' (booted)' : ''}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="compare-hint muted">
        Or <kbd>Ctrl</kbd>-click (<kbd>⌘</kbd> on a Mac) or <kbd>Shift</kbd>-click another row; <kbd>Enter</kbd> in the list diffs with the previous one.
      </p>
    </div>
  );
}
