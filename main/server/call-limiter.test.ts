// main/server/: the web door (gentry serve): the built renderer, WebSocket /api, token, Host and Origin checks.
import { describe, expect, it } from 'vitest';
import { createCallLimiter } from './call-limiter.ts';

describe('createCallLimiter', () => {
  it('runs at most max tasks at once, in arrival order, and survives a task that throws', async () => {
    const limiter = createCallLimiter(3);
    let now = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const results = Array.from({ length: 10 }, (_, i) => limiter.run(async () => {
      started.push(i);
      now++;
      peak = Math.max(peak, now);
      await new Promise<void>((r) => gates.push(r));
      now--;
      if (i === 4) throw new Error('boom');
      return i;
    })).map((p) => {
      p.catch(() => {});
      return p;
    });
    expect(limiter.stats()).toEqual({ running: 3, waiting: 7 });
    for (let round = 0; round < 10 && gates.length > 0; round++) {
      for (const g of gates.splice(0)) g();
      await new Promise((r) => setImmediate(r));
    }
    const settled = await Promise.allSettled(results);
    expect(peak).toBe(3);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(settled[4]?.status).toBe('rejected');
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(9);
    expect(limiter.stats()).toEqual({ running: 0, waiting: 0 });
  });
  it('counts a task that throws synchronously as finished', async () => {
    const limiter = createCallLimiter(1);
    await expect(limiter.run(() => { throw new Error('sync'); })).rejects.toThrow('sync');
    expect(await limiter.run(async () => 5)).toBe(5);
  });
  it('gives the slot of a long call back after releaseAfterMs, so quick calls behind it run', async () => {
    const limiter = createCallLimiter(1, 50);
    let finishLong = (): void => {};
    const long = limiter.run(() => new Promise<string>((r) => { finishLong = () => r('long'); }));
    const quick = limiter.run(async () => 'quick');
    expect(limiter.stats()).toEqual({ running: 1, waiting: 1 });
    expect(await quick).toBe('quick');
    await new Promise((r) => setImmediate(r));
    expect(limiter.stats()).toEqual({ running: 0, waiting: 0 });
    finishLong();
    expect(await long).toBe('long');
    await new Promise((r) => setImmediate(r));
    expect(limiter.stats()).toEqual({ running: 0, waiting: 0 });
  });
});
