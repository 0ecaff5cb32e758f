// Gentry's state files (labels, pins, settings, run records, caches): reads that cannot hang and
// read-modify-writes that cannot lose an update. A change holds a per-file mutex in this process and a
// lock file beside the target (`<file>.lock`, created with link(2) so it appears whole, naming its
// owner's PID and start time) across processes, re-reads the file under both, then writes it atomically.
// A lock whose owner is gone is broken (see docs/architecture.md, "State files").
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, link, mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomically } from './atomic-file.ts';
import { fileWriteError, GentryError } from './errors.ts';

/** The largest state file Gentry reads (16 MiB): anything bigger is not one of ours. */
export const STATE_FILE_MAX_BYTES = 16 * 1024 * 1024;

/** How long a change waits for another process's lock before it gives up. */
export const LOCK_WAIT_MS = 15_000;

/** How a file is opened for reading. */
export interface SafeOpenOptions {
  /** Refuse a symlink at the last component (the boot helper refuses them on the ESP). Default: follow. */
  noFollow?: boolean;
}

/** What kind of thing a non-regular file is, for a message. */
function kindOf(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean; isSocket(): boolean }): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isDirectory()) return 'a directory';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Opens `file` for reading without blocking on a FIFO or device (O_NONBLOCK), checks with fstat that it is a
 * regular file, and with `noFollow` refuses a symlink (O_NOFOLLOW). Null when it does not exist.
 */
export async function openRegularFile(file: string, opts: SafeOpenOptions = {}): Promise<FileHandle | null> {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (opts.noFollow ? constants.O_NOFOLLOW : 0);
  let handle: FileHandle;
  try {
    handle = await open(file, flags);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP' && opts.noFollow) throw new GentryError('bad-input', `${file} is a symbolic link, which Gentry does not follow there`, 'Replace it with the file itself.');
    throw new GentryError('unavailable', `${file} cannot be opened (${code ?? (err as Error).message})`, 'Check that it exists and that you may read it.');
  }
  const st = await handle.stat();
  if (!st.isFile()) {
    await handle.close();
    throw new GentryError('unavailable', `${file} is ${kindOf(st)}, not a regular file, so Gentry does not read it`, 'Remove it (or put the real file there), then try again.');
  }
  return handle;
}

/** Reads a whole regular file of at most `maxBytes` (see `openRegularFile`); null when it does not exist. */
export async function readRegularFile(file: string, opts: SafeOpenOptions & { maxBytes?: number } = {}): Promise<Buffer | null> {
  const max = opts.maxBytes ?? STATE_FILE_MAX_BYTES;
  const handle = await openRegularFile(file, opts);
  if (handle === null) return null;
  try {
    const buf = Buffer.alloc(max + 1);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got > max) throw new GentryError('unavailable', `${file} is larger than ${max} bytes, too large to be Gentry's`, 'Move it away; Gentry starts a new one.');
    return buf.subarray(0, got);
  } finally {
    await handle.close();
  }
}

/** `readRegularFile` as UTF-8 text. */
export async function readTextFile(file: string, opts: SafeOpenOptions & { maxBytes?: number } = {}): Promise<string | null> {
  return (await readRegularFile(file, opts))?.toString('utf8') ?? null;
}

