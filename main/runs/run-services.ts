// Recipes, runs in terminals, the run history and settings: the contract's calls for issue 6. The
// renderer names a recipe; main builds the command (recipes.ts), runs it in a pty owned by the caller
// (live-run.ts) and keeps every run's summary and log (run-store.ts).
import { homedir } from 'node:os';
import type { GentryHandlers, RebuildMode, RecipeId, RunSummary } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import type { HelperCommand } from '../helper/helper-client.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { readSettings, writeSettings } from '../settings/settings.ts';
import type { StopGrace } from '../terminal/pty-session.ts';
import type { TerminalChannelOptions } from '../terminal/terminal-channel.ts';
import { LiveRun, type TermSize } from './live-run.ts';
import { probeRecipeEnvironment } from './recipe-environment.ts';
import { listRecipes, planRecipe, type RecipeContext } from './recipes.ts';
import { newRunId, pruneRuns, readLogTail, readStoredRun, runPaths, settleOrphan, storedRunIds, thisProcess } from './run-store.ts';

type RunCalls = 'settings' | 'saveSettings' | 'recipes' | 'startRun' | 'writeTerminal' | 'resizeTerminal' | 'ackTerminal' | 'stopRun' | 'listRuns' | 'runLog';

/** Knobs for tests: shorter stop grace periods, smaller flow-control windows. */
export interface RunOptions {
  grace?: StopGrace;
  channel?: Partial<Omit<TerminalChannelOptions, 'send' | 'pause' | 'resume'>>;
  homeDir?: string;
}

const MIB = 1024 * 1024;

/** The handlers for runs and settings, and a way to stop every running session. */
export function runHandlers(deps: ServiceDeps, options: RunOptions = {}): { handlers: Pick<GentryHandlers, RunCalls>; close(): void } {
  const live = new Map<string, LiveRun>();
  const me = thisProcess();
  const homeDir = options.homeDir ?? homedir();

  // Without a helper (a demo where it could not be built) the recipes that need none still run;
  // the others say why (the helper is then not found, so they are unavailable).
  const helperOrNone = (): HelperCommand => {
    try {
      return deps.helper;
    } catch (error) {
      if (!(error instanceof GentryError)) throw error;
      return { program: 'gentry-helper', prefix: [], viaPkexec: false };
    }
  };
  const context = async (): Promise<RecipeContext> => {
    const settings = await readSettings(deps.configDir);
    const helper = helperOrNone();
    return {
      settings,
      demo: deps.demo(),
      helper,
      homeDir,
      stateDir: deps.stateDir,
      paths: deps.paths(),
      env: await probeRecipeEnvironment(settings, helper, homeDir),
      processEnv: process.env,
    };
  };

  const liveRun = (runId: string, client: string, action: string): LiveRun => {
    const run = live.get(runId);
    if (!run || run.ended) throw new GentryError('not-found', `run ${runId} is not running`, 'Its log is in the history.');
    if (run.owner !== client) throw new GentryError('bad-input', `run ${runId} is open in another window, which ${action}`, 'Open the run here first: it then moves to this window.');
    return run;
  };

  let starting = false;
  const start = async (recipe: RecipeId, mode: RebuildMode | undefined, size: TermSize, client: string): Promise<RunSummary> => {
    const ctx = await context();
    let runId = newRunId();
    while ((await readStoredRun(deps.stateDir, runId)) !== null) runId = newRunId();
    const plan = planRecipe(recipe, mode, runId, ctx);
    const pruned = await pruneRuns(deps.stateDir, ctx.settings.runHistoryLimitMiB * MIB, new Set(live.keys()));
    if (pruned.length > 0) deps.log.info(`pruned ${pruned.length} old run${pruned.length === 1 ? '' : 's'} from the history`);
    const run = await LiveRun.start(plan, runId, client, size, { stateDir: deps.stateDir, emit: deps.emit, log: deps.log, helper: ctx.helper, process: me, grace: options.grace, channel: options.channel });
    live.set(runId, run);
    void run.finished.finally(() => live.delete(runId));
    return run.summary();
  };

  const stored = async (runId: string): Promise<RunSummary> => {
    const s = await readStoredRun(deps.stateDir, runId);
    if (!s) throw new GentryError('not-found', `there is no run ${runId}`, 'It may have been pruned: the history keeps the newest runs up to the limit in Settings.');
    return settleOrphan(deps.stateDir, s);
  };

  return {
    handlers: {
      settings: () => readSettings(deps.configDir),
      saveSettings: (s) => writeSettings(deps.configDir, s),
      recipes: async () => ({ recipes: listRecipes(await context()) }),
      startRun: async ({ recipe, mode, cols, rows }, caller) => {
        const running = [...live.values()].find((r) => !r.ended);
        if (running) throw new GentryError('unavailable', `another run is going: ${running.summary().title}`, 'Wait for it to finish, or stop it first.');
        if (starting) throw new GentryError('unavailable', 'another run is starting', 'Wait for it, or stop it first.');
        starting = true;
        try {
          return await start(recipe, mode, { cols, rows }, caller.client);
        } finally {
          starting = false;
        }
      },
      writeTerminal: async ({ runId, data }, caller) => {
        liveRun(runId, caller.client, 'types into it').write(data);
        return {};
      },
      resizeTerminal: async ({ runId, cols, rows }, caller) => {
        liveRun(runId, caller.client, 'decides its size').resize({ cols, rows });
        return {};
      },
      ackTerminal: async ({ runId, bytes }, caller) => {
        // Acknowledgements from a window that is no longer the owner (or for a run that ended) are stale: ignored.
        const run = live.get(runId);
        if (run && run.owner === caller.client) run.ack(bytes);
        return {};
      },
      stopRun: async ({ runId }) => {
        const run = live.get(runId);
        if (run) return run.stop();
        return stored(runId);
      },
      listRuns: async () => {
        const runs: RunSummary[] = [];
        for (const id of await storedRunIds(deps.stateDir)) {
          const run = live.get(id);
          if (run) {
            runs.push(run.summary());
            continue;
          }
          const s = await readStoredRun(deps.stateDir, id);
          if (s) runs.push(await settleOrphan(deps.stateDir, s));
        }
        return { runs };
      },
      runLog: async ({ runId }, caller) => {
        const run = live.get(runId);
        if (run && !run.ended) {
          const { log, truncated } = await run.attach(caller.client);
          return { run: run.summary(), log, truncated };
        }
        const summary = run ? await run.finished : await stored(runId);
        return { run: summary, ...(await readLogTail(runPaths(deps.stateDir, runId).log)) };
      },
    },
    close() {
      for (const run of live.values()) run.kill();
    },
  };
}
