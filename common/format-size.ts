// Human-readable byte counts for closure sizes: 1024-based units, one decimal.

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Formats a byte count as "512 B", "1.0 KiB", "3.4 MiB", "1.2 GiB" (1024-based, one decimal). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Step up while the value would print as 1024.0 or more, so 1048575 B reads "1.0 MiB", not "1024.0 KiB".
  while (Math.round(value * 10) / 10 >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/**
 * Two sizes formatted so that different byte counts never read the same: one decimal as formatSize gives, more
 * (up to three) while the two still print alike, then the exact byte counts.
 */
export function formatSizePair(a: number, b: number): [string, string] {
  const first: [string, string] = [formatSize(a), formatSize(b)];
  if (a === b || first[0] !== first[1] || a < 1024) return first;
  const bigger = Math.max(a, b);
  let unit = 0;
  let scale = 1024;
  while (bigger / scale >= 1024 && unit < UNITS.length - 1) {
    scale *= 1024;
    unit += 1;
  }
  for (const digits of [2, 3]) {
    const sa = `${(a / scale).toFixed(digits)} ${UNITS[unit]}`;
    const sb = `${(b / scale).toFixed(digits)} ${UNITS[unit]}`;
    if (sa !== sb) return [sa, sb];
  }
  return [formatBytesExact(a), formatBytesExact(b)];
}

// Made on first use: building a NumberFormat loads locale data, some 15 ms of every process's start-up.
let exact: Intl.NumberFormat | null = null;

/** Formats a byte count exactly, with digit grouping: "1,234,567 bytes". */
export function formatBytesExact(bytes: number): string {
  exact ??= new Intl.NumberFormat('en');
  return `${exact.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
