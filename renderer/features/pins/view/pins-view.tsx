// The Pins section: every overlay target with its pins, problems and wiring line; what a target is
// (and a form to add one) when there is none; and "Find versions" to pin from any generation.
import { useEffect } from 'react';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';
import { PinDialog } from '../components/pin-dialog.tsx';
import { PinTargetCard } from '../components/pin-target-card.tsx';
import { PinTargetForm } from '../components/pin-target-form.tsx';
import { PinVersionsFinder } from '../components/pin-versions-finder.tsx';
import { usePins, useView } from '../../../shared/stores/bound-stores.ts';

function NoTargets() {
  const show = useView((state) => state.show);
  return (
    <section className="panel pin-empty" data-testid="pins-empty">
      <h2>No overlay target yet</h2>
      <p>
        A pin keeps one package at the version an older generation had, while everything else follows your channel. Gentry writes
        pins into an <strong>overlay target</strong>: a directory in your configuration holding <code>pins.json</code> and an{' '}
        <code>overlay.nix</code> that your NixOS (or home-manager) configuration imports once.
      </p>
      <p>
        Name one here, or in{' '}
        <button type="button" className="button button-quiet button-small" onClick={() => show('settings')} data-testid="pins-open-settings">Settings</button>
        {' '}with the rest of Gentry&apos;s settings.
      </p>
      <PinTargetForm />
    </section>
  );
}

/** The Pins section. */
export function PinsView() {
  const targets = usePins((state) => state.targets);
  const loading = usePins((state) => state.loading);
  const error = usePins((state) => state.error);
  const load = usePins((state) => state.load);

  useEffect(() => {
    void load(); // settings may have changed, and pins age
  }, [load]);

  const state = targets === null ? (error ? 'error' : 'loading') : targets.length === 0 ? 'empty' : 'ready';
  return (
    <div className="pins-view" data-testid="pins-view" data-state={state} aria-busy={loading}>
      <div className="pins-content">
        <header className="pins-header">
          <div>
            <h1>Pins</h1>
            <p className="muted">Packages held at an older version through an overlay, with everything that looks wrong about them.</p>
          </div>
          <span className="toolbar-spacer" />
          {loading && targets !== null && <span className="progress" role="status"><Spinner />Refreshing…</span>}
          <button type="button" className="button" onClick={() => void load()} disabled={loading} data-testid="pins-reload" title="Read the targets' pins.json again and check every pin">
            Check again
          </button>
        </header>
        {state === 'loading' && <p className="progress" role="status"><Spinner />Reading the overlay targets…</p>}
        {error && (
          <section className="panel panel-error pins-error" role="alert" data-testid="pins-error" data-code={error.code}>
            <h2>Gentry could not read the pins</h2>
            <ErrorDetails error={error} />
            <div className="panel-actions">
              <button type="button" className="button button-primary" onClick={() => void load()}>Try again</button>
            </div>
          </section>
        )}
        {state === 'empty' && <NoTargets />}
        {targets?.map((target) => <PinTargetCard key={target.name} target={target} />)}
        {targets !== null && <PinVersionsFinder />}
      </div>
      <PinDialog />
    </div>
  );
}
