// The one instance of each store, bound to the real api, as React hooks; and the wiring between them.
import { useStore } from 'zustand';
import { api, connection } from '../api/index.ts';
import { readFlag, writeFlag } from '../lib/remembered-flag.ts';
import { createActionsStore, type ActionsState } from '../../features/actions/store/actions-store.ts';
import { createBootStore, type BootState } from '../../features/boot/store/boot-store.ts';
import { createClockStore, type ClockState } from './clock-store.ts';
import { createConnectionStore, type ConnectionState } from './connection-store.ts';
import { createDiffFilterStore, type DiffFilterState } from '../../features/diff/store/diff-filter-store.ts';
import { createDiffStore, type DiffState } from '../../features/diff/store/diff-store.ts';
import { createGenerationsStore, type GenerationsState } from '../../features/generations/store/generations-store.ts';
import { createHistoryStore, type HistoryState } from '../../features/history/store/history-store.ts';
import { createLabelStore, type LabelState } from '../../features/labels/store/label-store.ts';
import { createMachineStore, type MachineState } from '../../features/welcome/store/machine-store.ts';
import { createPinsStore, type PinsState } from '../../features/pins/store/pins-store.ts';
import { createPinCostStore, type PinCostState } from '../../features/pins/store/pin-cost-store.ts';
import { createViewStore, type ViewState } from './view-store.ts';
import { createRunsStore, type RunsState } from '../../features/runs/store/runs-store.ts';
import { createSettingsStore, type SettingsState } from '../../features/settings/store/settings-store.ts';
import { opensDiffByItself, runDiffPair } from '../../features/runs/lib/run-format.ts';
import { profileKey } from '../../features/generations/lib/profile-order.ts';
import type { RunSummary } from '../../../common/contract/index.ts';

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
/** The boot menu and its dialog (read when the Boot menu section first shows). */
export const bootStore = createBootStore(api);
/** Saving labels; the generations reload on the profilesChanged event that follows. */
export const labelStore = createLabelStore(api);
/** The machine store of this page; opening the demo starts the generations over on the demo's profiles. */
export const machineStore = createMachineStore({
  api,
  onDemoOpened: () => {
    diffStore.getState().close();
    diffStore.getState().forget();
    historyStore.getState().forget();
    void generationsStore.getState().load({ resetSelection: true });
    void bootStore.getState().refresh();
  },
});
/** The action dialog and deletion marks; after an action the generations (and what depends on them) reload. */
export const actionsStore = createActionsStore(api, {
  onFinished: () => {
    diffStore.getState().forget();
    historyStore.getState().invalidate();
    void generationsStore.getState().load();
    void bootStore.getState().refresh(); // switching, booting and deleting rewrite the boot entries
  },
});
/** The connection store of this page. */
export const connectionStore = createConnectionStore(connection);
/** The clock behind relative dates. */
export const clockStore = createClockStore();
/** Which section of the app shows. */
export const viewStore = createViewStore();

/** Shows the diff of the generation a run made, in the generations section (whose list reloads to hold it). */
function openRunDiff(run: RunSummary): void {
  const pair = runDiffPair(run);
  if (!pair) return;
  const key = profileKey(pair.to);
  historyStore.getState().invalidate();
  void generationsStore.getState().load();
  generationsStore.getState().selectProfile(key);
  generationsStore.getState().selectGeneration(key, pair.to.number);
  viewStore.getState().show('generations');
  void diffStore.getState().open(pair);
}
/** The recipes, the run this page owns, the run history; a switch or boot that made a generation opens its diff. */
export const runsStore = createRunsStore(api, { openDiff: openRunDiff, opensByItself: opensDiffByItself });
/** Overlay targets, their pins, and the pin dialog. */
export const pinsStore = createPinsStore(api);
/** The settings and their form; once saved, the recipes and overlay targets (which depend on them) are asked for again. */
export const settingsStore = createSettingsStore(api, {
  onSaved: () => {
    void runsStore.getState().loadRecipes();
    void pinsStore.getState().load();
  },
});

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
/** Reads the boot store. */
export const useBoot = <T>(selector: (state: BootState) => T): T => useStore(bootStore, selector);
/** Reads the label store. */
export const useLabels = <T>(selector: (state: LabelState) => T): T => useStore(labelStore, selector);
/** Reads the view store. */
export const useView = <T>(selector: (state: ViewState) => T): T => useStore(viewStore, selector);
/** Reads the pins store. */
export const usePins = <T>(selector: (state: PinsState) => T): T => useStore(pinsStore, selector);
/** The cost of the pin the dialog shows. */
export const pinCostStore = createPinCostStore(api);
/** Reads the pin-cost store. */
export const usePinCost = <T>(selector: (state: PinCostState) => T): T => useStore(pinCostStore, selector);
/** Reads the runs store. */
export const useRuns = <T>(selector: (state: RunsState) => T): T => useStore(runsStore, selector);
/** Reads the settings store. */
export const useSettings = <T>(selector: (state: SettingsState) => T): T => useStore(settingsStore, selector);
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
    void bootStore.getState().refresh();
    void pinsStore.getState().load(); // which pins the current generations carry may have changed
  };
  const stopClock = clockStore.getState().start(30_000);
  // Filters belong to one look at diffs: leaving the diff view clears them (stepping between pairs keeps them).
  const offDiffClosed = diffStore.subscribe((state, previous) => {
    if (previous.pair !== null && state.pair === null) diffFilterStore.getState().clearFilters();
  });
  const offChanged = api.on('profilesChanged', ({ reason }) => {
    // A label changes no closure and a boot change no profile: reload only what shows them.
    if (reason === 'label') void generationsStore.getState().load();
    else if (reason === 'boot') void bootStore.getState().refresh();
    else reloadAll();
  });
  const offRunEvents = [
    api.on('terminalData', (payload) => runsStore.getState().receiveData(payload)),
    api.on('runProgress', (payload) => runsStore.getState().receiveProgress(payload)),
    api.on('runFinished', (payload) => runsStore.getState().receiveFinished(payload)),
  ];
  let wasLost = false;
  const offConnection = connectionStore.subscribe((state) => {
    if (state.status.phase === 'lost') wasLost = true;
    else if (state.status.phase === 'open' && wasLost) {
      wasLost = false;
      reloadAll(); // events may have been missed while the link was down
      void runsStore.getState().reconnected();
    }
  });
  reloadAll();
  return () => {
    stopClock();
    offDiffClosed();
    offChanged();
    for (const off of offRunEvents) off();
    offConnection();
  };
}
