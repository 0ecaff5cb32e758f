// A bound on how many calls run at once in the web door, so a flood of calls queues instead of opening
// thousands of files (EMFILE) or holding thousands of answers in memory. Calls start in arrival order.

/** Runs at most `max` tasks at once; the others wait, first come first served. */
export interface CallLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now and tasks waiting. */
  stats(): { running: number; waiting: number };
}

/** Creates a limiter allowing `max` concurrent tasks. */
export function createCallLimiter(max: number): CallLimiter {
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
          let p: Promise<T>;
          try {
            p = task();
          } catch (err) {
            p = Promise.reject(err as Error);
          }
          p.then(resolve, reject).finally(release);
        };
        if (running < max) start();
        else waiting.push(start);
      });
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}
