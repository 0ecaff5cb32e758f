// The `gentry` command as nix/package.nix installs it: $out/lib/gentry holds bin/, out/ (the CLI bundle
// and the renderer), node_modules, package.json and scripts/build-if-stale.js, and no sources; every
// file has the Nix store's modification time (1 s after the epoch). Built here from the checkout's
// out/ (npm test builds it before the integration tests), run with Node 24 (nixpkgs' nodejs_24 there).
// This checks the layout and bin/gentry.js's choice of the bundle, not the Nix build itself.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalOk, ROOT } from './tests/nix-eval.ts';

let lib = '';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Sets every file's times to the store's (1 s after the epoch), not following symlinks' targets. */
function storeTimes(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) for (const name of readdirSync(path)) storeTimes(join(path, name));
  utimesSync(path, 1, 1);
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/cli/.build-stamp'))) throw new Error(`${ROOT}/out/cli is not built; run npm run build first (npm test does)`);
  const out = mkdtempSync(join(tmpdir(), 'gentry-nix-out-'));
  dirs.push(out);
  lib = join(out, 'lib/gentry');
  mkdirSync(join(lib, 'scripts'), { recursive: true });
  cpSync(join(ROOT, 'bin'), join(lib, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'out/cli'), join(lib, 'out/cli'), { recursive: true });
  cpSync(join(ROOT, 'out/renderer'), join(lib, 'out/renderer'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(lib, 'package.json'));
  cpSync(join(ROOT, 'scripts/build-if-stale.js'), join(lib, 'scripts/build-if-stale.js'));
  // The package has its own pruned node_modules; the checkout's stands in for it.
  symlinkSync(join(ROOT, 'node_modules'), join(lib, 'node_modules'));
  storeTimes(lib);
});

describe('the gentry command in the layout nix/package.nix installs (no sources, store times)', () => {
  it("is the layout package.nix's installPhase copies", () => {
    const { gentry } = evalOk<{ gentry: { installPhase: string } }>('flake');
    expect(gentry.installPhase).toContain('cp -r package.json bin out node_modules $out/lib/gentry/');
    expect(gentry.installPhase).toContain('cp scripts/build-if-stale.js $out/lib/gentry/scripts/');
    expect(gentry.installPhase).toContain('rm -rf $out/lib/gentry/out/main $out/lib/gentry/out/preload');
    expect(gentry.installPhase).toContain('--add-flags $out/lib/gentry/bin/gentry.js');
  });

  it('runs from the bundle (there are no sources to fall back on): help, and list --json', () => {
    expect(existsSync(join(lib, 'main'))).toBe(false);
    const help = spawnSync(process.execPath, [join(lib, 'bin/gentry.js'), 'help'], { encoding: 'utf8', cwd: tmpdir(), timeout: 60_000 });
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: gentry <command>/);
    const list = spawnSync(process.execPath, [join(lib, 'bin/gentry.js'), 'list', '--json'], { encoding: 'utf8', cwd: tmpdir(), timeout: 60_000 });
    expect(list.status).toBe(0);
    const json = JSON.parse(list.stdout) as { profiles: { kind: string; path: string }[] };
    expect(json.profiles.some((p) => p.kind === 'system' && p.path === '/nix/var/nix/profiles/system')).toBe(true);
  });
});
