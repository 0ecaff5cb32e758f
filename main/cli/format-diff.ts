// The text form of `gentry diff` and `gentry history`: grouped by kind, selected packages marked,
// readable at a glance in 80 columns.
import type { Diff, DiffSide, PackageDiff } from '../../common/contract/index.ts';
import { formatSizeDelta, formatVersions, sizeDelta } from '../../common/diff-format.ts';
import { DIFF_KINDS, KIND_INFO, SELECTION_INFO } from '../../common/diff-kinds.ts';
import { formatSize } from '../../common/format-size.ts';

/** A side's name: `system 20`, `home-manager 7`, or the store path. */
export function formatSide(side: DiffSide): string {
  return side.profile !== null && side.number !== null ? `${side.profile} ${side.number}` : side.storePath;
}

function row(p: PackageDiff, nameWidth: number): string {
  const versions = p.status === 'rebuilt' ? formatVersions(p.after) : `${formatVersions(p.before)} → ${formatVersions(p.after)}`;
  const head = `  [${KIND_INFO[p.status].letter}${SELECTION_INFO[p.selected].mark}] ${p.name.padEnd(nameWidth)}  `;
  const delta = formatSizeDelta(sizeDelta(p));
  const room = 80 - head.length - delta.length - 2;
  const shown = versions.length > room && room > 8 ? `${versions.slice(0, room - 1)}…` : versions;
  return `${head}${shown.padEnd(Math.max(room, shown.length))}  ${delta}`.trimEnd();
}

/** Renders one diff. */
export function formatDiff(diff: Diff): string {
  const s = diff.summary;
  const lines = [
    `${formatSide(diff.from)} → ${formatSide(diff.to)}`,
    `Closure: ${formatSize(s.closureSizeBefore)} → ${formatSize(s.closureSizeAfter)} (${formatSizeDelta(s.closureSizeAfter - s.closureSizeBefore)}); ${s.pathsAdded} paths added, ${s.pathsRemoved} removed`,
  ];
  if (diff.packages.length === 0) lines.push('No package changed.');
  const nameWidth = Math.min(28, Math.max(0, ...diff.packages.map((p) => p.name.length)));
  for (const kind of DIFF_KINDS) {
    const rows = diff.packages.filter((p) => p.status === kind);
    if (rows.length === 0) continue;
    lines.push('', `${KIND_INFO[kind].label} (${rows.length}):`);
    for (const p of rows) lines.push(row(p, nameWidth));
  }
  return lines.join('\n');
}
