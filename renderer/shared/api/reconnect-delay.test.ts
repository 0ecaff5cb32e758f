import { describe, it, expect } from 'vitest';
import { reconnectDelay } from './reconnect-delay.ts';

describe('reconnectDelay', () => {
  it('doubles from half a second', () => {
    expect([0, 1, 2, 3, 4].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 8000]);
  });
  it('stops at ten seconds', () => {
    expect(reconnectDelay(5)).toBe(10_000);
    expect(reconnectDelay(50)).toBe(10_000);
  });
});
