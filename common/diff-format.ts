// How a diff row's versions and size change read, on screen and in copied text.
import { formatSize } from './format-size.ts';
import type { PackageDiff } from './contract/index.ts';

/** Versions joined with ", ": `∅` when there are none, `ε` for an empty version string. */
export function formatVersions(versions: readonly string[]): string {
  if (versions.length === 0) return '∅';
  return versions.map((version) => (version === '' ? 'ε' : version)).join(', ');
}

/** The change in bytes a row stands for: sizeAfter − sizeBefore. */
export function sizeDelta(row: Pick<PackageDiff, 'sizeBefore' | 'sizeAfter'>): number {
  return row.sizeAfter - row.sizeBefore;
}

/** A signed size change in 1024-based units: "+12.3 MiB", "−512 B", "0 B". */
export function formatSizeDelta(bytes: number): string {
  if (bytes === 0) return '0 B';
  return `${bytes > 0 ? '+' : '−'}${formatSize(Math.abs(bytes))}`;
}
