// The output of one terminal session kept in the page, so the terminal can be drawn again after the Rebuild
// section was left and reopened. Bounded: past the limit the oldest chunks go (the run's log keeps everything).

/** Output kept for one session, oldest first. */
export class TerminalBuffer {
  private readonly limit: number;
  private chunks: string[] = [];
  private size = 0;
  private wasDropped = false;

  /** `limit` is the most UTF-16 code units kept (default 4 Mi). */
  constructor(limit = 4 * 1024 * 1024) {
    this.limit = limit;
  }

  /** Adds output; drops the oldest chunks while more than the limit is kept. */
  append(data: string): void {
    if (data === '') return;
    this.chunks.push(data);
    this.size += data.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      const oldest = this.chunks.shift() ?? '';
      this.size -= oldest.length;
      this.wasDropped = true;
    }
  }

  /** Everything kept, as one string. */
  text(): string {
    return this.chunks.join('');
  }

  /** How many UTF-16 code units are kept. */
  get length(): number {
    return this.size;
  }

  /** True when older output was dropped to stay under the limit. */
  get dropped(): boolean {
    return this.wasDropped;
  }
}
