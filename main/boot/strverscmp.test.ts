import { describe, expect, it } from 'vitest';
import { strverscmp } from './strverscmp.ts';

// Oldest first: `~` below the end, the end below `-`, `-` below `.`, digit runs as numbers.
// (systemd's handling of `^` is implemented but not pinned here: I could not check it against systemd's tests.)
const ordered = ['9', '122.1', '123~rc1', '123', '123-1', '123-2', '123.1', '123.1.1', '123.10', '124'];

describe('strverscmp', () => {
  it('orders systemd test versions oldest to newest', () => {
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        const a = ordered[i] as string;
        const b = ordered[j] as string;
        expect(Math.sign(strverscmp(a, b)), `${a} vs ${b}`).toBe(Math.sign(i - j));
      }
    }
  });
  it('puts a NixOS specialisation entry below its generation entry (a "-" sorts below a ".")', () => {
    expect(strverscmp('nixos-generation-10-specialisation-gaming.conf', 'nixos-generation-10.conf')).toBeLessThan(0);
    expect(strverscmp('nixos-generation-10.conf', 'nixos-generation-9.conf')).toBeGreaterThan(0);
  });
});
