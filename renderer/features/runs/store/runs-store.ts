// The Rebuild section's store, put together from three slices: the recipes (run-recipes-slice.ts), the run
// history with a past run's log (run-history-slice.ts), and the run this window owns with its terminal
// (live-run-slice.ts). The output they draw is kept in run-output.ts; the types are in runs-state.ts.
import { createStore } from 'zustand/vanilla';
import { createLiveRunSlice } from './live-run-slice.ts';
import { RunOutput } from './run-output.ts';
import { createRecipesSlice } from './run-recipes-slice.ts';
import { createRunHistorySlice } from './run-history-slice.ts';
import type { RunsApi, RunsState, RunsStoreOptions } from './runs-state.ts';

export type { LiveRun, RunsApi, RunsState, RunsStoreOptions, TerminalSink, ViewedRun } from './runs-state.ts';

/** Creates the runs store. */
export function createRunsStore(api: RunsApi, options: RunsStoreOptions = {}) {
  const output = new RunOutput(api, options.bufferLimit);
  return createStore<RunsState>()((set, get) => {
    const base = { set, get, api, options, output };
    const live = createLiveRunSlice(base);
    const context = { ...base, becomeLive: live.becomeLive };
    return { ...createRecipesSlice(context), ...createRunHistorySlice(context), ...live.slice };
  });
}

/** The store's type, for hooks and tests. */
export type RunsStore = ReturnType<typeof createRunsStore>;
