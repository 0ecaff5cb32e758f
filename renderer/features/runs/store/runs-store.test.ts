import { describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../../common/contract/index.ts';
import { progress, recipe, runSummary } from '../../../../test-support/contract-fixtures.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createRunsStore, type TerminalSink } from './runs-store.ts';

/** The shared fake, told about the runs calls: the calls that answer wait for the test; acks, writes and resizes answer at once. */
function runsApi() {
  return fakeApi()
    .hold('recipes', 'startRun', 'stopRun', 'listRuns', 'runLog')
    .answer('writeTerminal', { ok: true, value: {} })
    .answer('resizeTerminal', { ok: true, value: {} })
    .answer('ackTerminal', { ok: true, value: {} });
}

/** A terminal that records what it was asked to draw and calls back at once. */
function fakeSink() {
  const drawn: string[] = [];
  let resets = 0;
  const sink: TerminalSink = {
    write(data, done) {
      drawn.push(data);
      done?.();
    },
    reset() {
      resets += 1;
      drawn.length = 0;
    },
  };
  return { sink, drawn, resets: () => resets };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function startedStore(options: Parameters<typeof createRunsStore>[1] = {}) {
  const fake = runsApi();
  const store = createRunsStore(fake.api, options);
  const loading = store.getState().loadRecipes();
  fake.next('recipes').answer({ ok: true, value: { recipes: [recipe({ id: 'rebuild-system', available: false, unavailableReason: 'No system flake is set.', modes: ['switch', 'boot', 'test', 'build'] }), recipe()] } });
  await loading;
  return { ...fake, next: fake.take, store };
}

describe('runs store', () => {
  it('picks the first recipe that can run, starts it at the terminal size, and keeps output that came before the answer', async () => {
    const { store, next, inputs } = await startedStore();
    expect(store.getState().selected).toBe('demo-build');
    store.getState().resize(100, 30);
    const starting = store.getState().start();
    expect(store.getState().starting).toBe(true);
    const call = next('startRun');
    expect(call.input).toEqual({ recipe: 'demo-build', cols: 100, rows: 30 });
    const run = runSummary();
    // Output and progress may come before startRun's answer: both are kept for the run.
    store.getState().receiveData({ runId: run.id, data: 'building…\r\n' });
    store.getState().receiveProgress({ runId: run.id, progress: progress({ builds: { done: 1, expected: 3, running: 1, failed: 0 } }) });
    call.answer({ ok: true, value: run });
    await starting;
    expect(store.getState().live?.run.id).toBe(run.id);
    expect(store.getState().live?.progress.builds.done).toBe(1);
    expect(store.getState().runs?.map((r) => r.id)).toEqual([run.id]);
    const { sink, drawn } = fakeSink();
    store.getState().attach(sink);
    expect(drawn).toEqual(['building…\r\n']);
    await flush();
    // Nothing was on screen when it came, so it was acknowledged at once, in UTF-8 bytes.
    expect(inputs('ackTerminal')).toEqual([{ runId: run.id, bytes: 13 }]); // '…' is 3 bytes
  });

  it('draws live output and acknowledges it once drawn, in one call per batch', async () => {
    const { store, next, inputs } = await startedStore();
    const starting = store.getState().start();
    next('startRun').answer({ ok: true, value: runSummary() });
    await starting;
    const later: Array<() => void> = [];
    const drawn: string[] = [];
    store.getState().attach({ write: (data, done) => { drawn.push(data); if (done) later.push(done); }, reset: () => {} });
    store.getState().receiveData({ runId: runSummary().id, data: 'é1' });
    store.getState().receiveData({ runId: runSummary().id, data: '→2' });
    expect(drawn).toEqual(['é1', '→2']);
    await flush();
    expect(inputs('ackTerminal')).toEqual([]); // not drawn yet: not acknowledged
    for (const done of later) done();
    await flush();
    expect(inputs('ackTerminal')).toEqual([{ runId: runSummary().id, bytes: 3 + 4 }]);
  });

  it('sends the chosen mode for a recipe that takes one, and refuses to start what cannot run', async () => {
    const { store, held } = await startedStore();
    store.getState().select('rebuild-system');
    await store.getState().start();
    expect(held.filter((p) => p.name === 'startRun')).toHaveLength(0);
    const fake = runsApi();
    const other = createRunsStore(fake.api);
    const loading = other.getState().loadRecipes();
    fake.next('recipes').answer({ ok: true, value: { recipes: [recipe({ id: 'rebuild-system', modes: ['switch', 'boot', 'test', 'build'] })] } });
    await loading;
    other.getState().setMode('boot');
    const starting = other.getState().start();
    const call = fake.take('startRun');
    expect(call.input).toMatchObject({ recipe: 'rebuild-system', mode: 'boot' });
    call.answer({ ok: true, value: runSummary({ recipe: 'rebuild-system', mode: 'boot' }) });
    await starting;
    expect(other.getState().live?.run.mode).toBe('boot');
  });

  it('counts progress, ends the run, shows the generation it made and opens its diff when told to', async () => {
    const openDiff = vi.fn();
    const { store, next } = await startedStore({ openDiff, opensByItself: (run) => run.mode === 'switch' });
    const starting = store.getState().start();
    next('startRun').answer({ ok: true, value: runSummary({ recipe: 'rebuild-system', mode: 'switch' }) });
    await starting;
    store.getState().receiveProgress({ runId: runSummary().id, progress: progress({ builds: { done: 2, expected: 3, running: 1, failed: 0 } }) });
    expect(store.getState().live?.progress.builds).toEqual({ done: 2, expected: 3, running: 1, failed: 0 });
    store.getState().receiveProgress({ runId: 'someone-else', progress: progress() });
    expect(store.getState().live?.progress.builds.done).toBe(2);
    const finished: RunSummary = runSummary({
      recipe: 'rebuild-system', mode: 'switch', state: 'succeeded', exitCode: 0, ended: '2025-06-01T10:01:00Z',
      progress: progress({ builds: { done: 3, expected: 3, running: 0, failed: 0 } }),
      generation: { kind: 'system', name: 'system', number: 43, previous: 42 },
    });
    store.getState().receiveFinished({ run: finished });
    expect(store.getState().live?.run.state).toBe('succeeded');
    expect(store.getState().live?.progress.builds.done).toBe(3);
    expect(store.getState().generationReady?.id).toBe(finished.id);
    expect(openDiff).toHaveBeenCalledWith(finished);
    expect(store.getState().runs?.[0]?.state).toBe('succeeded');
    next('listRuns').answer({ ok: true, value: { runs: [finished] } });
    store.getState().dismissGeneration();
    expect(store.getState().generationReady).toBeNull();
  });

  it('ends a run whose end came before startRun answered', async () => {
    const { store, next } = await startedStore();
    const starting = store.getState().start();
    const call = next('startRun');
    store.getState().receiveData({ runId: runSummary().id, data: 'error: oops\r\n' });
    store.getState().receiveFinished({ run: runSummary({ state: 'failed', exitCode: 1, ended: '2025-06-01T10:00:01Z' }) });
    call.answer({ ok: true, value: runSummary() });
    await starting;
    expect(store.getState().live?.run.state).toBe('failed');
    expect(store.getState().runs?.[0]?.state).toBe('failed');
  });

  it('shows a past run read-only and goes back to the live one', async () => {
    const { store, next, made } = await startedStore();
    const starting = store.getState().start();
    next('startRun').answer({ ok: true, value: runSummary() });
    await starting;
    const { sink, drawn } = fakeSink();
    store.getState().attach(sink);
    store.getState().receiveData({ runId: runSummary().id, data: 'live\r\n' });
    const old = runSummary({ id: '20250531T090000Z-old001', state: 'succeeded', exitCode: 0, ended: '2025-05-31T09:01:00Z' });
    const opening = store.getState().openRun(old.id);
    next('runLog').answer({ ok: true, value: { run: old, log: 'old log\r\n', truncated: true } });
    await opening;
    expect(store.getState().viewed).toMatchObject({ run: { id: old.id }, truncated: true, loading: false });
    expect(drawn).toEqual(['old log\r\n']);
    // Output of the live run keeps coming while the old log shows: kept, acknowledged, not drawn over it.
    store.getState().receiveData({ runId: runSummary().id, data: 'more\r\n' });
    expect(drawn).toEqual(['old log\r\n']);
    store.getState().input('q');
    expect(made.filter((s) => s.name === 'writeTerminal')).toEqual([]);
    store.getState().backToLive();
    expect(store.getState().viewed).toBeNull();
    expect(drawn).toEqual(['live\r\nmore\r\n']);
    store.getState().input('y\r');
    expect(made.filter((s) => s.name === 'writeTerminal')).toEqual([{ name: 'writeTerminal', input: { runId: runSummary().id, data: 'y\r' } }]);
  });

  it('takes over a run still running after a reload, from its log', async () => {
    const { store, next } = await startedStore();
    const resuming = store.getState().resume();
    const running = runSummary({ progress: progress({ builds: { done: 1, expected: 2, running: 1, failed: 0 } }) });
    next('listRuns').answer({ ok: true, value: { runs: [running, runSummary({ id: '20250531T090000Z-old001', state: 'failed' })] } });
    await flush();
    next('runLog').answer({ ok: true, value: { run: running, log: 'so far\r\n', truncated: false } });
    await resuming;
    expect(store.getState().live?.run.id).toBe(running.id);
    expect(store.getState().live?.progress.builds.done).toBe(1);
    expect(store.getState().viewed).toBeNull();
    const { sink, drawn } = fakeSink();
    store.getState().attach(sink);
    store.getState().receiveData({ runId: running.id, data: 'then\r\n' });
    expect(drawn).toEqual(['so far\r\n', 'then\r\n']);
  });

  it('stops the live run, and says why when it cannot', async () => {
    const { store, next } = await startedStore();
    const starting = store.getState().start();
    next('startRun').answer({ ok: true, value: runSummary() });
    await starting;
    const stopping = store.getState().stop();
    expect(store.getState().live?.stopping).toBe(true);
    const call = next('stopRun');
    expect(call.input).toEqual({ runId: runSummary().id });
    // The end arrives as an event; the answer (still saying "running") may come after it and changes nothing.
    store.getState().receiveFinished({ run: runSummary({ state: 'stopped', exitCode: 130, ended: '2025-06-01T10:00:05Z' }) });
    call.answer({ ok: true, value: runSummary() });
    await stopping;
    expect(store.getState().live?.run.state).toBe('stopped');
    expect(store.getState().live?.stopping).toBe(false);

    const second = await startedStore();
    const s2 = second.store.getState().start();
    second.next('startRun').answer({ ok: true, value: runSummary() });
    await s2;
    const refused = second.store.getState().stop();
    second.next('stopRun').answer({ ok: false, error: { code: 'not-found', message: 'no such run', hint: null } });
    await refused;
    expect(second.store.getState().stopError?.message).toBe('no such run');
    expect(second.store.getState().live?.stopping).toBe(false);
  });

  it('sends sizes inside the contract only while a run goes on', async () => {
    const { store, next, inputs } = await startedStore();
    store.getState().resize(4, 1);
    expect(store.getState().size).toEqual({ cols: 10, rows: 2 });
    expect(inputs('resizeTerminal')).toEqual([]);
    const starting = store.getState().start();
    next('startRun').answer({ ok: true, value: runSummary() });
    await starting;
    store.getState().resize(120, 40);
    store.getState().resize(120, 40);
    expect(inputs('resizeTerminal')).toEqual([{ runId: runSummary().id, cols: 120, rows: 40 }]);
  });

  it('turns failures into errors the view shows', async () => {
    const fake = runsApi().handle('recipes', () => Promise.reject(new Error('socket closed')));
    const store = createRunsStore(fake.api);
    await store.getState().loadRecipes();
    expect(store.getState().recipesError?.message).toMatch(/socket closed/);
    const { store: ready, next } = await startedStore();
    const starting = ready.getState().start();
    next('startRun').answer({ ok: false, error: { code: 'unavailable', message: 'The rebuild terminal is not built yet.', hint: null } });
    await starting;
    expect(ready.getState().startError?.code).toBe('unavailable');
    expect(ready.getState().live).toBeNull();
    expect(ready.getState().starting).toBe(false);
  });
});
