// What a pin may name: a top-level nixpkgs attribute, a source Gentry knows how to fetch, a full
// 40-hex revision. Pure rules, shared by pins.json checks, the CLI and the services.
import { PinSourceSchema } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';

/** The source a pin gets when none is named. */
export const DEFAULT_SOURCE = 'github:NixOS/nixpkgs';

/** A Nix identifier, which is all a top-level attribute of nixpkgs can be. */
const TOP_LEVEL_ATTR = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/** A full git revision. */
const FULL_REV = /^[0-9a-f]{40}$/;

/** How Nix fetches a source: a GitHub archive tarball, or a git repository. */
export type SourceFetch = { kind: 'tarball'; url: string; owner: string; repo: string } | { kind: 'git'; url: string };

/** Why `attr` cannot be pinned, or null when it can. */
export function attrProblem(attr: string): string | null {
  if (attr.includes('.')) {
    return `${attr} is an attribute path: pinning a package inside a set (python3Packages, haskellPackages, …) means overriding the whole set, which the overlay does not do yet. Pin a top-level attribute, or write that override by hand.`;
  }
  if (!TOP_LEVEL_ATTR.test(attr)) return `${JSON.stringify(attr)} is not a nixpkgs attribute name (letters, digits, _, ' and -, not starting with a digit or -)`;
  return null;
}

/** Why `source` cannot be used, or null when it can. */
export function sourceProblem(source: string): string | null {
  return PinSourceSchema.safeParse(source).success ? null : `${JSON.stringify(source)} is not a source Gentry can fetch: use github:OWNER/REPO, git+file:///PATH or git+https://HOST/PATH`;
}

/** Why `rev` cannot be used, or null when it can. */
export function revProblem(rev: string): string | null {
  if (FULL_REV.test(rev)) return null;
  if (/^[0-9a-f]{4,39}$/.test(rev)) return `${rev} is a short revision: Nix fetches only full 40-hex revisions`;
  return `${JSON.stringify(rev)} is not a git revision (40 hex digits)`;
}

/** True when `rev` is a full 40-hex revision. */
export function isFullRev(rev: string): boolean {
  return FULL_REV.test(rev);
}

/** Checks an attribute, a source and a revision; a bad-input GentryError for the first that is wrong. */
export function checkPinFields(attr: string, source: string, rev: string): void {
  const attrWhy = attrProblem(attr);
  if (attrWhy) throw new GentryError('bad-input', attrWhy, 'Dotted attribute paths are refused until the overlay can override package sets properly.');
  const sourceWhy = sourceProblem(source);
  if (sourceWhy) throw new GentryError('bad-input', sourceWhy, 'The default is github:NixOS/nixpkgs.');
  const revWhy = revProblem(rev);
  if (revWhy) throw new GentryError('bad-input', revWhy, 'Give the full revision (git rev-parse SHORT in a nixpkgs checkout), or set a local nixpkgs checkout so Gentry can resolve it.');
}

/** How Nix fetches `source` (which must pass sourceProblem). */
export function sourceFetch(source: string): SourceFetch {
  if (source.startsWith('github:')) {
    const [owner = '', repo = ''] = source.slice('github:'.length).split('/');
    return { kind: 'tarball', url: `https://github.com/${owner}/${repo}/archive/`, owner, repo };
  }
  return { kind: 'git', url: source.slice('git+'.length) };
}

/** The tarball URL of `rev` of a github: source. */
export function tarballUrl(source: string, rev: string): string {
  const f = sourceFetch(source);
  if (f.kind !== 'tarball') throw new GentryError('internal', `${source} is not a github: source`, null);
  return `${f.url}${rev}.tar.gz`;
}

/** A flake input name for a pin (`nixpkgs-kicad`). */
export function flakeInputName(attr: string): string {
  return `nixpkgs-${attr.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The flake input line equivalent to a github: pin, and how to use it. */
export function flakeInputAdvice(attr: string, source: string, rev: string): string {
  const f = sourceFetch(source);
  const ref = f.kind === 'tarball' ? `github:${f.owner}/${f.repo}/${rev}` : `${source}?rev=${rev}`;
  const input = flakeInputName(attr);
  return (
    `inputs.${input}.url = "${ref}"; then, in the configuration (with inputs passed as specialArgs), ` +
    `nixpkgs.overlays = [ (final: prev: { ${attr} = inputs.${input}.legacyPackages.\${prev.stdenv.hostPlatform.system}.${attr}; }) ]; ` +
    `(the flake lock records the hash, so no narHash is needed)`
  );
}
