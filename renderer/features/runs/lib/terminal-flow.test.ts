import { describe, expect, it } from 'vitest';
import { ackUnits, clampSize, splitInput } from './terminal-flow.ts';

describe('terminal flow', () => {
  it('counts output in UTF-8 bytes, as main does', () => {
    expect(ackUnits('abc')).toBe(3);
    expect(ackUnits('é')).toBe(2);
    expect(ackUnits('→')).toBe(3);
    expect(ackUnits('😀')).toBe(4);
  });
  it('clamps sizes to the contract', () => {
    expect(clampSize(0, 0)).toEqual({ cols: 10, rows: 2 });
    expect(clampSize(120.4, 30)).toEqual({ cols: 120, rows: 30 });
    expect(clampSize(5000, 9000)).toEqual({ cols: 1000, rows: 500 });
    expect(clampSize(Number.NaN, 24)).toEqual({ cols: 10, rows: 24 });
  });
  it('cuts a paste into pieces without splitting a surrogate pair', () => {
    expect(splitInput('')).toEqual([]);
    expect(splitInput('abcdef', 4)).toEqual(['abcd', 'ef']);
    const pieces = splitInput('abc😀de', 4);
    expect(pieces).toEqual(['abc', '😀de']);
    expect(pieces.join('')).toBe('abc😀de');
  });
});
