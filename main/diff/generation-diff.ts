// A diff between two resolved generations: both closures and both selections from the closure
// engine, then the diff engine.
import type { Diff } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import type { ClosureReader } from '../nix/closure-reader.ts';
import { diffClosures } from './package-diff.ts';
import { type ResolvedSide, selectionRoot } from './resolve-side.ts';

/** The selected store paths of a side: direct references of its selection root. */
async function selected(reader: ClosureReader, side: ResolvedSide): Promise<Set<string>> {
  return new Set(await reader.references(await selectionRoot(side.side.storePath, side.kind)));
}

/** Diffs two resolved sides; refuses a side against itself. */
export async function diffSides(reader: ClosureReader, from: ResolvedSide, to: ResolvedSide): Promise<Diff> {
  if (from.side.storePath === to.side.storePath) {
    const same = from.side.number !== null && from.side.number === to.side.number && from.side.profile === to.side.profile;
    throw new GentryError('bad-input', same ? `both sides are generation ${from.side.number} of ${from.side.profile}` : `both sides are the same store path (${from.side.storePath})`, 'Pick two different generations.');
  }
  const [before, after, selBefore, selAfter] = await Promise.all([reader.closure(from.side.storePath), reader.closure(to.side.storePath), selected(reader, from), selected(reader, to)]);
  const { packages, summary } = diffClosures({ paths: before, selected: selBefore }, { paths: after, selected: selAfter });
  return { from: from.side, to: to.side, packages, summary };
}
