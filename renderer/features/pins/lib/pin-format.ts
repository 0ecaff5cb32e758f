// How pins read on screen: their age, their source and revision, their problems' names and the
// worst severity among them, and a pins.json entry as text.
import type { Pin, PinProblem } from '../../../../common/contract/index.ts';
import { shortRevision } from '../../../shared/lib/revision.ts';

/** A pin older than this many days is shown with a warning (it may have been fixed upstream since). */
export const OLD_PIN_DAYS = 30;

const DAY = 86_400_000;

/** A pin's age: "today", "1 day", "12 days"; `old` past {@link OLD_PIN_DAYS}; null fields when `created` is not a date. */
export function pinAge(created: string, now: number): { text: string; days: number | null; old: boolean } {
  const ms = Date.parse(created);
  if (Number.isNaN(ms)) return { text: 'unknown', days: null, old: false };
  const days = Math.max(0, Math.floor((now - ms) / DAY));
  const text = days === 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
  return { text, days, old: days > OLD_PIN_DAYS };
}

/** Where a pin comes from, short: "github:NixOS/nixpkgs@1a2b3c4". */
export function sourceAtRev(pin: Pick<Pin, 'source' | 'rev'>): string {
  return `${pin.source}@${shortRevision(pin.rev)}`;
}

/** The short name of each kind of problem, for its badge. */
export const PROBLEM_LABELS: Readonly<Record<PinProblem['kind'], string>> = {
  'missing-attr': 'missing attribute',
  'version-mismatch': 'version mismatch',
  conflict: 'conflict',
  'no-change': 'no change',
  old: 'old pin',
  'fixed-upstream': 'fixed upstream?',
  'not-in-store': 'not in store',
  'no-narhash': 'no narHash',
  unreadable: 'unreadable',
};

/** The worst severity among problems: "error", "warning", or null when there are none. */
export function worstSeverity(problems: readonly Pick<PinProblem, 'severity'>[]): PinProblem['severity'] | null {
  if (problems.some((problem) => problem.severity === 'error')) return 'error';
  return problems.length > 0 ? 'warning' : null;
}

/** Problems with errors first, then warnings, each group in the order given. */
export function problemsInOrder<T extends Pick<PinProblem, 'severity'>>(problems: readonly T[]): T[] {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
}

/** "1 problem", "3 problems", "no problems". */
export function problemCount(count: number): string {
  return count === 0 ? 'no problems' : count === 1 ? '1 problem' : `${count} problems`;
}

/** A pins.json entry as it is written: two-space indented JSON. */
export function entryText(entry: Pin): string {
  return JSON.stringify(entry, null, 2);
}

/** Where a pin came from, in words: "system #41", or "" when it was pinned by hand. */
export function fromGenerationText(pin: Pick<Pin, 'fromGeneration'>): string {
  return pin.fromGeneration ? `${pin.fromGeneration.profile.replace(/^.*\//, '')} #${pin.fromGeneration.number}` : '';
}
