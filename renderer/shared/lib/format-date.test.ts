import { describe, it, expect } from 'vitest';
import { formatAbsolute, parseGenerationDate } from './format-date.ts';

describe('parseGenerationDate', () => {
  it('reads the contract format (UTC, no milliseconds)', () => {
    expect(parseGenerationDate('2025-06-15T12:00:05Z')).toBe(Date.UTC(2025, 5, 15, 12, 0, 5));
  });
  it('returns null for something that is not a date', () => {
    expect(parseGenerationDate('yesterday-ish')).toBeNull();
  });
});

describe('formatAbsolute', () => {
  const instant = Date.UTC(2025, 5, 15, 12, 3, 22);
  it('prints year-month-day and 24-hour time with the zone', () => {
    expect(formatAbsolute(instant, 'UTC')).toBe('2025-06-15 12:03:22 UTC');
  });
  it('converts to the given zone', () => {
    expect(formatAbsolute(instant, 'Europe/Berlin')).toBe('2025-06-15 14:03:22 CEST');
  });
  it('pads midnight as 00, not 24', () => {
    expect(formatAbsolute(Date.UTC(2025, 0, 2, 0, 0, 0), 'UTC')).toBe('2025-01-02 00:00:00 UTC');
  });
});
