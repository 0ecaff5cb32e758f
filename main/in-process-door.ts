// The in-process door: the contract as plain async functions, for the CLI and tests. It goes through
// the same dispatch as the Electron and web doors, so input and output are checked the same way.
import { callNames, type GentryApi } from '../common/contract/index.ts';
import { dispatch } from './dispatch.ts';
import type { Logger } from './infra/log.ts';
import type { Services } from './services.ts';

let doors = 0;

/** The contract served in-process, shaped exactly like the renderer's `window.gentry`. Each door is its own client. */
export function inProcessDoor(services: Services, log: Logger): GentryApi {
  const caller = { client: `process-${++doors}` };
  const api: Record<string, unknown> = {};
  for (const name of callNames) api[name] = (input: unknown) => dispatch(services.handlers, name, input, log, caller);
  api.on = (event: string, listener: (payload: unknown) => void) =>
    services.subscribe((e, payload, to) => {
      if (e === event && (to === undefined || to === caller.client)) listener(payload);
    });
  return api as GentryApi;
}
