// The one instance of each store, bound to the real api, as React hooks; and the wiring between them.
import { useStore } from 'zustand';
import { api, connection } from '../api/index.ts';
import { readFlag, writeFlag } from '../lib/remembered-flag.ts';
import { createActionsStore, type ActionsState } from './actions-store.ts';
import { createClockStore, type ClockState } from './clock-store.ts';
import { createConnectionStore, type ConnectionState } from './connection-store.ts';
import { createDiffFilterStore, type DiffFilterState } from './diff-filter-store.ts';
import { createDiffStore, type DiffState } from './diff-store.ts';
import { createGenerationsStore, type GenerationsState } from './generations-store.ts';
import { createHistoryStore, type HistoryState } from './history-store.ts';
import { createMachineStore, type MachineState } from './machine-store.ts';
import { createViewStore, type ViewState } from './view-store.ts';

/** The generations store of this page. */
export const generationsStore = createGenerationsStore(api);
/** The diff store of this page. */
export const diffStore = createDiffStore(api);
/** How the diff table is filtered and sorted. */
export const diffFilterStore = createDiffFilterStore();
const CHART_OPEN_KEY = 'gentry.historyChartOpen';
/** The history chart's data; whether the chart is open is remembered across visits. */
export const historyStore = createHistoryStore(api, {
  chartOpen: readFlag(CHART_OPEN_KEY, false),
  onChartOpen: (open) => writeFlag(CHART_OPEN_KEY, open),
});
/** The machine store of this page; opening the demo starts the generations over on the demo's profiles. */
export const machineStore = createMachineStore({
  api,
  onDemoOpened: () => {
    diffStore.getState().close();
    diffStore.getState().forget();
    historyStore.getState().forget();
    void generationsStore.getState().load({ resetSelection: true });
  },
});
/** The action dialog and deletion marks; after an action the generations (and what depends on them) reload. */
export const actionsStore = createActionsStore(api, {
  onFinished: () => {
    diffStore.getState().forget();
    historyStore.getState().invalidate();
    void generationsStore.getState().load();
  },
});
/** The connection store of this page. */
export const connectionStore = createConnectionStore(connection);
/** The clock behind relative dates. */
export const clockStore = createClockStore();
/** Which section of the app shows. */
export const viewStore = createViewStore();

/** Reads the generations store (pass a selector that returns a stable value). */
export const useGenerations = <T>(selector: (state: GenerationsState) => T): T => useStore(generationsStore, selector);
/** Reads the machine store. */
export const useMachine = <T>(selector: (state: MachineState) => T): T => useStore(machineStore, selector);
/** Reads the connection store. */
export const useConnection = <T>(selector: (state: ConnectionState) => T): T => useStore(connectionStore, selector);
/** Reads the diff store. */
export const useDiff = <T>(selector: (state: DiffState) => T): T => useStore(diffStore, selector);
/** Reads the diff filter store. */
export const useDiffFilter = <T>(selector: (state: DiffFilterState) => T): T => useStore(diffFilterStore, selector);
/** Reads the history store. */
export const useHistory = <T>(selector: (state: HistoryState) => T): T => useStore(historyStore, selector);
/** Reads the actions store. */
export const useActions = <T>(selector: (state: ActionsState) => T): T => useStore(actionsStore, selector);
/** Reads the view store. */
export const useView = <T>(selector: (state: ViewState) => T): T => useStore(viewStore, selector);
/** The clock's current time, refreshed every 30 seconds. */
export const useNow = (): number => useStore(clockStore, (state: ClockState) => state.now);

/** Loads everything, and reloads when Gentry says the profiles changed or the link comes back. */
export function startStores(): () => void {
  const reloadAll = (): void => {
    // A generation may have been deleted and its number used again: cached diffs and histories may be wrong now.
    diffStore.getState().forget();
    historyStore.getState().invalidate();
    void machineStore.getState().load();
    void generationsStore.getState().load();
  };
  const stopClock = clockStore.getState().start(30_000);
  // Filters belong to one look at diffs: leaving the diff view clears them (stepping between pairs keeps them).
  const offDiffClosed = diffStore.subscribe((state, previous) => {
    if (previous.pair !== null && state.pair === null) diffFilterStore.getState().clearFilters();
  });
  const offChanged = api.on('profilesChanged', reloadAll);
  let wasLost = false;
  const offConnection = connectionStore.subscribe((state) => {
    if (state.status.phase === 'lost') wasLost = true;
    else if (state.status.phase === 'open' && wasLost) {
      wasLost = false;
      reloadAll(); // events may have been missed while the link was down
    }
  });
  reloadAll();
  return () => {
    stopClock();
    offDiffClosed();
    offChanged();
    offConnection();
  };
}
