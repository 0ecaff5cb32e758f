// nix/package.nix's clean-up of node-pty's build tree, run for real by bash on a copy of this
// checkout's built node-pty (compiled by npm ci against Node 24's headers; the Nix build compiles it
// against Electron's): the addon still loads in Node 24 and runs a shell in a pty, and no file left
// names the build's paths (in the Nix build, the Makefiles and config.gypi name the headers', Python's
// and the compiler's store paths, which would become runtime dependencies of the package).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalOk, ROOT } from './tests/nix-eval.ts';

const { gentry } = evalOk<{ gentry: { buildPhase: string } }>('flake');
let dir = '';
let cleanup: { status: number | null; stderr: string } = { status: null, stderr: '' };

/** The `rm -rf node_modules/node-pty/...` command of the evaluated buildPhase, continuation lines joined. */
function cleanupCommand(buildPhase: string): string {
  const m = /^rm -rf node_modules\/node-pty\/build\/\{.*?[^\\]$/ms.exec(buildPhase);
  if (!m) throw new Error('nix/package.nix has no rm -rf node_modules/node-pty/build/{…} step');
  return m[0];
}

function files(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gentry-pty-clean-'));
  mkdirSync(join(dir, 'node_modules'));
  cpSync(join(ROOT, 'node_modules/node-pty'), join(dir, 'node_modules/node-pty'), { recursive: true });
  const r = spawnSync('bash', ['--norc', '--noprofile', '-euo', 'pipefail', '-c', cleanupCommand(gentry.buildPhase)], { cwd: dir, encoding: 'utf8' });
  cleanup = { status: r.status, stderr: r.stderr };
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("package.nix's node-pty clean-up, on a copy of the checkout's node-pty", () => {
  it('removes the compiler leftovers and keeps the addon', () => {
    expect(cleanup).toEqual({ status: 0, stderr: '' });
    const left = files(join(dir, 'node_modules/node-pty')).map((f) => f.slice(dir.length + 1));
    expect(left).toContain('node_modules/node-pty/build/Release/pty.node');
    expect(left.filter((f) => /Makefile$|\.mk$|config\.gypi$|obj\.target|\.deps|binding\.gyp$|\/src\/|\/deps\/|\/third_party\/|node-addon-api/.test(f))).toEqual([]);
  });

  it('leaves no file that names the paths of the build (the build tree, node-gyp\'s configuration)', () => {
    const before = files(join(ROOT, 'node_modules/node-pty')).filter((f) => readFileSync(f).includes(ROOT));
    expect(before.length).toBeGreaterThan(0); // the checkout's build tree does name them (Makefile, config.gypi): the check can fail
    expect(files(join(dir, 'node_modules/node-pty')).filter((f) => readFileSync(f).includes(ROOT))).toEqual([]);
  });

  it('the cleaned node-pty loads in Node 24 and runs a shell in a pty', () => {
    const script = `const pty = require(${JSON.stringify(join(dir, 'node_modules/node-pty'))});
const p = pty.spawn('/bin/sh', ['-c', 'echo pty-says-$((6*7))'], {});
let out = '';
p.onData((d) => { out += d; });
p.onExit((e) => { process.stdout.write(JSON.stringify({ out: out.trim(), code: e.exitCode })); });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ out: 'pty-says-42', code: 0 });
  });
});
