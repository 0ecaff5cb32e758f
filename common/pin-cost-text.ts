// The cost of a pin in words (issue 16), the same in the window and on the command line:
// "fetch 312.0 MiB from cache.nixos.org, build nothing", "build 1,214 derivations including
// gcc-13.2.0, fetch 2.1 MiB from cache.nixos.org", "not checked: <reason>". Pure.
import type { PinCostInfo } from './contract/pin-cost.ts';
import { formatSize } from './format-size.ts';

let grouping: Intl.NumberFormat | null = null;
const count = (n: number): string => (grouping ??= new Intl.NumberFormat('en')).format(n);

/** A cache URL as a person names it: its host (cache.nixos.org), or the path of a file:// cache. */
export function cacheName(url: string): string {
  if (url.startsWith('file://')) return url.slice('file://'.length);
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/?#]+)/i.exec(url)?.[1] ?? url;
}

/** The names of several things: "a", "a and b", "a, b and c". */
function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** At most this many compilers and toolchains are named in the line. */
const NAMED_BIG = 3;

/** The cost in one line. */
export function pinCostLine(cost: PinCostInfo): string {
  if (cost.state !== 'checked') return `not checked: ${cost.reason}`;
  if (cost.outputsInStore) return 'already in the store: nothing to fetch, nothing to build';
  const parts: string[] = [];
  if (cost.toBuild.length > 0) {
    const n = cost.toBuild.length;
    const big = cost.bigBuilds.slice(0, NAMED_BIG);
    const more = cost.bigBuilds.length - big.length;
    const including = big.length > 0 ? ` including ${names(more > 0 ? [...big, `${count(more)} more compilers or toolchains`] : big)}` : '';
    parts.push(`build ${count(n)} derivation${n === 1 ? '' : 's'}${including}`);
  }
  if (cost.toFetch.length > 0) {
    const from = [...new Set(cost.toFetch.map((f) => f.from).filter((u): u is string => u !== null))].map(cacheName);
    const unsized = cost.toFetch.filter((f) => f.fileSize === null).length;
    const size = unsized === cost.toFetch.length ? `${count(cost.toFetch.length)} paths` : `${formatSize(cost.downloadBytes)}${unsized > 0 ? ` (and ${count(unsized)} paths of unknown size)` : ''}`;
    parts.push(`fetch ${size}${from.length > 0 ? ` from ${names(from)}` : ''}`);
  }
  if (cost.toBuild.length === 0) parts.push('build nothing');
  if (cost.toFetch.length === 0 && cost.toBuild.length > 0) parts.push('fetch nothing');
  if (cost.unknown.length > 0) parts.push(`Nix can neither build nor fetch ${count(cost.unknown.length)} path${cost.unknown.length === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** True when the cost is known (a line with figures), false when it is "not checked". */
export function pinCostKnown(cost: PinCostInfo): boolean {
  return cost.state === 'checked';
}
