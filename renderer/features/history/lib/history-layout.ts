// Where the history chart draws each generation: x by index or date, closure size and package count on two y scales.
import type { HistoryPoint } from '../../../../common/contract/index.ts';
import { byteTickLabels, byteTicks, countTicks, linearScale } from './chart-scale.ts';
import { parseGenerationDate } from '../../../shared/lib/format-date.ts';
import { formatCount } from './history-labels.ts';

/** How the x axis spaces generations: evenly (one step each) or by their dates. */
export type XMode = 'index' | 'date';

/** The chart's box in pixels and the margins kept for axes. */
export type ChartBox = { width: number; height: number; top: number; right: number; bottom: number; left: number };

/** One generation as placed: x, and y of each series (null when that value is unknown). */
export type PlacedPoint = { point: HistoryPoint; x: number; sizeY: number | null; countY: number | null };

/** One labelled tick of an axis. */
export type AxisTick = { value: number; position: number; label: string };

/** Everything the chart draws. */
export type HistoryLayout = {
  points: PlacedPoint[];
  sizeTicks: AxisTick[];
  countTicks: AxisTick[];
  /** Labels along the x axis: generation numbers (index mode) or evenly spaced dates (date mode). */
  xTicks: AxisTick[];
  /** Generations where the nixpkgs revision changed. */
  channelUpdates: PlacedPoint[];
  /** The x mode actually used (date falls back to index when dates are missing or all equal). */
  xMode: XMode;
  /** The plot area: x from `left` to `right`, y from `top` to `bottom`. */
  plot: { left: number; right: number; top: number; bottom: number };
};

function known(values: ReadonlyArray<number | null>): number[] {
  return values.filter((value): value is number => value !== null);
}

type XAxis = { xs: number[]; mode: XMode; ticks: AxisTick[] };

/** How x-axis dates are written: "2025-06-01" (UTC unless the caller passes a local formatter). */
export type DateLabel = (ms: number) => string;

const utcDate: DateLabel = (ms) => new Date(ms).toISOString().slice(0, 10);

function xAxis(points: readonly HistoryPoint[], mode: XMode, left: number, right: number, dateLabel: DateLabel): XAxis {
  if (mode === 'date') {
    const valid = known(points.map((point) => parseGenerationDate(point.date)));
    const first = Math.min(...valid);
    const last = Math.max(...valid);
    if (valid.length === points.length && valid.length > 1 && first !== last) {
      const scale = linearScale([first, last], [left, right]);
      const count = Math.max(2, Math.floor((right - left) / 110));
      const ticks = Array.from({ length: count }, (_, i) => first + ((last - first) * i) / (count - 1))
        .map((ms) => ({ value: ms, position: scale(ms), label: dateLabel(ms) }));
      return { xs: valid.map(scale), mode: 'date', ticks };
    }
  }
  const scale = points.length === 1 ? () => (left + right) / 2 : linearScale([0, points.length - 1], [left, right]);
  const ticks = labelIndices(points.length, Math.max(2, Math.floor((right - left) / 96))).map((index) => ({
    value: index, position: scale(index), label: `#${points[index]?.number ?? ''}`,
  }));
  return { xs: points.map((_, index) => scale(index)), mode: 'index', ticks };
}

/** Places the points (oldest first, as the history call returns them) in the box. */
export function layoutHistory(points: readonly HistoryPoint[], box: ChartBox, mode: XMode, dateLabel: DateLabel = utcDate): HistoryLayout {
  const plot = { left: box.left, right: Math.max(box.left + 1, box.width - box.right), top: box.top, bottom: Math.max(box.top + 1, box.height - box.bottom) };
  const { xs, mode: used, ticks: xTicks } = xAxis(points, mode, plot.left, plot.right, dateLabel);

  const sizes = known(points.map((point) => point.closureSize));
  const counts = known(points.map((point) => point.packageCount));
  const sizeValues = sizes.length > 0 ? byteTicks(Math.min(...sizes), Math.max(...sizes)) : [];
  const countValues = counts.length > 0 ? countTicks(Math.min(...counts), Math.max(...counts)) : [];
  const sizeLabels = byteTickLabels(sizeValues);
  const sizeScale = linearScale([sizeValues[0] ?? 0, sizeValues.at(-1) ?? 1], [plot.bottom, plot.top]);
  const countScale = linearScale([countValues[0] ?? 0, countValues.at(-1) ?? 1], [plot.bottom, plot.top]);

  const placed = points.map((point, index): PlacedPoint => ({
    point,
    x: xs[index] ?? plot.left,
    sizeY: point.closureSize === null ? null : sizeScale(point.closureSize),
    countY: point.packageCount === null ? null : countScale(point.packageCount),
  }));
  return {
    points: placed,
    sizeTicks: sizeValues.map((value, index) => ({ value, position: sizeScale(value), label: sizeLabels[index] ?? '' })),
    countTicks: countValues.map((value) => ({ value, position: countScale(value), label: formatCount(value) })),
    xTicks,
    channelUpdates: placed.filter((entry) => entry.point.channelUpdate),
    xMode: used,
    plot,
  };
}

/** The points from left to right (dates of generation links need not grow with their numbers). */
function byX(points: readonly PlacedPoint[]): PlacedPoint[] {
  return [...points].sort((a, b) => a.x - b.x);
}

/**
 * An SVG path through the known values of one series, left to right; a missing value breaks the line
 * ("M x y L x y … M x y …").
 */
export function seriesPath(points: readonly PlacedPoint[], y: (point: PlacedPoint) => number | null): string {
  const parts: string[] = [];
  let drawing = false;
  for (const point of byX(points)) {
    const value = y(point);
    if (value === null) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${point.x.toFixed(1)} ${value.toFixed(1)}`);
    drawing = true;
  }
  return parts.join(' ');
}

/** The horizontal band each point answers the pointer in: halfway to its neighbours on the x axis (at least `min` pixels wide). */
export function hitBands(points: readonly PlacedPoint[], min = 6): Array<{ x0: number; x1: number }> {
  const sorted = byX(points);
  const bands = new Map<PlacedPoint, { x0: number; x1: number }>();
  sorted.forEach((point, index) => {
    const before = sorted[index - 1];
    const after = sorted[index + 1];
    let x0 = before ? (before.x + point.x) / 2 : point.x - 12;
    let x1 = after ? (point.x + after.x) / 2 : point.x + 12;
    if (x1 - x0 < min) {
      x0 = point.x - min / 2;
      x1 = point.x + min / 2;
    }
    bands.set(point, { x0, x1 });
  });
  return points.map((point) => bands.get(point) ?? { x0: point.x - min / 2, x1: point.x + min / 2 });
}

/** Up to `max` indices to label on the x axis, evenly spread, always the first and the last. */
export function labelIndices(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (count === 1 || max <= 1) return [count - 1];
  const step = Math.max(1, Math.ceil((count - 1) / (max - 1)));
  const indices: number[] = [];
  for (let i = 0; i < count - 1; i += step) indices.push(i);
  // Drop a label that would crowd the last one.
  if (indices.length > 1 && count - 1 - (indices.at(-1) ?? 0) <= step / 2) indices.pop();
  indices.push(count - 1);
  return indices;
}
