import { describe, expect, it } from 'vitest';
import type { Profile } from '../../common/contract/index.ts';
import { formatProfile } from './format-list.ts';

describe('formatProfile', () => {
  it('shows markers, specialisations and problems', () => {
    const p: Profile = {
      kind: 'system',
      name: 'system',
      path: '/nix/var/nix/profiles/system',
      problem: null,
      generations: [
        { number: 7, date: '2026-11-21T19:53:21Z', storePath: '/nix/store/x', current: true, booted: false, nixosVersion: '25.05.20261121.2bfba04', nixpkgsRevision: '2bfba04', kernelVersion: '6.12.43', specialisations: ['gaming'], homeManagerVersion: null, closureSize: 2415919104, packages: null, problem: null, label: null, note: null },
        { number: 8, date: '2026-11-21T19:53:21Z', storePath: '/tmp/y', current: false, booted: false, nixosVersion: null, nixpkgsRevision: null, kernelVersion: null, specialisations: [], homeManagerVersion: null, closureSize: null, packages: null, problem: 'points outside /nix/store', label: null, note: null },
      ],
    };
    const text = formatProfile(p);
    expect(text).toContain('system system  /nix/var/nix/profiles/system  (2 generations)');
    expect(text).toMatch(/7 .*25\.05\.20261121\.2bfba04 .*6\.12\.43 .*2\.3 GiB .*current .*\[gaming\]/);
    expect(text).toContain('! points outside /nix/store');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});
