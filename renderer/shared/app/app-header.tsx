// The window's header: name, the machine looked at, a demo badge, activity, collecting garbage, and keyboard help.
import { useEffect } from 'react';
import { useActions, useGenerations, useMachine, useView } from '../stores/bound-stores.ts';
import { SECTIONS, SECTION_TITLES } from '../stores/view-store.ts';
import { KeyboardHelp } from './keyboard-help.tsx';
import { Spinner } from '../components/icons.tsx';

/** The app header. */
export function AppHeader() {
  const machine = useMachine((state) => state.machine);
  const refreshing = useGenerations((state) => state.loading && state.list !== null);
  const listed = useGenerations((state) => state.list !== null);
  const open = useActions((state) => state.open);
  const readiness = useActions((state) => state.readiness);
  const loadReadiness = useActions((state) => state.loadReadiness);
  useEffect(() => {
    void loadReadiness();
  }, [loadReadiness]);
  // Collecting garbage goes through the privileged helper: refused here, with the reason, when it cannot run.
  const gcBlocked = readiness && !readiness.privileged.ready ? readiness.privileged.reason : null;
  const section = useView((state) => state.section);
  const show = useView((state) => state.show);
  return (
    <header className="app-header">
      <span className="brand">Gentry</span>
      {machine?.demo && <span className="badge badge-demo" data-testid="demo-badge" title="Gentry is showing a demo machine built in the Nix store, not this machine">Demo machine</span>}
      {machine && (
        <span className="header-machine" title="The system profile Gentry reads">
          <code>{machine.systemProfile}</code>
        </span>
      )}
      {listed && (
        <nav className="header-nav" aria-label="Sections">
          {SECTIONS.map((s) => (
            <button
              key={s}
              type="button"
              className={`nav-tab${s === section ? ' nav-tab-active' : ''}`}
              aria-current={s === section ? 'page' : undefined}
              data-testid={`nav-${s}`}
              onClick={() => show(s)}
            >
              {SECTION_TITLES[s]}
            </button>
          ))}
        </nav>
      )}
      <span className="header-spacer" />
      {refreshing && <span className="header-activity" role="status"><Spinner />Refreshing…</span>}
      {machine?.hasSystemProfile && listed && (
        <button
          type="button"
          className="button"
          title={gcBlocked ?? 'Shows what the garbage collector would free first (a dry run); nothing is deleted until you confirm'}
          disabled={gcBlocked !== null}
          data-blocked={gcBlocked !== null}
          data-testid="action-gc"
          onClick={() => void open({ action: 'gc' })}
        >
          Collect garbage…
        </button>
      )}
      <KeyboardHelp />
    </header>
  );
}
