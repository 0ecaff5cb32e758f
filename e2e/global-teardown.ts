// Stops the server and removes the world the global setup built.
import { rmSync } from 'node:fs';
import { removeWorld } from '../worlds/index.ts';
import { readState, STATE_FILE } from './server-fixture.ts';

/** Playwright's global teardown. */
export default async function globalTeardown(): Promise<void> {
  const state = readState();
  try {
    process.kill(state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await removeWorld(state.worldRoot);
  rmSync(STATE_FILE, { force: true });
}
