// The text form of the Guix profiles in `gentry list`, and of `gentry diff guix-…:N guix-…:M` and
// `gentry history --profile guix-…`.
import type { GuixDiff, GuixGenerationRow, GuixPackageChange, GuixProfile } from '../../common/contract/index.ts';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

function localDate(iso: string | null): string {
  if (iso === null) return '-';
  const d = new Date(iso);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A generation's channels as `guix@1a2b3c4 nonguix@e0f1c2d` (the commits shortened as git does). */
export function formatChannels(g: Pick<GuixGenerationRow, 'channels'>): string {
  return g.channels.map((c) => `${c.name}@${c.commit === null ? '?' : c.commit.slice(0, 7)}`).join(' ') || '-';
}

/** Renders one Guix profile as a table: number, date, channels, what it boots (system), packages, marks. */
export function formatGuixProfile(p: GuixProfile): string {
  const lines = [`${p.kind}  ${p.path}  (${p.generations.length} generation${p.generations.length === 1 ? '' : 's'})`];
  if (p.problem) lines.push(`  ! ${p.problem}`);
  const rows = p.generations.map((g) => {
    const cells = [String(g.number).padStart(5), localDate(g.date)];
    if (p.kind !== 'guix-user') cells.push(formatChannels(g));
    if (p.kind === 'guix-system') cells.push(g.boot?.label ?? '-');
    cells.push(g.packages === null ? '-' : `${g.packages.length} package${g.packages.length === 1 ? '' : 's'}`, g.current ? 'current' : '');
    return cells;
  });
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  rows.forEach((r, k) => {
    lines.push(`  ${r.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd()}`);
    const g = p.generations[k]!;
    if (g.problem) lines.push(`        ! ${g.problem}`);
  });
  return lines.join('\n');
}

const LETTER: Record<GuixPackageChange['status'], string> = { added: 'A', removed: 'R', upgraded: 'U', downgraded: 'D', changed: 'C' };
const TITLE: Record<GuixPackageChange['status'], string> = { upgraded: 'Upgraded', downgraded: 'Downgraded', changed: 'Same version, other store item', added: 'Added', removed: 'Removed' };
const versions = (vs: string[]) => vs.join(', ') || '-';

/** Renders one Guix diff: the channels that moved, then the packages by kind of change. */
export function formatGuixDiff(d: GuixDiff): string {
  const lines = [`${d.from.kind} ${d.from.number} → ${d.to.kind} ${d.to.number}`];
  if (d.channels.length) {
    lines.push('', `Channels (${d.channels.length}):`);
    for (const c of d.channels) lines.push(`  ${pad(c.name, 12)}  ${c.before?.slice(0, 12) ?? '(none)'} → ${c.after?.slice(0, 12) ?? '(none)'}`);
  }
  if (d.packages.length === 0) lines.push('', 'No package changed.');
  const label = (p: GuixPackageChange) => (p.output === 'out' ? p.name : `${p.name}:${p.output}`);
  const width = Math.min(32, Math.max(0, ...d.packages.map((p) => label(p).length)));
  for (const status of ['upgraded', 'downgraded', 'changed', 'added', 'removed'] as const) {
    const rows = d.packages.filter((p) => p.status === status);
    if (rows.length === 0) continue;
    lines.push('', `${TITLE[status]} (${rows.length}):`);
    for (const p of rows) {
      const v = status === 'added' ? versions(p.after) : status === 'removed' ? versions(p.before) : status === 'changed' ? versions(p.after) : `${versions(p.before)} → ${versions(p.after)}`;
      lines.push(`  [${LETTER[status]}] ${pad(label(p), width)}  ${v}`.trimEnd());
    }
  }
  return lines.join('\n');
}
