// How long the web client waits before trying to reconnect.

/** Milliseconds to wait before attempt `failures + 1`: 0.5 s doubling to a ceiling of 10 s. */
export function reconnectDelay(failures: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, failures));
}
