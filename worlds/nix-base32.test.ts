import { describe, expect, it } from 'vitest';
import { nixBase32Alphabet, toNixBase32 } from './nix-base32.ts';
import { storeHash, worldIdFromSeed } from './world-hash.ts';

describe('toNixBase32', () => {
  it('encodes like Nix (last byte first)', () => {
    expect(toNixBase32(new Uint8Array([0]))).toBe('00');
    expect(toNixBase32(new Uint8Array([0xff]))).toBe('7z');
    expect(toNixBase32(new Uint8Array(20))).toBe('0'.repeat(32));
  });

  it('gives 32 characters of the Nix alphabet for 20 bytes', () => {
    const text = toNixBase32(new Uint8Array(20).map((_, i) => i * 13 + 7));
    expect(text).toHaveLength(32);
    expect([...text].every((c) => nixBase32Alphabet.includes(c))).toBe(true);
  });
});

describe('store hashes', () => {
  it('are well-formed, deterministic and differ between worlds', () => {
    const a = storeHash(worldIdFromSeed('a'), 'zlib-1.3.1', 'v');
    expect(a).toMatch(/^[0-9a-df-np-sv-z]{32}$/);
    expect(storeHash(worldIdFromSeed('a'), 'zlib-1.3.1', 'v')).toBe(a);
    expect(storeHash(worldIdFromSeed('b'), 'zlib-1.3.1', 'v')).not.toBe(a);
    expect(storeHash(worldIdFromSeed('a'), 'zlib-1.3.1', 'w')).not.toBe(a);
  });
});
