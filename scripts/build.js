// `npm run build`: the Electron parts and the renderer (electron-vite), then the CLI bundle.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = dirname(import.meta.dirname);
for (const args of [[join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], [join(root, 'scripts/build-cli.js')]]) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
writeFileSync(join(root, 'out/.build-stamp'), `${new Date().toISOString()}\n`);
