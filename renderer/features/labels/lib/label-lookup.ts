// Finding a generation (and so its label) from a reference, in the one profile list every view shares.
import type { Generation, GenerationRef, Profile } from '../../../../common/contract/index.ts';

/** The generation `ref` names in `profiles`, or null when the list does not have it. */
export function findGeneration(profiles: readonly Profile[] | null, ref: GenerationRef): Generation | null {
  const profile = profiles?.find((p) => p.kind === ref.kind && p.name === ref.name);
  return profile?.generations.find((g) => g.number === ref.number) ?? null;
}
