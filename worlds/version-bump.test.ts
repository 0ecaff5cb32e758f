import { describe, expect, it } from 'vitest';
import { bumpVersion } from './version-bump.ts';

describe('bumpVersion', () => {
  it('bumps the patch level', () => {
    expect(bumpVersion('3.4.1', false)).toBe('3.4.2');
    expect(bumpVersion('2.40-66', false)).toBe('2.40-67');
    expect(bumpVersion('5.2p37', false)).toBe('5.2p38');
    expect(bumpVersion('668', false)).toBe('669');
  });

  it('bumps the minor version and resets what follows', () => {
    expect(bumpVersion('3.4.1', true)).toBe('3.5.0');
    expect(bumpVersion('1.1.1w', true)).toBe('1.2.0');
  });

  it('moves letter suffixes and snapshot dates on', () => {
    expect(bumpVersion('1.1.1w', false)).toBe('1.1.1x');
    expect(bumpVersion('0-unstable-2024-05-20', false)).toBe('0-unstable-2024-06-06');
  });
});
