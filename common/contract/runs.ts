// Rebuild terminal: recipes, runs, their progress and their terminals.
import { z } from 'zod';
import { emptyInput as empty } from './empty.ts';
import { ProfileKindSchema } from './generations.ts';

/** The recipes the renderer may ask for by name; main builds every command line itself. */
export const RecipeIdSchema = z.enum(['rebuild-system', 'switch-home', 'update-flake', 'collect-garbage', 'demo-build']);

/** nixos-rebuild's modes a system recipe can use. */
export const RebuildModeSchema = z.enum(['switch', 'boot', 'test', 'build']);
/** One recipe as the UI lists it. */
export const RecipeSchema = z.object({
  id: RecipeIdSchema,
  title: z.string(),
  description: z.string(),
  /** The modes it takes (rebuild-system); empty for the others. */
  modes: z.array(RebuildModeSchema),
  /** True when it runs through the privileged helper (asks for a password). */
  privileged: z.boolean(),
  available: z.boolean(),
  /** Why it cannot run (no flake configured, …) and what to do. */
  unavailableReason: z.string().nullable(),
  /** What will run, for the person to read (never sent back): for the first mode when it takes modes. */
  command: z.string(),
  /** The command for each mode, exactly as it would run (rebuild-system); absent for recipes without modes. */
  commandsByMode: z.record(z.string(), z.string()).optional(),
});
/** Live (and final) counts from Nix's internal-json log. `gentry progress --json` prints the first three fields. */
/** What a run built (derivation names) and fetched (path names, from which cache), as Nix's log says; a finished run's. */
export const RealisedSchema = z.object({ built: z.array(z.string()), fetched: z.array(z.object({ name: z.string(), from: z.string() })), truncated: z.boolean() });

export const ProgressSchema = z.object({
  builds: z.object({ done: z.number().int().nonnegative(), expected: z.number().int().nonnegative(), running: z.number().int().nonnegative(), failed: z.number().int().nonnegative() }),
  downloads: z.object({ done: z.number().int().nonnegative(), expected: z.number().int().nonnegative(), bytes: z.number().nonnegative() }),
  errors: z.array(z.string()),
  /** The builds running now, with their phase when Nix says it. */
  active: z.array(z.object({ name: z.string(), phase: z.string().nullable() })),
  /** Set on a finished run (absent from live progress and from runs recorded before it existed). */
  realised: RealisedSchema.optional(),
});

/** A run's ID: the start time and a random suffix. */
export const RunIdSchema = z.string().regex(/^[0-9]{8}T[0-9]{6}Z-[a-z0-9]{6}$/);

/** One run of a recipe, running or kept in the history. */
export const RunSummarySchema = z.object({
  id: RunIdSchema,
  recipe: RecipeIdSchema,
  mode: RebuildModeSchema.nullable(),
  title: z.string(),
  started: z.string(),
  ended: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  state: z.enum(['running', 'succeeded', 'failed', 'stopped']),
  progress: ProgressSchema,
  /** The generation the run produced, and the one before it (for the diff). */
  generation: z.object({ kind: ProfileKindSchema, name: z.string(), number: z.number().int().positive(), previous: z.number().int().positive().nullable() }).nullable(),
  logBytes: z.number().int().nonnegative(),
});

const runRef = z.object({ runId: RunIdSchema }).strict();
const termSize = { cols: z.number().int().min(10).max(1000), rows: z.number().int().min(2).max(500) };
/** Calls that list recipes, start runs and drive their terminals. */
export const runCalls = {
  /** The recipes, and whether each can run with the current settings. */
  recipes: { input: empty, output: z.object({ recipes: z.array(RecipeSchema) }) },
  /** Start a recipe in a new terminal session owned by the caller. */
  startRun: { input: z.object({ recipe: RecipeIdSchema, mode: RebuildModeSchema.optional(), ...termSize }).strict(), output: RunSummarySchema },
  /** Keys typed into a running session. */
  writeTerminal: { input: z.object({ runId: RunIdSchema, data: z.string().max(65536) }).strict(), output: empty },
  /** The terminal's size changed. */
  resizeTerminal: { input: z.object({ runId: RunIdSchema, ...termSize }).strict(), output: empty },
  /** The caller has written `bytes` more bytes of terminalData (flow control). */
  ackTerminal: { input: z.object({ runId: RunIdSchema, bytes: z.number().int().positive().max(2 ** 31) }).strict(), output: empty },
  /** Stop a run: interrupt, then terminate after a grace period. */
  stopRun: { input: runRef, output: RunSummarySchema },
  /** Every kept run, newest first. */
  listRuns: { input: empty, output: z.object({ runs: z.array(RunSummarySchema) }) },
  /** One run and its log so far (with colours); a running run's output goes to the caller from now on. */
  runLog: { input: runRef, output: z.object({ run: RunSummarySchema, log: z.string(), truncated: z.boolean() }) },
} as const;

/** Events of runs: terminal output and progress go to the run's owner only. */
export const runEvents = {
  /** Output of a run's terminal; sent only to the caller that owns the run. */
  terminalData: z.object({ runId: RunIdSchema, data: z.string() }),
  /** New progress counts of a run; sent only to its owner. */
  runProgress: z.object({ runId: RunIdSchema, progress: ProgressSchema }),
  /** A run ended (to every caller: the history changed). */
  runFinished: z.object({ run: RunSummarySchema }),
} as const;

export type RecipeId = z.infer<typeof RecipeIdSchema>;
export type RebuildMode = z.infer<typeof RebuildModeSchema>;
export type Recipe = z.infer<typeof RecipeSchema>;
export type Progress = z.infer<typeof ProgressSchema>;
export type Realised = z.infer<typeof RealisedSchema>;
export type RunSummary = z.infer<typeof RunSummarySchema>;
