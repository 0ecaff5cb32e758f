// The run history on disk: `<stateDir>/runs/<id>/run.json` (the RunSummary, written atomically when a
// run starts and when it ends) and `<stateDir>/runs/<id>/log` (the terminal output as it was shown,
// colours included, appended as it comes). Listing, reading a log's tail, and pruning the oldest runs.
import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Progress, type RunSummary, RunIdSchema, RunSummarySchema } from '../../common/contract/index.ts';
import { openRegularFile, processAlive, processStartTime, readTextFile, writeStateFile } from '../infra/state-file.ts';

/** The most of a log `runLog` returns: its last 2 MiB. */
export const LOG_TAIL_BYTES = 2 * 1024 * 1024;

/** The note a run gets when the Gentry that ran it went away before it ended. */
export const ORPHAN_NOTE = 'Gentry stopped while this run was going (it was closed, crashed or was killed), so how the run ended was not recorded.';

/** Progress before anything is known. */
export function emptyProgress(): Progress {
  return { builds: { done: 0, expected: 0, running: 0, failed: 0 }, downloads: { done: 0, expected: 0, bytes: 0 }, errors: [], active: [] };
}

/** A new run ID: the UTC start time and six random characters, e.g. `20260101T120000Z-k3x9ab`. */
export function newRunId(now: Date = new Date(), random: () => Buffer = () => randomBytes(6)): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const suffix = [...random()].map((b) => alphabet[b % alphabet.length]).join('');
  return RunIdSchema.parse(`${stamp}-${suffix}`);
}

/** Where runs are kept. */
export function runsDir(stateDir: string): string {
  return join(stateDir, 'runs');
}

/** One run's directory, its summary and its log. */
export function runPaths(stateDir: string, id: string): { dir: string; summary: string; log: string } {
  const dir = join(runsDir(stateDir), id);
  return { dir, summary: join(dir, 'run.json'), log: join(dir, 'log') };
}

/** The Gentry process that runs a run: its PID and start time (so a reused PID is not mistaken for it). */
export interface RunOwnerProcess {
  pid: number;
  /** Field 22 of /proc/PID/stat (clock ticks since boot); null where /proc cannot be read. */
  startTime: string | null;
}

/** The start time of a process, from /proc; null when it cannot be read (or the process is gone). */
export { processStartTime };

/** This Gentry process. */
export function thisProcess(): RunOwnerProcess {
  return { pid: process.pid, startTime: processStartTime(process.pid) };
}

/** True while the process that ran a run is still alive (the same process, not a reuse of its PID). */
export function isAlive(owner: RunOwnerProcess): boolean {
  return processAlive(owner.pid, owner.startTime);
}

/** Writes a run's summary (atomically), with the process that runs it. */
export async function writeSummary(stateDir: string, run: RunSummary, owner: RunOwnerProcess): Promise<void> {
  await writeStateFile(runPaths(stateDir, run.id).summary, `${JSON.stringify({ ...run, gentryProcess: owner }, null, 2)}\n`);
}

/** A stored run: its summary as written, and the process that wrote it. */
export interface StoredRun {
  run: RunSummary;
  owner: RunOwnerProcess | null;
}

/** Reads one run's summary; null when it is missing or malformed. */
export async function readStoredRun(stateDir: string, id: string): Promise<StoredRun | null> {
  let raw: unknown;
  try {
    const text = await readTextFile(runPaths(stateDir, id).summary, { noFollow: true });
    if (text === null) return null;
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = RunSummarySchema.safeParse(raw);
  if (!parsed.success || parsed.data.id !== id) return null;
  const p = (raw as { gentryProcess?: { pid?: unknown; startTime?: unknown } }).gentryProcess;
  const owner = p && typeof p.pid === 'number' && Number.isInteger(p.pid) && p.pid > 0 ? { pid: p.pid, startTime: typeof p.startTime === 'string' ? p.startTime : null } : null;
  return { run: parsed.data, owner };
}

/** A run left "running" by a Gentry that is gone, as it should be shown: stopped, with a note. */
export async function settleOrphan(stateDir: string, stored: StoredRun): Promise<RunSummary> {
  const { run } = stored;
  if (run.state !== 'running' || (stored.owner !== null && isAlive(stored.owner))) return run;
  let ended = run.started;
  let logBytes = run.logBytes;
  try {
    const st = await stat(runPaths(stateDir, run.id).log);
    ended = st.mtime.toISOString().replace(/\.\d+Z$/, 'Z');
    logBytes = st.size;
  } catch {
    // no log: it ended before it wrote anything
  }
  return { ...run, state: 'stopped', ended, logBytes, progress: { ...run.progress, errors: [...run.progress.errors, ORPHAN_NOTE], active: [], builds: { ...run.progress.builds, running: 0 } } };
}

/** The IDs of the stored runs, newest first. */
export async function storedRunIds(stateDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(runsDir(stateDir));
  } catch {
    return [];
  }
  return names.filter((n) => RunIdSchema.safeParse(n).success).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** The last `maxBytes` of the first `endBytes` bytes of a log (all of it when shorter), starting on a whole line. */
export async function readLogTail(file: string, endBytes?: number, maxBytes = LOG_TAIL_BYTES): Promise<{ log: string; truncated: boolean }> {
  // Not following a symlink, not blocking on a FIFO, and only a regular file (infra/state-file.ts).
  const handle = await openRegularFile(file, { noFollow: true });
  if (handle === null) return { log: '', truncated: false };
  try {
    const end = Math.min(endBytes ?? Infinity, (await handle.stat()).size);
    const start = Math.max(0, end - maxBytes);
    const buf = Buffer.alloc(end - start);
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, start + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    let from = 0;
    if (start > 0) {
      // Start after the first line break (within 64 KiB), so no character or escape sequence is cut.
      const nl = buf.subarray(0, Math.min(got, 64 * 1024)).indexOf(0x0a);
      if (nl !== -1) from = nl + 1;
      else while (from < got && ((buf[from] ?? 0) & 0xc0) === 0x80) from++;
    }
    return { log: buf.subarray(from, got).toString('utf8'), truncated: start > 0 };
  } finally {
    await handle.close();
  }
}

/** Bytes a run takes on disk (its log and its summary). */
async function runBytes(stateDir: string, id: string): Promise<number> {
  const { summary, log } = runPaths(stateDir, id);
  let total = 0;
  for (const f of [summary, log]) {
    try {
      total += (await stat(f)).size;
    } catch {
      // missing
    }
  }
  return total;
}

/** Deletes the oldest runs until the history fits in `limitBytes`; never a run in `keep`. Returns the deleted IDs. */
export async function pruneRuns(stateDir: string, limitBytes: number, keep: ReadonlySet<string>): Promise<string[]> {
  const ids = await storedRunIds(stateDir);
  let total = 0;
  const deleted: string[] = [];
  for (const id of ids) {
    total += await runBytes(stateDir, id);
    if (total > limitBytes && !keep.has(id)) {
      await rm(runPaths(stateDir, id).dir, { recursive: true, force: true });
      deleted.push(id);
    }
  }
  return deleted;
}
