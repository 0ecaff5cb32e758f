#!/usr/bin/env node
// The `gentry` command. It runs the bundle in out/cli/ while that is newer than every source, and
// otherwise the TypeScript sources directly (Node's type stripping), so a checkout works right after
// `npm ci` with nothing built, and never runs stale code.
//
// Only plain syntax and no imports above the version check: under an old Node an import of
// something it lacks (enableCompileCache) fails before any line runs, with a stack trace.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(`gentry: needs Node.js 22.13 or newer, but ${process.execPath} is ${process.version}; run it through npm after \`npm ci\` (npx gentry, npm start), which brings Node 24 in node_modules/.bin, or install Node 24 from https://nodejs.org\n`);
  process.exit(1);
}
// The compile cache first, so that every module after it (this file's helpers, the bundle) loads from it.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { statSync } = await import('node:fs');
const { dirname, join } = await import('node:path');

const root = dirname(import.meta.dirname);

// Installed (no sources beside the bundle), the bundle is the only code there is; in a checkout it must
// be newer than every source.
async function bundleIsFresh() {
  const stamp = statSync(join(root, 'out/cli/.build-stamp'), { throwIfNoEntry: false });
  if (!stamp || process.env.GENTRY_FROM_SOURCE) return false;
  if (!statSync(join(root, 'main'), { throwIfNoEntry: false })) return true;
  const { newestMtime } = await import('../scripts/build-if-stale.js');
  return ['common', 'main', 'worlds', 'package-lock.json'].every((p) => newestMtime(join(root, p)) <= stamp.mtimeMs);
}

const fresh = await bundleIsFresh();
if (!fresh && !process.features.typescript) {
  // Node 22.13–22.17 strip types only behind a flag: run again with it.
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { main } = fresh ? await import('../out/cli/main.js') : await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
