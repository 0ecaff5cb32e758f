import { describe, it, expect } from 'vitest';
import { byteTickLabels, byteTicks, countTicks, linearScale, niceStep, niceTicks } from './chart-scale.ts';

describe('linearScale', () => {
  it('maps the domain onto the range, inverted ranges included', () => {
    const y = linearScale([0, 100], [150, 10]);
    expect(y(0)).toBe(150);
    expect(y(100)).toBe(10);
    expect(y(50)).toBe(80);
  });
  it('puts every value of a flat domain in the middle', () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
});

describe('niceStep', () => {
  it('rounds to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1.3)).toBe(2);
    expect(niceStep(23)).toBe(25);
    expect(niceStep(420)).toBe(500);
    expect(niceStep(7000)).toBe(10_000);
  });
});

describe('niceTicks', () => {
  it('encloses the data with round values', () => {
    expect(niceTicks(3, 97, 4)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1012, 1088, 4)).toEqual([1000, 1020, 1040, 1060, 1080, 1100]);
  });
  it('pads a single value so it has room', () => {
    const ticks = niceTicks(40, 40);
    expect(ticks[0]).toBeLessThan(40);
    expect(ticks.at(-1)).toBeGreaterThan(40);
  });
  it('leaves no floating-point dust', () => {
    expect(niceTicks(0.1, 0.7, 6)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });
});

describe('byteTicks', () => {
  const GiB = 1024 ** 3;
  it('uses round numbers of one binary unit', () => {
    expect(byteTicks(1.1 * GiB, 1.9 * GiB, 4)).toEqual([1, 1.2, 1.4, 1.6, 1.8, 2].map((g) => Math.round(g * GiB)));
  });
  it('works in MiB for smaller closures', () => {
    expect(byteTicks(200 * 1024 ** 2, 260 * 1024 ** 2, 3)).toEqual([200, 220, 240, 260].map((m) => m * 1024 ** 2));
  });
  it('spans at least 2% of the largest value, so near-equal closures stay nearly flat', () => {
    const ticks = byteTicks(2.2 * GiB, 2.2 * GiB + 50 * 1024, 4);
    expect((ticks.at(-1)! - ticks[0]!) / GiB).toBeGreaterThanOrEqual(0.044);
    expect(ticks[0]).toBeLessThanOrEqual(2.2 * GiB);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(2.2 * GiB + 50 * 1024);
  });
});

describe('byteTickLabels', () => {
  const GiB = 1024 ** 3;
  it('gives every label the unit of the largest tick and the decimals of the step', () => {
    expect(byteTickLabels([2.15, 2.2, 2.25].map((g) => g * GiB))).toEqual(['2.15 GiB', '2.20 GiB', '2.25 GiB']);
    expect(byteTickLabels([0.5, 1, 1.5].map((g) => g * GiB))).toEqual(['0.5 GiB', '1.0 GiB', '1.5 GiB']);
    expect(byteTickLabels([200, 250, 300].map((m) => m * 1024 ** 2))).toEqual(['200 MiB', '250 MiB', '300 MiB']);
  });
  it('counts small sizes in bytes, and copes with no ticks', () => {
    expect(byteTickLabels([0, 500, 1000])).toEqual(['0 B', '500 B', '1000 B']);
    expect(byteTickLabels([])).toEqual([]);
  });
});

describe('countTicks', () => {
  it('keeps whole numbers only', () => {
    expect(countTicks(1, 3, 4)).toEqual([1, 2, 3]);
    expect(countTicks(7, 7).every(Number.isInteger)).toBe(true);
  });
});
