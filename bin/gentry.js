#!/usr/bin/env node
// The `gentry` command. It runs the bundle in out/cli/ while that is newer than every source, and
// otherwise the TypeScript sources directly (Node's type stripping), so a checkout works right after
// `npm ci` with nothing built, and never runs stale code.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { dirname, join } from 'node:path';
import { newestMtime } from '../scripts/build-if-stale.js';

const root = dirname(import.meta.dirname);

function bundleIsFresh() {
  const stamp = statSync(join(root, 'out/cli/.build-stamp'), { throwIfNoEntry: false });
  if (!stamp || process.env.GENTRY_FROM_SOURCE) return false;
  return ['common', 'main', 'e2e/world', 'package-lock.json'].every((p) => newestMtime(join(root, p)) <= stamp.mtimeMs);
}

const fresh = bundleIsFresh();
if (!fresh && !process.features.typescript) {
  // Node 22.13–22.17 strip types only behind a flag: run again with it.
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
enableCompileCache?.();
const { main } = fresh ? await import('../out/cli/main.js') : await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
