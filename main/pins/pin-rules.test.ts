// The rules for what a pin may name: top-level attributes only, known sources, full revisions.
import { describe, expect, it } from 'vitest';
import { GentryError } from '../infra/errors.ts';
import { attrProblem, checkPinFields, flakeInputAdvice, revProblem, sourceFetch, sourceProblem, tarballUrl } from './pin-rules.ts';

const REV = 'a'.repeat(40);

describe('pin rules', () => {
  it('accepts top-level attributes and refuses dotted paths with the reason', () => {
    for (const ok of ['kicad', 'python3', 'gnome-text-editor', "foo'", '_private']) expect(attrProblem(ok)).toBeNull();
    expect(attrProblem('python3Packages.requests')).toMatch(/attribute path.*whole set/);
    expect(attrProblem('3d-thing')).toMatch(/not a nixpkgs attribute name/);
    expect(attrProblem('a b')).toMatch(/not a nixpkgs attribute name/);
  });

  it('knows the three kinds of source', () => {
    for (const ok of ['github:NixOS/nixpkgs', 'git+file:///home/me/nixpkgs', 'git+https://example.org/nixpkgs.git']) expect(sourceProblem(ok)).toBeNull();
    for (const bad of ['github:NixOS', 'path:/x', 'https://github.com/NixOS/nixpkgs', 'git+file://relative', 'git+file:///x?ref=y']) expect(sourceProblem(bad)).not.toBeNull();
    expect(sourceFetch('github:NixOS/nixpkgs')).toEqual({ kind: 'tarball', url: 'https://github.com/NixOS/nixpkgs/archive/', owner: 'NixOS', repo: 'nixpkgs' });
    expect(sourceFetch('git+file:///srv/nixpkgs')).toEqual({ kind: 'git', url: 'file:///srv/nixpkgs' });
    expect(sourceFetch('git+https://h/n.git')).toEqual({ kind: 'git', url: 'https://h/n.git' });
    expect(tarballUrl('github:NixOS/nixpkgs', REV)).toBe(`https://github.com/NixOS/nixpkgs/archive/${REV}.tar.gz`);
  });

  it('wants full 40-hex revisions and says why a short one will not do', () => {
    expect(revProblem(REV)).toBeNull();
    expect(revProblem('abc1234')).toMatch(/short revision/);
    expect(revProblem('A'.repeat(40))).toMatch(/not a git revision/);
    expect(revProblem('main')).toMatch(/not a git revision/);
  });

  it('throws bad-input for the first wrong field', () => {
    const code = (f: () => void) => {
      try {
        f();
        return null;
      } catch (err) {
        return err instanceof GentryError ? err.code : 'other';
      }
    };
    expect(code(() => checkPinFields('kicad', 'github:NixOS/nixpkgs', REV))).toBeNull();
    expect(code(() => checkPinFields('a.b', 'github:NixOS/nixpkgs', REV))).toBe('bad-input');
    expect(code(() => checkPinFields('kicad', 'nixpkgs', REV))).toBe('bad-input');
    expect(code(() => checkPinFields('kicad', 'github:NixOS/nixpkgs', 'abc'))).toBe('bad-input');
  });

  it('offers the equivalent flake input for a github: pin', () => {
    const advice = flakeInputAdvice('kicad', 'github:NixOS/nixpkgs', REV);
    expect(advice).toContain(`inputs.nixpkgs-kicad.url = "github:NixOS/nixpkgs/${REV}";`);
    expect(advice).toContain('kicad = inputs.nixpkgs-kicad.legacyPackages.${prev.stdenv.hostPlatform.system}.kicad;');
  });
});
