// The Rebuild section's state: the recipes, the run this window owns (its output kept so the terminal can be
// drawn again after the section was left), the run history, and a past run's log shown in the terminal.
// Output is acknowledged once the terminal has drawn it (or at once when no terminal is on screen), so main's
// flow control only holds a run back while this page is really behind.
import { createStore } from 'zustand/vanilla';
import type {
  EventPayload, GentryApi, GentryErrorShape, Progress, RebuildMode, Recipe, RecipeId, RunSummary,
} from '../../common/contract/index.ts';
import { runDiffPair } from '../lib/run-format.ts';
import { TerminalBuffer } from '../lib/terminal-buffer.ts';
import { ackUnits, clampSize, splitInput, type TerminalSize } from '../lib/terminal-flow.ts';
import { settle } from '../lib/settle.ts';

/** The calls the runs store uses. */
export type RunsApi = Pick<GentryApi, 'recipes' | 'startRun' | 'writeTerminal' | 'resizeTerminal' | 'ackTerminal' | 'stopRun' | 'listRuns' | 'runLog'>;

/** Where output goes while a terminal is on screen. */
export type TerminalSink = {
  /** Draws output; `drawn` is called once it is on screen (flow control). */
  write(data: string, drawn?: () => void): void;
  /** Clears the screen and the scrollback. */
  reset(): void;
};

/** The run this window started (or took over), with its latest counts. */
export type LiveRun = {
  run: RunSummary;
  progress: Progress;
  /** True once Stop was pressed, until the run ends. */
  stopping: boolean;
};

/** A past run whose log the terminal shows instead of the live run. */
export type ViewedRun = {
  run: RunSummary;
  loading: boolean;
  error: GentryErrorShape | null;
  /** True when the log was cut to its newest part. */
  truncated: boolean;
};

/** What the runs store holds and can do. */
export type RunsState = {
  recipes: Recipe[] | null;
  recipesError: GentryErrorShape | null;
  /** The recipe picked in the list, and the mode for recipes that take one. */
  selected: RecipeId | null;
  mode: RebuildMode;
  /** Every kept run, newest first; null until listed. */
  runs: RunSummary[] | null;
  runsError: GentryErrorShape | null;
  live: LiveRun | null;
  starting: boolean;
  startError: GentryErrorShape | null;
  stopError: GentryErrorShape | null;
  viewed: ViewedRun | null;
  /** The live run ended having made a generation: the banner that leads to its diff. */
  generationReady: RunSummary | null;
  /** The terminal's size, sent with the next start. */
  size: TerminalSize;

  loadRecipes(): Promise<void>;
  loadRuns(): Promise<void>;
  /** Takes over a run still running after this page was reloaded (its output comes here from then on). */
  resume(): Promise<void>;
  /** The link came back: take the live run back (a new link is a new client) and read what was missed. */
  reconnected(): Promise<void>;
  select(recipe: RecipeId): void;
  setMode(mode: RebuildMode): void;
  start(): Promise<void>;
  /** Interrupts the live run (main terminates it if it does not stop). */
  stop(): Promise<void>;
  /** Shows a run's log in the terminal (the live run itself, or a past one read-only). */
  openRun(runId: string): Promise<void>;
  backToLive(): void;
  /** Keys typed into the terminal. */
  input(data: string): void;
  resize(cols: number, rows: number): void;
  /** Puts a terminal on screen: it is drawn with what shows now, and gets output from now on. Returns the detach function. */
  attach(sink: TerminalSink): () => void;
  /** Opens the diff of the generation the live run made. */
  showGenerationDiff(): void;
  dismissGeneration(): void;

  receiveData(payload: EventPayload<'terminalData'>): void;
  receiveProgress(payload: EventPayload<'runProgress'>): void;
  receiveFinished(payload: EventPayload<'runFinished'>): void;
};

/** Options of the runs store. */
export type RunsStoreOptions = {
  /** Opens the diff of the generation a run made (the app switches to the generations section). */
  openDiff?: (run: RunSummary) => void;
  /** Decides whether a finished live run's diff opens by itself (default: never). */
  opensByItself?: (run: RunSummary) => boolean;
  /** How many UTF-16 code units of output are kept per run in the page. */
  bufferLimit?: number;
};

/** Runs newest first (IDs start with the start time, so they order like it). */
function upsert(runs: readonly RunSummary[] | null, run: RunSummary): RunSummary[] {
  const rest = (runs ?? []).filter((other) => other.id !== run.id);
  return [run, ...rest].sort((a, b) => (a.started === b.started ? (a.id < b.id ? 1 : -1) : a.started < b.started ? 1 : -1));
}

const DROPPED_NOTE = '\x1b[2m[earlier output is not kept on this page; the run history has the whole log]\x1b[0m\r\n';

