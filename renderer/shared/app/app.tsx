// The window: header, connection and notice banners, and the screen for what has loaded so far.
import { useEffect } from 'react';
import { ActionDialog } from '../../features/actions/components/action-dialog.tsx';
import { AppHeader } from './app-header.tsx';
import { ConnectionBanner } from './connection-banner.tsx';
import { ErrorPanel } from '../components/error-panel.tsx';
import { LoadingPanel } from './loading-panel.tsx';
import { NoticesBanner } from './notices-banner.tsx';
import { ReloadErrorBanner } from './reload-error-banner.tsx';
import { WelcomePanel } from '../../features/welcome/components/welcome-panel.tsx';
import { pickScreen } from './app-screen.ts';
import { markScreen } from './page-flags.ts';
import { useDiff, useGenerations, useMachine, useView } from '../stores/bound-stores.ts';
import { BootView } from '../../features/boot/view/boot-view.tsx';
import { DiffView } from '../../features/diff/view/diff-view.tsx';
import { GenerationsView } from '../../features/generations/view/generations-view.tsx';
import { PinsView } from '../../features/pins/view/pins-view.tsx';
import { RunsView } from '../../features/runs/view/runs-view.tsx';
import { SettingsView } from '../../features/settings/view/settings-view.tsx';

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
