// After a rebuild (issue 16): for each pin, whether the run fetched its package from a binary cache,
// built it here, or did neither (it was in the store already, or the rebuild does not use it), from what
// Nix's log says the run realised. A package is the pin's attribute and version as its store paths name
// it: `kicad-8.0.1`, and its other outputs (`kicad-8.0.1-doc`). Pure.
import type { Pin, Realised } from '../../../../common/contract/index.ts';
import { cacheName } from '../../../../common/pin-cost-text.ts';

/** What the run did with a pinned package. */
export type PinOutcome =
  | { attr: string; version: string; outcome: 'built' }
  | { attr: string; version: string; outcome: 'fetched'; from: string[] }
  | { attr: string; version: string; outcome: 'neither'; truncated: boolean };

/** True when a store name (without hash) is the package `name-version`, or one of its outputs. */
function isPackage(storeName: string, nameVersion: string): boolean {
  return storeName === nameVersion || (storeName.startsWith(`${nameVersion}-`) && /^[a-z]+$/.test(storeName.slice(nameVersion.length + 1)));
}

/** The outcome of each pin (one per attribute and version). */
export function pinOutcomes(pins: readonly Pick<Pin, 'attr' | 'version'>[], realised: Realised): PinOutcome[] {
  const seen = new Set<string>();
  const out: PinOutcome[] = [];
  for (const { attr, version } of pins) {
    const key = `${attr}-${version}`;
    if (seen.has(key) || version === '') continue;
    seen.add(key);
    if (realised.built.some((b) => isPackage(b, key))) out.push({ attr, version, outcome: 'built' });
    else {
      const from = [...new Set(realised.fetched.filter((f) => isPackage(f.name, key)).map((f) => cacheName(f.from)))];
      out.push(from.length > 0 ? { attr, version, outcome: 'fetched', from } : { attr, version, outcome: 'neither', truncated: realised.truncated });
    }
  }
  return out;
}

/** The sentence for one outcome. */
export function pinOutcomeText(o: PinOutcome): string {
  const what = `${o.attr} ${o.version}`;
  if (o.outcome === 'built') return `${what} was built on this machine.`;
  if (o.outcome === 'fetched') return `${what} was fetched from ${o.from.join(' and ')}, not built.`;
  return o.truncated
    ? `${what}: not among the first paths this run built or fetched (the run did too much to list it all).`
    : `${what} was neither built nor fetched: it was in the store already, or this rebuild does not use the pin.`;
}
