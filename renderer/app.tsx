// The window: header, connection and notice banners, and the screen for what has loaded so far.
import { useEffect } from 'react';
import { ActionDialog } from './components/action-dialog.tsx';
import { AppHeader } from './components/app-header.tsx';
import { ConnectionBanner } from './components/connection-banner.tsx';
import { ErrorPanel } from './components/error-panel.tsx';
import { LoadingPanel } from './components/loading-panel.tsx';
import { NoticesBanner } from './components/notices-banner.tsx';
import { ReloadErrorBanner } from './components/reload-error-banner.tsx';
import { WelcomePanel } from './components/welcome-panel.tsx';
import { pickScreen } from './lib/app-screen.ts';
import { markScreen } from './lib/page-flags.ts';
import { useDiff, useGenerations, useMachine, useView } from './stores/bound-stores.ts';
import { BootView } from './views/boot-view.tsx';
import { DiffView } from './views/diff-view.tsx';
import { GenerationsView } from './views/generations-view.tsx';
import { PinsView } from './views/pins-view.tsx';
import { RunsView } from './views/runs-view.tsx';
import { SettingsView } from './views/settings-view.tsx';

/** The whole app. */
export function App() {
  const machine = useMachine((state) => state.machine);
  const machineError = useMachine((state) => state.error);
  const showWithoutSystem = useMachine((state) => state.showWithoutSystem);
  const reloadMachine = useMachine((state) => state.load);
  const list = useGenerations((state) => state.list);
  const listError = useGenerations((state) => state.error);
  const reloadList = useGenerations((state) => state.load);
  const diffOpen = useDiff((state) => state.pair !== null);
  const screen = pickScreen({ machine, machineError, list, listError, showWithoutSystem, diffOpen });
  const section = useView((state) => state.section);
  const sectioned = screen === 'generations' || screen === 'diff';

  useEffect(() => markScreen(sectioned && section !== 'generations' ? section : screen), [screen, section, sectioned]);

  return (
    <div className="app">
      <AppHeader />
      <ConnectionBanner />
      {(screen === 'generations' || screen === 'diff') && <NoticesBanner />}
      {(screen === 'generations' || screen === 'diff') && <ReloadErrorBanner />}
      <main className="app-main">
        {screen === 'loading' && <LoadingPanel />}
        {screen === 'machine-error' && machineError && (
          <ErrorPanel title="Gentry could not look at this machine" error={machineError} onRetry={() => { void reloadMachine(); void reloadList(); }} />
        )}
        {screen === 'welcome' && <WelcomePanel />}
        {screen === 'list-error' && listError && (
          <ErrorPanel title="Gentry could not list the profiles" error={listError} onRetry={() => void reloadList()} />
        )}
        {sectioned && section === 'generations' && (screen === 'diff' ? <DiffView /> : <GenerationsView />)}
        {sectioned && section === 'boot' && <BootView />}
        {sectioned && section === 'runs' && <RunsView />}
        {sectioned && section === 'pins' && <PinsView />}
        {sectioned && section === 'settings' && <SettingsView />}
      </main>
      <ActionDialog />
    </div>
  );
}
