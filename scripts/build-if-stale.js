// Builds out/ with electron-vite when any source is newer than the last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const SOURCES = ['common', 'main', 'preload', 'renderer', 'worlds', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time (ms) among the files under `path` (one stat per file: `gentry` runs this on every start). */
export function newestMtime(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(child) : (statSync(child, { throwIfNoEntry: false })?.mtimeMs ?? 0));
  }
  return newest;
}

/** True when out/ is missing or older than a source. */
export function isStale(root) {
  const stamp = join(root, 'out/.build-stamp');
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/** Runs scripts/build.js when out/ is stale; returns false when the build failed. */
export function buildIfStale(root, log = (line) => process.stderr.write(`${line}\n`)) {
  if (!isStale(root)) return true;
  // Loaded here, not at the top: `gentry` imports this file on every start for newestMtime alone.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process');
  log('gentry: building the app (npm run build)…');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return r.status === 0;
}
