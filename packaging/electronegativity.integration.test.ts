// The Electron audit gate of `npm test` (scripts/electronegativity.js): it must pass on Gentry's sources
// with no network at all (a fresh network namespace: no interface but loopback, which is down), and fail on a
// window that is really misconfigured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = dirname(import.meta.dirname);
const script = join(root, 'scripts/electronegativity.js');
const scratch = mkdtempSync(join(tmpdir(), 'gentry-audit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('electronegativity gate', () => {
  it("reports no HIGH or MEDIUM finding on Gentry's sources, run without any network (unshare -n)", () => {
    const r = spawnSync('unshare', ['-n', process.execPath, script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/electronegativity: 0 HIGH or MEDIUM finding\(s\), \d+ LOW or INFORMATIONAL, 0 file\(s\) not parsed/);
    expect(r.stdout).not.toMatch(/CONTEXT_ISOLATION|SANDBOX_JS|NODE_INTEGRATION|AUXCLICK|LIMIT_NAVIGATION|PERMISSION_REQUEST/);
  });

  it('fails on a window without context isolation and sandbox, naming each finding and its line', () => {
    writeFileSync(
      join(scratch, 'main.js'),
      "const { BrowserWindow } = require('electron');\nconst win = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });\n",
    );
    const r = spawnSync('unshare', ['-n', process.execPath, script, '--input', scratch], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('HIGH FIRM CONTEXT_ISOLATION_JS_CHECK at main.js:2');
    expect(r.stdout).toContain('MEDIUM FIRM SANDBOX_JS_CHECK at main.js:2');
    expect(r.stdout).toContain('HIGH CERTAIN LIMIT_NAVIGATION_GLOBAL_CHECK');
  });
});
