// The Nix database under a lock and damaged (issue 12), on real copies of this machine's database: a copy
// locked by another process (a child node holding BEGIN EXCLUSIVE) must not stall other work while a read
// waits, the read finishes once the lock goes, an immutable fallback becomes read-only again, and a damaged
// copy is a message with its path (no stack trace from `gentry diff`).
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { runProcess } from '../infra/process.ts';
import { openClosureReader } from './closure-reader.ts';
import { onImmutableView, openStoreDb, readStoreDb } from './store-db.ts';

const REAL_DB = '/nix/var/nix/db/db.sqlite';
const BIN = join(import.meta.dirname, '../../bin/gentry.js');

/** A consistent copy of the real database, in rollback-journal mode (so a writer's lock blocks readers). */
function copyDb(): { file: string; paths: string[] } {
  const file = join(mkdtempSync(join(tmpdir(), 'gentry-db-')), 'db.sqlite');
  const real = new DatabaseSync(REAL_DB, { readOnly: true });
  real.exec(`VACUUM INTO '${file}'`);
  real.close();
  const copy = new DatabaseSync(file);
  copy.exec('PRAGMA journal_mode = DELETE');
  const paths = (copy.prepare('SELECT path FROM ValidPaths ORDER BY id').all() as { path: string }[]).map((r) => r.path);
  copy.close();
  return { file, paths };
}

let holders: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const h of holders) h.kill();
  holders = [];
});

/** A child process that holds an exclusive lock on `file` until `release()`. */
async function lockInAnotherProcess(file: string): Promise<{ release: () => Promise<void> }> {
  const script = `
    const { DatabaseSync } = require('node:sqlite');
    const db = new DatabaseSync(${JSON.stringify(file)});
    db.exec('BEGIN EXCLUSIVE');
    db.exec("UPDATE ValidPaths SET registrationTime = registrationTime WHERE id = 1");
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script]);
  holders.push(child);
  await new Promise<void>((ok, fail) => {
    child.stdout.once('data', () => ok());
    child.once('exit', (code) => fail(new Error(`the lock holder exited ${code}`)));
  });
  return {
    release: () =>
      new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.stdin.write('go\n');
      }),
  };
}

describe('the Nix database under a lock', () => {
  it('a read waiting for another process\'s lock stalls nothing else, and finishes when the lock goes', async () => {
    const { file, paths } = copyDb();
    const target = paths.at(-1) as string;
    const reader = await openClosureReader(file, runProcess);
    expect(reader.notice).toBeNull();
    const lock = await lockInAnotherProcess(file);

    let settled = false;
    const waiting = reader.closure(target).finally(() => (settled = true));
    // Meanwhile: the event loop keeps turning (timers fire on time) and another client's read of another
    // database (the real one) completes.
    let worstLag = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = Date.now();
      await new Promise((r) => setTimeout(r, 10));
      worstLag = Math.max(worstLag, Date.now() - t0 - 10);
    }
    const other = await openClosureReader(REAL_DB, runProcess);
    const otherClosure = await other.closure(target);
    other.close();
    expect(otherClosure.has(target)).toBe(true);
    expect(settled).toBe(false); // still waiting for the lock
    expect(worstLag).toBeLessThan(150); // node:sqlite's old 10 s busy timeout blocked the loop for all of it

    await lock.release();
    const closure = await waiting;
    expect(closure.get(target)).toBe(otherClosure.get(target));
    reader.close();
  });

  it('a read that waits too long is a clear error naming the database', async () => {
    const { file, paths } = copyDb();
    const opened = await openStoreDb(file);
    if (typeof opened === 'string') throw new Error(opened);
    const lock = await lockInAnotherProcess(file);
    const t0 = Date.now();
    await expect(readStoreDb(opened.db, () => opened.db.prepare('SELECT id FROM ValidPaths WHERE path = ?').get(paths[0]), 300)).rejects.toMatchObject({
      code: 'unavailable',
      message: `The Nix database at ${file} stayed locked by another process (a build, nix-store or the garbage collector) for over 0 s`,
    });
    expect(Date.now() - t0).toBeLessThan(2000);
    await lock.release();
    opened.db.close();
  });

  it('opened during a lock, the immutable view becomes read-only again once the lock has gone', async () => {
    const { file, paths } = copyDb();
    const lock = await lockInAnotherProcess(file);
    const opened = await openStoreDb(file, { reopenMs: 0 });
    if (typeof opened === 'string') throw new Error(opened);
    expect(opened.immutable).toBe(true);
    expect(opened.notice).toMatch(/opened as immutable/);
    expect(await readStoreDb(opened.db, () => (opened.db.prepare('SELECT count(*) AS n FROM ValidPaths').get() as { n: number }).n)).toBe(paths.length);
    expect(onImmutableView(opened.db)).toBe(true); // still locked: no read-only connection yet
    await lock.release();
    await readStoreDb(opened.db, () => opened.db.prepare('SELECT 1').get());
    expect(onImmutableView(opened.db)).toBe(false);
    opened.db.close();
  });
});

describe('a damaged Nix database', () => {
  it('is a message with its path, and `gentry diff` prints it without a stack trace', async () => {
    const { file, paths } = copyDb();
    // Keep the header page, overwrite the rest with garbage.
    const size = readFileSync(file).length;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);
    const opened = await openStoreDb(file);
    expect(opened).toBe(`The Nix database at ${file} is damaged (database disk image is malformed)`);

    const [a, b] = paths.filter((p) => !p.endsWith('.drv')).slice(-2) as [string, string];
    const r = spawnSync(process.execPath, [BIN, 'diff', a, b, '--nix-db', file], { encoding: 'utf8', env: { ...process.env, NIX_CONFIG: 'experimental-features = nix-command' } });
    expect(r.stderr).toContain(`The Nix database at ${file} is damaged (database disk image is malformed)`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack frames
    expect(r.stderr + r.stdout).not.toMatch(/Error: /);
  });
});
