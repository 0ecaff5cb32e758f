// Recipes, runs in terminals, run history and settings. (Issue 6; being built.)
import type { GentryHandlers } from '../../common/contract.ts';
import { GentryError } from '../errors.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { readSettings, writeSettings } from '../settings/settings.ts';

type RunCalls = 'settings' | 'saveSettings' | 'recipes' | 'startRun' | 'writeTerminal' | 'resizeTerminal' | 'ackTerminal' | 'stopRun' | 'listRuns' | 'runLog';

/** The handlers for runs and settings, and a way to stop every running session. */
export function runHandlers(deps: ServiceDeps): { handlers: Pick<GentryHandlers, RunCalls>; close(): void } {
  const notYet = async (): Promise<never> => {
    throw new GentryError('unavailable', 'The rebuild terminal is not built yet.', null);
  };
  return {
    handlers: {
      settings: () => readSettings(deps.configDir),
      saveSettings: (s) => writeSettings(deps.configDir, s),
      recipes: notYet,
      startRun: notYet,
      writeTerminal: notYet,
      resizeTerminal: notYet,
      ackTerminal: notYet,
      stopRun: notYet,
      listRuns: notYet,
      runLog: notYet,
    },
    close() {},
  };
}
