// The diff between two Guix generations: the top-level manifest entries by name and output (added, removed,
// upgraded, downgraded, or the same versions from other store items), and the channels whose commit moved.
import type { GuixChannelChange, GuixDiff, GuixPackageChange, GuixProfileKind } from '../../common/contract/index.ts';
import { compareVersions } from '../../common/compare-versions.ts';
import type { GuixChannel } from './provenance.ts';
import type { GuixGeneration } from './read-guix-profile.ts';

interface Group {
  name: string;
  output: string;
  versions: string[];
  items: string[];
}

const sortVersions = (vs: string[]) => [...new Set(vs)].sort(compareVersions);

function groups(g: GuixGeneration): Map<string, Group> {
  const out = new Map<string, Group>();
  for (const e of g.manifest?.entries ?? []) {
    const k = `${e.name}\u0000${e.output}`;
    const found = out.get(k) ?? { name: e.name, output: e.output, versions: [], items: [] };
    found.versions.push(e.version);
    found.items.push(e.item);
    out.set(k, found);
  }
  return out;
}

function status(before: string[], after: string[]): GuixPackageChange['status'] {
  if (before.length === 0) return 'added';
  if (after.length === 0) return 'removed';
  if (before.length === 1 && after.length === 1 && before[0] !== after[0]) return compareVersions(before[0]!, after[0]!) < 0 ? 'upgraded' : 'downgraded';
  return 'changed';
}

/** The package changes from `a` to `b`, sorted by name then output. */
export function guixPackageChanges(a: GuixGeneration, b: GuixGeneration): GuixPackageChange[] {
  const [ga, gb] = [groups(a), groups(b)];
  const out: GuixPackageChange[] = [];
  for (const k of new Set([...ga.keys(), ...gb.keys()])) {
    const x = ga.get(k);
    const y = gb.get(k);
    const itemsBefore = [...new Set(x?.items ?? [])].sort();
    const itemsAfter = [...new Set(y?.items ?? [])].sort();
    if (itemsBefore.join('\n') === itemsAfter.join('\n')) continue;
    const before = sortVersions(x?.versions ?? []);
    const after = sortVersions(y?.versions ?? []);
    out.push({ name: (x ?? y)!.name, output: (x ?? y)!.output, status: status(before, after), before, after, itemsBefore, itemsAfter });
  }
  return out.sort((p, q) => (p.name < q.name ? -1 : p.name > q.name ? 1 : p.output < q.output ? -1 : p.output > q.output ? 1 : 0));
}

/** The channels whose commit differs from `a` to `b` (by channel name), in `b`'s order then the removed ones. */
export function guixChannelChanges(a: GuixChannel[], b: GuixChannel[]): GuixChannelChange[] {
  const before = new Map(a.map((c) => [c.name, c]));
  const after = new Map(b.map((c) => [c.name, c]));
  const out: GuixChannelChange[] = [];
  for (const c of b) {
    const old = before.get(c.name);
    if (old === undefined || old.commit !== c.commit) out.push({ name: c.name, url: c.url, before: old?.commit ?? null, after: c.commit });
  }
  for (const c of a) if (!after.has(c.name)) out.push({ name: c.name, url: c.url, before: c.commit, after: null });
  return out;
}

/** The whole diff between two generations read by read-guix-profile.ts. */
export function guixDiff(kindA: GuixProfileKind, a: GuixGeneration, kindB: GuixProfileKind, b: GuixGeneration): GuixDiff {
  const packages = guixPackageChanges(a, b);
  const channels = guixChannelChanges(a.provenance?.channels ?? [], b.provenance?.channels ?? []);
  const count = (s: GuixPackageChange['status']) => packages.filter((p) => p.status === s).length;
  return {
    from: { kind: kindA, number: a.number, fileName: a.fileName, storePath: a.canonicalFileName },
    to: { kind: kindB, number: b.number, fileName: b.fileName, storePath: b.canonicalFileName },
    packages,
    channels,
    summary: { added: count('added'), removed: count('removed'), upgraded: count('upgraded'), downgraded: count('downgraded'), changed: count('changed'), channelsMoved: channels.length },
  };
}
