// A bound on how many calls run at once in the web door, so a flood of calls queues instead of opening
// thousands of files (EMFILE) or holding thousands of answers in memory. Calls start in arrival order.
// A call still running after `releaseAfterMs` gives its slot back (it goes on running): calls that wait
// for a password, the GC lock or a Nix evaluation must not stall every quick call behind them.

/** Runs at most `max` tasks at once (counting only tasks younger than `releaseAfterMs`); the others wait, first come first served. */
export interface CallLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now and tasks waiting. */
  stats(): { running: number; waiting: number };
}

/** Creates a limiter allowing `max` concurrent tasks. */
export function createCallLimiter(max: number, releaseAfterMs = Infinity): CallLimiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = (): void => {
          running++;
          let held = true;
          const giveBack = (): void => {
            if (!held) return;
            held = false;
            clearTimeout(timer);
            release();
          };
          const timer = Number.isFinite(releaseAfterMs) ? setTimeout(giveBack, releaseAfterMs) : undefined;
          let p: Promise<T>;
          try {
            p = task();
          } catch (err) {
            p = Promise.reject(err as Error);
          }
          p.then(resolve, reject).finally(giveBack);
        };
        if (running < max) start();
        else waiting.push(start);
      });
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}
