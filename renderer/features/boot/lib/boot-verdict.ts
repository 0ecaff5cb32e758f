// The boot view's verdict: which entry the firmware boots next, why that one, and whether it can boot.
import type { BootEntry, BootEntryProblem, BootMenu } from '../../../../common/contract/index.ts';

/** What the next boot does. */
export type BootVerdict = {
  /** The entry the next boot starts, or null when the menu has none. */
  entry: BootEntry | null;
  /** Why that entry: the one-shot entry, the default, or the first entry (no default matches). */
  via: 'oneshot' | 'default' | 'first' | 'none';
  /** What keeps it from booting (empty: nothing Gentry knows of). */
  problems: readonly BootEntryProblem[];
  /** The first entry after it in the menu that has no problem (a way out when it cannot boot). */
  fallback: BootEntry | null;
};

/** The problems of an entry (an older server sends none). */
export function entryProblems(entry: Pick<BootEntry, 'problems'>): readonly BootEntryProblem[] {
  return entry.problems ?? [];
}

/** The verdict of `menu`: the one-shot entry wins over the default, the default over the first entry. */
export function bootVerdict(menu: Pick<BootMenu, 'entries' | 'oneshot'>): BootVerdict {
  const oneshot = menu.oneshot ? (menu.entries.find((e) => e.id === menu.oneshot?.id) ?? null) : null;
  const byDefault = menu.entries.find((e) => e.isDefault) ?? null;
  const entry = oneshot ?? byDefault ?? menu.entries[0] ?? null;
  const via = oneshot ? 'oneshot' : byDefault ? 'default' : entry ? 'first' : 'none';
  const problems = entry ? entryProblems(entry) : [];
  const fallback = problems.length > 0 ? (menu.entries.find((e) => e !== entry && entryProblems(e).length === 0) ?? null) : null;
  return { entry, via, problems, fallback };
}
