// The Guix calls of the contract (common/contract/guix.ts), loaded on their first call: the diff between two
// generations of the Guix profiles the machine's paths name.
import type { GentryHandlers, GuixGenerationRef, GuixProfileKind } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { guixDiff } from './guix-diff.ts';
import type { GuixProfilePaths } from './guix-locations.ts';
import { type GuixGeneration, readGuixGeneration } from './read-guix-profile.ts';

/** The profile link of `kind` on the machine `paths` names. */
export function guixProfileLink(paths: GuixProfilePaths | undefined, kind: GuixProfileKind): string {
  if (paths === undefined) throw new GentryError('not-found', 'this machine has no Guix profiles', null);
  return kind === 'guix-system' ? paths.system : kind === 'guix-home' ? paths.home : paths.user;
}

async function generation(paths: GuixProfilePaths | undefined, ref: GuixGenerationRef): Promise<GuixGeneration> {
  const link = guixProfileLink(paths, ref.kind);
  const g = await readGuixGeneration(ref.kind, link, ref.number);
  if (g === null) throw new GentryError('bad-input', `${ref.kind} has no generation ${ref.number} (no ${link}-${ref.number}-link)`, 'The Guix profile list shows its generations.');
  if (g.manifest === null) throw new GentryError('not-found', `the packages of ${ref.kind} generation ${ref.number} cannot be read: ${g.problems.join('; ')}`, null);
  return g;
}

/** The handlers of the Guix calls. */
export function guixHandlers(deps: ServiceDeps): Pick<GentryHandlers, 'guixDiff'> {
  return {
    guixDiff: async ({ from, to }) => {
      const paths = deps.paths().guix;
      const [a, b] = await Promise.all([generation(paths, from), generation(paths, to)]);
      return guixDiff(from.kind, a, to.kind, b);
    },
  };
}
