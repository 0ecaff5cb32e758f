// The words of the history chart: a generation's date, and what a point says to a screen reader and on hover.
import type { HistoryPoint } from '../../../../common/contract/index.ts';
import { formatSize } from '../../../../common/format-size.ts';
import { formatAbsolute, parseGenerationDate } from '../../../shared/lib/format-date.ts';
import { shortRevision } from '../../../shared/lib/revision.ts';

const count = new Intl.NumberFormat('en');

/** The date of a point as "2025-06-01 14:03" in local time (the raw text when it is not a date). */
export function pointDate(point: Pick<HistoryPoint, 'date'>, timeZone?: string): string {
  const ms = parseGenerationDate(point.date);
  return ms === null ? point.date : formatAbsolute(ms, timeZone).slice(0, 16);
}

/** The facts of a point, one per entry: number, date, closure size, package count, nixpkgs revision. */
export function pointFacts(point: HistoryPoint, timeZone?: string): string[] {
  const facts = [`Generation ${point.number}`, pointDate(point, timeZone)];
  facts.push(point.closureSize === null ? 'closure size unknown' : `closure ${formatSize(point.closureSize)}`);
  facts.push(point.packageCount === null ? 'package count unknown' : `${count.format(point.packageCount)} ${point.packageCount === 1 ? 'package' : 'packages'}`);
  if (point.nixpkgsRevision !== null) {
    facts.push(`nixpkgs ${shortRevision(point.nixpkgsRevision)}${point.channelUpdate ? ' (channel update)' : ''}`);
  }
  return facts;
}

/** What a point's button says: its facts and what clicking does. */
export function pointLabel(point: HistoryPoint, previous: number | null, timeZone?: string): string {
  const action = previous === null ? 'the oldest generation, nothing to compare with' : `opens its diff against generation ${previous}`;
  return `${pointFacts(point, timeZone).join(', ')}; ${action}`;
}

/** A package count with digit grouping ("12,345"). */
export function formatCount(value: number): string {
  return count.format(value);
}
