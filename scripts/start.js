// `npm start`: build what is stale, then open the Electron window; where Electron's binary is
// missing, fetch it if the network allows, and otherwise serve the same UI to a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildIfStale } from './build-if-stale.js';

const root = dirname(import.meta.dirname);
const args = process.argv.slice(2);

function electronBinary() {
  const dir = join(root, 'node_modules/electron');
  try {
    const bin = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

if (!buildIfStale(root)) {
  process.stderr.write('gentry: the build failed (see above); fix it and run `npm start` again.\n');
  process.exit(1);
}

let bin = electronBinary();
let why = '';
if (!bin) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/electron/install.js')], { cwd: join(root, 'node_modules/electron'), encoding: 'utf8', timeout: 180_000 });
  bin = electronBinary();
  if (!bin) why = `Electron's binary could not be fetched (${(r.stderr || r.error?.message || 'no network').trim().split('\n').pop()})`;
}
if (bin && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  why = 'there is no display for a window (DISPLAY and WAYLAND_DISPLAY are unset)';
  bin = null;
}

if (bin) {
  const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  const child = spawn(process.execPath, [join(root, 'bin/gentry.js'), 'serve', '--open', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  let first = true;
  lines.on('line', (line) => {
    if (first) {
      first = false;
      process.stdout.write(`gentry: ${why}; serving the same UI at ${line} (Ctrl-C stops it)\n`);
    } else process.stdout.write(`${line}\n`);
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
