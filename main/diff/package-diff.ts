// The diff engine: two closures (paths with their narSize) and their selected packages in, one row
// per package name whose versions or store paths differ out, classified as nvd and dix do.
import { compareVersions } from '../../common/compare-versions.ts';
import type { DiffStatus, DiffSummary, PackageDiff, Selection } from '../../common/contract/index.ts';
import { packageKey } from './package-name.ts';

/** One side of a diff: every path of the closure with its narSize, and the selected paths. */
export interface ClosureSide {
  paths: ReadonlyMap<string, number>;
  /** Direct references of `sw` (NixOS), `home-path` (home-manager) or the profile (user). */
  selected: ReadonlySet<string>;
}

/** What the engine computes; `from`/`to` are added by the caller. */
export interface PackageDiffResult {
  packages: PackageDiff[];
  summary: DiffSummary;
}

interface NameGroup {
  versions: Set<string>;
  paths: string[];
  size: number;
  selected: boolean;
}

function group(side: ClosureSide): Map<string, NameGroup> {
  const groups = new Map<string, NameGroup>();
  for (const [path, size] of side.paths) {
    const { name, version } = packageKey(path);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { versions: new Set(), paths: [], size: 0, selected: false }));
    g.versions.add(version);
    g.paths.push(path);
    g.size += size;
    if (side.selected.has(path)) g.selected = true;
  }
  return groups;
}

/** Classifies two non-identical version sets: every old below every new is an upgrade, and so on. */
export function classify(before: readonly string[], after: readonly string[]): DiffStatus {
  if (before.length === 0) return 'added';
  if (after.length === 0) return 'removed';
  const same = before.length === after.length && before.every((v) => after.includes(v));
  if (same) return 'rebuilt';
  if (before.every((b) => after.every((a) => compareVersions(b, a) < 0))) return 'upgraded';
  if (before.every((b) => after.every((a) => compareVersions(b, a) > 0))) return 'downgraded';
  return 'changed';
}

function selection(before: boolean, after: boolean): Selection {
  if (before && after) return 'both';
  if (before) return 'before';
  return after ? 'after' : 'none';
}

const byVersion = (a: string, b: string) => compareVersions(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Diffs two closures by package name. */
export function diffClosures(before: ClosureSide, after: ClosureSide): PackageDiffResult {
  const b = group(before);
  const a = group(after);
  const names = [...new Set([...b.keys(), ...a.keys()])].sort();
  const packages: PackageDiff[] = [];
  const summary: DiffSummary = { upgraded: 0, downgraded: 0, changed: 0, added: 0, removed: 0, rebuilt: 0, closureSizeBefore: 0, closureSizeAfter: 0, pathsAdded: 0, pathsRemoved: 0 };
  for (const name of names) {
    const gb = b.get(name);
    const ga = a.get(name);
    const pathsBefore = (gb?.paths ?? []).sort();
    const pathsAfter = (ga?.paths ?? []).sort();
    if (pathsBefore.length === pathsAfter.length && pathsBefore.every((p, i) => p === pathsAfter[i])) continue;
    const versionsBefore = [...(gb?.versions ?? [])].sort(byVersion);
    const versionsAfter = [...(ga?.versions ?? [])].sort(byVersion);
    const status = classify(versionsBefore, versionsAfter);
    summary[status]++;
    packages.push({
      name,
      before: versionsBefore,
      after: versionsAfter,
      status,
      selected: selection(gb?.selected ?? false, ga?.selected ?? false),
      sizeBefore: gb?.size ?? 0,
      sizeAfter: ga?.size ?? 0,
      pathsBefore,
      pathsAfter,
    });
  }
  for (const [path, size] of before.paths) {
    summary.closureSizeBefore += size;
    if (!after.paths.has(path)) summary.pathsRemoved++;
  }
  for (const [path, size] of after.paths) {
    summary.closureSizeAfter += size;
    if (!before.paths.has(path)) summary.pathsAdded++;
  }
  return { packages, summary };
}
