// The profile listing with Guix beside Nix: Guix's profiles appear where their state directory exists, in the
// contract's shape; a machine without one lists exactly as before (no guixProfiles key at all).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileListSchema } from '../../common/contract/index.ts';
import { GuixWorld, manifestText, provenanceText } from '../../test-support/guix-world.ts';
import { silentLogger } from '../infra/log.ts';
import type { ProcessRunner } from '../infra/process.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { createServices } from '../services.ts';
import { listGuixProfiles } from './guix-listing.ts';
import { guixProfilePaths } from './guix-locations.ts';

const dir = mkdtempSync(join(tmpdir(), 'gentry-guix-listing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const nixMissing: ProcessRunner = async () => ({ code: 127, stdout: '', stderr: 'not found' });
const nixPaths = (name: string): MachinePaths => ({ systemProfile: join(dir, name, 'nix/system'), homeProfiles: [], homeProfilesExplicit: false, userProfiles: [], bootedSystem: join(dir, 'run/booted-system'), nixDb: join(dir, 'no-db.sqlite') });
const list = (paths: MachinePaths) => createServices({ paths, run: nixMissing, log: silentLogger, env: { XDG_STATE_HOME: join(dir, 'state') }, openDemo: async () => paths }).handlers.listProfiles({}, { client: 'test' });

function hybrid(root: string): GuixWorld {
  const w = new GuixWorld(root);
  const boot = { version: 1 as const, label: 'GNU with Linux-Libre 6.12.3', root: { label: 'guix-root' }, kernel: '/gnu/store/0000000000000000000000000000000a-linux-libre-6.12.3/bzImage', args: ['quiet'] };
  w.systemGeneration(1, { boot, provenance: provenanceText([{ name: 'guix', url: 'https://git.guix.gnu.org/guix.git', branch: 'master', commit: 'c'.repeat(40) }], '/etc/config.scm'), manifest: manifestText([{ name: 'coreutils', version: '9.1' }], 4) });
  w.systemGeneration(3, { boot: null, provenance: null, manifest: manifestText([], 4) });
  w.setCurrent(w.system, 1, 'absolute');
  w.userGeneration('alice', 2, manifestText([{ name: 'git', version: '2.47.1' }, { name: 'git', version: '2.47.1', output: 'send-email' }], 4));
  w.setCurrent(w.userProfile('alice'), 2, 'relative');
  return w;
}

describe('Guix profiles in the profile listing', () => {
  it('a machine without a Guix state directory lists exactly as before: no guixProfiles key', async () => {
    const none = guixProfilePaths({ env: {}, user: 'alice', root: join(dir, 'nothing') });
    expect(await listGuixProfiles(none)).toBeNull();
    expect(await listGuixProfiles(undefined)).toBeNull();
    const out = await list({ ...nixPaths('plain'), guix: none });
    expect(Object.keys(out)).toEqual(['profiles', 'notices']);
    expect(ProfileListSchema.parse(out)).toEqual(out);
  });

  it('a hybrid machine lists the Guix profiles that exist (system, user; no home), each generation with its channels, boot and packages, and problems in place', async () => {
    const w = hybrid(join(dir, 'hybrid'));
    const out = await list({ ...nixPaths('hybrid'), guix: guixProfilePaths({ env: { USER: 'alice' }, user: 'nobody', root: w.root }) });
    expect(ProfileListSchema.parse(out)).toEqual(out);
    const guix = out.guixProfiles!;
    expect(guix.map((p) => [p.kind, p.path, p.current, p.generations.map((g) => g.number), p.problem])).toEqual([
      ['guix-system', w.system, 1, [1, 3], null],
      ['guix-user', w.userProfile('alice'), 2, [2], null],
    ]);
    const [one, three] = guix[0]!.generations;
    expect(one).toMatchObject({
      current: true,
      fileName: `${w.system}-1-link`,
      channels: [{ name: 'guix', url: 'https://git.guix.gnu.org/guix.git', branch: 'master', commit: 'c'.repeat(40) }],
      configurationFile: '/etc/config.scm',
      boot: { label: 'GNU with Linux-Libre 6.12.3', bootloader: 'grub', rootDevice: 'label: "guix-root"', kernelArguments: ['root=guix-root', `gnu.system=${w.system}-1-link`, `gnu.load=${w.system}-1-link/boot`, 'quiet'], menuEntries: [] },
      packages: [{ name: 'coreutils', version: '9.1', output: 'out' }],
      problem: null,
    });
    expect(one!.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(three).toMatchObject({ current: false, boot: null, packages: [], problem: `${w.system}-3-link/parameters is missing` });
    expect(guix[1]!.generations[0]!.packages!.map((p) => `${p.name}:${p.output}`)).toEqual(['git:out', 'git:send-email']);
  });
});
