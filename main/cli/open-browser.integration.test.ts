// `serve --open` keeps the token off every command line: xdg-open (a real stand-in script on PATH that
// records what it was given) gets the path of a private redirect page, never the URL.
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../infra/log.ts';
import { openBrowser } from './launch.ts';

describe('openBrowser', () => {
  const saved = { PATH: process.env.PATH, DISPLAY: process.env.DISPLAY, WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY, XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('hands xdg-open a 0600 page in a 0700 directory that redirects to the URL, not the URL itself', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'gentry-fake-xdg-'));
    const record = join(bin, 'argv');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > ${record}.tmp && mv ${record}.tmp ${record}\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    process.env.PATH = `${bin}:${saved.PATH ?? ''}`;
    process.env.DISPLAY = ':99';
    process.env.XDG_RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'gentry-runtime-'));
    const url = 'http://127.0.0.1:4567/#token=SECRETtokenABCDEFGHIJKLMNOPQRSTUV';
    expect(openBrowser(url, silentLogger)).toBe(true);
    // The stand-in renames its record into place when done: wait for that rename (5 s at most).
    await new Promise<void>((resolve, reject) => {
      const watcher = watch(bin, () => { if (existsSync(record)) { watcher.close(); clearTimeout(timer); resolve(); } });
      const timer = setTimeout(() => { watcher.close(); reject(new Error('xdg-open stand-in did not run within 5 s')); }, 5000);
      if (existsSync(record)) { watcher.close(); clearTimeout(timer); resolve(); }
    });
    const argv = readFileSync(record, 'utf8').trim().split('\n');
    expect(argv).toHaveLength(1);
    expect(argv[0]).not.toContain('SECRET');
    expect(argv[0]!.startsWith(process.env.XDG_RUNTIME_DIR)).toBe(true);
    expect(statSync(argv[0]!).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(argv[0]!)).mode & 0o777).toBe(0o700);
    const page = readFileSync(argv[0]!, 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${url}">`);
  });

  it('does nothing without a display', () => {
    delete process.env.DISPLAY;
    delete process.env.WAYLAND_DISPLAY;
    expect(openBrowser('http://127.0.0.1:1/#token=x', silentLogger)).toBe(false);
  });
});
