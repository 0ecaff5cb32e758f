import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from './infra/log.ts';
import type { MachinePaths } from './nix/locations.ts';
import type { ProcessRunner } from './infra/process.ts';
import { createServices, doorContext, doorPaths } from './services.ts';

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
/** Services on machine `a` whose demo opens with `openDemo`. */
const withDemo = (run: ProcessRunner, storeWritable: () => Promise<boolean>, openDemo: () => Promise<MachinePaths>) =>
  createServices({ paths: paths('a'), run, storeWritable, log: silentLogger, env: {}, openDemo });
const writable = async () => true;
const readOnly = async () => false;

describe('services', () => {
  it('reports a machine without a system profile, and why a demo cannot be built without Nix', async () => {
    const svc = createServices({ paths: paths('a'), run: nixMissing, log: silentLogger, env: {}, openDemo: async () => paths('b') });
    const m = await svc.handlers.machine({}, caller);
    expect(m).toMatchObject({ hasSystemProfile: false, demo: false, demoAvailable: false });
    expect(m.demoUnavailableReason).toMatch(/Nix is not installed/);
    await expect(svc.handlers.openDemo({}, caller)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('refuses the demo, saying why, where this user cannot write the Nix store', async () => {
    let builds = 0;
    const svc = withDemo(nixPresent, readOnly, async () => (builds++, paths('b')));
    const m = await svc.handlers.machine({}, caller);
    expect(m).toMatchObject({ demoAvailable: false });
    expect(m.demoUnavailableReason).toMatch(/Nix store, which this user cannot write/);
    await expect(svc.handlers.openDemo({}, caller)).rejects.toMatchObject({ code: 'unavailable' });
    expect(builds).toBe(0);
  });

  it('switches to the demo paths, says so in an event, and builds the demo once', async () => {
    let builds = 0;
    const svc = withDemo(nixPresent, writable, async () => {
      builds++;
      return paths('demo');
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
    const svc = withDemo(nixPresent, writable, async () => {
      if (fail) throw new Error('disk full');
      return paths('demo');
    });
    expect((await svc.handlers.machine({}, caller)).demoUnavailableReason).toBeNull();
    await expect(svc.handlers.openDemo({}, caller)).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('disk full') });
    fail = false;
    await expect(svc.handlers.openDemo({}, caller)).resolves.toMatchObject({ demo: true });
  });
});

describe('doorContext', () => {
  const start = { env: { XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: join(dir, 'state') }, homeDir: join(dir, 'home'), user: 'alice', log: silentLogger };

  it('looks at the machine the path options name, remembers closure sizes in the cache directory, and offers the demo', () => {
    const ctx = doorContext({ ...start, options: { 'system-profile': join(dir, 'p/system'), 'nix-db': join(dir, 'db.sqlite'), json: true } });
    expect(ctx.paths).toMatchObject({ systemProfile: join(dir, 'p/system'), nixDb: join(dir, 'db.sqlite') });
    expect(ctx.closureCacheFile).toBe(join(dir, 'cache/gentry/closure-sizes.json'));
    expect(ctx.env).toBe(start.env);
    expect(ctx.demo).toBe(false);
    expect(typeof ctx.openDemo).toBe('function');
    expect(doorPaths({ ...start, options: {} }).homeProfiles[0]).toBe('/nix/var/nix/profiles/per-user/alice/home-manager');
  });

  it('takes given paths over the options (the demo world)', () => {
    const ctx = doorContext({ ...start, options: { 'system-profile': '/elsewhere' }, paths: paths('w'), demo: true });
    expect(ctx.paths).toEqual(paths('w'));
    expect(ctx.demo).toBe(true);
  });
});

describe('the helper the services use', () => {
  // A stand-in helper that answers a dry-run garbage collection with how many arguments it got before the verb.
  const fake = join(dir, 'fake-helper');
  writeFileSync(fake, '#!/bin/sh\nprefix=0\nwhile [ "$1" != collect-garbage ]; do prefix=$((prefix+1)); [ "$1" = --root ] && root=$2; shift; done\necho "{\\"event\\":\\"result\\",\\"ok\\":true,\\"deadPaths\\":$prefix,\\"bytes\\":${#root}}"\n', { mode: 0o755 });
  const world = '/tmp/w/nix/var/nix/profiles/system';
  const gc = (env: Record<string, string>, demo: boolean) =>
    createServices({ paths: { ...paths('x'), systemProfile: world }, run: nixMissing, log: silentLogger, env, demo }).handlers.previewGc({}, caller);

  it('on a demo world is GENTRY_HELPER from the environment given, under --root of the world or GENTRY_HELPER_ROOT', async () => {
    expect(await gc({ GENTRY_HELPER: fake }, true)).toMatchObject({ deadPaths: 2, bytes: '/tmp/w'.length });
    expect(await gc({ GENTRY_HELPER: fake, GENTRY_HELPER_ROOT: '/elsewhere/root' }, true)).toMatchObject({ deadPaths: 2, bytes: '/elsewhere/root'.length });
  });

  it('elsewhere is GENTRY_HELPER as it is, with no --root unless GENTRY_HELPER_ROOT says', async () => {
    expect(await gc({ GENTRY_HELPER: fake }, false)).toMatchObject({ deadPaths: 0, bytes: 0 });
    expect(await gc({ GENTRY_HELPER: fake, GENTRY_HELPER_ROOT: '/r' }, false)).toMatchObject({ deadPaths: 2, bytes: 2 });
  });
});
