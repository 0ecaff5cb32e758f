// main/demo/: the demo machine: the world gentry demo builds, that world seen as a machine, and the machine and openDemo handlers.
import { describe, expect, it } from 'vitest';
import type { MachinePaths } from '../nix/locations.ts';
import { worldBoot, worldHelper, worldRoot } from './demo-machine.ts';

const paths = (systemProfile: string): MachinePaths => ({ systemProfile, homeProfiles: [], homeProfilesExplicit: false, userProfiles: [], bootedSystem: '/run/booted-system', nixDb: '/nix/var/nix/db/db.sqlite' });

describe('worldRoot', () => {
  it('finds the root of a world from its system profile, and none on a real machine', () => {
    expect(worldRoot(paths('/tmp/w/nix/var/nix/profiles/system'))).toBe('/tmp/w');
    expect(worldRoot(paths('/nix/var/nix/profiles/system'))).toBeNull();
    expect(worldRoot(paths('/tmp/w/profiles/system'))).toBeNull();
  });
});

describe('a world as a machine', () => {
  it('runs GENTRY_HELPER directly under --root of the world, or of GENTRY_HELPER_ROOT', () => {
    expect(worldHelper('/tmp/w', { GENTRY_HELPER: '/x/gentry-helper' })).toEqual({ program: '/x/gentry-helper', prefix: ['--root', '/tmp/w'], viaPkexec: false });
    expect(worldHelper('/tmp/w', { GENTRY_HELPER: '/x/gentry-helper', GENTRY_HELPER_ROOT: '/r' })).toEqual({ program: '/x/gentry-helper', prefix: ['--root', '/r'], viaPkexec: false });
  });
  it('keeps its boot menu under its root', () => {
    expect(worldBoot('/tmp/w')).toEqual({ esp: '/tmp/w/boot', efivars: '/tmp/w/sys/firmware/efi/efivars' });
  });
});
