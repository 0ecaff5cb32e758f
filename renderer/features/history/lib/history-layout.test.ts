import { describe, it, expect } from 'vitest';
import { historyPoint } from '../../../../test-support/contract-fixtures.ts';
import { hitBands, labelIndices, layoutHistory, seriesPath, type ChartBox } from './history-layout.ts';

const box: ChartBox = { width: 500, height: 150, top: 10, right: 50, bottom: 20, left: 50 };
const GiB = 1024 ** 3;
const points = [
  historyPoint({ number: 1, date: '2025-01-01T00:00:00Z', closureSize: 1 * GiB, packageCount: 100 }),
  historyPoint({ number: 2, date: '2025-01-02T00:00:00Z', closureSize: 2 * GiB, packageCount: 300, channelUpdate: true }),
  historyPoint({ number: 4, date: '2025-01-11T00:00:00Z', closureSize: null, packageCount: 200 }),
];

describe('layoutHistory', () => {
  it('spreads points evenly across the plot by index', () => {
    const layout = layoutHistory(points, box, 'index');
    expect(layout.plot).toEqual({ left: 50, right: 450, top: 10, bottom: 130 });
    expect(layout.points.map((p) => p.x)).toEqual([50, 250, 450]);
  });
  it('places points by date when asked', () => {
    const layout = layoutHistory(points, box, 'date');
    expect(layout.xMode).toBe('date');
    expect(layout.points.map((p) => Math.round(p.x))).toEqual([50, 90, 450]);
  });
  it('falls back to index spacing when dates are all equal or unreadable', () => {
    const same = points.map((p) => ({ ...p, date: '2025-01-01T00:00:00Z' }));
    expect(layoutHistory(same, box, 'date').xMode).toBe('index');
    expect(layoutHistory([{ ...points[0]!, date: 'soon' }, points[1]!], box, 'date').xMode).toBe('index');
  });
  it('gives each series its own scale, the extremes inside the plot, larger values higher', () => {
    const layout = layoutHistory(points, box, 'index');
    const [first, second, third] = layout.points;
    expect(second!.sizeY!).toBeLessThan(first!.sizeY!);
    expect(second!.countY!).toBeLessThan(third!.countY!);
    const ys = layout.points.flatMap((p) => [p.sizeY, p.countY]).filter((y): y is number => y !== null);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ys)).toBeLessThanOrEqual(130);
    expect(layout.sizeTicks[0]!.position).toBe(130);
    expect(layout.sizeTicks.at(-1)!.position).toBe(10);
    expect(layout.countTicks.map((t) => t.value)).toEqual([100, 150, 200, 250, 300]);
  });
  it('leaves a value it does not know unplaced, and lists channel updates', () => {
    const layout = layoutHistory(points, box, 'index');
    expect(layout.points[2]!.sizeY).toBeNull();
    expect(layout.channelUpdates.map((p) => p.point.number)).toEqual([2]);
  });
  it('centres a single point and copes with no points', () => {
    expect(layoutHistory([points[0]!], box, 'index').points[0]!.x).toBe(250);
    expect(layoutHistory([], box, 'date').points).toEqual([]);
  });
});

describe('x-axis ticks', () => {
  it('label generation numbers by index', () => {
    expect(layoutHistory(points, box, 'index').xTicks.map((t) => [t.label, t.position])).toEqual([['#1', 50], ['#2', 250], ['#4', 450]]);
  });
  it('label evenly spaced dates in date mode, through the formatter given', () => {
    const ticks = layoutHistory(points, box, 'date', (ms) => `d${new Date(ms).getUTCDate()}`).xTicks;
    expect(ticks.map((t) => t.label)).toEqual(['d1', 'd6', 'd11']);
    expect(ticks[0]!.position).toBe(50);
    expect(ticks.at(-1)!.position).toBe(450);
  });
});

describe('seriesPath', () => {
  it('draws left to right even when dates do not grow with numbers', () => {
    const shuffled = layoutHistory([points[2]!, points[0]!, points[1]!], box, 'date');
    expect(seriesPath(shuffled.points, (p) => p.countY)).toMatch(/^M50\.0 [\d.]+ L90\.0 [\d.]+ L450\.0 [\d.]+$/);
  });
  it('breaks the line where a value is missing', () => {
    const layout = layoutHistory([...points, historyPoint({ number: 5, closureSize: GiB })], box, 'index');
    expect(seriesPath(layout.points, (p) => p.sizeY)).toMatch(/^M50\.0 [\d.]+ L183\.3 [\d.]+ M450\.0 [\d.]+$/);
  });
});

describe('hitBands', () => {
  const layout = layoutHistory(points, box, 'index');
  it('split the plot halfway between neighbours', () => {
    expect(hitBands(layout.points)).toEqual([{ x0: 38, x1: 150 }, { x0: 150, x1: 350 }, { x0: 350, x1: 462 }]);
  });
  it('keep a minimum width for crowded points', () => {
    const crowded = [0, 1, 2].map((x) => ({ ...layout.points[0]!, x }));
    expect(hitBands(crowded, 6)[1]).toEqual({ x0: -2, x1: 4 });
  });
  it('follow the x axis when dates do not grow with numbers', () => {
    const shuffled = layoutHistory([points[0]!, points[2]!, points[1]!], box, 'date');
    const bands = hitBands(shuffled.points);
    expect(bands.every((band) => band.x1 > band.x0)).toBe(true);
    expect(bands[2]).toEqual({ x0: 70, x1: 270 });
  });
});

describe('labelIndices', () => {
  it('labels the first and the last and some between', () => {
    expect(labelIndices(10, 4)).toEqual([0, 3, 6, 9]);
    expect(labelIndices(100, 5)).toEqual([0, 25, 50, 75, 99]);
  });
  it('does not crowd the last label', () => {
    expect(labelIndices(11, 4)).toEqual([0, 4, 10]);
  });
  it('copes with few points', () => {
    expect(labelIndices(0, 4)).toEqual([]);
    expect(labelIndices(1, 4)).toEqual([0]);
    expect(labelIndices(2, 4)).toEqual([0, 1]);
  });
});
