// Did a run make a new generation? The profile's current generation before and after it
// (main/nix/profile-links.ts), for the summary's `generation`, so the UI can open the diff.
import type { RunSummary } from '../../common/contract/index.ts';
import { readProfileLinks } from '../nix/profile-links.ts';
import type { GenerationWatch } from './recipes.ts';

/** The profile's current generation now, or null when it cannot be read. */
export async function currentGeneration(profile: string): Promise<number | null> {
  try {
    return (await readProfileLinks(profile)).current;
  } catch {
    return null;
  }
}

/** The generation a run produced: the current one when it differs from the one before the run. */
export async function newGeneration(watch: GenerationWatch, before: number | null): Promise<RunSummary['generation']> {
  const after = await currentGeneration(watch.profile);
  if (after === null || after === before) return null;
  return { kind: watch.kind, name: watch.name, number: after, previous: before };
}
