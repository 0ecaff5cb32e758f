// overlay.nix, which Gentry writes once into a target directory, and the line that wires it into a
// configuration. The overlay uses only builtins (never prev.lib), so it evaluates against any nixpkgs;
// it reads pins.json beside it, so pins change without touching this file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OverlayTarget } from '../../common/contract/index.ts';
import { writeFileAtomically } from '../infra/atomic-file.ts';

/** The text of overlay.nix. */
export const OVERLAY_NIX = `# Gentry's pins overlay. Gentry wrote this file once and does not change it: the pins are in
# pins.json beside it (\`gentry pins list --overlay <this directory>\`, or the Pins view).
# Wire it in once:  nixpkgs.overlays = [ (import ./path/to/this/directory/overlay.nix) ];
# Only builtins are used, so it evaluates against any nixpkgs.
final: prev:
let
  pinsFile = builtins.fromJSON (builtins.readFile ./pins.json);
  pins =
    if pinsFile.version or null == 1 then pinsFile.pins
    else builtins.throw "gentry pins: \${toString ./pins.json} is not a version 1 pins file";
  startsWith = prefix: s: builtins.substring 0 (builtins.stringLength prefix) s == prefix;
  after = prefix: s: builtins.substring (builtins.stringLength prefix) (builtins.stringLength s) s;
  fail = pin: why: builtins.throw "gentry pins (\${toString ./pins.json}): \${pin.attr}: \${why}";

  # github:OWNER/REPO is GitHub's archive of the revision; git+file:// and git+https:// are git repositories.
  sourceOf = pin:
    if startsWith "github:" pin.source then
      builtins.fetchTarball ({ url = "https://github.com/\${after "github:" pin.source}/archive/\${pin.rev}.tar.gz"; }
        // (if (pin.narHash or null) == null then { } else { sha256 = pin.narHash; }))
    else if startsWith "git+file://" pin.source || startsWith "git+https://" pin.source then
      builtins.fetchGit { url = after "git+" pin.source; rev = pin.rev; allRefs = true; }
    else fail pin "\${pin.source} is not github:OWNER/REPO, git+file:// or git+https://";

  # One package set per source and revision, shared by every pin that uses it.
  key = pin: "\${pin.source} \${pin.rev}";
  packageSets = builtins.listToAttrs (map (pin: {
    name = key pin;
    value = import (sourceOf pin) {
      system = prev.stdenv.hostPlatform.system or builtins.currentSystem;
      config = prev.config or { };
      overlays = [ ];
    };
  }) pins);

  # A dotted path (python3Packages.foo) would replace the whole set: refused until that is done properly.
  nameOf = pin:
    if builtins.match "[A-Za-z_][A-Za-z0-9_'-]*" pin.attr != null then pin.attr
    else fail pin "only top-level attributes can be pinned; an attribute path would replace the whole package set";
  pinned = pin:
    let set = packageSets.\${key pin}; in
    if set ? \${pin.attr} then set.\${pin.attr}
    else fail pin "there is no \${pin.attr} in \${pin.source} at \${pin.rev}";
in
builtins.listToAttrs (map (pin: { name = nameOf pin; value = pinned pin; }) pins)
`;

/** overlay.nix in a target directory. */
export function overlayFilePath(dir: string): string {
  return join(dir, 'overlay.nix');
}

/** What is at a target's overlay.nix: Gentry's text, something else, or nothing. */
export type OverlayState = 'ours' | 'edited' | 'missing';

/** Reads the state of a target's overlay.nix. */
export async function overlayState(dir: string): Promise<OverlayState> {
  try {
    return (await readFile(overlayFilePath(dir), 'utf8')) === OVERLAY_NIX ? 'ours' : 'edited';
  } catch {
    return 'missing';
  }
}

/** Writes overlay.nix when it is not there yet (never over a file that is); true when it wrote it. */
export async function ensureOverlay(dir: string): Promise<boolean> {
  if ((await overlayState(dir)) !== 'missing') return false;
  await writeFileAtomically(overlayFilePath(dir), OVERLAY_NIX, 0o644);
  return true;
}

/** A path as a Nix expression: a path literal when it can be one, else `/. + "…"`. */
export function nixPath(path: string): string {
  if (/^\/[A-Za-z0-9._+/-]*$/.test(path) && !path.includes('//') && !path.endsWith('/')) return path;
  return `(/. + ${JSON.stringify(path).replaceAll('${', '\\${')})`;
}

/** The line that wires a target into its configuration (NixOS, or home-manager's own nixpkgs). */
export function wiringLine(target: Pick<OverlayTarget, 'path' | 'kind'>): string {
  const line = `nixpkgs.overlays = [ (import ${nixPath(join(target.path, 'overlay.nix'))}) ];`;
  return target.kind === 'home' ? `${line}  # in the home-manager configuration (with useGlobalPkgs: in the NixOS one)` : line;
}
