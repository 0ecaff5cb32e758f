// `npm run package`: the Linux packages of electron-builder.yml, as many as this machine can build, and a
// plain line for each one it cannot. Every target needs a local Electron (npm ci does not download one).
// AppImage needs appimagetool, which electron-builder downloads. The deb needs fpm, which it downloads too,
// unless fpm is installed; where it is not but Debian's dpkg-deb is, packaging/fpm-deb.js builds the deb
// with dpkg-deb instead, offline. Options:
//   --electron-dist DIR   an unpacked Electron (default: $ELECTRON_DIST, else node_modules/electron/dist)
//   --electron-version V  the version of that Electron (default: the electron devDependency)
//   --out DIR             where packages go (default: dist/)
//   --download            let electron-builder download appimagetool and fpm (needs GitHub)
//   --helper FILE         put this gentry-helper binary in the deb (default: cargo build --release)
//   --no-build            use out/ as it is (default: `npm run build` first)
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEB_HELPER_PATH, DEB_POLICY_PATH, stageDebFiles } from '../packaging/deb-stage.js';

const root = dirname(import.meta.dirname);
const { values: opts } = parseArgs({
  options: {
    'electron-dist': { type: 'string' },
    'electron-version': { type: 'string' },
    out: { type: 'string' },
    download: { type: 'boolean', default: false },
    helper: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const say = (line) => process.stdout.write(`package: ${line}\n`);

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((d) => d && executable(join(d, name)));

const out = resolve(opts.out ?? join(root, 'dist'));
const electronDist = resolve(opts['electron-dist'] ?? process.env.ELECTRON_DIST ?? join(root, 'node_modules/electron/dist'));
if (!executable(join(electronDist, 'electron'))) {
  say(`nothing built: there is no Electron at ${electronDist} (npm ci does not download it: package.json's allowScripts turns electron's download off).`);
  say('Pass an unpacked Electron with --electron-dist DIR (nixpkgs: electron.dist; or unpack an electron-vVERSION-linux-x64.zip) and run again.');
  process.exit(1);
}

if (!opts['no-build']) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.js')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    say('nothing built: npm run build failed (see above).');
    process.exit(1);
  }
}

const targets = ['dir'];
const skipped = [];
const env = { ...process.env };
if (env.APPIMAGE_TOOLS_PATH || opts.download) targets.push('AppImage');
else skipped.push(['AppImage', 'needs appimagetool, which electron-builder downloads from GitHub: set APPIMAGE_TOOLS_PATH to an unpacked electron-builder appimage toolset, or run with --download where GitHub is reachable']);

let debReason = null;
let debTool = 'fpm';
const cargo = ['cargo', join(process.env.HOME ?? '', '.cargo/bin/cargo')].find((c) => (c === 'cargo' ? onPath(c) : executable(c)));
if (env.CUSTOM_FPM_PATH) debTool = env.CUSTOM_FPM_PATH;
else if (env.USE_SYSTEM_FPM === 'true' || onPath('fpm')) env.USE_SYSTEM_FPM = 'true';
else if (!opts.download && onPath('dpkg-deb')) {
  env.CUSTOM_FPM_PATH = join(root, 'packaging/fpm-deb.js');
  debTool = 'dpkg-deb (packaging/fpm-deb.js in place of fpm)';
} else if (!opts.download) {
  debReason = 'needs fpm, which electron-builder downloads from GitHub, or Debian\'s dpkg-deb: install dpkg (apt-get install dpkg) or fpm (gem install fpm), set CUSTOM_FPM_PATH, or run with --download where GitHub is reachable';
}
if (debReason === null && !cargo && !opts.helper) {
  debReason = 'needs the privileged helper, built with cargo: install cargo (apt-get install cargo) and run again';
}

let staged = null;
if (debReason === null) {
  let binary = opts.helper ? resolve(opts.helper) : join(root, 'native-helpers/gentry-helper/target/release/gentry-helper');
  if (!opts.helper) {
    say('building the helper (cargo build --release) for the deb');
    const r = spawnSync(cargo, ['build', '--release', '--manifest-path', join(root, 'native-helpers/gentry-helper/Cargo.toml')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) binary = '';
  }
  if (!binary || !existsSync(binary)) debReason = opts.helper ? `the helper ${binary} does not exist` : 'the helper did not build (cargo build --release failed, see above)';
  else {
    staged = stageDebFiles(root, out, binary);
    targets.push('deb');
  }
}
if (debReason !== null) skipped.push(['deb', debReason]);

// electron-builder's programmatic API: the same configuration as the CLI (electron-builder.yml), with
// the Electron and the output directory of this run.
const { build, Platform, Arch } = await import('electron-builder');
const electronVersion = opts['electron-version'] ?? JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const config = {
  electronDist,
  electronVersion,
  directories: { output: out },
  ...(staged ? { deb: { fpm: [`${staged.helper}=${DEB_HELPER_PATH}`, `${staged.policy}=${DEB_POLICY_PATH}`] } } : {}),
};
Object.assign(process.env, env);
try {
  // The machine's own architecture: the helper and node-pty were built for it.
  await build({ projectDir: root, targets: Platform.LINUX.createTarget(targets, process.arch === 'arm64' ? Arch.arm64 : Arch.x64), config });
} catch (error) {
  say(`electron-builder failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

say(`built ${targets.join(', ')} in ${out} (Electron ${electronVersion} from ${electronDist})`);
if (targets.includes('deb')) say(`deb: built with ${debTool}`);
for (const [target, why] of skipped) say(`${target} not built: ${why}`);
