// overlay.nix's text (builtins only, reads pins.json, refuses dotted attributes), written once, and the wiring line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureOverlay, nixPath, OVERLAY_NIX, overlayState, wiringLine } from './overlay-text.ts';

const made: string[] = [];
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'gentry-overlay-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('overlay.nix', () => {
  it('is an overlay that reads pins.json with builtins only', () => {
    expect(OVERLAY_NIX).toMatch(/^final: prev:$/m);
    expect(OVERLAY_NIX).toContain('builtins.fromJSON (builtins.readFile ./pins.json)');
    expect(OVERLAY_NIX).not.toMatch(/\blib\./);
    expect(OVERLAY_NIX).toContain('system = prev.stdenv.hostPlatform.system');
    expect(OVERLAY_NIX).toContain('config = prev.config or { };');
    expect(OVERLAY_NIX).toContain('overlays = [ ];');
    expect(OVERLAY_NIX).toContain('builtins.fetchGit { url = after "git+" pin.source; rev = pin.rev;');
    expect(OVERLAY_NIX).toContain('url = "https://github.com/${after "github:" pin.source}/archive/${pin.rev}.tar.gz"');
    expect(OVERLAY_NIX).toContain('sha256 = pin.narHash;');
    expect(OVERLAY_NIX).toMatch(/only top-level attributes can be pinned/);
  });

  it('is written once and never over a file that is there', async () => {
    const dir = fresh();
    expect(await overlayState(dir)).toBe('missing');
    expect(await ensureOverlay(dir)).toBe(true);
    expect(await overlayState(dir)).toBe('ours');
    writeFileSync(join(dir, 'overlay.nix'), 'final: prev: { }\n');
    expect(await ensureOverlay(dir)).toBe(false);
    expect(await overlayState(dir)).toBe('edited');
    expect(readFileSync(join(dir, 'overlay.nix'), 'utf8')).toBe('final: prev: { }\n');
  });

  it('wires a target with a path Nix can read', () => {
    expect(wiringLine({ path: '/home/me/cfg/gentry', kind: 'system' })).toBe('nixpkgs.overlays = [ (import /home/me/cfg/gentry/overlay.nix) ];');
    expect(wiringLine({ path: '/home/me/cfg/gentry-home', kind: 'home' })).toMatch(/^nixpkgs\.overlays = \[ \(import \/home\/me\/cfg\/gentry-home\/overlay\.nix\) \]; {2}# in the home-manager configuration/);
    expect(nixPath('/a b/overlay.nix')).toBe('(/. + "/a b/overlay.nix")');
    expect(nixPath('/x/${y}')).toBe('(/. + "/x/\\${y}")');
  });
});
