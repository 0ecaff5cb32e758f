import { describe, expect, it } from 'vitest';
import { isStorePath, parseStorePath, toStorePath } from './store-path.ts';

const H = '0123456789abcdfghijklmnpqrsvwxyz';

describe('store paths', () => {
  it('splits a store path into hash and name', () => {
    expect(parseStorePath(`/nix/store/${H}-hello-2.12`)).toEqual({ hash: H, name: 'hello-2.12' });
  });
  it('refuses what is not a top-level store path', () => {
    expect(isStorePath(`/nix/store/${H}-hello-2.12/bin/hello`)).toBe(false);
    expect(isStorePath(`/nix/store/${H.replace('0', 'e')}-x`)).toBe(false); // 'e' is not nix-base32
    expect(isStorePath('/tmp/x')).toBe(false);
    expect(isStorePath(`/nix/store/${H}`)).toBe(false);
    expect(isStorePath(`/nix/store/${H}-..`)).toBe(false);
  });
  it('finds the store path that holds a file', () => {
    expect(toStorePath(`/nix/store/${H}-hello-2.12/bin/hello`)).toBe(`/nix/store/${H}-hello-2.12`);
    expect(toStorePath('/etc/passwd')).toBeNull();
  });
});
