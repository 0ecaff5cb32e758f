import { describe, it, expect, vi } from 'vitest';
import { createClockStore } from './clock-store.ts';

describe('clock store', () => {
  it('ticks at the interval until stopped', () => {
    vi.useFakeTimers();
    let time = 1000;
    const store = createClockStore(() => time);
    const stop = store.getState().start(30_000);
    time = 2000;
    vi.advanceTimersByTime(30_000);
    expect(store.getState().now).toBe(2000);
    stop();
    time = 3000;
    vi.advanceTimersByTime(60_000);
    expect(store.getState().now).toBe(2000);
    vi.useRealTimers();
  });
});
