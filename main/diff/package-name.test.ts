import { describe, expect, it } from 'vitest';
import { packageKey } from './package-name.ts';

const H = '/nix/store/0123456789abcdfghijklmnpqrsvwxyz-';

describe('packageKey', () => {
  it.each([
    ['openssl-3.4.1-dev', 'openssl', '3.4.1'],
    ['openssl-3.4.1', 'openssl', '3.4.1'],
    ['glibc-2.40-66-bin', 'glibc', '2.40-66'],
    ['python3.12-requests-2.32.3', 'python3.12-requests', '2.32.3'],
    ['gcc-14.2.0-lib64', 'gcc', '14.2.0'],
    // diff-closures' own ambiguity, kept on purpose: `-path` looks like an output name.
    ['system-path', 'system', ''],
    ['foo-unstable-2024-01-01', 'foo-unstable', '2024-01-01'],
    ['hello', 'hello', ''],
  ])('%s → %s / %s', (name, pkg, version) => {
    expect(packageKey(H + name)).toEqual({ name: pkg, version });
  });
});
