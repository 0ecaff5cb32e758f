// The text form of `gentry list`: one table per profile, readable in 80 columns.
import type { Generation, Profile, ProfileList } from '../../common/contract/index.ts';
import { formatSize } from '../../common/format-size.ts';
import { formatGuixProfile } from './format-guix.ts';

/** A closure size for the table, `-` when unknown. */
function formatBytes(n: number | null): string {
  return n === null ? '-' : formatSize(n);
}

function localDate(iso: string): string {
  const d = new Date(iso);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function version(p: Profile, g: Generation): string {
  if (p.kind === 'system') return g.nixosVersion ?? '-';
  if (p.kind === 'home') return g.homeManagerVersion ?? '-';
  return g.packages ? `${g.packages.length} packages` : '-';
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** Renders one profile as a table. */
export function formatProfile(p: Profile): string {
  const lines = [`${p.kind} ${p.name}  ${p.path}  (${p.generations.length} generation${p.generations.length === 1 ? '' : 's'})`];
  if (p.problem) lines.push(`  ! ${p.problem}`);
  const rows = p.generations.map((g) => {
    const marks = [g.current ? 'current' : '', g.booted ? 'booted' : ''].filter(Boolean).join(',');
    const cells = [String(g.number).padStart(5), localDate(g.date), version(p, g)];
    if (p.kind === 'system') cells.push(g.kernelVersion ?? '-');
    cells.push(formatBytes(g.closureSize).padStart(10), marks);
    if (g.specialisations.length) cells.push(`[${g.specialisations.join(' ')}]`);
    return cells;
  });
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  rows.forEach((r, k) => {
    lines.push(`  ${r.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd()}`);
    const g = p.generations[k] as Generation;
    if (g.label) lines.push(`        “${g.label}”${g.note ? ` — ${g.note}` : ''}`);
    if (g.problem) lines.push(`        ! ${g.problem}`);
  });
  return lines.join('\n');
}

/** Renders every profile. */
export function formatProfileList(list: ProfileList): string {
  return [...list.profiles.map(formatProfile), ...(list.guixProfiles ?? []).map(formatGuixProfile)].join('\n\n');
}
