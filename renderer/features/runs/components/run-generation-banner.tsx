// Shown when the live run made a generation: "Generation 43 is ready — see what changed".
import type { RunSummary } from '../../../../common/contract/index.ts';
import { generationReadyText, runDiffPair } from '../lib/run-format.ts';

/** The banner that leads from a finished run to the diff of the generation it made. */
export function RunGenerationBanner({ run, onOpen, onDismiss }: { run: RunSummary; onOpen: () => void; onDismiss: () => void }) {
  const text = generationReadyText(run);
  const pair = runDiffPair(run);
  if (text === null) return null;
  return (
    <div className="banner banner-info run-generation" role="status" data-testid="run-generation-ready" data-number={run.generation?.number ?? ''}>
      <p className="banner-text">
        <strong>{text}</strong>
        {pair ? ' — see what changed since generation ' + pair.from.number + '.' : '.'}
      </p>
      {pair && (
        <button type="button" className="button button-small" data-testid="run-generation-diff" onClick={onOpen} title={`Opens the diff of #${pair.from.number} → #${pair.to.number}`}>
          See what changed
        </button>
      )}
      <button type="button" className="button button-small button-quiet" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>×</button>
    </div>
  );
}
