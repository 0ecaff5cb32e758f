// What `guix system list-generations`, `guix home list-generations` and `guix package --list-generations` print
// for a profile Gentry has read, byte for byte (guix/scripts/system.scm:490-585, guix/scripts/home.scm:794-860,
// guix/scripts/package.scm:811-843, guix/ui.scm:2049-2136, guix/utils.scm:1274). Problems, which stop Guix, are
// printed as `  problem: …` lines instead.
import type { GuixManifestEntry } from './manifest.ts';
import type { GuixGeneration, GuixProfileReading } from './read-guix-profile.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Guix's date, `~b ~d ~Y ~T` in the C locale: `Dec 03 2026 17:38:34`, in local time or UTC. */
export function guixDate(d: Date, utc = false): string {
  const [y, mo, day, h, mi, s] = utc ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()] : [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  return `${MONTHS[mo]} ${two(day)} ${y} ${two(h)}:${two(mi)}:${two(s)}`;
}

/** Options: dates in UTC (the oracle's TZ=UTC) rather than local time. */
export interface GuixTextOptions {
  utc?: boolean;
}

function header(g: GuixGeneration, opts: GuixTextOptions): string {
  const date = g.date === null ? '?' : guixDate(g.date, opts.utc);
  return `Generation ${g.number}\t${date}${g.current ? '\t(current)' : ''}\n`;
}

const problems = (g: GuixGeneration) => g.problems.map((p) => `  problem: ${p}\n`).join('');

function provenanceLines(g: GuixGeneration): string {
  let out = '';
  const p = g.provenance;
  if (p && p.channels.length) {
    out += '  channels:\n';
    for (const c of p.channels) out += `    ${c.name}:\n      repository URL: ${c.url}\n${c.branch !== null ? `      branch: ${c.branch}\n` : ''}      commit: ${c.commit ?? '#f'}\n`;
  }
  if (p?.configurationFile) out += `  configuration file: ${p.configurationFile}\n`;
  return out;
}

/** `guix system list-generations` (system) or `guix home list-generations` (home) for `reading`. */
export function listGenerationsText(reading: GuixProfileReading, opts: GuixTextOptions = {}): string {
  if (reading.kind === 'guix-user') return packageListGenerationsText(reading, opts);
  let out = '';
  for (const g of reading.generations) {
    out += header(g, opts);
    out += `  file name: ${g.fileName}\n  canonical file name: ${g.canonicalFileName ?? '?'}\n`;
    if (reading.kind === 'guix-system' && g.boot) {
      const b = g.boot;
      out += `  label: ${b.label}\n  bootloader: ${b.bootloaderName}\n  root device: ${b.rootDeviceText}\n  kernel: ${b.kernel}\n`;
    }
    out += provenanceLines(g) + problems(g);
  }
  return out;
}

const width = (s: string) => [...s].length;

/** pretty-print-table: columns but the last padded with spaces to the widest (at most 20), joined by tabs. */
function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.slice(0, -1).map((_, i) => Math.min(20, Math.max(...rows.map((r) => width(r[i]!)))));
  return rows.map((r) => `${r.map((cell, i) => (i < widths.length ? cell + ' '.repeat(Math.max(0, widths[i]! - width(cell))) : cell)).join('\t')}\n`).join('');
}

const entries = (g: GuixGeneration): GuixManifestEntry[] => g.manifest?.entries ?? [];

/** `guix package --list-generations` for `reading`: the first generation's packages, then each one's changes. */
export function packageListGenerationsText(reading: GuixProfileReading, opts: GuixTextOptions = {}): string {
  const gens = reading.generations;
  if (gens.length === 0) return '';
  const first = gens[0]!;
  let out = header(first, opts) + problems(first) + table(entries(first).map((e) => [`  ${e.name}`, e.version, e.output, e.item]).reverse()) + '\n';
  for (let i = 1; i < gens.length; i++) {
    const [old, now] = [gens[i - 1]!, gens[i]!];
    const oldItems = new Set(entries(old).map((e) => e.item));
    const newItems = new Set(entries(now).map((e) => e.item));
    const added = entries(now).filter((e) => !oldItems.has(e.item));
    const removed = entries(old).filter((e) => !newItems.has(e.item));
    out += header(now, opts) + problems(now);
    out += table([...added.map((e) => [` + ${e.name}`, e.version, e.output, e.item]), ...removed.map((e) => [` - ${e.name}`, e.version, e.output, e.item])]) + '\n';
  }
  return out;
}