/** Creates the runs store. */
export function createRunsStore(api: RunsApi, options: RunsStoreOptions = {}) {
  const buffers = new Map<string, TerminalBuffer>();
  // What events said about runs whose startRun answer has not arrived yet.
  const early = new Map<string, { progress?: Progress; finished?: RunSummary }>();
  const acks = new Map<string, number>();
  let sink: TerminalSink | null = null;
  let viewedLog = '';
  let opened = 0;
  let recipeLoads = 0;
  let runLoads = 0;

  function bufferOf(runId: string): TerminalBuffer {
    let buffer = buffers.get(runId);
    if (!buffer) {
      buffer = new TerminalBuffer(options.bufferLimit);
      buffers.set(runId, buffer);
    }
    return buffer;
  }

  function ack(runId: string, units: number): void {
    if (units <= 0) return;
    const waiting = acks.get(runId);
    acks.set(runId, (waiting ?? 0) + units);
    if (waiting !== undefined) return;
    // Output drawn in one go is acknowledged in one call.
    queueMicrotask(() => {
      const bytes = acks.get(runId) ?? 0;
      acks.delete(runId);
      if (bytes > 0) void settle(api.ackTerminal({ runId, bytes }));
    });
  }

  return createStore<RunsState>()((set, get) => {
    /** Draws what shows now on the attached terminal, from a clean screen. */
    function redraw(): void {
      if (!sink) return;
      sink.reset();
      const { viewed, live } = get();
      if (viewed) {
        if (viewedLog !== '') sink.write(viewedLog);
        return;
      }
      if (!live) return;
      const buffer = buffers.get(live.run.id);
      if (!buffer) return;
      if (buffer.dropped) sink.write(DROPPED_NOTE);
      const text = buffer.text();
      if (text !== '') sink.write(text);
    }

    /** The live run ended: its summary, the banner of its generation, and perhaps its diff. */
    function finishLive(run: RunSummary): void {
      const live = get().live;
      if (!live || live.run.id !== run.id) return;
      const made = runDiffPair(run) !== null;
      set({ live: { run, progress: run.progress, stopping: false }, generationReady: made ? run : null });
      if (made && options.opensByItself?.(run)) options.openDiff?.(run);
    }

    /** Makes `run` this window's live run, its output so far in `log` (when read from main). */
    function becomeLive(run: RunSummary, log: string | null): void {
      for (const id of [...buffers.keys()]) if (id !== run.id) buffers.delete(id);
      if (log !== null) {
        buffers.delete(run.id);
        bufferOf(run.id).append(log);
      } else {
        bufferOf(run.id);
      }
      const known = early.get(run.id);
      early.delete(run.id);
      viewedLog = '';
      opened += 1;
      set({
        live: { run, progress: known?.progress ?? run.progress, stopping: false },
        viewed: null,
        generationReady: null,
        stopError: null,
        runs: upsert(get().runs, run),
      });
      redraw();
      if (known?.finished) {
        set({ runs: upsert(get().runs, known.finished) });
        finishLive(known.finished);
      }
    }

    return {
      recipes: null,
      recipesError: null,
      selected: null,
      mode: 'switch',
      runs: null,
      runsError: null,
      live: null,
      starting: false,
      startError: null,
      stopError: null,
      viewed: null,
      generationReady: null,
      size: { cols: 80, rows: 24 },

      async loadRecipes() {
        const mine = ++recipeLoads;
        const result = await settle(api.recipes({}));
        if (mine !== recipeLoads) return;
        if (!result.ok) {
          set({ recipesError: result.error });
          return;
        }
        const recipes = result.value.recipes;
        const selected = get().selected;
        const keep = recipes.some((recipe) => recipe.id === selected);
        const first = recipes.find((recipe) => recipe.available) ?? recipes[0] ?? null;
        set({ recipes, recipesError: null, selected: keep ? selected : first?.id ?? null });
      },

      async loadRuns() {
        const mine = ++runLoads;
        const result = await settle(api.listRuns({}));
        if (mine !== runLoads) return;
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
        buffers.delete(run.id);
        bufferOf(run.id).append(log);
        set({ live: { ...get().live!, run, progress: run.progress } });
        if (!get().viewed) redraw();
        if (run.state !== 'running') finishLive(run);
      },

      select(recipe) {
        set({ selected: recipe, startError: null });
      },

      setMode(mode) {
        set({ mode });
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

      async openRun(runId) {
        const { live, runs } = get();
        if (live && live.run.id === runId) {
          get().backToLive();
          return;
        }
        const mine = ++opened;
        const known = runs?.find((run) => run.id === runId);
        if (known) set({ viewed: { run: known, loading: true, error: null, truncated: false } });
        const result = await settle(api.runLog({ runId }));
        if (mine !== opened) return; // another run was opened meanwhile
        if (!result.ok) {
          viewedLog = '';
          const run = known ?? get().viewed?.run;
          set({ viewed: run ? { run, loading: false, error: result.error, truncated: false } : null });
          redraw();
          return;
        }
        const { run, log, truncated } = result.value;
        if (run.state === 'running' && get().live?.run.state !== 'running') {
          becomeLive(run, log); // a run this page did not own (a reload, another window): it is ours now
          return;
        }
        viewedLog = log;
        set({ viewed: { run, loading: false, error: null, truncated } });
        redraw();
      },

      backToLive() {
        opened += 1;
        viewedLog = '';
        set({ viewed: null });
        redraw();
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

      attach(mine) {
        sink = mine;
        redraw();
        return () => {
          if (sink === mine) sink = null;
        };
      },

      showGenerationDiff() {
        const run = get().generationReady;
        if (run) options.openDiff?.(run);
      },

      dismissGeneration() {
        set({ generationReady: null });
      },

      receiveData({ runId, data }) {
        bufferOf(runId).append(data);
        const units = ackUnits(data);
        const { live, viewed } = get();
        if (sink && !viewed && live?.run.id === runId) sink.write(data, () => ack(runId, units));
        else ack(runId, units);
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
        else if (buffers.has(run.id)) early.set(run.id, { ...early.get(run.id), finished: run });
        void get().loadRuns(); // old runs may have been pruned
      },
    };
  });
}

/** The store's type, for hooks and tests. */
export type RunsStore = ReturnType<typeof createRunsStore>;
