// A run's log file, appended as output comes: writes are coalesced and never overlap, and a caller can
// wait until the first N bytes are on disk (to hand a window the log up to an exact point).
import { constants } from 'node:fs';
import { type FileHandle, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { GentryError } from '../infra/errors.ts';

/** An append-only log file. */
export class LogFile {
  private handle: FileHandle | null = null;
  private pending: Buffer[] = [];
  private writing = false;
  private enqueuedBytes = 0;
  private writtenBytes = 0;
  private failure: Error | null = null;
  private waiters: { bytes: number; resolve: () => void }[] = [];
  private readonly file: string;
  /** Called when the unwritten backlog passes `highBytes` (true) and when it falls under `lowBytes` again (false). */
  private readonly onBacklog: (over: boolean) => void;
  private backlogged = false;
  private readonly highBytes: number;
  private readonly lowBytes: number;

  private constructor(file: string, onBacklog: (over: boolean) => void, highBytes: number, lowBytes: number) {
    this.file = file;
    this.onBacklog = onBacklog;
    this.highBytes = highBytes;
    this.lowBytes = lowBytes;
  }

  /**
   * Creates (or continues) the log at `file` (mode 0600). Never follows a symlink there, never blocks on a
   * FIFO (O_NONBLOCK: one without a reader fails at once), and refuses anything but a regular file.
   */
  static async open(file: string, onBacklog: (over: boolean) => void = () => {}, highBytes = 16 * 1024 * 1024, lowBytes = 4 * 1024 * 1024): Promise<LogFile> {
    const log = new LogFile(file, onBacklog, highBytes, lowBytes);
    await mkdir(dirname(file), { recursive: true });
    const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK;
    let handle: FileHandle;
    try {
      handle = await open(file, flags, 0o600);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new GentryError('bad-input', `the run log ${file} is a symbolic link, which Gentry does not follow`, 'Remove it, then start the run again.');
      if (code === 'ENXIO') throw new GentryError('bad-input', `the run log ${file} is a FIFO (named pipe), not a regular file`, 'Remove it, then start the run again.');
      throw err;
    }
    const st = await handle.stat();
    if (!st.isFile()) {
      await handle.close();
      throw new GentryError('bad-input', `the run log ${file} is not a regular file`, 'Remove it, then start the run again.');
    }
    log.handle = handle;
    return log;
  }

  /** Bytes handed to `append` so far. */
  get bytes(): number {
    return this.enqueuedBytes;
  }

  /** The first write error, if any (the run goes on; the log is then incomplete). */
  get error(): Error | null {
    return this.failure;
  }

  /** Appends text. */
  append(text: string): void {
    if (text === '' || this.handle === null) return;
    const buf = Buffer.from(text, 'utf8');
    this.pending.push(buf);
    this.enqueuedBytes += buf.length;
    if (!this.backlogged && this.enqueuedBytes - this.writtenBytes > this.highBytes) {
      this.backlogged = true;
      this.onBacklog(true);
    }
    if (!this.writing) void this.pump();
  }

  /** Resolves once the first `bytes` bytes are written (or writing has failed). */
  waitFor(bytes: number): Promise<void> {
    if (this.writtenBytes >= bytes || this.failure !== null || this.handle === null) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ bytes, resolve }));
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    await this.waitFor(this.enqueuedBytes);
    const h = this.handle;
    this.handle = null;
    await h?.close();
  }

  private async pump(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0 && this.handle !== null) {
      const buf = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
      this.pending = [];
      try {
        if (this.failure === null) await this.handle.appendFile(buf); // loops until all is written
      } catch (err) {
        this.failure = err as Error;
      }
      this.writtenBytes += buf.length;
      if (this.backlogged && this.enqueuedBytes - this.writtenBytes < this.lowBytes) {
        this.backlogged = false;
        this.onBacklog(false);
      }
      const done = this.waiters.filter((w) => w.bytes <= this.writtenBytes || this.failure !== null);
      this.waiters = this.waiters.filter((w) => !done.includes(w));
      for (const w of done) w.resolve();
    }
    this.writing = false;
  }
}
