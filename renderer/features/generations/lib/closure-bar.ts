// The small bar beside a closure size: its length relative to the largest closure in the profile.
import type { Generation } from '../../../../common/contract/index.ts';

/** The largest closure size among the generations, or 0 when none is known. */
export function largestClosure(generations: readonly Generation[]): number {
  let largest = 0;
  for (const generation of generations) {
    if (generation.closureSize !== null && generation.closureSize > largest) largest = generation.closureSize;
  }
  return largest;
}

/** How much of the bar to fill (0 to 1) for `size` when the largest closure is `largest`. */
export function barFraction(size: number | null, largest: number): number {
  if (size === null || largest <= 0 || size <= 0) return 0;
  return Math.min(1, size / largest);
}
