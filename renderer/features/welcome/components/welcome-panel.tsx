// Shown on a machine without a NixOS system profile: what Gentry looked for, and the demo machine.
import { profilesWithGenerations } from '../../../shared/app/app-screen.ts';
import { useGenerations, useMachine } from '../../../shared/stores/bound-stores.ts';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';

/** The welcome panel with "Open the demo machine". */
export function WelcomePanel() {
  const machine = useMachine((state) => state.machine);
  const building = useMachine((state) => state.demoBuilding);
  const demoError = useMachine((state) => state.demoError);
  const openDemo = useMachine((state) => state.openDemo);
  const showAnyway = useMachine((state) => state.showWithoutSystemProfile);
  const others = useGenerations((state) => profilesWithGenerations(state.list));
  if (!machine) return null;
  return (
    <div className="panel-center">
      <section className="panel welcome" data-testid="welcome" aria-labelledby="welcome-title">
        <h1 id="welcome-title">No NixOS system here</h1>
        <p>
          Gentry found no system profile at <code className="path">{machine.systemProfile}</code>, so this
          machine does not look like NixOS, or the profile lives somewhere else.
        </p>
        <p className="muted">
          If it does run NixOS, start Gentry with <code>--system-profile PATH</code> pointing at the system profile.
        </p>

        <h2>Try the demo machine</h2>
        <p>
          Gentry can build a small, made-up NixOS machine in the Nix store, with system and home-manager
          generations to browse. Nothing on this machine changes.
        </p>
        {machine.demoAvailable ? (
          <div className="panel-actions">
            <button type="button" className="button button-primary" onClick={() => void openDemo()} disabled={building} data-testid="open-demo">
              Open the demo machine
            </button>
            {building && (
              <span className="progress" role="status" data-testid="demo-progress"><Spinner />Building a demo machine in the Nix store…</span>
            )}
          </div>
        ) : (
          <p className="notice-box" data-testid="demo-unavailable">
            The demo cannot be built here: {machine.demoUnavailableReason ?? 'Gentry did not say why.'}
          </p>
        )}
        {demoError && (
          <div className="error-box" role="alert" data-testid="demo-error">
            <ErrorDetails error={demoError} />
          </div>
        )}

        {others > 0 && (
          <p className="welcome-others">
            <button type="button" className="button button-quiet" onClick={showAnyway} data-testid="show-profiles">
              Show the {others === 1 ? 'profile' : `${others} profiles`} Gentry did find
            </button>
          </p>
        )}
      </section>
    </div>
  );
}