/** Moves a file Gentry cannot use out of the way (`<file>.corrupt-<time>`); returns where it went. */
export async function moveAside(file: string, now: Date = new Date()): Promise<string> {
  const to = `${file}.corrupt-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
  await rename(file, to);
  return to;
}

// ---- locking ----

/** The start time of a process (field 22 of /proc/PID/stat); null when it cannot be read or the process is gone. */
export function processStartTime(pid: number): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** True while process `pid` (started at `startTime`, when known) is alive: not a later reuse of its PID. */
export function processAlive(pid: number, startTime: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return startTime === null || processStartTime(pid) === startTime;
}

const myStart = processStartTime(process.pid);
const inProcess = new Map<string, Promise<unknown>>();

/** The lock file of a state file. */
export function lockFileOf(file: string): string {
  return `${file}.lock`;
}

interface HeldLock {
  path: string;
  ino: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Breaks `lockPath` when it is still the very file (`ino`) whose owner was found dead. */
async function breakStale(lockPath: string, ino: number): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else broke or released it
  }
  const moved = await stat(aside).catch(() => null);
  if (moved && moved.ino !== ino) {
    // Another process took the lock between our look and the rename: put its lock back.
    await link(aside, lockPath).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

/** Takes the cross-process lock of `file`, waiting (up to `waitMs`) while a live process holds it. */
async function acquire(file: string, waitMs: number): Promise<HeldLock> {
  const lockPath = lockFileOf(file);
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.lock-tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, `${JSON.stringify({ pid: process.pid, startTime: myStart })}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw fileWriteError(file, dirname(file), err); // the lock cannot be made: the file could not be written either
  }
  const deadline = Date.now() + waitMs;
  let delay = 1;
  let holder = 'another process';
  try {
    for (;;) {
      try {
        await link(tmp, lockPath); // atomic, and the lock appears with its contents
        return { path: lockPath, ino: (await stat(lockPath)).ino };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw fileWriteError(file, dirname(file), err);
      }
      const held = await readLockOwner(lockPath);
      if (held !== null) {
        holder = `process ${held.pid}`;
        if (!processAlive(held.pid, held.startTime)) {
          await breakStale(lockPath, held.ino);
          continue;
        }
      }
      if (Date.now() > deadline) {
        throw new GentryError('unavailable', `${file} is being changed by ${holder}, which has held its lock for over ${Math.round(waitMs / 1000)} s`, `Try again in a moment. If no Gentry is running, remove ${lockPath}.`);
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 25);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Who holds a lock file; null when it is gone. A lock that cannot be parsed counts as a dead owner. */
async function readLockOwner(lockPath: string): Promise<{ pid: number; startTime: string | null; ino: number } | null> {
  const handle = await openRegularFile(lockPath, { noFollow: true }).catch(() => null);
  if (handle === null) return null;
  try {
    const ino = (await handle.stat()).ino;
    const text = (await handle.readFile()).toString('utf8');
    try {
      const p = JSON.parse(text) as { pid?: unknown; startTime?: unknown };
      if (typeof p.pid === 'number' && Number.isInteger(p.pid) && p.pid > 0) return { pid: p.pid, startTime: typeof p.startTime === 'string' ? p.startTime : null, ino };
    } catch {
      // written by something else: treated as stale below
    }
    return { pid: 2 ** 22 + 1, startTime: 'unparsable', ino }; // above pid_max: never alive
  } finally {
    await handle.close();
  }
}

/** Throws when the lock is no longer ours (it was broken as stale by mistake): the write would race. */
async function assertHeld(lock: HeldLock, file: string): Promise<void> {
  const st = await stat(lock.path).catch(() => null);
  if (st?.ino !== lock.ino) throw new GentryError('unavailable', `${file} was not written: its lock ${lock.path} was taken over by another process`, 'Try again.');
}

async function release(lock: HeldLock): Promise<void> {
  const st = await stat(lock.path).catch(() => null);
  if (st?.ino === lock.ino) await unlink(lock.path).catch(() => undefined);
}

/**
 * Runs `fn` holding `file`'s lock: first a mutex in this process, then the lock file across processes.
 * `fn` gets a check to call just before it writes (it throws if the lock was lost).
 */
export async function withStateLock<T>(file: string, fn: (stillHeld: () => Promise<void>) => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const key = resolve(file);
  const before = inProcess.get(key) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((r) => (done = r));
  const chain = before.then(() => mine);
  inProcess.set(key, chain);
  try {
    await before.catch(() => undefined);
    const lock = await acquire(key, waitMs);
    try {
      return await fn(() => assertHeld(lock, key));
    } finally {
      await release(lock);
    }
  } finally {
    done();
    if (inProcess.get(key) === chain) inProcess.delete(key);
  }
}

/** What a change to a state file decided: the new text (null: leave the file as it is) and what to return. */
export interface StateChange<T> {
  text: string | null;
  value: T;
}

/**
 * Read-modify-write of a state file with no lost update: under `withStateLock`, reads the current text
 * (null when missing), calls `change`, and writes what it returns atomically (mode `mode`).
 */
export async function updateStateFile<T>(
  file: string,
  change: (current: string | null) => StateChange<T> | Promise<StateChange<T>>,
  opts: { mode?: number; maxBytes?: number } = {},
): Promise<T> {
  return withStateLock(file, async (stillHeld) => {
    const current = await readTextFile(file, { maxBytes: opts.maxBytes });
    const { text, value } = await change(current);
    if (text !== null) {
      await stillHeld();
      await writeFileAtomically(file, text, opts.mode);
    }
    return value;
  });
}

/** Writes a whole state file under its lock (for files that are replaced, not merged). */
export async function writeStateFile(file: string, text: string, mode?: number): Promise<void> {
  await withStateLock(file, async (stillHeld) => {
    await stillHeld();
    await writeFileAtomically(file, text, mode);
  });
}

/** Reads a state file's text (null when missing) for code that only looks; see `readTextFile`. */
export const readStateFile = (file: string, maxBytes?: number): Promise<string | null> => readTextFile(file, { maxBytes });
