// The text form of `gentry diff` and `gentry history`: grouped by kind, selected packages marked,
// readable at a glance in 80 columns.
import type { Diff, DiffSide, DiffStatus, PackageDiff, Selection } from '../../common/contract.ts';
import { formatSize } from '../../common/format-size.ts';

const GROUPS: { status: DiffStatus; title: string; letter: string }[] = [
  { status: 'upgraded', title: 'Upgraded', letter: 'U' },
  { status: 'downgraded', title: 'Downgraded', letter: 'D' },
  { status: 'changed', title: 'Changed', letter: 'C' },
  { status: 'added', title: 'Added', letter: 'A' },
  { status: 'removed', title: 'Removed', letter: 'R' },
  { status: 'rebuilt', title: 'Rebuilt (same version, new store path)', letter: 'B' },
];

/** nvd's selection markers: `*` selected on both sides, `+` newly selected, `-` no longer, `.` neither. */
const MARK: Record<Selection, string> = { both: '*', after: '+', before: '-', none: '.' };

/** A signed size delta (`+1.2 MiB`, `-340 B`, `0 B`). */
export function formatDelta(bytes: number): string {
  if (bytes === 0) return '0 B';
  return `${bytes > 0 ? '+' : '-'}${formatSize(Math.abs(bytes))}`;
}

/** Versions as diff-closures shows them: `∅` for none, `ε` for an empty version. */
export function formatVersions(versions: readonly string[]): string {
  return versions.length === 0 ? '∅' : versions.map((v) => v || 'ε').join(', ');
}

/** A side's name: `system 20`, `home-manager 7`, or the store path. */
export function formatSide(side: DiffSide): string {
  return side.profile !== null && side.number !== null ? `${side.profile} ${side.number}` : side.storePath;
}

function row(p: PackageDiff, letter: string, nameWidth: number): string {
  const versions = p.status === 'rebuilt' ? formatVersions(p.after) : `${formatVersions(p.before)} → ${formatVersions(p.after)}`;
  const head = `  [${letter}${MARK[p.selected]}] ${p.name.padEnd(nameWidth)}  `;
  const delta = formatDelta(p.sizeAfter - p.sizeBefore);
  const room = 80 - head.length - delta.length - 2;
  const shown = versions.length > room && room > 8 ? `${versions.slice(0, room - 1)}…` : versions;
  return `${head}${shown.padEnd(Math.max(room, shown.length))}  ${delta}`.trimEnd();
}

/** Renders one diff. */
export function formatDiff(diff: Diff): string {
  const s = diff.summary;
  const lines = [
    `${formatSide(diff.from)} → ${formatSide(diff.to)}`,
    `Closure: ${formatSize(s.closureSizeBefore)} → ${formatSize(s.closureSizeAfter)} (${formatDelta(s.closureSizeAfter - s.closureSizeBefore)}); ${s.pathsAdded} paths added, ${s.pathsRemoved} removed`,
  ];
  if (diff.packages.length === 0) lines.push('No package changed.');
  const nameWidth = Math.min(28, Math.max(0, ...diff.packages.map((p) => p.name.length)));
  for (const g of GROUPS) {
    const rows = diff.packages.filter((p) => p.status === g.status);
    if (rows.length === 0) continue;
    lines.push('', `${g.title} (${rows.length}):`);
    for (const p of rows) lines.push(row(p, g.letter, nameWidth));
  }
  return lines.join('\n');
}
