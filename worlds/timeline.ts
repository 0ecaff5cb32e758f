// When things happened: generation dates over months, and the channel revisions between them.
import type { ChannelHistory, ChannelRevision } from './channel-history.ts';
import { drawInt, unitDraw } from './world-hash.ts';

const DAY = 86_400_000;

/** `date` without its milliseconds (link mtimes are set to whole seconds). */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** `count` ascending dates ending at `now`, about a day and a half apart (closer for long histories). */
export function generationDates(seed: string, count: number, now: Date): Date[] {
  const averageGap = Math.min(1.5 * DAY, (730 * DAY) / Math.max(count, 1));
  const dates: Date[] = [wholeSeconds(now)];
  for (let i = 1; i < count; i++) {
    const gap = averageGap * (0.3 + 1.4 * unitDraw(seed, 'gap', i));
    dates.unshift(wholeSeconds(new Date((dates[0] as Date).getTime() - gap)));
  }
  return dates;
}

/** The channel as the system profile saw it: which revision each generation was built from. */
export class ChannelTimeline {
  /** Revision per system generation index. */
  readonly byGeneration: ChannelRevision[] = [];
  private readonly starts: { date: Date; revision: ChannelRevision }[] = [];

  /** Picks revisions for generations at `dates`: a channel update every 3 to 6 generations. */
  constructor(seed: string, history: ChannelHistory, dates: Date[]) {
    let nextUpdate = 0;
    let current: ChannelRevision | undefined;
    dates.forEach((date, i) => {
      if (!current || i >= nextUpdate) {
        const lag = drawInt(2 * 3600, 4 * 86_400, seed, 'commit-lag', i) * 1000;
        const earliest = current ? current.date.getTime() + 3600_000 : -Infinity;
        const commit = wholeSeconds(new Date(Math.max(earliest, Math.min(date.getTime() - 60_000, date.getTime() - lag))));
        current = history.advance(commit);
        this.starts.push({ date, revision: current });
        nextUpdate = i + drawInt(3, 6, seed, 'update-every', i);
      }
      this.byGeneration.push(current);
    });
  }

  /** The revision in use at `date` (the first one before the first generation). */
  revisionAt(date: Date): ChannelRevision {
    let found = this.starts[0]?.revision;
    for (const start of this.starts) if (start.date.getTime() <= date.getTime()) found = start.revision;
    if (!found) throw new Error('timeline: no channel revision yet');
    return found;
  }

  /** A date `share` (0..1) of the way from the first to the last generation. */
  static between(dates: Date[], share: number): Date {
    const first = (dates[0] as Date).getTime();
    const last = (dates[dates.length - 1] as Date).getTime();
    return wholeSeconds(new Date(first + (last - first) * share));
  }
}
