// Opening and reading the Nix store database (nix-formats.md §7) without privilege, without ever stalling
// the event loop for long: node:sqlite is synchronous, so each connection has a busy timeout of 20 ms and
// every read goes through `readStoreDb`, which on SQLITE_BUSY waits asynchronously and tries again (other
// calls run meanwhile), up to STORE_DB_BUSY_WAIT_MS. Read-only first, then `immutable=1` when a plain
// read-only open is impossible; an immutable connection tries read-only again on later reads, so one
// transient lock does not leave Gentry on the immutable view for good. A damaged database is a GentryError
// with its path.
import { GentryError } from '../infra/errors.ts';

/** The few node:sqlite calls Gentry uses (node:sqlite is loaded lazily: Electron may lack it). */
export interface SqliteDb {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown; setReturnArrays?(on: boolean): void };
  exec(sql: string): void;
  close(): void;
}

/** An open database and how it was opened. */
export interface OpenedStoreDb {
  db: SqliteDb;
  immutable: boolean;
  /** Said once to the person when the immutable fallback is in use. */
  notice: string | null;
}

/** How long one statement may block the event loop waiting for a writer's lock before it yields. */
export const STORE_DB_BUSY_TIMEOUT_MS = 20;
/** How long a read waits in all (asynchronously) for a writer to let go before it gives up. */
export const STORE_DB_BUSY_WAIT_MS = 10_000;
/** How often an immutable connection tries to become a plain read-only one again. */
export const STORE_DB_REOPEN_MS = 2_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** SQLite's primary result code of a node:sqlite error, if it is one. */
function sqliteCode(err: unknown): number | null {
  const code = (err as { errcode?: unknown }).errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** True when `err` is a writer holding the database (worth waiting for). */
export function isBusy(err: unknown): boolean {
  const c = sqliteCode(err);
  return c === SQLITE_BUSY || c === SQLITE_LOCKED;
}

/** True when `err` says the file is not a sound SQLite database. */
export function isCorrupt(err: unknown): boolean {
  const c = sqliteCode(err);
  return c === SQLITE_CORRUPT || c === SQLITE_NOTADB;
}

/** The GentryError for a damaged database. */
function corrupt(path: string, err: unknown): GentryError {
  return new GentryError(
    'unavailable',
    `The Nix database at ${path} is damaged (${(err as Error).message})`,
    'Gentry only reads it and changes nothing. Check it as root with `nix-store --verify --check-contents`; until then `nix` commands may fail too.',
  );
}

/** Runs `probe` against a fresh connection, waiting asynchronously while the database is busy (up to `waitMs`). */
async function retryBusy<T>(fn: () => T, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  let delay = 5;
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || Date.now() + delay > deadline) throw err;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 100);
  }
}

/** Opens `path` (read-only) and checks it is a Nix database; the error when it is not. */
async function tryOpen(path: string | URL, waitMs: number): Promise<SqliteDb | Error> {
  let db: SqliteDb;
  try {
    const { DatabaseSync } = await import('node:sqlite');
    db = new DatabaseSync(path, { readOnly: true, timeout: STORE_DB_BUSY_TIMEOUT_MS }) as unknown as SqliteDb;
  } catch (err) {
    return err as Error;
  }
  try {
    await retryBusy(() => {
      db.exec('PRAGMA query_only = 1');
      db.prepare('SELECT 1 FROM ValidPaths LIMIT 1').all();
      db.prepare('SELECT 1 FROM Refs LIMIT 1').all();
    }, waitMs);
    return db;
  } catch (err) {
    db.close();
    return err as Error;
  }
}

function immutableUrl(dbPath: string): URL {
  const url = new URL(`file://${dbPath}`);
  url.searchParams.set('immutable', '1');
  return url;
}

/** A connection that can be swapped for a better one (immutable → read-only) between reads. */
class StoreConnection implements SqliteDb {
  readonly path: string;
  #db: SqliteDb;
  #immutable: boolean;
  #lastTry = Date.now();
  readonly #reopenMs: number;

  constructor(path: string, db: SqliteDb, immutable: boolean, reopenMs: number) {
    this.path = path;
    this.#db = db;
    this.#immutable = immutable;
    this.#reopenMs = reopenMs;
  }

  get immutable(): boolean {
    return this.#immutable;
  }

  prepare(sql: string): ReturnType<SqliteDb['prepare']> {
    return this.#db.prepare(sql);
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  close(): void {
    this.#db.close();
  }

  /** When on the immutable view, tries (at most every STORE_DB_REOPEN_MS) to open read-only again. */
  async upgrade(): Promise<void> {
    if (!this.#immutable || Date.now() - this.#lastTry < this.#reopenMs) return;
    this.#lastTry = Date.now();
    const plain = await tryOpen(this.path, 0);
    if (plain instanceof Error) return;
    this.#db.close();
    this.#db = plain;
    this.#immutable = false;
  }
}

/**
 * Runs synchronous reads `fn` on a database from `openStoreDb`: while a writer holds it, waits
 * asynchronously and runs `fn` again from the start (so `fn` must only read); past STORE_DB_BUSY_WAIT_MS,
 * or when the file is damaged, a GentryError with the database's path.
 */
export async function readStoreDb<T>(db: SqliteDb, fn: () => T, waitMs = STORE_DB_BUSY_WAIT_MS): Promise<T> {
  const path = db instanceof StoreConnection ? db.path : 'the Nix database';
  if (db instanceof StoreConnection) await db.upgrade();
  try {
    return await retryBusy(fn, waitMs);
  } catch (err) {
    if (isBusy(err)) {
      throw new GentryError('unavailable', `The Nix database at ${path} stayed locked by another process (a build, nix-store or the garbage collector) for over ${Math.round(waitMs / 1000)} s`, 'Try again when it has finished.');
    }
    if (isCorrupt(err)) throw corrupt(path, err);
    throw err;
  }
}

/** True while a database from `openStoreDb` is on the immutable view (it may recover on a later read). */
export function onImmutableView(db: SqliteDb): boolean {
  return db instanceof StoreConnection && db.immutable;
}

/** Opens the Nix database at `dbPath`: read-only, else immutable; a reason string when neither works. */
export async function openStoreDb(dbPath: string, opts: { reopenMs?: number } = {}): Promise<OpenedStoreDb | string> {
  const reopenMs = opts.reopenMs ?? STORE_DB_REOPEN_MS;
  // A lock is waited for (asynchronously) only briefly here: the immutable view serves meanwhile and
  // the connection becomes read-only again once the lock has gone.
  const plain = await tryOpen(dbPath, 1_000);
  if (!(plain instanceof Error)) return { db: new StoreConnection(dbPath, plain, false, reopenMs), immutable: false, notice: null };
  if (isCorrupt(plain)) return corrupt(dbPath, plain).message;
  const immutable = await tryOpen(immutableUrl(dbPath), 1_000);
  if (!(immutable instanceof Error)) {
    return {
      db: new StoreConnection(dbPath, immutable, true, reopenMs),
      immutable: true,
      notice: `The Nix database at ${dbPath} could not be opened read-only (${plain.message}); it was opened as immutable instead, so paths registered in the last moments may be missing.`,
    };
  }
  return plain.message;
}
