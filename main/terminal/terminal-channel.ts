// The path from a terminal's output to the one window that owns it: output is batched (an event at most
// every ~16 ms, each at most ~64 KiB, never cut inside a character or an escape sequence) and flow
// controlled (flow-control.ts): the source is paused while the owner has too much unacknowledged.
//
// An owner that stops acknowledging altogether (a window closed or reloaded mid-run) must not hold a
// rebuild paused for ever: after `detachAfterMs` without an acknowledgement while paused, the channel
// stops sending to it and lets the source run; the run's log keeps everything, and the next owner
// (`runLog`) starts from the log and calls `attach`.
import { FlowControl, HIGH_WATERMARK, LOW_WATERMARK } from './flow-control.ts';
import { byteLength, splitSafely, trailingPartialEscape } from './safe-split.ts';

/** The largest terminalData event, in UTF-8 bytes. */
export const MAX_EVENT_BYTES = 64 * 1024;
/** How long output gathers before it is sent. */
export const BATCH_INTERVAL_MS = 16;
/** How long a paused channel waits for an acknowledgement before it detaches from a silent owner. */
export const DETACH_AFTER_MS = 15_000;

/** What a channel needs from the world. */
export interface TerminalChannelOptions {
  /** Sends one event's data to the owner. */
  send(data: string): void;
  /** Stops and restarts the source (the pty). */
  pause(): void;
  resume(): void;
  highWatermark?: number;
  lowWatermark?: number;
  maxEventBytes?: number;
  intervalMs?: number;
  detachAfterMs?: number;
}

/** What a channel holds now (tests and measurements). */
export interface ChannelStats {
  unacked: number;
  pendingBytes: number;
  paused: boolean;
  detached: boolean;
  sentBytes: number;
}

/** Batching and flow control between one source and its owner. */
export class TerminalChannel {
  private pending = '';
  private pendingBytes = 0;
  private heldOnce = false;
  private timer: NodeJS.Timeout | null = null;
  private detachTimer: NodeJS.Timeout | null = null;
  private detached = false;
  private closed = false;
  private sentBytes = 0;
  private send: (data: string) => void;
  private readonly flow: FlowControl;
  private readonly maxEventBytes: number;
  private readonly intervalMs: number;
  private readonly detachAfterMs: number;
  private readonly options: TerminalChannelOptions;

  constructor(options: TerminalChannelOptions) {
    this.options = options;
    this.send = options.send;
    this.maxEventBytes = options.maxEventBytes ?? MAX_EVENT_BYTES;
    this.intervalMs = options.intervalMs ?? BATCH_INTERVAL_MS;
    this.detachAfterMs = options.detachAfterMs ?? DETACH_AFTER_MS;
    this.flow = new FlowControl(
      () => {
        options.pause();
        this.armDetach();
      },
      () => {
        this.disarmDetach();
        options.resume();
      },
      options.highWatermark ?? HIGH_WATERMARK,
      options.lowWatermark ?? LOW_WATERMARK,
    );
  }

  /** Output from the source. */
  push(text: string): void {
    if (this.closed || text === '' || this.detached) return;
    this.pending += text;
    this.pendingBytes += byteLength(text);
    this.flow.check(this.pendingBytes);
    if (this.pendingBytes >= this.maxEventBytes) this.flush(false);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush(false);
    }, this.intervalMs);
  }

  /** Sends what is pending now; `all` also sends a trailing partial escape sequence (the stream ended). */
  flush(all = true): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.detached) return;
    let out = this.pending;
    let keep = '';
    if (!all && !this.heldOnce) {
      const partial = trailingPartialEscape(out);
      if (partial > 0) {
        keep = out.slice(partial);
        out = out.slice(0, partial);
        this.heldOnce = true;
      }
    } else {
      this.heldOnce = false;
    }
    this.pending = '';
    this.pendingBytes = 0;
    while (out !== '') {
      const [head, rest] = splitSafely(out, this.maxEventBytes);
      const bytes = byteLength(head);
      this.sentBytes += bytes;
      this.send(head);
      out = rest;
      this.flow.sent(bytes, byteLength(rest) + byteLength(keep));
    }
    if (keep !== '') this.push(keep);
  }

  /** The owner acknowledged `bytes` it has written. */
  ack(bytes: number): void {
    if (this.detached) return;
    this.flow.ack(bytes);
    if (this.flow.paused) this.armDetach();
  }

  /** A (new) owner takes over; it has everything so far from the log, so nothing pending is sent to it. */
  attach(send: (data: string) => void): void {
    this.send = send;
    this.pending = '';
    this.pendingBytes = 0;
    this.heldOnce = false;
    this.detached = false;
    this.disarmDetach();
    this.flow.reset();
  }

  /** Sends what is left and stops the timers. */
  close(): void {
    this.flush(true);
    this.closed = true;
    this.disarmDetach();
  }

  /** The numbers now. */
  stats(): ChannelStats {
    return { unacked: this.flow.unacked, pendingBytes: this.pendingBytes, paused: this.flow.paused, detached: this.detached, sentBytes: this.sentBytes };
  }

  private armDetach(): void {
    this.disarmDetach();
    this.detachTimer = setTimeout(() => {
      this.detachTimer = null;
      if (!this.flow.paused) return;
      this.detached = true;
      this.pending = '';
      this.pendingBytes = 0;
      this.flow.reset();
    }, this.detachAfterMs);
    this.detachTimer.unref?.();
  }

  private disarmDetach(): void {
    if (this.detachTimer) {
      clearTimeout(this.detachTimer);
      this.detachTimer = null;
    }
  }
}
