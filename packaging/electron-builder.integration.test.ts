// electron-builder for real, offline, on a machine without an Electron binary (npm ci skips its download):
// `electronDist` is a directory holding a placeholder `electron` executable, a shell script that carries
// Electron's fuse sentinel and a fuse wire with Electron's defaults, so @electron/fuses has something to
// flip. Everything else is real: the built bundles, the asar, node-pty's addon, the deb's fpm arguments.
// What this cannot show: that a real Electron 45 binary starts from this layout, or that its fuse wire is
// the one the placeholder imitates (checked by the Nix build, which packs nixpkgs' Electron).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuseV1Options, flipFuses, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(archive: string, options?: object): string[]; statFile(archive: string, file: string): { unpacked?: boolean } };

const root = dirname(import.meta.dirname);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's default fuse states, in wire order (FuseV1Options): RunAsNode on, cookie encryption off,
// NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
const ELECTRON_DEFAULT_WIRE = '10110001';

function placeholderElectron(dir: string, withFuseWire: boolean): void {
  mkdirSync(dir, { recursive: true });
  const wire = withFuseWire ? `# ${SENTINEL}\x01${String.fromCharCode(ELECTRON_DEFAULT_WIRE.length)}${ELECTRON_DEFAULT_WIRE}\n` : '';
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\n${wire}echo "placeholder for Electron: there is no Electron binary on this machine" >&2\nexit 1\n`);
  chmodSync(join(dir, 'electron'), 0o755);
  // Electron's setuid sandbox helper ships beside it; the deb's postinst sets its mode.
  writeFileSync(join(dir, 'chrome-sandbox'), 'placeholder', { mode: 0o644 });
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ELECTRON_BUILDER_CACHE: join(tmp, 'eb-cache') } });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}` };
}

/** Fuse settings of electron-builder.yml's electronFuses block (flat `key: true|false` lines). */
function configuredFuses(): Record<string, boolean> {
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ ]{2}.*\n|[ ]*#.*\n)+)/m.exec(yml)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']));
}

let tmp = '';
let unpacked = '';
let archive = '';
let packed: { status: number | null; output: string };

