import { describe, expect, it } from 'vitest';
import { DEB_HELPER, describeExit, helperCommand, NIXOS_HELPER } from './helper-client.ts';

const pkexec = helperCommand({}, () => false);
const direct = helperCommand({ GENTRY_HELPER: '/x/gentry-helper', GENTRY_HELPER_ROOT: '/tmp/world' });

describe('the helper client', () => {
  it('runs the installed helper through pkexec unless told to run one directly', () => {
    expect(pkexec).toEqual({ program: 'pkexec', prefix: ['/run/current-system/sw/libexec/gentry-helper'], viaPkexec: true });
    expect(direct).toEqual({ program: '/x/gentry-helper', prefix: ['--root', '/tmp/world'], viaPkexec: false });
  });
  it('picks the installed helper that exists: the NixOS path, then the deb path, else names the NixOS one', () => {
    expect(helperCommand({}, (p) => p === NIXOS_HELPER || p === DEB_HELPER).prefix).toEqual(['/run/current-system/sw/libexec/gentry-helper']);
    expect(helperCommand({}, (p) => p === DEB_HELPER).prefix).toEqual(['/usr/libexec/gentry-helper']);
    expect(helperCommand({}, () => false).prefix).toEqual([NIXOS_HELPER]);
  });
  it("maps pkexec's 126 and 127 to cancelled and not authorised, and only under pkexec", () => {
    expect(describeExit(pkexec, 126, null, '')).toMatchObject({ state: 'cancelled', message: expect.stringContaining('nothing changed') });
    expect(describeExit(pkexec, 127, null, '')).toMatchObject({ state: 'not-authorised' });
    expect(describeExit(direct, 127, null, 'x')).toMatchObject({ state: 'crashed' });
  });
  it("says what the helper refused, and what it restored when it failed", () => {
    expect(describeExit(pkexec, 3, { error: 'generation 42 is the current one' }, '')).toMatchObject({ state: 'refused', message: 'Refused: generation 42 is the current one. Nothing changed.' });
    expect(describeExit(pkexec, 4, { error: 'switch-to-configuration exited 1', restored: ['the profile link points at generation 41 again'] }, '').message).toBe('It failed: switch-to-configuration exited 1. Restored: the profile link points at generation 41 again.');
    expect(describeExit(pkexec, 9, null, 'boom\nlast words').message).toContain('last words');
  });
});
