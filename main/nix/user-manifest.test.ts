import { describe, expect, it } from 'vitest';
import { manifestJsonNames } from './user-manifest.ts';

const H = '0123456789abcdfghijklmnpqrsvwxyz';

describe('manifestJsonNames', () => {
  it('reads version 1 and 2 elements by their first store path (DrvName name)', () => {
    expect(manifestJsonNames({ version: 1, elements: [{ active: true, storePaths: [`/nix/store/${H}-ripgrep-14.1.1`] }] })).toEqual(['ripgrep']);
    expect(
      manifestJsonNames({
        version: 2,
        elements: [
          { active: true, priority: 5, storePaths: [`/nix/store/${H}-python3.12-requests-2.32.3`], attrPath: 'legacyPackages.x86_64-linux.python3Packages.requests' },
          { active: true, storePaths: [], attrPath: 'legacyPackages.x86_64-linux.hello' },
        ],
      }),
    ).toEqual(['python3.12-requests', 'hello']);
  });
  it('reads version 3 element names from the object keys', () => {
    expect(manifestJsonNames({ version: 3, elements: { ripgrep: {}, 'hello-1': {} } })).toEqual(['ripgrep', 'hello-1']);
  });
  it('refuses versions and shapes it does not know, saying which', () => {
    expect(() => manifestJsonNames({ version: 4, elements: {} })).toThrow(/version 4/);
    expect(() => manifestJsonNames({ version: 3, elements: [] })).toThrow(/elements object/);
    expect(() => manifestJsonNames({ version: 2, elements: {} })).toThrow(/elements array/);
    expect(() => manifestJsonNames(null)).toThrow(/not a JSON object/);
  });
});
