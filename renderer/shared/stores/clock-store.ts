// A coarse clock for "3 days ago" labels, so rendering stays pure and labels refresh together.
import { createStore } from 'zustand/vanilla';

/** What the clock store holds: the time of the last tick (epoch ms). */
export type ClockState = { now: number; start(intervalMs: number): () => void };

/** Creates the clock store; `start` makes it tick and returns the function that stops it. */
export function createClockStore(readClock: () => number = Date.now) {
  return createStore<ClockState>()((set) => ({
    now: readClock(),
    start(intervalMs) {
      set({ now: readClock() });
      const timer = setInterval(() => set({ now: readClock() }), intervalMs);
      return () => clearInterval(timer);
    },
  }));
}

/** The store's type, for hooks and tests. */
export type ClockStore = ReturnType<typeof createClockStore>;
