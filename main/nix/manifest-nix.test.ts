import { describe, expect, it } from 'vitest';
import { manifestNixNames } from './manifest-nix.ts';

describe('manifestNixNames', () => {
  it('reads the name of every element, not names nested in meta', () => {
    const text = `[ { meta = { description = "a \\"fast\\" grep"; name = "not-this"; }; name = "ripgrep-14.1.1"; out = { outPath = "/nix/store/x-ripgrep-14.1.1"; }; outPath = "/nix/store/x-ripgrep-14.1.1"; outputs = [ "out" ]; system = "x86_64-linux"; type = "derivation"; } { name = "hello-2.12.1"; outputs = [ "out" ]; type = "derivation"; } ]`;
    expect(manifestNixNames(text)).toEqual(['ripgrep-14.1.1', 'hello-2.12.1']);
  });
  it('ignores attributes that merely end in name', () => {
    expect(manifestNixNames('[ { pname = "a"; name = "b-1"; } ]')).toEqual(['b-1']);
  });
  it('returns nothing for an empty list or garbage', () => {
    expect(manifestNixNames('[ ]')).toEqual([]);
    expect(manifestNixNames('not nix at all')).toEqual([]);
  });
});
