// "Copy as text": the rows shown, as plain lines grouped by kind, e.g. "[U*] kicad 8.0.1 → 8.0.2 +12.3 MiB".
import type { PackageDiff } from '../../../../common/contract/index.ts';
import { formatSizeDelta, formatVersions, sizeDelta } from '../../../../common/diff-format.ts';
import { DIFF_KINDS, KIND_INFO, SELECTION_INFO } from '../../../../common/diff-kinds.ts';

/** One row as a line: kind letter, selection mark, name, versions before → after, size change. */
export function rowAsText(row: PackageDiff): string {
  const tag = `[${KIND_INFO[row.status].letter}${SELECTION_INFO[row.selected].mark}]`;
  return `${tag} ${row.name} ${formatVersions(row.before)} → ${formatVersions(row.after)} ${formatSizeDelta(sizeDelta(row))}`;
}

/** What the letters and marks of the copied lines mean. */
export const TEXT_LEGEND =
  `${DIFF_KINDS.map((kind) => `${KIND_INFO[kind].letter} ${kind}`).join(', ')}; ` +
  '* selected, + newly selected, - no longer selected, . not selected';

/** Options of {@link rowsAsText}. */
export type TextOptions = { title?: string; legend?: boolean };

/**
 * The rows as text: an optional title line, then one block per kind that has rows ("Upgraded (3)" and
 * its lines, in the order given), blocks in the summary's kind order, separated by blank lines; an
 * optional legend last.
 */
export function rowsAsText(rows: readonly PackageDiff[], options: TextOptions = {}): string {
  const blocks: string[] = [];
  if (options.title) blocks.push(options.title);
  const before = blocks.length;
  for (const kind of DIFF_KINDS) {
    const lines = rows.filter((row) => row.status === kind).map(rowAsText);
    if (lines.length > 0) blocks.push([`${KIND_INFO[kind].label} (${lines.length})`, ...lines].join('\n'));
  }
  if (blocks.length === before) blocks.push('No differences.');
  if (options.legend) blocks.push(`Legend: ${TEXT_LEGEND}`);
  return `${blocks.join('\n\n')}\n`;
}
