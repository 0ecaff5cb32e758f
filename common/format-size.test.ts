import { describe, it, expect } from 'vitest';
import { formatBytesExact, formatSize } from './format-size.ts';

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
