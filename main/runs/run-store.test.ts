// The run history on disk: IDs, summaries, runs orphaned by a Gentry that went away, log tails, pruning.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunIdSchema, type RunSummary } from '../../common/contract/index.ts';
import { emptyProgress, newRunId, ORPHAN_NOTE, pruneRuns, readLogTail, readStoredRun, runPaths, settleOrphan, storedRunIds, thisProcess, writeSummary } from './run-store.ts';

const summary = (id: string, over: Partial<RunSummary> = {}): RunSummary => ({
  id,
  recipe: 'demo-build',
  mode: null,
  title: 'Demo build',
  started: '2026-01-01T12:00:00Z',
  ended: null,
  exitCode: null,
  state: 'running',
  progress: emptyProgress(),
  generation: null,
  logBytes: 0,
  ...over,
});

const gone = { pid: 999_999_999, startTime: null };

describe('run IDs', () => {
  it('are the UTC start time and six random characters', () => {
    const id = newRunId(new Date('2026-03-04T05:06:07.890Z'), () => Buffer.from([0, 25, 26, 35, 36, 255]));
    expect(id).toBe('20260304T050607Z-az09ad');
    expect(RunIdSchema.safeParse(newRunId()).success).toBe(true);
  });
});

describe('stored runs', () => {
  it('round-trips a summary, skips malformed ones, and lists newest first', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gentry-runs-'));
    await writeSummary(state, summary('20260101T120000Z-aaaaaa'), thisProcess());
    await writeSummary(state, summary('20260102T120000Z-bbbbbb', { state: 'succeeded', exitCode: 0, ended: '2026-01-02T12:01:00Z' }), thisProcess());
    mkdirSync(runPaths(state, '20260103T120000Z-cccccc').dir, { recursive: true });
    writeFileSync(runPaths(state, '20260103T120000Z-cccccc').summary, '{"id":"nope"}');
    mkdirSync(join(state, 'runs', 'not-a-run'));
    expect(await storedRunIds(state)).toEqual(['20260103T120000Z-cccccc', '20260102T120000Z-bbbbbb', '20260101T120000Z-aaaaaa']);
    expect(await readStoredRun(state, '20260103T120000Z-cccccc')).toBeNull();
    const a = await readStoredRun(state, '20260101T120000Z-aaaaaa');
    expect(a?.run).toEqual(summary('20260101T120000Z-aaaaaa'));
    expect(a?.owner).toEqual(thisProcess());
  });

  it('shows a run left running by a Gentry that is gone as stopped, with a note; a live one stays running', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gentry-runs-'));
    const id = '20260101T120000Z-orphan';
    await writeSummary(state, summary(id, { progress: { ...emptyProgress(), builds: { done: 1, expected: 3, running: 2, failed: 0 }, active: [{ name: 'x', phase: null }] } }), gone);
    writeFileSync(runPaths(state, id).log, 'some output\r\n');
    const settled = await settleOrphan(state, (await readStoredRun(state, id))!);
    expect(settled).toMatchObject({ state: 'stopped', logBytes: 13, progress: { builds: { done: 1, expected: 3, running: 0, failed: 0 }, active: [], errors: [ORPHAN_NOTE] } });
    expect(settled.ended).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const mine = '20260101T120001Z-mineee';
    await writeSummary(state, summary(mine), thisProcess());
    expect((await settleOrphan(state, (await readStoredRun(state, mine))!)).state).toBe('running');
    // A reused PID with another start time is not the Gentry that wrote the run.
    await writeSummary(state, summary(mine), { pid: process.pid, startTime: '1' });
    expect((await settleOrphan(state, (await readStoredRun(state, mine))!)).state).toBe('stopped');
  });
});

describe('log tails', () => {
  it('returns the whole log when short, and the last 2 MiB from a line start when long', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gentry-runs-'));
    const file = join(state, 'log');
    writeFileSync(file, 'héllo\r\n');
    expect(await readLogTail(file)).toEqual({ log: 'héllo\r\n', truncated: false });
    expect(await readLogTail(join(state, 'missing'))).toEqual({ log: '', truncated: false });
    const line = `${'é'.repeat(40)} line\r\n`; // 87 bytes
    const lines = Array.from({ length: 50_000 }, (_, i) => `${i} ${line}`).join('');
    writeFileSync(file, lines);
    const tail = await readLogTail(file);
    expect(tail.truncated).toBe(true);
    expect(Buffer.byteLength(tail.log)).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(Buffer.byteLength(tail.log)).toBeGreaterThan(2 * 1024 * 1024 - 200);
    expect(tail.log).toMatch(/^\d+ é/);
    expect(tail.log.endsWith(`49999 ${line}`)).toBe(true);
    expect(lines.endsWith(tail.log)).toBe(true);
    // Up to a given byte only (what a window re-attaching gets, the rest comes as events).
    expect(await readLogTail(file, Buffer.byteLength(`0 ${line}1 `))).toEqual({ log: `0 ${line}1 `, truncated: false });
  });
});

describe('pruning', () => {
  it('deletes the oldest runs past the limit, never one that is running', async () => {
    const state = mkdtempSync(join(tmpdir(), 'gentry-runs-'));
    const ids = ['20260101T000000Z-aaaaaa', '20260102T000000Z-bbbbbb', '20260103T000000Z-cccccc', '20260104T000000Z-dddddd', '20260105T000000Z-eeeeee'];
    for (const id of ids) {
      await writeSummary(state, summary(id, { state: 'succeeded' }), thisProcess());
      writeFileSync(runPaths(state, id).log, Buffer.alloc(400 * 1024, 'x'));
    }
    const deleted = await pruneRuns(state, 1024 * 1024, new Set([ids[0] as string]));
    // The two newest fit in 1 MiB; the third makes it 1.2 MiB; the oldest is running and stays.
    expect(deleted.sort()).toEqual([ids[1], ids[2]]);
    expect(readdirSync(join(state, 'runs')).sort()).toEqual([ids[0], ids[3], ids[4]]);
    expect(await pruneRuns(state, 1024 * 1024, new Set([ids[0] as string]))).toEqual([]);
  });
});
