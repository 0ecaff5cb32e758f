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

// Made on first use: building a NumberFormat loads locale data, some 15 ms of every process's start-up.
let exact: Intl.NumberFormat | null = null;

/** Formats a byte count exactly, with digit grouping: "1,234,567 bytes". */
export function formatBytesExact(bytes: number): string {
  exact ??= new Intl.NumberFormat('en');
  return `${exact.format(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
