// The run this window owns: starting and stopping it, its terminal (keys, size, output), its progress and end,
// and the banner that leads to the generation it made.
import type { Progress, RunSummary } from '../../../../common/contract/index.ts';
import { runDiffPair } from '../lib/run-format.ts';
import { settle } from '../../../shared/lib/settle.ts';
import { clampSize, splitInput } from '../lib/terminal-flow.ts';
import { upsert } from './run-output.ts';
import type { LiveRunSlice, SliceContext } from './runs-state.ts';

/** The live-run part of the runs store, and the step that makes a run the live one (the history needs it too). */
export function createLiveRunSlice({ set, get, api, options, output }: Omit<SliceContext, 'becomeLive'>): {
  slice: LiveRunSlice;
  becomeLive: SliceContext['becomeLive'];
} {
  // What events said about runs whose startRun answer has not arrived yet.
  const early = new Map<string, { progress?: Progress; finished?: RunSummary }>();

  /** The live run ended: its summary, the banner of its generation, and perhaps its diff. */
  function finishLive(run: RunSummary): void {
    const live = get().live;
    if (!live || live.run.id !== run.id) return;
    const made = runDiffPair(run) !== null;
    set({ live: { run, progress: run.progress, stopping: false }, generationReady: made ? run : null });
    if (made && options.opensByItself?.(run)) options.openDiff?.(run);
  }

  function becomeLive(run: RunSummary, log: string | null): void {
    output.keepOnly(run.id, log);
    const known = early.get(run.id);
    early.delete(run.id);
    output.showLog('');
    output.turn();
    set({
      live: { run, progress: known?.progress ?? run.progress, stopping: false },
      viewed: null,
      generationReady: null,
      stopError: null,
      runs: upsert(get().runs, run),
    });
    output.redraw(get());
    if (known?.finished) {
      set({ runs: upsert(get().runs, known.finished) });
      finishLive(known.finished);
    }
  }

  const slice: LiveRunSlice = {
    live: null,
    starting: false,
    startError: null,
    stopError: null,
    generationReady: null,
    size: { cols: 80, rows: 24 },

    async resume() {
      if (get().runs === null) await get().loadRuns();
      const { live, runs } = get();
      if (live?.run.state === 'running') return;
      const running = runs?.find((run) => run.state === 'running');
      if (running && (!live || live.run.id !== running.id)) await get().openRun(running.id);
    },

    async reconnected() {
      const live = get().live;
      void get().loadRuns();
      if (!live || live.run.state !== 'running') return;
      const result = await settle(api.runLog({ runId: live.run.id }));
      if (!result.ok || get().live?.run.id !== live.run.id) return;
      const { run, log } = result.value;
      output.replace(run.id, log);
      set({ live: { ...get().live!, run, progress: run.progress } });
      if (!get().viewed) output.redraw(get());
      if (run.state !== 'running') finishLive(run);
    },

    async start() {
      const { selected, recipes, starting, live, mode, size } = get();
      if (starting || live?.run.state === 'running' || selected === null) return;
      const recipe = recipes?.find((candidate) => candidate.id === selected);
      if (!recipe || !recipe.available) return;
      set({ starting: true, startError: null });
      const chosen = recipe.modes.includes(mode) ? mode : recipe.modes[0];
      const input = chosen === undefined ? { recipe: recipe.id, ...size } : { recipe: recipe.id, mode: chosen, ...size };
      const result = await settle(api.startRun(input));
      set({ starting: false });
      if (!result.ok) {
        set({ startError: result.error });
        return;
      }
      becomeLive(result.value, null);
    },

    async stop() {
      const live = get().live;
      if (!live || live.run.state !== 'running') return;
      set({ live: { ...live, stopping: true }, stopError: null });
      const result = await settle(api.stopRun({ runId: live.run.id }));
      const now = get().live;
      if (!now || now.run.id !== live.run.id) return;
      if (!result.ok) {
        set({ live: { ...now, stopping: false }, stopError: result.error });
        return;
      }
      // The answer may come after runFinished: an ended run stays ended.
      if (now.run.state === 'running' && result.value.state !== 'running') {
        set({ runs: upsert(get().runs, result.value) });
        finishLive(result.value);
      }
    },

    input(data) {
      const { live, viewed } = get();
      if (!live || live.run.state !== 'running' || viewed) return;
      for (const piece of splitInput(data)) void settle(api.writeTerminal({ runId: live.run.id, data: piece }));
    },

    resize(cols, rows) {
      const size = clampSize(cols, rows);
      const now = get().size;
      if (size.cols === now.cols && size.rows === now.rows) return;
      set({ size });
      const live = get().live;
      if (live && live.run.state === 'running') void settle(api.resizeTerminal({ runId: live.run.id, ...size }));
    },

    attach(sink) {
      return output.attach(sink, get());
    },

    showGenerationDiff() {
      const run = get().generationReady;
      if (run) options.openDiff?.(run);
    },

    dismissGeneration() {
      set({ generationReady: null });
    },

    receiveData({ runId, data }) {
      const { live, viewed } = get();
      output.receive(runId, data, !viewed && live?.run.id === runId);
    },

    receiveProgress({ runId, progress }) {
      const live = get().live;
      if (live && live.run.id === runId) set({ live: { ...live, progress } });
      else early.set(runId, { ...early.get(runId), progress });
    },

    receiveFinished({ run }) {
      set({ runs: upsert(get().runs, run) });
      const { live, viewed } = get();
      if (viewed && viewed.run.id === run.id) set({ viewed: { ...viewed, run } });
      if (live && live.run.id === run.id) finishLive(run);
      else if (output.has(run.id)) early.set(run.id, { ...early.get(run.id), finished: run });
      void get().loadRuns(); // old runs may have been pruned
    },
  };
  return { slice, becomeLive };
}
