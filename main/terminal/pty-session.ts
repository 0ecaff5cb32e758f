// One program in a pseudo-terminal (node-pty; only main/ may import it): started from argv, never from a
// shell string; its output decoded as UTF-8 without ever splitting a character; input, resize, pause
// and resume; and a stop that escalates the way a person at a terminal would: interrupt (Ctrl-C to the
// foreground process group), then SIGTERM, then SIGKILL.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type * as NodePty from 'node-pty';
import type { IPty } from 'node-pty';

let ptyModule: typeof NodePty | null = null;

/**
 * node-pty, loaded on first use: a native addon has no business in `gentry list`'s start-up, and a
 * runtime require keeps bundlers (the CLI bundle, electron-vite) from trying to inline it.
 */
function nodePty(): typeof NodePty {
  ptyModule ??= createRequire(import.meta.url)('node-pty') as typeof NodePty;
  return ptyModule;
}

/** What to run, where, and how big the terminal is. */
export interface PtyOptions {
  file: string;
  args: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  cols: number;
  rows: number;
}

/** How the program ended: its exit code, or the signal that ended it. */
export interface PtyExit {
  exitCode: number;
  signal: number | null;
  /** How far a stop had to go: null when nobody stopped it. */
  stoppedWith: 'interrupt' | 'terminate' | 'kill' | null;
}

/** The grace periods of a stop. */
export interface StopGrace {
  /** After the interrupt, before SIGTERM; default 3 s. */
  interruptMs?: number;
  /** After SIGTERM, before SIGKILL; default 3 s. */
  terminateMs?: number;
}

/** The terminal type the program sees. */
export const TERM_NAME = 'xterm-256color';
/** How long after SIGKILL a stop waits before it hangs the terminal up. */
const HANG_UP_AFTER_KILL_MS = 1000;
/** While paused, how often the session checks that its program still runs (see resumeWhenGone). */
const EXIT_POLL_MS = 40;

/** The foreground process group of the terminal `pid` is attached to (Linux /proc), or null. */
export function foregroundGroup(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid pgrp session tty_nr tpgid …; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tpgid = Number(fields[5]);
    return Number.isInteger(tpgid) && tpgid > 0 ? tpgid : null;
  } catch {
    return null;
  }
}

function signalGroup(pgid: number | null, signal: NodeJS.Signals): boolean {
  if (pgid === null) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // gone already, or not ours to signal (a root process under pkexec)
  }
}

/** A running (or finished) program in a pty. */
export class PtySession {
  /** Resolves when the program has ended and all of its output has been delivered. */
  readonly exited: Promise<PtyExit>;
  readonly pid: number;
  private readonly pty: IPty;
  private readonly decoder = new StringDecoder('utf8');
  private stopStage: PtyExit['stoppedWith'] = null;
  private stopTimers: NodeJS.Timeout[] = [];
  private pollTimer: NodeJS.Timeout | null = null;
  private isPaused = false;
  private ended = false;

  /** Starts `options.file` with `options.args`; `onText` gets decoded output as it comes. */
  constructor(options: PtyOptions, onText: (text: string) => void) {
    this.pty = nodePty().spawn(options.file, [...options.args], {
      name: TERM_NAME,
      cols: options.cols,
      rows: options.rows,
      cwd: options.cwd,
      env: { ...options.env, TERM: TERM_NAME },
      encoding: null,
    });
    this.pid = this.pty.pid;
    this.pty.onData((chunk: string | Buffer) => {
      const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
      if (text !== '') onText(text);
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        this.ended = true;
        this.clearTimers();
        const rest = this.decoder.end();
        if (rest !== '') onText(rest);
        resolve({ exitCode, signal: signal ? signal : null, stoppedWith: this.stopStage });
      });
    });
  }

  /** True once the program has ended. */
  get hasEnded(): boolean {
    return this.ended;
  }

  /** Types into the terminal. */
  write(data: string): void {
    if (!this.ended) this.pty.write(data);
  }

  /** The terminal's new size (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void {
    if (!this.ended) this.pty.resize(cols, rows);
  }

  /** Stops reading output: the program blocks once the terminal's buffer is full. */
  pause(): void {
    if (this.ended || this.isPaused) return;
    this.isPaused = true;
    this.pty.pause();
    // node-pty destroys the pty 200 ms after the program exits if its output is not being read, losing
    // the last of it; so while paused, watch for the exit and read the rest when it comes.
    this.pollTimer = setInterval(() => this.resumeWhenGone(), EXIT_POLL_MS);
  }

  /** Reads output again. */
  resume(): void {
    if (this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = null;
    }
    if (this.ended || !this.isPaused) return;
    this.isPaused = false;
    this.pty.resume();
  }

  /** True while output is not being read. */
  get paused(): boolean {
    return this.isPaused;
  }

  private resumeWhenGone(): void {
    try {
      process.kill(this.pid, 0);
    } catch {
      this.resume();
    }
  }

  /**
   * Stops the program: SIGINT to the terminal's foreground process group (or Ctrl-C typed into the
   * terminal when that group is not ours to signal, e.g. a root process under pkexec: the terminal's line
   * discipline delivers it), SIGTERM after `interruptMs`, SIGKILL `terminateMs` later, and a hang-up (the
   * terminal closed: SIGHUP from the kernel, which reaches root's processes too) a second after that.
   * Resolves when it ended.
   */
  stop(grace: StopGrace = {}): Promise<PtyExit> {
    if (this.ended || this.stopStage !== null) return this.exited;
    const interruptMs = grace.interruptMs ?? 3000;
    const terminateMs = grace.terminateMs ?? 3000;
    this.resume(); // a paused program cannot see its signals' effects through
    this.stopStage = 'interrupt';
    if (!signalGroup(foregroundGroup(this.pid), 'SIGINT')) this.pty.write('\x03');
    this.stopTimers.push(
      setTimeout(() => {
        this.stopStage = 'terminate';
        signalGroup(foregroundGroup(this.pid), 'SIGTERM');
        signalGroup(this.pid, 'SIGTERM');
      }, interruptMs),
      setTimeout(() => {
        this.stopStage = 'kill';
        signalGroup(foregroundGroup(this.pid), 'SIGKILL');
        signalGroup(this.pid, 'SIGKILL');
        try {
          this.pty.kill('SIGKILL');
        } catch {
          // already gone, or root's
        }
      }, interruptMs + terminateMs),
      // A root process (the helper under pkexec) cannot be signalled by us: hang the terminal up, which
      // sends it SIGHUP from the kernel (the helper passes that on to nixos-rebuild's process group).
      setTimeout(() => this.hangUp(), interruptMs + terminateMs + HANG_UP_AFTER_KILL_MS),
    );
    return this.exited;
  }

  private hangUp(): void {
    if (this.ended) return;
    this.resume();
    (this.pty as IPty & { destroy?: () => void }).destroy?.();
  }

  /** Ends the program at once (SIGKILL to its groups, and a hang-up); for shutting Gentry down. */
  kill(): void {
    if (this.ended) return;
    this.stopStage ??= 'kill';
    signalGroup(foregroundGroup(this.pid), 'SIGKILL');
    signalGroup(this.pid, 'SIGKILL');
    this.hangUp();
  }

  private clearTimers(): void {
    for (const t of this.stopTimers) clearTimeout(t);
    this.stopTimers = [];
    if (this.pollTimer) {
      clearInterval(this.pollTimer);
      this.pollTimer = null;
    }
  }
}
