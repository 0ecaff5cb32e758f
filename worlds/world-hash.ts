// Deterministic hashes and random draws: every choice in a world derives from its seed.
import { createHash, randomBytes } from 'node:crypto';
import { toNixBase32 } from './nix-base32.ts';

function digest(parts: readonly (string | number)[]): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/** A fresh random seed for a world whose caller gave none. */
export function randomSeed(): string {
  return randomBytes(9).toString('base64url');
}

/** The world id a seed stands for: 12 nix-base32 characters. */
export function worldIdFromSeed(seed: string): string {
  return toNixBase32(digest(['gentry-world', seed]).subarray(0, 20)).slice(0, 12);
}

/** The 32-character store hash of a path, from the world id, its name and its content variant. */
export function storeHash(worldId: string, name: string, variant: string): string {
  return toNixBase32(digest(['store-path', worldId, name, variant]).subarray(0, 20));
}

/** 64 lowercase hex digits derived from the parts (fake NAR hashes). */
export function hexDigest(...parts: (string | number)[]): string {
  return digest(parts).toString('hex');
}

/** A git-like 40-hex revision derived from the parts. */
export function fakeRevision(...parts: (string | number)[]): string {
  return hexDigest('revision', ...parts).slice(0, 40);
}

function mix32(h: number): number {
  // The murmur3 finaliser: spreads every input bit over the whole word.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A number in [0, 1) that depends only on the parts (two FNV-1a lanes, mixed; fast, not cryptographic). */
export function unitDraw(...parts: (string | number)[]): number {
  const text = parts.join('\u0000');
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7);
  }
  const high = mix32(a ^ Math.imul(b, 0x9e3779b1)) >>> 11;
  const low = mix32(b + a);
  return (high * 2 ** 32 + low) / 2 ** 53;
}

/** True with probability p, decided by the parts alone. */
export function chance(p: number, ...parts: (string | number)[]): boolean {
  return unitDraw(...parts) < p;
}

/** An integer in [low, high], decided by the parts alone. */
export function drawInt(low: number, high: number, ...parts: (string | number)[]): number {
  return low + Math.floor(unitDraw(...parts) * (high - low + 1));
}
