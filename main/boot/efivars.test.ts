import { describe, expect, it } from 'vitest';
import { decodeEfiString } from './efivars.ts';

/** The bytes the kernel shows for a non-volatile, boot-service, runtime variable holding `s`. */
const efiBytes = (s: string) => Uint8Array.from([0x07, 0x00, 0x00, 0x00, ...[...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]), 0x00, 0x00]);

describe('decodeEfiString', () => {
  it('skips the attributes and reads UTF-16LE up to the NUL', () => {
    expect(decodeEfiString(efiBytes('nixos-generation-42.conf'))).toBe('nixos-generation-42.conf');
    expect(decodeEfiString(Uint8Array.from([7, 0, 0, 0, 0x35, 0x00, 0x00, 0x00, 0x41, 0x00]))).toBe('5');
  });
  it('refuses a file too short to hold attributes', () => {
    expect(() => decodeEfiString(Uint8Array.from([7, 0]))).toThrow(/4 bytes/);
  });
});
