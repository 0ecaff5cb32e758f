// Beside the terminal: what Nix says it is doing, counted (builds done of expected with a bar, running,
// failed, downloads and bytes), the builds running now with their phase, the errors, and the time so far.
import { useEffect, useState } from 'react';
import type { Progress, RunSummary } from '../../../../common/contract/index.ts';
import { formatBytesExact } from '../../../../common/format-size.ts';
import { buildFraction, buildsText, downloadsText, hasProgress, phaseText, shortBuildName, stripAnsi } from '../lib/progress-summary.ts';
import { formatDuration, runElapsed } from '../lib/run-format.ts';

/** The current time, ticking every second while `running`. */
function useTicking(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

function Figure({ label, value, testId, tone, title }: { label: string; value: string | number; testId: string; tone?: 'bad'; title?: string }) {
  return (
    <div className={`progress-figure${tone === 'bad' ? ' progress-figure-bad' : ''}`} title={title}>
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value}>{value}</dd>
    </div>
  );
}

/** The progress panel of the run the terminal shows. */
export function ProgressPanel({ run, progress }: { run: RunSummary | null; progress: Progress }) {
  const running = run?.state === 'running';
  const now = useTicking(running);
  const elapsed = run ? runElapsed(run, now) : null;
  const fraction = buildFraction(progress);
  const { done, expected, running: busy, failed } = progress.builds;
  const downloads = progress.downloads;

  return (
    <aside className="progress-panel" aria-label="Progress" data-testid="progress-panel" data-run-id={run?.id ?? ''} data-state={run?.state ?? 'none'}>
      <div className="progress-head">
        <h2>Progress</h2>
        {elapsed !== null && (
          <span className="progress-elapsed muted" title={running ? 'Time since the run started' : 'How long the run took'} data-testid="progress-elapsed">
            {formatDuration(elapsed)}
          </span>
        )}
      </div>
      {!run && <p className="muted">Start a recipe: what Nix builds and downloads is counted here.</p>}
      {run && (
        <>
          <div className="progress-builds">
            <p className="progress-builds-line">
              <strong>Builds</strong>{' '}
              <span className="muted">{buildsText(progress)}</span>
            </p>
            <div
              className="progress-bar"
              role="progressbar"
              aria-label="Builds finished"
              aria-valuemin={0}
              aria-valuemax={Math.max(expected, done + failed)}
              aria-valuenow={done + failed}
              data-testid="progress-bar"
            >
              <span className={`progress-bar-fill${failed > 0 ? ' progress-bar-failed' : ''}`} style={{ width: `${(fraction * 100).toFixed(1)}%` }} />
            </div>
          </div>
          <dl className="progress-figures">
            <Figure label="Done" value={done} testId="progress-builds-done" title="Derivations built so far" />
            <Figure label="Expected" value={expected} testId="progress-builds-expected" title="Derivations Nix expects to build in this run" />
            <Figure label="Running" value={busy} testId="progress-builds-running" title="Builds running now" />
            <Figure label="Failed" value={failed} testId="progress-builds-failed" tone={failed > 0 ? 'bad' : undefined} title="Builds that failed" />
          </dl>
          <p className="progress-downloads" data-testid="progress-downloads" data-done={downloads.done} data-expected={downloads.expected} data-bytes={downloads.bytes} title={formatBytesExact(downloads.bytes)}>
            <strong>Downloads</strong> <span className="muted">{downloadsText(progress)}</span>
          </p>
          {!hasProgress(progress) && running && <p className="muted progress-waiting">Waiting for Nix to say what it will build…</p>}
          {progress.active.length > 0 && (
            <section className="progress-section">
              <h3>Building now</h3>
              <ul className="progress-active" data-testid="progress-active">
                {progress.active.map((build, index) => (
                  <li key={`${build.name}-${index}`} className="progress-active-row" data-testid="progress-active-row" data-name={build.name} title={build.name}>
                    <span className="progress-active-name">{shortBuildName(build.name)}</span>
                    <span className="chip" data-testid="progress-phase">{phaseText(build.phase)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {progress.errors.length > 0 && (
            <section className="progress-section">
              <h3 className="progress-errors-title">Errors ({progress.errors.length})</h3>
              <ul className="progress-errors" data-testid="progress-errors">
                {progress.errors.map((error, index) => (
                  <li key={index} data-testid="progress-error"><pre>{stripAnsi(error)}</pre></li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </aside>
  );
}
