// Ordering of generations in the list: newest first.
import type { Generation } from '../../../../common/contract/index.ts';

/** Returns a copy of the generations, highest number (newest) first. */
export function newestFirst(generations: readonly Generation[]): Generation[] {
  return [...generations].sort((a, b) => b.number - a.number);
}

/** Finds the index of the generation with this number in a list, or -1. */
export function indexOfNumber(generations: readonly Generation[], number: number | null): number {
  if (number === null) return -1;
  return generations.findIndex((generation) => generation.number === number);
}
