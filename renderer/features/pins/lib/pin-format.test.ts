import { describe, it, expect } from 'vitest';
import { pin } from '../../../../test-support/contract-fixtures.ts';
import { entryText, fromGenerationText, pinAge, problemCount, problemsInOrder, sourceAtRev, worstSeverity } from './pin-format.ts';

const now = Date.parse('2025-06-13T12:00:00Z');

describe('pinAge', () => {
  it('counts whole days and warns past thirty', () => {
    expect(pinAge('2025-06-13T09:00:00Z', now)).toEqual({ text: 'today', days: 0, old: false });
    expect(pinAge('2025-06-12T09:00:00Z', now)).toEqual({ text: '1 day', days: 1, old: false });
    expect(pinAge('2025-06-01T12:00:00Z', now)).toEqual({ text: '12 days', days: 12, old: false });
    expect(pinAge('2025-05-14T12:00:00Z', now)).toEqual({ text: '30 days', days: 30, old: false });
    expect(pinAge('2025-05-13T12:00:00Z', now)).toEqual({ text: '31 days', days: 31, old: true });
  });
  it('says a date in the future is today, and an unreadable one unknown', () => {
    expect(pinAge('2025-07-01T00:00:00Z', now).text).toBe('today');
    expect(pinAge('yesterday', now)).toEqual({ text: 'unknown', days: null, old: false });
  });
});

describe('pin text', () => {
  it('shortens a full revision after the source', () => {
    expect(sourceAtRev(pin())).toBe('github:NixOS/nixpkgs@a1b2c3d');
    expect(sourceAtRev(pin({ source: 'git+file:///src/nixpkgs', rev: 'abc' }))).toBe('git+file:///src/nixpkgs@abc');
  });
  it('names the generation a pin came from by its profile\'s last part', () => {
    expect(fromGenerationText(pin())).toBe('system #41');
    expect(fromGenerationText(pin({ fromGeneration: { profile: '/nix/var/nix/profiles/system', number: 7 } }))).toBe('system #7');
    expect(fromGenerationText(pin({ fromGeneration: null }))).toBe('');
  });
  it('writes an entry as indented JSON that reads back the same', () => {
    const entry = pin({ reason: 'crashes "on" start' });
    expect(JSON.parse(entryText(entry))).toEqual(entry);
    expect(entryText(entry)).toContain('\n  "attr": "kicad"');
  });
});

describe('problems', () => {
  it('finds the worst severity', () => {
    expect(worstSeverity([])).toBeNull();
    expect(worstSeverity([{ severity: 'warning' }])).toBe('warning');
    expect(worstSeverity([{ severity: 'warning' }, { severity: 'error' }])).toBe('error');
  });
  it('puts errors first, keeping the order within each severity', () => {
    const list = [{ severity: 'warning' as const, n: 1 }, { severity: 'error' as const, n: 2 }, { severity: 'warning' as const, n: 3 }, { severity: 'error' as const, n: 4 }];
    expect(problemsInOrder(list).map((p) => p.n)).toEqual([2, 4, 1, 3]);
  });
  it('counts them in words', () => {
    expect([0, 1, 4].map(problemCount)).toEqual(['no problems', '1 problem', '4 problems']);
  });
});
