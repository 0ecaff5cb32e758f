import { describe, expect, it } from 'vitest';
import { compareVersions, versionComponents } from './compare-versions.ts';

// The examples from Nix's manual (nix-env --upgrade, "versions are compared") and its unit tests of names.cc.
const lessThan: [string, string][] = [
  ['1.0', '2.3'],
  ['2.1', '2.3'],
  ['2.3', '2.5'],
  ['2.3', '3.1'],
  ['2.3', '2.3.1'],
  ['2.3a', '2.3.1'],
  ['2.3pre1', '2.3'],
  ['2.3pre3', '2.3pre12'],
  ['2.3a', '2.3c'],
  ['2.3pre1', '2.3c'],
  ['2.3pre1', '2.3q'],
  ['', '1'],
  ['1.2', '1.10'],
  ['0.9', '0.9-rc1'], // Nix's quirk: a release sorts below its own "rc" (only "pre" sorts low)
];

describe('compareVersions', () => {
  it.each(lessThan)('%s < %s', (a, b) => {
    expect(compareVersions(a, b)).toBeLessThan(0);
    expect(compareVersions(b, a)).toBeGreaterThan(0);
  });
  it.each([
    ['2.3', '2.3'],
    ['2.3', '2-3'],
    ['1.0.', '1.0'],
    ['', ''],
  ])('%s = %s', (a, b) => expect(compareVersions(a, b)).toBe(0));
  it('splits into digit and non-digit runs, dropping separators', () => {
    expect(versionComponents('2.3pre12-rc.1')).toEqual(['2', '3', 'pre', '12', 'rc', '1']);
  });
  it('treats a number too large for an int as a string, as Nix does', () => {
    expect(compareVersions('99999999999', '1')).toBeLessThan(0);
  });
  it('orders strings by UTF-8 bytes as Nix does, not by UTF-16 code units', () => {
    // U+1F600 is 0xF0… in UTF-8 (above U+FF21's 0xEF…) but 0xD83D… in UTF-16 (below 0xFF21).
    expect(compareVersions('😀', 'Ａ')).toBe(1);
    expect(compareVersions('Ａ', '😀')).toBe(-1);
    expect(compareVersions('1.a😀', '1.aＡ')).toBe(1);
    expect(compareVersions('1.é', '1.e')).toBe(1);
  });
});
