import { describe, it, expect } from 'vitest';
import { formatBytesExact, formatSize, formatSizePair } from './format-size.ts';

describe('formatSize', () => {
  it('prints whole bytes below one KiB', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
  });
  it('uses 1024-based units with one decimal', () => {
    expect(formatSize(1024)).toBe('1.0 KiB');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MiB');
    expect(formatSize(Math.round(2.25 * 1024 ** 3))).toBe('2.3 GiB');
    expect(formatSize(3 * 1024 ** 4)).toBe('3.0 TiB');
  });
  it('steps up a unit instead of printing 1024.0', () => {
    expect(formatSize(1024 * 1024 - 1)).toBe('1.0 MiB');
    expect(formatSize(1024 ** 3 - 10)).toBe('1.0 GiB');
  });
  it('stays in the largest unit for huge values', () => {
    expect(formatSize(2048 * 1024 ** 5)).toBe('2048.0 PiB');
  });
  it('refuses nonsense', () => {
    expect(formatSize(-1)).toBe('—');
    expect(formatSize(Number.NaN)).toBe('—');
  });
});

describe('formatBytesExact', () => {
  it('groups digits and names the unit', () => {
    expect(formatBytesExact(1234567)).toBe('1,234,567 bytes');
    expect(formatBytesExact(1)).toBe('1 byte');
  });
});

describe('formatSizePair', () => {
  it('keeps one decimal when the two read differently, and for equal sizes', () => {
    expect(formatSizePair(1.6 * 2 ** 30, 1.8 * 2 ** 30)).toEqual(['1.6 GiB', '1.8 GiB']);
    expect(formatSizePair(5000, 5000)).toEqual(['4.9 KiB', '4.9 KiB']);
  });
  it('adds decimals until sizes that differ read differently', () => {
    const gib = 2 ** 30;
    expect(formatSizePair(1.6 * gib, 1.6 * gib + 30 * 2 ** 20)).toEqual(['1.60 GiB', '1.63 GiB']);
    expect(formatSizePair(1.6 * gib, 1.6 * gib + 2 * 2 ** 20)).toEqual(['1.600 GiB', '1.602 GiB']);
  });
  it('falls back to exact byte counts when three decimals are not enough', () => {
    expect(formatSizePair(2 ** 30, 2 ** 30 + 1)).toEqual(['1,073,741,824 bytes', '1,073,741,825 bytes']);
  });
  it('never reads the same for different sizes', () => {
    let seed = 12345; // a fixed linear congruential sequence: the same 2,000 pairs every run
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const a = Math.floor(next() * 2 ** 36);
      const b = a + 1 + Math.floor(next() * 2 ** (i % 30));
      const [sa, sb] = formatSizePair(a, b);
      expect(sa, `${a} vs ${b}`).not.toBe(sb);
    }
  });
});
