// The run history of the Rebuild section: every kept run, and a past run's log shown read-only in the terminal.
import { settle } from '../../../shared/lib/settle.ts';
import { upsert } from './run-output.ts';
import type { RunHistorySlice, SliceContext } from './runs-state.ts';

/** The run-history part of the runs store. */
export function createRunHistorySlice({ set, get, api, output, becomeLive }: SliceContext): RunHistorySlice {
  let loads = 0;
  return {
    runs: null,
    runsError: null,
    viewed: null,

    async loadRuns() {
      const mine = ++loads;
      const result = await settle(api.listRuns({}));
      if (mine !== loads) return;
      if (!result.ok) {
        set({ runsError: result.error });
        return;
      }
      // A live run this list does not know yet (just started) stays listed.
      let runs = result.value.runs;
      const live = get().live;
      if (live && !runs.some((run) => run.id === live.run.id)) runs = upsert(runs, live.run);
      set({ runs, runsError: null });
    },

    async openRun(runId) {
      const { live, runs } = get();
      if (live && live.run.id === runId) {
        get().backToLive();
        return;
      }
      const mine = output.turn();
      const known = runs?.find((run) => run.id === runId);
      if (known) set({ viewed: { run: known, loading: true, error: null, truncated: false } });
      const result = await settle(api.runLog({ runId }));
      if (!output.isCurrent(mine)) return; // another run was opened meanwhile
      if (!result.ok) {
        output.showLog('');
        const run = known ?? get().viewed?.run;
        set({ viewed: run ? { run, loading: false, error: result.error, truncated: false } : null });
        output.redraw(get());
        return;
      }
      const { run, log, truncated } = result.value;
      if (run.state === 'running' && get().live?.run.state !== 'running') {
        becomeLive(run, log); // a run this page did not own (a reload, another window): it is ours now
        return;
      }
      output.showLog(log);
      set({ viewed: { run, loading: false, error: null, truncated } });
      output.redraw(get());
    },

    backToLive() {
      output.turn();
      output.showLog('');
      set({ viewed: null });
      output.redraw(get());
    },
  };
}
