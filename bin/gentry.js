#!/usr/bin/env node
// The `gentry` command. It runs the TypeScript sources directly (Node's type stripping), so a
// checkout works right after `npm ci` with nothing built.
import { spawnSync } from 'node:child_process';
import { enableCompileCache } from 'node:module';

if (!process.features.typescript) {
  // Node 22.13–22.17 strip types only behind a flag: run again with it.
  const r = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
enableCompileCache?.();
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
