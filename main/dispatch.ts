// The one function every door calls: look the call up in the contract, parse its input, run the
// handler, check its output, and turn every failure into a typed error. Doors only add sender checks.
import { z } from 'zod';
import { type Caller, calls, type CallName, type CallResult, type GentryHandlers } from '../common/contract/index.ts';
import { GentryError } from './infra/errors.ts';
import type { Logger } from './infra/log.ts';

/** True when `name` is a call the contract declares. */
export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}

/** Runs one call from outside: `rawInput` is untrusted; `caller` is the door's ID for the window, socket or process. Never throws. */
export async function dispatch(handlers: GentryHandlers, name: string, rawInput: unknown, log: Logger, caller: Caller): Promise<CallResult<CallName>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'bad-input', message: `unknown call ${JSON.stringify(name)}`, hint: 'The UI and main are out of step: reload the window.' } };
  }
  const entry = calls[name];
  const input = entry.input.safeParse(rawInput ?? {});
  if (!input.success) {
    return { ok: false, error: { code: 'bad-input', message: `bad input for ${name}: ${z.prettifyError(input.error)}`, hint: null } };
  }
  try {
    const handler = handlers[name] as (i: unknown, c: Caller) => Promise<unknown>;
    const value = await handler(input.data, caller);
    const output = entry.output.safeParse(value);
    if (!output.success) {
      log.error(`${name} returned a value outside its contract: ${z.prettifyError(output.error)}`);
      return { ok: false, error: { code: 'internal', message: `${name} produced a malformed answer`, hint: 'This is a bug in Gentry; please report it with the log.' } };
    }
    return { ok: true, value: output.data } as CallResult<CallName>;
  } catch (err) {
    if (err instanceof GentryError) return { ok: false, error: err.toShape() };
    log.error(`${name} failed: ${(err as Error).stack ?? String(err)}`);
    return { ok: false, error: { code: 'internal', message: `${name} failed: ${(err as Error).message}`, hint: 'This is a bug in Gentry; please report it with the log.' } };
  }
}
