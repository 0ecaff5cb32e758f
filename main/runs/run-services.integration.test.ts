// The whole run path through the services, as the window uses it: a demo-flagged services object starts
// the demo build (a real nix-build in a real pty), sends terminal data and progress to the caller only,
// tells everyone when it ends, and keeps the run in the history; a second window can take the run over.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EventName, type EventPayload, RunSummarySchema } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import type { HelperCommand } from '../helper/helper-client.ts';
import { silentLogger } from '../infra/log.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { runProcess } from '../infra/process.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { createServices } from '../services.ts';
import { ORPHAN_NOTE, runPaths, writeSummary } from './run-store.ts';
import { runHandlers } from './run-services.ts';

const root = mkdtempSync(join(tmpdir(), 'gentry-run-services-'));
const paths: MachinePaths = {
  systemProfile: join(root, 'profiles/system'),
  homeProfiles: [join(root, 'profiles/home-manager')],
  homeProfilesExplicit: true,
  userProfiles: [],
  bootedSystem: join(root, 'booted-system'),
  nixDb: '/nix/var/nix/db/db.sqlite',
};

interface Seen {
  event: EventName;
  payload: unknown;
  to: string | undefined;
}

function services(name: string, demo: boolean) {
  const stateDir = join(root, name, 'state');
  const configDir = join(root, name, 'config');
  const svc = createServices({ paths, run: runProcess, log: silentLogger, env: {}, demo, stateDir, configDir });
  const seen: Seen[] = [];
  svc.subscribe((event, payload, to) => seen.push({ event, payload, to }));
  const finished = (runId: string) =>
    new Promise<EventPayload<'runFinished'>['run']>((resolve) => {
      const off = svc.subscribe((event, payload) => {
        const run = (payload as EventPayload<'runFinished'>).run;
        if (event === 'runFinished' && run.id === runId) {
          off();
          resolve(run);
        }
      });
    });
  return { svc, seen, stateDir, finished };
}