beforeAll(() => {
  for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run npm run build first (npm test builds before the integration tests)`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'gentry-pack-'));
  placeholderElectron(join(tmp, 'electron-dist'), true);
  packed = run(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--projectDir', root, `-c.electronDist=${join(tmp, 'electron-dist')}`, `-c.directories.output=${join(tmp, 'dist')}`]);
  unpacked = join(tmp, 'dist/linux-unpacked');
  archive = join(unpacked, 'resources/app.asar');
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('electron-builder --linux dir with a placeholder electron (no Electron binary on this machine)', () => {
  it('packs offline: no download, the placeholder becomes the gentry-app executable beside resources/app.asar', () => {
    expect(packed.output).not.toMatch(/downloading/i);
    expect(packed.status, packed.output).toBe(0);
    expect(statSync(join(unpacked, 'gentry-app')).mode & 0o111).not.toBe(0);
    expect(readdirSync(join(unpacked, 'resources')).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
  });

  it('app.asar holds every file of the main, preload and renderer bundles and the runtime packages main loads, and no sources', () => {
    const files = new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/^\//, '')));
    const built: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (!e.name.endsWith('.map')) built.push(join(dir, e.name));
      }
    };
    for (const d of ['out/main', 'out/preload', 'out/renderer']) walk(d);
    expect(built.length).toBeGreaterThan(4);
    expect(built.filter((f) => !files.has(f))).toEqual([]);
    expect(files.has('package.json')).toBe(true);
    // Every runtime dependency whose name main's bundle mentions must be packed with its package.json.
    const mainCode = built.filter((f) => f.startsWith('out/main/')).map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    const deps = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    const loaded = deps.filter((d) => mainCode.includes(`"${d}"`) || mainCode.includes(`'${d}'`));
    expect(loaded).toContain('node-pty');
    expect(loaded.filter((d) => !files.has(`node_modules/${d}/package.json`))).toEqual([]);
    // Sources, tests and the renderer's packages (bundled by electron-vite) stay out.
    expect([...files].filter((f) => /^(main|renderer|preload|common|e2e|native-helpers)\//.test(f) || /\.test\.js$/.test(f) || /^node_modules\/(react|@xterm)\//.test(f))).toEqual([]);
  });

  it("node-pty's pty.node is unpacked, and Node 24 loads node-pty from app.asar.unpacked and runs a shell in a pty", () => {
    expect(asar.statFile(archive, 'node_modules/node-pty/build/Release/pty.node').unpacked).toBe(true);
    const ptyDir = join(unpacked, 'resources/app.asar.unpacked/node_modules/node-pty');
    expect(existsSync(join(ptyDir, 'build/Release/pty.node'))).toBe(true);
    const script = `
      const pty = require(${JSON.stringify(ptyDir)});
      const loaded = Object.keys(require.cache).find((f) => f.endsWith('pty.node'));
      const p = pty.spawn('/bin/sh', ['-c', 'echo pty-$((6*7)) on $(tty)'], { cols: 80, rows: 24, env: { PATH: '/usr/bin:/bin' } });
      let out = '';
      p.onData((d) => { out += d; });
      p.onExit(({ exitCode }) => { console.log(JSON.stringify({ node: process.version, loaded, out, exitCode })); });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { node: string; loaded?: string; out: string; exitCode: number };
    expect(res.node).toMatch(/^v24\./);
    expect(res.loaded && relative(ptyDir, res.loaded)).toBe(join('build/Release/pty.node'));
    expect(res.out).toMatch(/pty-42 on \/dev\/pts\/\d+/);
    expect(res.exitCode).toBe(0);
  });

  it("flips electron-builder.yml's fuses in the packed binary (a placeholder carrying Electron's fuse wire, not a real Electron)", async () => {
    const config = configuredFuses();
    expect(config).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    const wire = await getCurrentFuseWire(join(unpacked, 'gentry-app'));
    const state = (o: FuseV1Options) => String.fromCharCode(wire[o] as number);
    expect(state(FuseV1Options.RunAsNode)).toBe('0');
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    // Fuses the config does not name keep Electron's defaults.
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(ELECTRON_DEFAULT_WIRE[FuseV1Options.EnableCookieEncryption]);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(ELECTRON_DEFAULT_WIRE[FuseV1Options.GrantFileProtocolExtraPrivileges]);
  });

  it('refuses to flip fuses in a file that is not Electron (so a build never ships an unfused binary silently)', async () => {
    const plain = join(tmp, 'plain-dist');
    placeholderElectron(plain, false);
    await expect(flipFuses(join(plain, 'electron'), { version: FuseVersion.V1, [FuseV1Options.RunAsNode]: false })).rejects.toThrow(/Could not find sentinel/);
  });
});

describe('npm run package without an Electron', () => {
  it('builds nothing and says what it needs, before building anything', () => {
    const r = run(process.execPath, [join(root, 'scripts/package.js'), '--electron-dist', join(tmp, 'no-electron-here')]);
    expect(r.status).toBe(1);
    expect(r.output).toContain(`package: nothing built: there is no Electron at ${join(tmp, 'no-electron-here')}`);
    expect(r.output).toContain('--electron-dist DIR');
    expect(r.output).not.toMatch(/electron-vite|building/i);
  });
});

