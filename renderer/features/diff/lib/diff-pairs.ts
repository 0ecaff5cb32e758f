// Which two generations a diff compares: the one before a generation, a pair in time order, the next pair.
import type { GenerationRef, Profile } from '../../../../common/contract/index.ts';

/** The pair a diff compares, older (`from`) and newer (`to`). */
export type DiffPair = { from: GenerationRef; to: GenerationRef };

/** The generation numbers of a profile, ascending. */
export function ascendingNumbers(profile: Pick<Profile, 'generations'>): number[] {
  return profile.generations.map((generation) => generation.number).sort((a, b) => a - b);
}

/** The highest number below `number` among `numbers`, or null when `number` is the oldest. */
export function previousNumber(numbers: readonly number[], number: number): number | null {
  let best: number | null = null;
  for (const candidate of numbers) {
    if (candidate < number && (best === null || candidate > best)) best = candidate;
  }
  return best;
}

/** The pair "this generation against the one before it in the same profile", or null for the oldest. */
export function pairWithPrevious(profile: Pick<Profile, 'kind' | 'name' | 'generations'>, number: number): DiffPair | null {
  const previous = previousNumber(ascendingNumbers(profile), number);
  if (previous === null) return null;
  return { from: { kind: profile.kind, name: profile.name, number: previous }, to: { kind: profile.kind, name: profile.name, number } };
}

/** Two generations of one profile as a pair, the lower number first (null when they are the same). */
export function orderedPair(profile: Pick<Profile, 'kind' | 'name'>, a: number, b: number): DiffPair | null {
  if (a === b) return null;
  const ref = (number: number): GenerationRef => ({ kind: profile.kind, name: profile.name, number });
  return a < b ? { from: ref(a), to: ref(b) } : { from: ref(b), to: ref(a) };
}

/**
 * The pair `delta` generations along (−1 older, +1 newer): both ends move by `delta` places among
 * `numbers`; null when an end would leave the list or an end is not in it.
 */
export function steppedPair(numbers: readonly number[], pair: DiffPair, delta: number): DiffPair | null {
  const sorted = [...numbers].sort((a, b) => a - b);
  const fromIndex = sorted.indexOf(pair.from.number);
  const toIndex = sorted.indexOf(pair.to.number);
  if (fromIndex < 0 || toIndex < 0) return null;
  const from = sorted[fromIndex + delta];
  const to = sorted[toIndex + delta];
  if (from === undefined || to === undefined) return null;
  return { from: { ...pair.from, number: from }, to: { ...pair.to, number: to } };
}
