// The text form of `gentry pins list|check|add|suggest`: what a person reads on a terminal.
import type { Pin, PinCostInfo, PinProblem, PinSuggestions, PinTarget, RankedPinCost } from '../../common/contract/index.ts';
import { formatSize } from '../../common/format-size.ts';
import { cacheName, pinCostLine } from '../../common/pin-cost-text.ts';

const short = (rev: string): string => rev.slice(0, 12);

/** One pin's line and detail lines. */
function pinLines(pin: Pin, carried: PinTarget['carried'][number] | undefined): string[] {
  const now = carried === undefined ? '' : carried.carried ? '   carried by the current generation' : `   not carried yet (current: ${carried.currentVersions.join(', ') || 'none'})`;
  const lines = [`  ${pin.attr} ${pin.version}   ${pin.source} ${short(pin.rev)}${now}`];
  const from = pin.fromGeneration ? `from ${pin.fromGeneration.profile} ${pin.fromGeneration.number}, ` : '';
  lines.push(`      ${from}pinned ${pin.created}${pin.narHash ? '' : pin.source.startsWith('github:') ? ', no narHash' : ''}`);
  if (pin.reason) lines.push(`      reason: ${pin.reason}`);
  return lines;
}

/** Problems, one per line (errors first). */
export function formatProblems(problems: readonly PinProblem[]): string[] {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return sorted.map((p) => `  ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.attr ? `${p.attr} (${p.kind})` : p.kind}: ${p.message}`);
}

/** A target with its pins, what is carried, and its problems. */
export function formatTarget(t: PinTarget, withProblems: boolean): string {
  const out = [`${t.name} (${t.kind}) ${t.path}`, `Wire it in once:  ${t.wiring}`, ''];
  if (t.pins.length === 0) out.push('  no pins');
  for (const pin of t.pins) out.push(...pinLines(pin, t.carried.find((c) => c.attr === pin.attr)));
  if (withProblems) {
    out.push('');
    out.push(t.problems.length === 0 ? 'No problems.' : `${t.problems.length} problem${t.problems.length === 1 ? '' : 's'}:`);
    out.push(...formatProblems(t.problems));
  } else if (t.problems.length > 0) {
    out.push('', `${t.problems.length} problem${t.problems.length === 1 ? '' : 's'}: see \`gentry pins check\`.`);
  }
  return out.join('\n');
}

/** Generation numbers as ranges per profile: `system 3–7, 9; home-manager 2`. */
export function generationRanges(gens: readonly { profile: string; number: number }[]): string {
  const byProfile = new Map<string, number[]>();
  for (const g of gens) {
    const list = byProfile.get(g.profile);
    if (list) list.push(g.number);
    else byProfile.set(g.profile, [g.number]);
  }
  const parts: string[] = [];
  for (const [profile, numbers] of byProfile) {
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    const ranges: string[] = [];
    let start = sorted[0] as number;
    let prev = start;
    for (const n of [...sorted.slice(1), Number.NaN]) {
      if (n === prev + 1) {
        prev = n;
        continue;
      }
      ranges.push(start === prev ? String(start) : `${start}–${prev}`);
      start = n;
      prev = n;
    }
    parts.push(`${profile} ${ranges.join(', ')}`);
  }
  return parts.join('; ');
}

/** Every version found, oldest first, with where it was seen. */
export function formatSuggestions(s: PinSuggestions, notices: readonly string[]): string {
  if (s.versions.length === 0) return `No generation here has a package named ${s.attr}.`;
  const width = Math.max(...s.versions.map((v) => v.version.length));
  const out = [`${s.attr}: ${s.versions.length} version${s.versions.length === 1 ? '' : 's'}`];
  for (const v of s.versions) {
    const rev = v.nixpkgsRevision ? `nixpkgs ${short(v.nixpkgsRevision)}` : 'nixpkgs unknown';
    const where = v.generations.length ? generationRanges(v.generations) : 'no generation (found in the checkout)';
    out.push(`  ${v.version.padEnd(width)}  ${rev.padEnd(20)}  ${v.inStore ? 'in store    ' : 'not in store'}  ${where}`);
  }
  for (const n of notices) out.push(`(${n})`);
  out.push('', `Pin one: gentry pins add ${s.attr} --overlay DIR --from-generation N [--profile NAME]`);
  if (s.versions.some((v) => v.generations.length === 0)) out.push(`     or: gentry pins add ${s.attr} --overlay DIR --source github:NixOS/nixpkgs --rev REV (a revision from the checkout)`);
  return out.join('\n');
}

/** At most this many derivations are listed under a cost. */
const LISTED_BUILDS = 12;

/** A pin's cost: the line, then what is built (the big ones first), the caches asked, and Nix's own figures. */
export function formatCost(cost: PinCostInfo): string[] {
  const out = [`Cost: ${pinCostLine(cost)}`];
  if (cost.state === 'failed') return out;
  if (cost.state === 'not-checked') {
    out.push(`  ${cost.missingLocally} derivation${cost.missingLocally === 1 ? ' is' : 's are'} not in the local store (some may be in a binary cache).`);
  } else {
    const builds = [...cost.toBuild].sort((a, b) => Number(b.big) - Number(a.big));
    for (const b of builds.slice(0, LISTED_BUILDS)) out.push(`  build  ${b.drvPath}${b.big ? '   (compiler or toolchain)' : ''}`);
    if (builds.length > LISTED_BUILDS) out.push(`  … and ${builds.length - LISTED_BUILDS} more to build (--json lists them all)`);
    if (cost.toFetch.length > 0) out.push(`  fetch  ${cost.toFetch.length} path${cost.toFetch.length === 1 ? '' : 's'}: ${formatSize(cost.downloadBytes)} download, ${formatSize(cost.unpackedBytes)} unpacked`);
    for (const u of cost.unknown) out.push(`  Nix can neither build nor fetch ${u}`);
    out.push(`  (${cost.via}; ${cost.inStore} path${cost.inStore === 1 ? '' : 's'} of the closure already in the local store)`);
  }
  for (const s of cost.substituters) out.push(`  cache ${cacheName(s.url)}: ${s.reachable ? `has ${s.has} of the paths to fetch` : `not asked: ${s.reason}`}`);
  return out;
}

/** Candidate revisions, best first, each with its cost line. */
export function formatRanking(attr: string, ranked: readonly RankedPinCost[]): string[] {
  const out = [`Revisions for ${attr}, cheapest first:`];
  for (const [i, r] of ranked.entries()) {
    const date = r.date ? ` ${r.date.slice(0, 10)}` : '';
    out.push(`  ${i + 1}. ${r.source} ${short(r.rev)}${date}   ${pinCostLine(r.cost)}`);
  }
  const best = ranked[0];
  if (best && best.cost.state === 'checked') out.push('', `Pin the first: gentry pins add ${attr} --overlay DIR --source ${best.source} --rev ${best.rev}`);
  return out;
}
