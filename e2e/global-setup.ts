// Builds a world and starts `gentry serve` on it for the e2e specs.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildWorld } from '../worlds/index.ts';
import { STATE_FILE, type E2eState } from './server-fixture.ts';

/** Playwright's global setup. */
export default async function globalSetup(): Promise<void> {
  const world = await buildWorld({ preset: 'demo', quirks: true });
  const bin = join(import.meta.dirname, '../bin/gentry.js');
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
    // Gentry's own cache, state (labels, run logs) and settings go to fresh directories, never the real ones.
    env: {
      ...process.env,
      XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'gentry-e2e-cache-')),
      XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'gentry-e2e-state-')),
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'gentry-e2e-config-')),
    },
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`gentry serve exited with ${code}`)));
  });
  child.stdout.resume();
  child.unref();
  const url = new URL(first);
  const state: E2eState = { url: first, origin: url.origin, worldRoot: world.root, pid: child.pid ?? 0 };
  writeFileSync(STATE_FILE, JSON.stringify(state));
}