describe('runs through the services', () => {
  it('builds the demo: terminal data and progress to the owner only, runFinished to all, then history and log', async () => {
    const { svc, seen, stateDir, finished } = services('demo', true);
    const a = { client: 'window-a' };
    const recipes = await svc.handlers.recipes({}, a);
    expect(recipes.recipes.find((r) => r.id === 'demo-build')).toMatchObject({ available: true, unavailableReason: null });
    const started = await svc.handlers.startRun({ recipe: 'demo-build', cols: 100, rows: 30 }, a);
    expect(RunSummarySchema.parse(started)).toMatchObject({ recipe: 'demo-build', state: 'running', mode: null });
    const done = await finished(started.id);
    expect(done).toMatchObject({ id: started.id, state: 'succeeded', exitCode: 0, progress: { builds: { done: 6, expected: 6, running: 0, failed: 0 }, errors: [] } });

    const data = seen.filter((s) => s.event === 'terminalData');
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((s) => s.to === 'window-a')).toBe(true);
    const text = data.map((s) => (s.payload as EventPayload<'terminalData'>).data).join('');
    expect(text).toContain('$ nix-build ');
    expect(text).toMatch(/demo-b-[0-9a-z]{6}> all 3 tests passed\r\n/);
    expect(text).not.toContain('@nix');
    const progress = seen.filter((s) => s.event === 'runProgress');
    expect(progress.every((s) => s.to === 'window-a')).toBe(true);
    // Phases were seen while it ran.
    expect(progress.some((s) => (s.payload as EventPayload<'runProgress'>).progress.active.some((x) => x.phase === 'buildPhase'))).toBe(true);
    const fin = seen.filter((s) => s.event === 'runFinished');
    expect(fin).toHaveLength(1);
    expect(fin[0]?.to).toBeUndefined();

    const { runs } = await svc.handlers.listRuns({}, a);
    expect(runs.map((r) => r.id)).toEqual([started.id]);
    expect(runs[0]).toEqual(done);
    const onDisk = JSON.parse(readFileSync(runPaths(stateDir, started.id).summary, 'utf8')) as unknown;
    expect(RunSummarySchema.parse(onDisk)).toEqual(done);
    const log = await svc.handlers.runLog({ runId: started.id }, { client: 'window-b' });
    expect(log.truncated).toBe(false);
    // The log is the terminal output exactly as it was shown, colours and all.
    expect(log.log).toBe(text);
    expect(done.logBytes).toBe(Buffer.byteLength(text));
    svc.close();
  });

  it('lets a second window take a running run over, stops it, and refuses what cannot be', async () => {
    const { svc, seen, finished } = services('take-over', true);
    const a = { client: 'window-a' };
    const b = { client: 'window-b' };
    const run = await svc.handlers.startRun({ recipe: 'demo-build', cols: 80, rows: 24 }, a);
    await expect(svc.handlers.startRun({ recipe: 'demo-build', cols: 80, rows: 24 }, b)).rejects.toMatchObject({ code: 'unavailable' });
    await expect(svc.handlers.writeTerminal({ runId: run.id, data: 'x' }, b)).rejects.toMatchObject({ code: 'bad-input' });
    // Wait for the first build to start, then window b re-attaches (as after a reload).
    await new Promise<void>((resolve) => {
      const off = svc.subscribe((event, payload) => {
        if (event === 'terminalData' && (payload as EventPayload<'terminalData'>).data.includes("building '")) {
          off();
          resolve();
        }
      });
    });
    const attached = await svc.handlers.runLog({ runId: run.id }, b);
    expect(attached.run.state).toBe('running');
    expect(attached.log).toContain('$ nix-build ');
    const mark = seen.length;
    await svc.handlers.resizeTerminal({ runId: run.id, cols: 120, rows: 40 }, b);
    await svc.handlers.ackTerminal({ runId: run.id, bytes: 10 }, a); // stale: ignored
    const ended = finished(run.id);
    const stopped = await svc.handlers.stopRun({ runId: run.id }, b);
    expect(stopped).toMatchObject({ id: run.id, state: 'stopped' });
    expect(await ended).toEqual(stopped);
    const after = seen.slice(mark).filter((s) => s.event === 'terminalData');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s.to === 'window-b')).toBe(true);
    // What b got from the log and as events is the whole log, once.
    const full = await svc.handlers.runLog({ runId: run.id }, b);
    const tail = after.map((s) => (s.payload as EventPayload<'terminalData'>).data).join('');
    expect(full.log.endsWith(tail)).toBe(true);
    expect(full.log.startsWith(attached.log)).toBe(true);
    expect(full.log).toContain('stopped');
    await expect(svc.handlers.writeTerminal({ runId: run.id, data: 'x' }, b)).rejects.toMatchObject({ code: 'not-found' });
    await expect(svc.handlers.runLog({ runId: '20990101T000000Z-nonexi' }, b)).rejects.toMatchObject({ code: 'not-found' });
    svc.close();
  });

  it('offers no demo build outside the demo, and shows a run orphaned by a crashed Gentry as stopped', async () => {
    const { svc, stateDir } = services('plain', false);
    const c = { client: 'cli' };
    await expect(svc.handlers.startRun({ recipe: 'demo-build', cols: 80, rows: 24 }, c)).rejects.toMatchObject({ code: 'unavailable' });
    const id = '20260101T000000Z-crashd';
    await writeSummary(
      stateDir,
      { id, recipe: 'rebuild-system', mode: 'switch', title: 'Rebuild the system (switch)', started: '2026-01-01T00:00:00Z', ended: null, exitCode: null, state: 'running', progress: { builds: { done: 0, expected: 2, running: 1, failed: 0 }, downloads: { done: 0, expected: 0, bytes: 0 }, errors: [], active: [] }, generation: null, logBytes: 0 },
      { pid: 999_999_999, startTime: null },
    );
    const { runs } = await svc.handlers.listRuns({}, c);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id, state: 'stopped', progress: { errors: [ORPHAN_NOTE] } });
    svc.close();
  });
});

describe('runs without a helper', () => {
  it('still lists and runs the demo build when the helper cannot be had, and says why the others are off', async () => {
    const stateDir = join(root, 'no-helper', 'state');
    const deps: ServiceDeps = {
      paths: () => paths,
      demo: () => true,
      run: runProcess,
      log: silentLogger,
      get helper(): HelperCommand {
        throw new GentryError('unavailable', 'there is no helper', 'Install cargo and start the demo again.');
      },
      boot: { esp: null, efivars: join(root, 'efivars') },
      stateDir,
      configDir: join(root, 'no-helper', 'config'),
      reader: () => Promise.reject(new Error('not used')),
      emit: () => undefined,
    };
    const runs = runHandlers(deps);
    try {
      const { recipes } = await runs.handlers.recipes({}, { client: 'w' });
      expect(recipes.find((r) => r.id === 'demo-build')).toMatchObject({ available: true, unavailableReason: null });
      const off = recipes.filter((r) => !r.available);
      expect(off.length).toBeGreaterThan(0);
      for (const r of off) expect(r.unavailableReason).toMatch(/^[^`]+$/);
      const started = await runs.handlers.startRun({ recipe: 'demo-build', cols: 80, rows: 24 }, { client: 'w' });
      expect(started).toMatchObject({ recipe: 'demo-build', state: 'running' });
    } finally {
      runs.close();
    }
  });
});
