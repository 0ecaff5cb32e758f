// The helper binary of this checkout: built with cargo on demand (tests, worlds). Installed
// systems use the one the NixOS module puts at INSTALLED_HELPER instead.
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../app-root.ts';

/** Builds native-helpers/gentry-helper (debug) if needed and returns the binary's path; throws with cargo's output when the build fails. */
export function buildHelperBinary(root: string = appRoot()): string {
  const manifest = join(root, 'native-helpers/gentry-helper/Cargo.toml');
  const PATH = [process.env.PATH, join(homedir(), '.cargo/bin')].filter(Boolean).join(':');
  const r = spawnSync('cargo', ['build', '--quiet', '--manifest-path', manifest], { encoding: 'utf8', env: { ...process.env, PATH } });
  if (r.status !== 0) throw new Error(`cargo build of the helper failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr}`);
  return join(root, 'native-helpers/gentry-helper/target/debug/gentry-helper');
}
