import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from './infra/log.ts';
import type { MachinePaths } from './nix/locations.ts';
import type { ProcessRunner } from './infra/process.ts';
import { createServices, worldRoot } from './services.ts';

const dir = mkdtempSync(join(tmpdir(), 'gentry-services-'));
const paths = (name: string): MachinePaths => ({
  systemProfile: join(dir, name, 'system'),
  homeProfiles: [],
  homeProfilesExplicit: false,
  userProfiles: [],
  bootedSystem: join(dir, 'run/booted-system'),
  nixDb: join(dir, 'no-db.sqlite'),
});
// A runner that says Nix is installed; whether the store is writable is passed in, never asked of this machine.
const nixPresent: ProcessRunner = async () => ({ code: 0, stdout: 'nix-store (Nix) 2.8.0', stderr: '' });
const nixMissing: ProcessRunner = async () => ({ code: 127, stdout: '', stderr: 'not found' });

const caller = { client: 'test' };
const writable = async () => true;
const readOnly = async () => false;

describe('services', () => {
  it('reports a machine without a system profile, and why a demo cannot be built without Nix', async () => {
    const svc = createServices({ paths: paths('a'), run: nixMissing, log: silentLogger, openDemo: async () => paths('b') });
    const m = await svc.handlers.machine({}, caller);
    expect(m).toMatchObject({ hasSystemProfile: false, demo: false, demoAvailable: false });
    expect(m.demoUnavailableReason).toMatch(/Nix is not installed/);
    await expect(svc.handlers.openDemo({}, caller)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('refuses the demo, saying why, where this user cannot write the Nix store', async () => {
    let builds = 0;
    const svc = createServices({ paths: paths('a'), run: nixPresent, storeWritable: readOnly, log: silentLogger, openDemo: async () => (builds++, paths('b')) });
    const m = await svc.handlers.machine({}, caller);
    expect(m).toMatchObject({ demoAvailable: false });
    expect(m.demoUnavailableReason).toMatch(/Nix store, which this user cannot write/);
    await expect(svc.handlers.openDemo({}, caller)).rejects.toMatchObject({ code: 'unavailable' });
    expect(builds).toBe(0);
  });

  it('switches to the demo paths, says so in an event, and builds the demo once', async () => {
    let builds = 0;
    const svc = createServices({
      paths: paths('a'),
      run: nixPresent,
      storeWritable: writable,
      log: silentLogger,
      openDemo: async () => {
        builds++;
        return paths('demo');
      },
    });
    const events: string[] = [];
    svc.subscribe((event, payload) => events.push(`${event}:${JSON.stringify(payload)}`));
    expect((await svc.handlers.machine({}, caller)).demoUnavailableReason).toBeNull();
    const [a, b] = await Promise.all([svc.handlers.openDemo({}, caller), svc.handlers.openDemo({}, caller)]);
    expect(builds).toBe(1);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ demo: true, systemProfile: join(dir, 'demo', 'system') });
    expect(events).toEqual(['profilesChanged:{"reason":"demo"}']);
  });

  it('turns a failed demo build into an error with a hint, and lets the person try again', async () => {
    let fail = true;
    const svc = createServices({
      paths: paths('a'),
      run: nixPresent,
      storeWritable: writable,
      log: silentLogger,
      openDemo: async () => {
        if (fail) throw new Error('disk full');
        return paths('demo');
      },
    });
    expect((await svc.handlers.machine({}, caller)).demoUnavailableReason).toBeNull();
    await expect(svc.handlers.openDemo({}, caller)).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('disk full') });
    fail = false;
    await expect(svc.handlers.openDemo({}, caller)).resolves.toMatchObject({ demo: true });
  });
});

describe('worldRoot', () => {
  it('finds the root of a world from its system profile, and none on a real machine', () => {
    expect(worldRoot({ ...paths('x'), systemProfile: '/tmp/w/nix/var/nix/profiles/system' })).toBe('/tmp/w');
    expect(worldRoot({ ...paths('x'), systemProfile: '/nix/var/nix/profiles/system' })).toBeNull();
    expect(worldRoot({ ...paths('x'), systemProfile: '/tmp/w/profiles/system' })).toBeNull();
  });
});
