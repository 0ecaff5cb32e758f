// Shared between the global setup, teardown and specs: where the running world and server are described.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the global setup started. */
export interface E2eState {
  url: string;
  origin: string;
  worldRoot: string;
  pid: number;
}

/** The file the global setup writes its state to. */
export const STATE_FILE = join(tmpdir(), `gentry-e2e-${process.env.USER ?? 'user'}.json`);

/** Reads what the global setup started. */
export function readState(): E2eState {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eState;
}

/** Where a spec's screenshot for docs/ goes: docs/NAME with GENTRY_DOCS_SCREENSHOTS=1 (to refresh them), else test-results/, so a test run leaves the tree clean. */
export function docsScreenshot(name: string): string {
  return process.env.GENTRY_DOCS_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', 'docs', name) : join('test-results', name);
}
