// What the Rebuild terminal shows, kept outside the state: each run's output (so the terminal can be drawn
// again after the section was left), the past run's log on screen, the terminal attached, and the
// acknowledgements of drawn output (so main's flow control only holds a run back while this page is behind).
import type { RunSummary } from '../../../../common/contract/index.ts';
import { settle } from '../../../shared/lib/settle.ts';
import { TerminalBuffer } from '../lib/terminal-buffer.ts';
import { ackUnits } from '../lib/terminal-flow.ts';
import type { RunsApi, RunsState, TerminalSink } from './runs-state.ts';

const DROPPED_NOTE = '\x1b[2m[earlier output is not kept on this page; the run history has the whole log]\x1b[0m\r\n';

/** Runs newest first (IDs start with the start time, so they order like it). */
export function upsert(runs: readonly RunSummary[] | null, run: RunSummary): RunSummary[] {
  const rest = (runs ?? []).filter((other) => other.id !== run.id);
  return [run, ...rest].sort((a, b) => (a.started === b.started ? (a.id < b.id ? 1 : -1) : a.started < b.started ? 1 : -1));
}

/** The output of runs, the log of a viewed run, and the terminal they are drawn on. */
export class RunOutput {
  private readonly buffers = new Map<string, TerminalBuffer>();
  private readonly acks = new Map<string, number>();
  private sink: TerminalSink | null = null;
  private viewedLog = '';
  private shown = 0;
  private readonly api: Pick<RunsApi, 'ackTerminal'>;
  private readonly bufferLimit: number | undefined;

  constructor(api: Pick<RunsApi, 'ackTerminal'>, bufferLimit?: number) {
    this.api = api;
    this.bufferLimit = bufferLimit;
  }

  /** True when output of `runId` is kept. */
  has(runId: string): boolean {
    return this.buffers.has(runId);
  }

  /** Keeps only `runId`'s output, replaced by `log` when given (a log read from main). */
  keepOnly(runId: string, log: string | null): void {
    for (const id of [...this.buffers.keys()]) if (id !== runId) this.buffers.delete(id);
    if (log !== null) this.replace(runId, log);
    else this.bufferOf(runId);
  }

  /** Replaces what is kept of `runId` by `log`. */
  replace(runId: string, log: string): void {
    this.buffers.delete(runId);
    this.bufferOf(runId).append(log);
  }

  /** A change of what the terminal shows: earlier requests to show a log are out of date from now on. */
  turn(): number {
    this.shown += 1;
    return this.shown;
  }

  /** True when no other change of what shows came after the one numbered `turn`. */
  isCurrent(turn: number): boolean {
    return turn === this.shown;
  }

  /** The log of the viewed run ('' when none shows). */
  showLog(log: string): void {
    this.viewedLog = log;
  }

  /** Draws what shows now on the attached terminal, from a clean screen. */
  redraw({ viewed, live }: Pick<RunsState, 'viewed' | 'live'>): void {
    const sink = this.sink;
    if (!sink) return;
    sink.reset();
    if (viewed) {
      if (this.viewedLog !== '') sink.write(this.viewedLog);
      return;
    }
    if (!live) return;
    const buffer = this.buffers.get(live.run.id);
    if (!buffer) return;
    if (buffer.dropped) sink.write(DROPPED_NOTE);
    const text = buffer.text();
    if (text !== '') sink.write(text);
  }

  /** Puts a terminal on screen; returns the function that takes it off. */
  attach(mine: TerminalSink, state: Pick<RunsState, 'viewed' | 'live'>): () => void {
    this.sink = mine;
    this.redraw(state);
    return () => {
      if (this.sink === mine) this.sink = null;
    };
  }

  /** Keeps output of `runId`; draws it when `onScreen`, and acknowledges it once drawn (at once when not drawn). */
  receive(runId: string, data: string, onScreen: boolean): void {
    this.bufferOf(runId).append(data);
    const units = ackUnits(data);
    if (this.sink && onScreen) this.sink.write(data, () => this.ack(runId, units));
    else this.ack(runId, units);
  }

  private bufferOf(runId: string): TerminalBuffer {
    let buffer = this.buffers.get(runId);
    if (!buffer) {
      buffer = new TerminalBuffer(this.bufferLimit);
      this.buffers.set(runId, buffer);
    }
    return buffer;
  }

  private ack(runId: string, units: number): void {
    if (units <= 0) return;
    const waiting = this.acks.get(runId);
    this.acks.set(runId, (waiting ?? 0) + units);
    if (waiting !== undefined) return;
    // Output drawn in one go is acknowledged in one call.
    queueMicrotask(() => {
      const bytes = this.acks.get(runId) ?? 0;
      this.acks.delete(runId);
      if (bytes > 0) void settle(this.api.ackTerminal({ runId, bytes }));
    });
  }
}
