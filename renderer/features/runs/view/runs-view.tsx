// The Rebuild section: recipes and the run history on the left, the terminal in the middle (the live run, or
// a past run's log read-only), and Nix's progress on the right. The session outlives the section: coming back
// draws the output again from the runs store.
import { useEffect } from 'react';
import { EMPTY_PROGRESS } from '../lib/progress-summary.ts';
import { runLabel } from '../lib/run-format.ts';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';
import { ProgressPanel } from '../components/progress-panel.tsx';
import { RunGenerationBanner } from '../components/run-generation-banner.tsx';
import { RunPinOutcome } from '../components/run-pin-outcome.tsx';
import { RunHistory, RunStateBadge } from '../components/run-history.tsx';
import { RunRecipes } from '../components/run-recipes.tsx';
import { TerminalPanel } from '../components/terminal-panel.tsx';
import { useRuns } from '../../../shared/stores/bound-stores.ts';

function TerminalTools() {
  const live = useRuns((state) => state.live);
  const viewed = useRuns((state) => state.viewed);
  const stopError = useRuns((state) => state.stopError);
  const stop = useRuns((state) => state.stop);
  const backToLive = useRuns((state) => state.backToLive);

  if (viewed) {
    return (
      <>
        <span className="terminal-title" data-testid="terminal-title">
          <span className="muted">Log of</span> {runLabel(viewed.run)}
        </span>
        <RunStateBadge state={viewed.run.state} />
        {viewed.loading && <Spinner />}
        {viewed.truncated && <span className="warning-text" title="Gentry keeps the newest part of long logs">older lines not kept</span>}
        {live && (
          <button type="button" className="button button-small" data-testid="run-back-to-live" onClick={backToLive}>
            {live.run.state === 'running' ? 'Back to the live run' : 'Back to the last run'}
          </button>
        )}
      </>
    );
  }
  if (!live) return <span className="terminal-title muted">No run yet</span>;
  const running = live.run.state === 'running';
  return (
    <>
      <span className="terminal-title" data-testid="terminal-title">{runLabel(live.run)}</span>
      <RunStateBadge state={live.run.state} />
      {running && (
        <button
          type="button"
          className="button button-small button-danger-outline"
          data-testid="run-stop"
          data-stopping={live.stopping}
          title={live.stopping ? 'Asks again; Gentry terminates the run if the interrupt is ignored' : 'Interrupts the run (like Ctrl+C); Gentry terminates it if it does not stop'}
          onClick={() => void stop()}
        >
          {live.stopping ? 'Stopping… (stop now)' : 'Stop'}
        </button>
      )}
      {stopError && <span className="run-stop-error" role="alert" title={stopError.hint ?? undefined}>{stopError.message}</span>}
    </>
  );
}

/** The Rebuild section. */
export function RunsView() {
  const live = useRuns((state) => state.live);
  const viewed = useRuns((state) => state.viewed);
  const generationReady = useRuns((state) => state.generationReady);
  const loadRecipes = useRuns((state) => state.loadRecipes);
  const resume = useRuns((state) => state.resume);
  const showGenerationDiff = useRuns((state) => state.showGenerationDiff);
  const dismissGeneration = useRuns((state) => state.dismissGeneration);

  useEffect(() => {
    void loadRecipes();
    void resume();
  }, [loadRecipes, resume]);

  const shown = viewed ? viewed.run : live?.run ?? null;
  const progress = viewed ? viewed.run.progress : live?.progress ?? EMPTY_PROGRESS;
  const interactive = !viewed && live?.run.state === 'running';
  const showing = viewed ? 'history' : live ? 'live' : 'none';

  return (
    <div className="runs-view" data-testid="runs-view">
      <aside className="runs-sidebar">
        <RunRecipes />
        <RunHistory />
      </aside>
      <div
        className="runs-main"
        data-testid="terminal"
        data-showing={showing}
        data-run-id={shown?.id ?? ''}
        data-state={shown?.state ?? ''}
        data-loading={viewed?.loading ?? false}
      >
        {generationReady && !viewed && (
          <RunGenerationBanner run={generationReady} onOpen={showGenerationDiff} onDismiss={dismissGeneration} />
        )}
        {viewed?.error && (
          <div className="banner banner-error" role="alert" data-testid="run-log-error">
            <div className="banner-text"><ErrorDetails error={viewed.error} /></div>
          </div>
        )}
        {shown && <RunPinOutcome run={shown} />}
        <TerminalPanel interactive={interactive} label={shown ? `Output of ${runLabel(shown)}` : 'Terminal'} tools={<TerminalTools />} />
        {showing === 'none' && (
          <p className="terminal-empty muted" data-testid="terminal-empty">Pick a recipe and press Start: its output shows here, as in a terminal.</p>
        )}
      </div>
      <ProgressPanel run={shown} progress={progress} />
    </div>
  );
}
