import { describe, it, expect } from 'vitest';
import { formatRelative } from './relative-time.ts';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);
const ago = (seconds: number): number => now - seconds * 1000;

describe('formatRelative', () => {
  it('calls the last 45 seconds "just now"', () => {
    expect(formatRelative(now, now)).toBe('just now');
    expect(formatRelative(ago(44), now)).toBe('just now');
  });
  it('counts minutes, hours and days, rounding down', () => {
    expect(formatRelative(ago(50), now)).toBe('1 minute ago');
    expect(formatRelative(ago(5 * 60 + 59), now)).toBe('5 minutes ago');
    expect(formatRelative(ago(3 * 3600 + 1800), now)).toBe('3 hours ago');
    expect(formatRelative(ago(86_400 + 3600), now)).toBe('yesterday');
    expect(formatRelative(ago(3 * 86_400), now)).toBe('3 days ago');
  });
  it('moves to weeks, months and years', () => {
    expect(formatRelative(ago(7 * 86_400), now)).toBe('last week');
    expect(formatRelative(ago(20 * 86_400), now)).toBe('2 weeks ago');
    expect(formatRelative(ago(65 * 86_400), now)).toBe('2 months ago');
    expect(formatRelative(ago(800 * 86_400), now)).toBe('2 years ago');
  });
  it('handles a clock that runs behind the generation', () => {
    expect(formatRelative(now + 2 * 3600 * 1000, now)).toBe('in 2 hours');
  });
});
