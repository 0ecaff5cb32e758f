// Opening the Nix store database (nix-formats.md §7) without privilege: read-only first, then
// `immutable=1`, each probed with a query, so callers can fall back to the `nix` CLI when neither works.

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

/** Opens `path` read-only and checks it is a Nix database; the reason when it is not. */
async function tryOpen(path: string | URL): Promise<SqliteDb | string> {
  try {
    const { DatabaseSync } = await import('node:sqlite');
    // Wait up to 10 s for a writer (nix-store, nix-daemon) instead of failing at once.
    const db = new DatabaseSync(path, { readOnly: true, timeout: 10_000 }) as unknown as SqliteDb;
    try {
      db.exec('PRAGMA query_only = 1');
      db.prepare('SELECT 1 FROM ValidPaths LIMIT 1').all();
      db.prepare('SELECT 1 FROM Refs LIMIT 1').all();
      return db;
    } catch (err) {
      db.close();
      return (err as Error).message;
    }
  } catch (err) {
    return (err as Error).message;
  }
}

/** Opens the Nix database at `dbPath`: read-only, else immutable; a reason string when neither works. */
export async function openStoreDb(dbPath: string): Promise<OpenedStoreDb | string> {
  const plain = await tryOpen(dbPath);
  if (typeof plain !== 'string') return { db: plain, immutable: false, notice: null };
  const url = new URL(`file://${dbPath}`);
  url.searchParams.set('immutable', '1');
  const immutable = await tryOpen(url);
  if (typeof immutable !== 'string') {
    return {
      db: immutable,
      immutable: true,
      notice: `The Nix database at ${dbPath} could not be opened read-only (${plain}); it was opened as immutable instead, so paths registered in the last moments may be missing.`,
    };
  }
  return plain;
}
