// What the stores do with a call that rejects instead of answering (a broken link, a bug in a door):
// turn it into a typed error, so no dialog or view waits forever.
import type { GentryErrorShape } from '../../../common/contract/index.ts';

/** A call's answer: a value or a typed error. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: GentryErrorShape };

/** The typed error for a call that rejected with `error`. */
export function callFailure(error: unknown): GentryErrorShape {
  return {
    code: 'internal',
    message: `Gentry could not be asked: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'Check the connection to Gentry and try again.',
  };
}

/** The call's answer, with a rejection turned into a typed error. */
export function settle<T>(call: Promise<Answer<T>>): Promise<Answer<T>> {
  return call.catch((error: unknown) => ({ ok: false as const, error: callFailure(error) }));
}