describe('npm run package: the deb, built offline with dpkg-deb (packaging/fpm-deb.js stands in for fpm)', () => {
  let deb = '';
  let debOut = { status: null as number | null, output: '' };
  const helperPath = () => join(tmp, 'placeholder-helper');
  beforeAll(() => {
    const out = join(tmp, 'deb');
    // The helper's real build is cargo's business (native-helpers/); a placeholder stands in here.
    writeFileSync(helperPath(), '#!/bin/sh\necho \'{"placeholder":true}\'\n', { mode: 0o755 });
    debOut = run(process.execPath, [join(root, 'scripts/package.js'), '--no-build', '--electron-dist', join(tmp, 'electron-dist'), '--out', out, '--helper', helperPath()]);
    deb = join(out, 'gentry_0.1.0_amd64.deb');
  });

  it('builds dir and deb, and says why not AppImage', () => {
    expect(debOut.status, debOut.output).toBe(0);
    expect(debOut.output).toContain('package: built dir, deb in');
    expect(debOut.output).toContain('package: deb: built with dpkg-deb (packaging/fpm-deb.js in place of fpm)');
    expect(debOut.output).toMatch(/package: AppImage not built: needs appimagetool/);
    expect(debOut.output).not.toMatch(/downloading/i);
  });

  it('holds the app in /opt/Gentry, the helper at /usr/libexec/gentry-helper and the policy naming that path, all root-owned', () => {
    const listing = spawnSync('dpkg-deb', ['-c', deb], { encoding: 'utf8' }).stdout;
    const entry = (path: string) => listing.split('\n').find((l) => l.endsWith(` .${path}`)) ?? `(no ${path})`;
    expect(entry('/opt/Gentry/gentry-app')).toMatch(/^-rwxr-xr-x root\/root /);
    expect(entry('/opt/Gentry/resources/app.asar')).toMatch(/^-rw-r--r-- root\/root /);
    expect(entry('/opt/Gentry/resources/app.asar.unpacked/node_modules/node-pty/build/Release/pty.node')).toMatch(/^-rwxr-xr-x root\/root /);
    expect(entry('/usr/libexec/gentry-helper')).toMatch(/^-rwxr-xr-x root\/root /);
    expect(entry('/usr/share/polkit-1/actions/org.gentry.helper.policy')).toMatch(/^-rw-r--r-- root\/root /);
    expect(entry('/usr/share/applications/gentry.desktop')).toMatch(/^-rw-r--r-- root\/root /);
    expect(entry('/usr/share/icons/hicolor/scalable/apps/gentry-app.svg')).toMatch(/^-rw-r--r-- root\/root /);
    expect(listing.split('\n').filter((l) => l && !/root\/root/.test(l))).toEqual([]);

    const x = join(tmp, 'deb-x');
    expect(spawnSync('dpkg-deb', ['-x', deb, x]).status).toBe(0);
    expect(readFileSync(join(x, 'usr/libexec/gentry-helper'), 'utf8')).toBe(readFileSync(helperPath(), 'utf8'));
    // The policy: the template with each action's exec.path, and nothing else, changed.
    const template = readFileSync(join(root, 'native-helpers/polkit/org.gentry.helper.policy'), 'utf8');
    const policy = readFileSync(join(x, 'usr/share/polkit-1/actions/org.gentry.helper.policy'), 'utf8');
    const execPaths = [...policy.matchAll(/policykit\.exec\.path">([^<]*)</g)].map((m) => m[1]);
    expect(execPaths.length).toBe(template.match(/<action id="/g)?.length);
    expect(new Set(execPaths)).toEqual(new Set(['/usr/libexec/gentry-helper']));
    expect(policy.replaceAll('/usr/libexec/gentry-helper', 'X')).toBe(template.replace(/(policykit\.exec\.path">)[^<]*</g, '$1X<'));
    const desktop = readFileSync(join(x, 'usr/share/applications/gentry.desktop'), 'utf8');
    expect(desktop).toMatch(/^Exec=\/opt\/Gentry\/gentry-app /m);
    expect(desktop).toMatch(/^Icon=gentry-app$/m);
  });

  it('has control fields dpkg accepts and install scripts that fetch nothing', () => {
    const field = (name: string) => spawnSync('dpkg-deb', ['-f', deb, name], { encoding: 'utf8' }).stdout.trim();
    expect(field('Package')).toBe('gentry');
    expect(field('Version')).toBe('0.1.0');
    expect(field('Architecture')).toBe('amd64');
    expect(field('Section')).toBe('admin');
    expect(field('Depends')).toContain('pkexec | policykit-1');
    const control = join(tmp, 'deb-control');
    expect(spawnSync('dpkg-deb', ['-e', deb, control]).status).toBe(0);
    for (const name of ['postinst', 'postrm']) {
      const script = readFileSync(join(control, name), 'utf8');
      expect(statSync(join(control, name)).mode & 0o777).toBe(0o755);
      expect(script).not.toMatch(/\$\{/);
      expect(script).not.toMatch(/^\s*(curl|wget|apt|apt-get|gem|npm|npx|pip|nix|git)\b|https?:/m);
      expect(spawnSync('sh', ['-n', join(control, name)]).status).toBe(0);
    }
  });

  it('installs and removes with the real dpkg, on the real paths, in a private mount namespace', () => {
    // /usr, /etc, /var/lib/dpkg and /var/log get overlays (writes land in the scratch directory, the machine's stay
    // as they are) and /opt a tmpfs, in a mount namespace of their own. Dependencies (GTK and friends) are not
    // installed on this machine: --force-depends. Then the same with a copy of the deb whose helper is gone
    // (what a bare electron-builder run makes): its postinst must refuse before it changes anything.
    const d = join(tmp, 'install-ns');
    mkdirSync(d);
    const broken = join(d, 'broken');
    expect(spawnSync('dpkg-deb', ['-R', deb, broken]).status).toBe(0);
    rmSync(join(broken, 'usr/libexec'), { recursive: true });
    expect(spawnSync('dpkg-deb', ['--root-owner-group', '-Znone', '--build', broken, join(d, 'broken.deb')], { encoding: 'utf8' }).status).toBe(0);
    const script = `set -eu
      d=${JSON.stringify(d)}
      mount --make-rprivate /
      for p in /usr /etc /var/lib/dpkg /var/log; do
        n=$(echo "$p" | tr / _); mkdir -p "$d/u$n" "$d/w$n"
        mount -t overlay overlay -o "lowerdir=$p,upperdir=$d/u$n,workdir=$d/w$n" "$p"
      done
      mount -t tmpfs tmpfs /opt
      # AppArmor as on Ubuntu 24.04 (enabled, its parser logging what it is asked), and not a chroot.
      mkdir -p /etc/apparmor.d
      printf '#!/bin/sh\n[ "$1" = --enabled ]\n' > /usr/sbin/apparmor_status
      printf '#!/bin/sh\necho "$*" >> %s/apparmor.log\n' "$d" > /usr/sbin/apparmor_parser
      printf '#!/bin/sh\nexit 1\n' > /usr/bin/ischroot
      chmod 0755 /usr/sbin/apparmor_status /usr/sbin/apparmor_parser /usr/bin/ischroot
      dpkg -i --force-depends ${JSON.stringify(deb)} > "$d/install.log" 2>&1
      echo "status=$(dpkg-query -W -f='\${db:Status-Abbrev}' gentry)"
      echo "link=$(readlink /usr/bin/gentry-app)"
      echo "helper=$(stat -c %a:%u:%g /usr/libexec/gentry-helper)"
      echo "helper-answers=$(/usr/libexec/gentry-helper)"
      echo "policy=$(grep -c 'exec.path">/usr/libexec/gentry-helper<' /usr/share/polkit-1/actions/org.gentry.helper.policy)"
      echo "sandbox=$(stat -c %a /opt/Gentry/chrome-sandbox)"
      if unshare --user true 2>/dev/null; then echo "userns=yes"; else echo "userns=no"; fi
      echo "apparmor-profile=$(grep -c '^  userns,$' /etc/apparmor.d/gentry-app)"
      dpkg -r gentry > "$d/remove.log" 2>&1
      if [ -e /etc/apparmor.d/gentry-app ]; then echo "apparmor-after-remove=left"; else echo "apparmor-after-remove=gone"; fi
      if [ -e /usr/bin/gentry-app ] || [ -L /usr/bin/gentry-app ]; then echo "link-after-remove=left"; else echo "link-after-remove=gone"; fi
      if [ -e /usr/libexec/gentry-helper ]; then echo "helper-after-remove=left"; else echo "helper-after-remove=gone"; fi
      if dpkg -i --force-depends "$d/broken.deb" > "$d/broken.log" 2>&1; then echo "broken=installed"; else echo "broken=refused"; fi
      if [ -L /usr/bin/gentry-app ]; then echo "broken-link=yes"; else echo "broken-link=no"; fi`;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8', timeout: 60_000 });
    const log = (f: string) => (existsSync(join(d, f)) ? readFileSync(join(d, f), 'utf8') : '');
    expect(r.status, `${r.stdout}${r.stderr}${log('install.log')}${log('remove.log')}`).toBe(0);
    const got = Object.fromEntries(r.stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(got.status).toBe('ii ');
    expect(got.link).toBe('/opt/Gentry/gentry-app');
    expect(got.helper).toBe('755:0:0');
    expect(got['helper-answers']).toBe('{"placeholder":true}');
    expect(Number(got.policy)).toBe(readFileSync(join(root, 'native-helpers/polkit/org.gentry.helper.policy'), 'utf8').match(/<action id="/g)?.length);
    // chrome-sandbox (0644 in the package) is 0755 where user namespaces work, setuid 4755 where not.
    expect(got.sandbox).toBe(got.userns === 'yes' ? '755' : '4755');
    expect(got['apparmor-profile']).toBe('1');
    expect(got['apparmor-after-remove']).toBe('gone');
    expect(log('apparmor.log').trim().split('\n')).toEqual([
      '--skip-kernel-load --debug /opt/Gentry/resources/apparmor-profile',
      '--replace --write-cache --skip-read-cache /etc/apparmor.d/gentry-app',
      '--remove /etc/apparmor.d/gentry-app',
    ]);
    expect(got['link-after-remove']).toBe('gone');
    expect(got['helper-after-remove']).toBe('gone');
    expect(got.broken).toBe('refused');
    expect(log('broken.log')).toContain('lacks /usr/libexec/gentry-helper or its polkit policy');
    expect(got['broken-link']).toBe('no');
    // Nothing reached the machine's own directories.
    expect(existsSync('/usr/bin/gentry-app')).toBe(false);
    expect(existsSync('/opt/Gentry')).toBe(false);
    expect(existsSync('/etc/apparmor.d/gentry-app')).toBe(false);
    expect(spawnSync('dpkg-query', ['-W', 'gentry']).status).not.toBe(0);
  });
});

describe('packaging/fpm-deb.js refuses what it does not understand', () => {
  const fpm = (args: string[]) => spawnSync(process.execPath, [join(root, 'packaging/fpm-deb.js'), ...args], { encoding: 'utf8' });
  const base = ['-s', 'dir', '--force', '-t', 'deb', '--name', 'gentry', '--version', '1', '--architecture', 'amd64', '--maintainer', 'm <m@x>', '--description', 'd'];
  it('names an unknown option, another target type, a missing field, a bad mapping, an unknown compression', () => {
    const cases: [string[], string][] = [
      [[...base, '--deb-user', 'nobody', '--package', '/tmp/x.deb'], 'unsupported option --deb-user'],
      [[...base.map((a) => (a === 'deb' ? 'rpm' : a)), '--package', '/tmp/x.deb'], 'only -s dir -t deb is supported'],
      [base, '--package is required'],
      [[...base, '--package', '/tmp/x.deb', 'relative-target'], 'expected SOURCE=/TARGET'],
      [[...base, '--package', '/tmp/x.deb', '--deb-compression', 'lzma'], 'unsupported --deb-compression lzma'],
    ];
    for (const [args, message] of cases) {
      const r = fpm(args);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`fpm-deb: ${message}`);
    }
    expect(existsSync('/tmp/x.deb')).toBe(false);
  });
});
