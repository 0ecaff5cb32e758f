// main/diff/: the closure diff engine: what a person names resolved to store paths, package diffs, history points, the diff handler.
// The diff call: two generations named as the UI names them, resolved on the machine in use and
// compared by the closure engine.
import type { GentryHandlers } from '../../common/contract/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { diffSides } from './generation-diff.ts';
import { resolveTarget } from './resolve-side.ts';

/** The handler for diffs. */
export function diffHandlers(deps: ServiceDeps): Pick<GentryHandlers, 'diff'> {
  return {
    diff: async ({ from, to }) => diffSides(await deps.reader(), await resolveTarget(deps.paths(), from), await resolveTarget(deps.paths(), to)),
  };
}
