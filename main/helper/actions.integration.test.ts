// main/helper/: the client of the privileged helper (pkexec or a direct run, JSON lines, exit codes to messages), tested against the real binary.
// The action calls through the in-process door (the same dispatch as the window), with the real
// helper run directly under --root, and home-manager actions on the person's own links.
import { existsSync, readlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { worldPaths } from '../demo/demo-world.ts';
import { inProcessDoor } from '../in-process-door.ts';
import { silentLogger } from '../infra/log.ts';
import { runProcess } from '../infra/process.ts';
import { createServices } from '../services.ts';
import { buildHelperBinary } from './helper-binary.ts';


describe('switch, delete and gc through the contract', () => {
  let world: World;
  let door: ReturnType<typeof inProcessDoor>;
  let services: ReturnType<typeof createServices>;
  const progress: string[] = [];
  const linkNumber = (profile: string) => Number(/-(\d+)-link$/.exec(readlinkSync(profile))?.[1]);

  beforeAll(async () => {
    const HELPER = buildHelperBinary();
    world = await buildWorld({ preset: 'small' });
    services = createServices({ paths: worldPaths(world), run: runProcess, log: silentLogger, env: {}, helper: { program: HELPER, prefix: ['--root', world.root], viaPkexec: false } });
    services.subscribe((event, payload) => {
      if (event === 'actionProgress') progress.push((payload as { message: string }).message);
    });
    door = inProcessDoor(services, silentLogger);
  });
  afterAll(async () => {
    services?.close();
    if (world) await removeWorld(world);
  });

  it('previews a system switch as the diff from the current generation, then switches', async () => {
    const current = linkNumber(world.systemProfile);
    const generation = { kind: 'system' as const, name: 'system', number: current - 2 };
    const preview = await door.previewSwitch({ generation, mode: 'switch' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect([preview.value.diff?.from.number, preview.value.diff?.to.number]).toEqual([current, current - 2]);
    const done = await door.switchGeneration({ generation, mode: 'switch' });
    expect(done).toMatchObject({ ok: true, value: { state: 'done' } });
    expect(linkNumber(world.systemProfile)).toBe(current - 2);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('refuses to delete the current or booted generation before the helper runs, and deletes others', async () => {
    const current = linkNumber(world.systemProfile);
    const booted = world.expected.profiles[0]?.generations.find((g) => g.booted)?.number as number;
    for (const n of [current, booted]) {
      const r = await door.deleteGenerations({ kind: 'system', name: 'system', numbers: [n] });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    const preview = await door.previewDelete({ kind: 'system', name: 'system', numbers: [1, 2] });
    expect(preview).toMatchObject({ ok: true, value: { generations: [1, 2] } });
    const r = await door.deleteGenerations({ kind: 'system', name: 'system', numbers: [1, 2] });
    expect(r).toMatchObject({ ok: true, value: { state: 'done' } });
    expect(existsSync(join(dirname(world.systemProfile), 'system-1-link'))).toBe(false);
  });

  it('switches and deletes home-manager generations without the helper', async () => {
    const home = world.homeProfile;
    const current = linkNumber(home);
    const r = await door.switchGeneration({ generation: { kind: 'home', name: 'home-manager', number: current - 1 }, mode: 'switch' });
    expect(r).toMatchObject({ ok: true, value: { state: 'done' } });
    expect(linkNumber(home)).toBe(current - 1);
    expect(readlinkSync(home)).toBe(`home-manager-${current - 1}-link`); // relative, as home-manager writes it
    const refused = await door.deleteGenerations({ kind: 'home', name: 'home-manager', numbers: [current - 1] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const deleted = await door.deleteGenerations({ kind: 'home', name: 'home-manager', numbers: [1] });
    expect(deleted).toMatchObject({ ok: true, value: { state: 'done' } });
    expect(existsSync(join(dirname(home), 'home-manager-1-link'))).toBe(false);
  });

  it('previews garbage collection with the dry run', async () => {
    const r = await door.previewGc({});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.outcome.state).toBe('done');
    expect(typeof r.value.deadPaths).toBe('number');
  });
});
