// The run history: every kept run, newest first, with its state, start time, duration and exit code.
// Choosing one shows its log in the terminal (read-only); the live run shows its own output.
import type { RunSummary } from '../../../../common/contract/index.ts';
import { exitText, formatDuration, runElapsed, runLabel, runStartText, runStateWords } from '../lib/run-format.ts';
import { useNow, useRuns } from '../../../shared/stores/bound-stores.ts';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';

/** A run's state as a badge. */
export function RunStateBadge({ state }: { state: RunSummary['state'] }) {
  const words = runStateWords(state);
  return (
    <span className={`badge run-badge run-badge-${words.tone}`} data-testid="run-state" data-state={state}>
      {state === 'running' && <span className="run-badge-dot" aria-hidden="true" />}
      {words.label}
    </span>
  );
}

function RunRow({ run, shown, live, now, onOpen }: { run: RunSummary; shown: boolean; live: boolean; now: number; onOpen: () => void }) {
  const elapsed = runElapsed(run, now);
  const exit = exitText(run);
  return (
    <li>
      <button
        type="button"
        className={`run-row${shown ? ' run-row-shown' : ''}`}
        aria-current={shown ? 'true' : undefined}
        data-testid="run-row"
        data-run-id={run.id}
        data-state={run.state}
        data-recipe={run.recipe}
        data-exit-code={run.exitCode ?? ''}
        title={live ? 'The run this window follows: its output shows live' : 'Shows this run\u2019s log in the terminal (read-only)'}
        onClick={onOpen}
      >
        <span className="run-row-head">
          <span className="run-row-title">{runLabel(run)}</span>
          <RunStateBadge state={run.state} />
        </span>
        <span className="run-row-facts muted">
          <span data-field="started">{runStartText(run)}</span>
          {elapsed !== null && <span data-field="duration">{formatDuration(elapsed)}</span>}
          {exit !== '' && <span data-field="exit" className={run.exitCode === 0 ? '' : 'run-row-bad-exit'}>{exit}</span>}
          {run.generation && <span data-field="generation">→ #{run.generation.number}</span>}
        </span>
      </button>
    </li>
  );
}

/** The list of past (and running) runs. */
export function RunHistory() {
  const runs = useRuns((state) => state.runs);
  const error = useRuns((state) => state.runsError);
  const liveId = useRuns((state) => state.live?.run.id ?? null);
  const viewedId = useRuns((state) => state.viewed?.run.id ?? null);
  const openRun = useRuns((state) => state.openRun);
  const reload = useRuns((state) => state.loadRuns);
  const now = useNow();
  const shownId = viewedId ?? liveId;

  return (
    <section className="run-history" aria-label="Run history">
      <h2>History</h2>
      {error && (
        <div className="error-box" role="alert" data-testid="runs-error" data-code={error.code}>
          <ErrorDetails error={error} />
          <button type="button" className="button button-small" onClick={() => void reload()}>Try again</button>
        </div>
      )}
      {runs === null && !error && <p className="progress" role="status"><Spinner />Reading the history…</p>}
      {runs !== null && runs.length === 0 && <p className="muted" data-testid="runs-empty">No runs yet. Runs and their logs are kept here.</p>}
      {runs !== null && runs.length > 0 && (
        <ul className="run-list" data-testid="run-list">
          {runs.map((run) => (
            <RunRow key={run.id} run={run} shown={run.id === shownId} live={run.id === liveId} now={now} onOpen={() => void openRun(run.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
