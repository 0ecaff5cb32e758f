// Builds out/ with electron-vite when any source is newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['common', 'main', 'preload', 'renderer', 'e2e/world', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time (ms) among the files under `path`. */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when out/ is missing or older than a source. */
export function isStale(root) {
  const stamp = join(root, 'out/.build-stamp');
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/** Runs `electron-vite build` when out/ is stale; returns false when the build failed. */
export function buildIfStale(root, log = (line) => process.stderr.write(`${line}\n`)) {
  if (!isStale(root)) return true;
  log('gentry: building the app (electron-vite build)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) return false;
  writeFileSync(join(root, 'out/.build-stamp'), `${new Date().toISOString()}\n`);
  return true;
}
