// One line that sums up a Progress, for a terminal's bottom line (`gentry progress` on a TTY).
import type { Progress } from '../../common/contract/index.ts';

/** Bytes as people read them: 0 B, 12.3 KiB, 4.5 MiB, 1.2 GiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${n.toFixed(1)} ${units[u]}`;
}

/** `builds 3/6 · 2 running · 1 failed · downloads 1/3 (1.2 MiB) · hello: buildPhase, world`, cut to `width` characters. */
export function statusLine(p: Progress, width = 80): string {
  const parts = [`builds ${p.builds.done}/${p.builds.expected}`];
  if (p.builds.running > 0) parts.push(`${p.builds.running} running`);
  if (p.builds.failed > 0) parts.push(`${p.builds.failed} failed`);
  if (p.downloads.expected > 0 || p.downloads.bytes > 0) parts.push(`downloads ${p.downloads.done}/${p.downloads.expected} (${formatBytes(p.downloads.bytes)})`);
  if (p.errors.length > 0 && p.builds.failed === 0) parts.push(`${p.errors.length} error${p.errors.length === 1 ? '' : 's'}`);
  if (p.active.length > 0) parts.push(p.active.map((a) => (a.phase ? `${a.name}: ${a.phase}` : a.name)).join(', '));
  const line = parts.join(' · ');
  const chars = [...line];
  return chars.length <= width ? line : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
