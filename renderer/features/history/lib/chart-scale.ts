// Linear scales and "nice" tick values for the history chart's axes.

/** Maps a value of `domain` linearly onto `range` (a flat domain maps to the middle of the range). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const factor = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * factor;
}

/** A step of 1, 2, 2.5 or 5 × 10^k near `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Evenly spaced round values that cover [min, max] with about `count` intervals; the first and last enclose the data. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.05;
    low -= pad;
    high += pad;
  }
  const step = niceStep((high - low) / Math.max(1, count));
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step / 2; i++) ticks.push(roundTo(first + i * step, step));
  return ticks;
}

function roundTo(value: number, step: number): number {
  // Remove floating-point dust (0.30000000000000004) at the step's precision.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(Math.min(decimals, 12)));
}

const BYTE_UNIT = 1024;

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

function byteUnit(top: number): number {
  let power = 0;
  while (Math.abs(top) / BYTE_UNIT ** power >= BYTE_UNIT && power < BYTE_UNITS.length - 1) power += 1;
  return power;
}

/**
 * Ticks for byte counts: round numbers of the one 1024-based unit that suits the largest value, so
 * labels read "1.5 GiB", not "1.4 GiB". The axis spans at least 2% of the largest value, so closures
 * that barely differ draw as nearly flat lines instead of filling the height.
 */
export function byteTicks(min: number, max: number, count = 4): number[] {
  const top = Math.max(Math.abs(min), Math.abs(max));
  const unit = BYTE_UNIT ** byteUnit(top);
  const span = Math.max(Math.abs(max - min), top * 0.02);
  const middle = (min + max) / 2;
  const low = Math.max(0, Math.min(min, middle - span / 2));
  const high = Math.max(max, low + span);
  return niceTicks(low / unit, high / unit, count).map((tick) => Math.round(tick * unit));
}

function decimalsOf(step: number): number {
  for (let decimals = 0; decimals < 3; decimals++) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return decimals;
  }
  return 3;
}

/** Labels for byte ticks: all in the unit of the largest, with as many decimals as the step needs ("2.25 GiB"). */
export function byteTickLabels(ticks: readonly number[]): string[] {
  if (ticks.length === 0) return [];
  const power = byteUnit(Math.max(...ticks.map(Math.abs)));
  const unit = BYTE_UNIT ** power;
  const step = ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) / unit : 1;
  const decimals = power === 0 ? 0 : decimalsOf(step);
  return ticks.map((tick) => `${(tick / unit).toFixed(decimals)} ${BYTE_UNITS[power]}`);
}

/** Ticks for counts: whole numbers only (never 12.5 packages). */
export function countTicks(min: number, max: number, count = 4): number[] {
  const ticks = niceTicks(min, max, count);
  const whole = [...new Set(ticks.map((tick) => Math.round(tick)))];
  return whole.length >= 2 ? whole : [Math.floor(min), Math.floor(min) + 1];
}
