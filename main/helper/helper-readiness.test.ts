// helperUnavailable on real files: pkexec looked up in PATH, the helper at its installed path, or GENTRY_HELPER's binary.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPER_MISSING, helperUnavailable, PKEXEC_MISSING } from './helper-readiness.ts';

const dir = mkdtempSync(join(tmpdir(), 'gentry-readiness-'));
function program(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}
const bin = join(dir, 'bin');
program(join(bin, 'pkexec'));
const helper = program(join(dir, 'libexec/gentry-helper'));
writeFileSync(join(dir, 'not-executable'), '');

describe('helperUnavailable', () => {
  it('is ready with pkexec on PATH and the helper installed', async () => {
    expect(await helperUnavailable({ program: 'pkexec', prefix: [helper], viaPkexec: true }, { PATH: `/nonexistent:${bin}` })).toBeNull();
  });
  it('says pkexec is missing when no PATH directory has it', async () => {
    expect(await helperUnavailable({ program: 'pkexec', prefix: [helper], viaPkexec: true }, { PATH: '/nonexistent' })).toBe(PKEXEC_MISSING);
  });
  it('says the helper is missing when its installed path holds nothing', async () => {
    expect(await helperUnavailable({ program: 'pkexec', prefix: [join(dir, 'libexec/none')], viaPkexec: true }, { PATH: bin })).toBe(HELPER_MISSING);
  });
  it('checks GENTRY_HELPER\'s binary when the helper runs directly', async () => {
    expect(await helperUnavailable({ program: helper, prefix: ['--root', dir], viaPkexec: false })).toBeNull();
    expect(await helperUnavailable({ program: join(dir, 'not-executable'), prefix: [], viaPkexec: false })).toMatch(/does not exist or cannot be run/);
  });
});
