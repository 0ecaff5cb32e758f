// After a rebuild (issue 16): whether each pinned package was fetched from a binary cache or built
// here, from what Nix's log says the run realised (RunSummary.progress.realised).
import type { RunSummary } from '../../../../common/contract/index.ts';
import { usePins } from '../../../shared/stores/bound-stores.ts';
import { pinOutcomes, pinOutcomeText } from '../lib/pin-outcome.ts';

/** One line per pin (of the targets for the run's kind of profile) saying what the finished run did with it; nothing while it runs. */
export function RunPinOutcome({ run }: { run: RunSummary }) {
  const targets = usePins((state) => state.targets);
  const realised = run.progress.realised;
  if (run.state === 'running' || !realised || !targets) return null;
  const kind = run.generation?.kind;
  const pins = targets.filter((t) => kind === undefined || t.kind === kind).flatMap((t) => t.pins);
  const outcomes = pinOutcomes(pins, realised);
  if (outcomes.length === 0) return null;
  return (
    <ul className="run-pin-outcome muted" data-testid="run-pin-outcome" aria-label="What this run did with the pinned packages">
      {outcomes.map((o) => (
        <li key={`${o.attr}-${o.version}`} data-attr={o.attr} data-outcome={o.outcome}>{pinOutcomeText(o)}</li>
      ))}
    </ul>
  );
}
