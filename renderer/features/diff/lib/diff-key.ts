// Names for generations and pairs of them: the `kind:name:number` of a ref and the cache key of a diff.
import type { GenerationRef } from '../../../../common/contract/index.ts';

/** A generation as one string: "system:system:42" (also the diff view's data-from / data-to). */
export function refKey(ref: GenerationRef): string {
  return `${ref.kind}:${ref.name}:${ref.number}`;
}

/** The key of a diff: "kind:name:from:to" within one profile, "kind:name:from>kind:name:to" across two. */
export function diffKey(from: GenerationRef, to: GenerationRef): string {
  if (from.kind === to.kind && from.name === to.name) return `${from.kind}:${from.name}:${from.number}:${to.number}`;
  return `${refKey(from)}>${refKey(to)}`;
}

/** True when two refs name the same generation. */
export function sameRef(a: GenerationRef, b: GenerationRef): boolean {
  return a.kind === b.kind && a.name === b.name && a.number === b.number;
}
