// Nix's base-32 alphabet and encoding, used for the hash part of store path names.

/** The 32 characters Nix uses in store hashes (no e, o, u, t). */
export const nixBase32Alphabet = '0123456789abcdfghijklmnpqrsvwxyz';

/** Encodes bytes the way Nix prints hashes in base 32 (last byte first, 5 bits per character). */
export function toNixBase32(bytes: Uint8Array): string {
  const length = Math.ceil((bytes.length * 8) / 5);
  let out = '';
  for (let n = length - 1; n >= 0; n--) {
    const bit = n * 5;
    const i = Math.floor(bit / 8);
    const j = bit % 8;
    const low = (bytes[i] ?? 0) >> j;
    const high = i + 1 < bytes.length ? (bytes[i + 1] ?? 0) << (8 - j) : 0;
    out += nixBase32Alphabet[(low | high) & 0x1f];
  }
  return out;
}
