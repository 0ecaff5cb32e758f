// The Rebuild section's state, in three parts (recipes, run history, live run), and what its slices share.
import type { StoreApi } from 'zustand/vanilla';
import type {
  EventPayload, GentryApi, GentryErrorShape, Progress, RebuildMode, Recipe, RecipeId, RunSummary,
} from '../../../../common/contract/index.ts';
import type { TerminalSize } from '../lib/terminal-flow.ts';
import type { RunOutput } from './run-output.ts';

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

/** The recipes a run can start from, the one picked, and its mode. */
export type RecipesSlice = {
  recipes: Recipe[] | null;
  recipesError: GentryErrorShape | null;
  /** The recipe picked in the list, and the mode for recipes that take one. */
  selected: RecipeId | null;
  mode: RebuildMode;
  loadRecipes(): Promise<void>;
  select(recipe: RecipeId): void;
  setMode(mode: RebuildMode): void;
};

/** Every kept run, and a past run's log shown in the terminal. */
export type RunHistorySlice = {
  /** Every kept run, newest first; null until listed. */
  runs: RunSummary[] | null;
  runsError: GentryErrorShape | null;
  viewed: ViewedRun | null;
  loadRuns(): Promise<void>;
  /** Shows a run's log in the terminal (the live run itself, or a past one read-only). */
  openRun(runId: string): Promise<void>;
  backToLive(): void;
};

/** The run this window owns, its terminal, and the generation it made. */
export type LiveRunSlice = {
  live: LiveRun | null;
  starting: boolean;
  startError: GentryErrorShape | null;
  stopError: GentryErrorShape | null;
  /** The live run ended having made a generation: the banner that leads to its diff. */
  generationReady: RunSummary | null;
  /** The terminal's size, sent with the next start. */
  size: TerminalSize;
  /** Takes over a run still running after this page was reloaded (its output comes here from then on). */
  resume(): Promise<void>;
  /** The link came back: take the live run back (a new link is a new client) and read what was missed. */
  reconnected(): Promise<void>;
  start(): Promise<void>;
  /** Interrupts the live run (main terminates it if it does not stop). */
  stop(): Promise<void>;
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

/** What the runs store holds and can do. */
export type RunsState = RecipesSlice & RunHistorySlice & LiveRunSlice;

/** Options of the runs store. */
export type RunsStoreOptions = {
  /** Opens the diff of the generation a run made (the app switches to the generations section). */
  openDiff?: (run: RunSummary) => void;
  /** Decides whether a finished live run's diff opens by itself (default: never). */
  opensByItself?: (run: RunSummary) => boolean;
  /** How many UTF-16 code units of output are kept per run in the page. */
  bufferLimit?: number;
};

/** What each slice is built with: the store's set and get, the calls, the options and the kept output. */
export type SliceContext = {
  set: StoreApi<RunsState>['setState'];
  get: () => RunsState;
  api: RunsApi;
  options: RunsStoreOptions;
  output: RunOutput;
  /** Makes `run` this window's live run, its output so far in `log` (when read from main); the live-run slice provides it. */
  becomeLive(run: RunSummary, log: string | null): void;
};
