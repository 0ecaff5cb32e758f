// main/terminal/: pty sessions and their output with acknowledged-bytes flow control; nothing about Nix.
// Acknowledged-bytes flow control for a terminal's output (shared/STYLE.md habit 9; the scheme VS Code and
// Tabby use): main counts the bytes it sent to the window, the window acknowledges what xterm has written,
// and the pty is paused while too much is unacknowledged. Pure: the caller does the pausing.

/** The default watermarks: pause above 512 KiB unacknowledged, resume below 128 KiB. */
export const HIGH_WATERMARK = 512 * 1024;
/** See HIGH_WATERMARK. */
export const LOW_WATERMARK = 128 * 1024;

/** The counting half of flow control. */
export class FlowControl {
  private unackedBytes = 0;
  private isPaused = false;
  private readonly high: number;
  private readonly low: number;
  private readonly onPause: () => void;
  private readonly onResume: () => void;

  constructor(onPause: () => void, onResume: () => void, high = HIGH_WATERMARK, low = LOW_WATERMARK) {
    if (!(low < high)) throw new RangeError(`the low watermark (${low}) must be below the high one (${high})`);
    this.onPause = onPause;
    this.onResume = onResume;
    this.high = high;
    this.low = low;
  }

  /** Bytes sent and not yet acknowledged. */
  get unacked(): number {
    return this.unackedBytes;
  }

  /** True while the source is paused. */
  get paused(): boolean {
    return this.isPaused;
  }

  /** `bytes` were sent; `queued` more wait to be sent. Pauses when the two together pass the high watermark. */
  sent(bytes: number, queued = 0): void {
    this.unackedBytes += bytes;
    this.check(queued);
  }

  /** Data is waiting to be sent: pause early if it alone would pass the high watermark. */
  check(queued: number): void {
    if (!this.isPaused && this.unackedBytes + queued > this.high) {
      this.isPaused = true;
      this.onPause();
    }
  }

  /** The window acknowledged `bytes`; resumes once the unacknowledged bytes fall to the low watermark. */
  ack(bytes: number): void {
    this.unackedBytes = Math.max(0, this.unackedBytes - bytes);
    if (this.isPaused && this.unackedBytes <= this.low) {
      this.isPaused = false;
      this.onResume();
    }
  }

  /** Forgets everything sent (a new owner starts from the log); resumes if paused. */
  reset(): void {
    this.unackedBytes = 0;
    if (this.isPaused) {
      this.isPaused = false;
      this.onResume();
    }
  }
}
