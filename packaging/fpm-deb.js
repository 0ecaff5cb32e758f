#!/usr/bin/env node
// A stand-in for fpm that builds electron-builder's deb with Debian's own dpkg-deb, so the deb needs no
// download (electron-builder would fetch fpm and a Ruby from GitHub). scripts/package.js points
// electron-builder's CUSTOM_FPM_PATH here when there is no fpm but there is dpkg-deb.
// It understands exactly the arguments electron-builder 26 passes for `-t deb`
// (app-builder-lib/out/targets/FpmTarget.js) and refuses anything else, naming it.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const fail = (message) => {
  process.stderr.write(`fpm-deb: ${message}\n`);
  process.exit(1);
};

const single = new Set(['-s', '-t', '--architecture', '--after-install', '--after-remove', '--description', '--version', '--package', '--name', '--maintainer', '--vendor', '--url', '--deb-priority', '--license', '--category', '--iteration', '--deb-compression']);
const multiple = new Set(['-d', '--deb-recommends']);
const flags = new Set(['--force']);
const opts = { '-d': [], '--deb-recommends': [] };
const mappings = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (flags.has(a)) opts[a] = true;
  else if (single.has(a) || multiple.has(a)) {
    if (i + 1 >= argv.length) fail(`${a} needs a value`);
    const v = argv[++i];
    if (multiple.has(a)) opts[a].push(v);
    else opts[a] = v;
  } else if (a.startsWith('-')) fail(`unsupported option ${a} (this stand-in knows only what electron-builder passes for a deb)`);
  else {
    const eq = a.indexOf('=/');
    if (eq <= 0) fail(`expected SOURCE=/TARGET, got ${a}`);
    mappings.push([a.slice(0, eq), a.slice(eq + 1)]);
  }
}
if (opts['-s'] !== 'dir' || opts['-t'] !== 'deb') fail(`only -s dir -t deb is supported, got -s ${opts['-s']} -t ${opts['-t']}`);
for (const required of ['--name', '--version', '--architecture', '--package', '--maintainer', '--description']) if (!opts[required]) fail(`${required} is required`);
if (!/^[a-z0-9][a-z0-9+.-]+$/.test(opts['--name'])) fail(`not a Debian package name: ${opts['--name']}`);

const compression = opts['--deb-compression'] ?? 'xz';
if (!['xz', 'gzip', 'zstd', 'none'].includes(compression)) fail(`unsupported --deb-compression ${compression}`);
if (!opts['--force'] && existsSync(opts['--package'])) fail(`${opts['--package']} exists (fpm's --force overwrites it)`);

const stage = mkdtempSync(join(tmpdir(), 'fpm-deb-'));
try {
  for (const [from, to] of mappings) {
    const target = join(stage, to);
    mkdirSync(dirname(target), { recursive: true });
    // A trailing slash copies the directory's contents into TARGET (fpm's rule); symlinks stay symlinks.
    cpSync(from.endsWith('/') ? from.slice(0, -1) : from, target, { recursive: true, verbatimSymlinks: true, errorOnExist: false });
  }

  // Installed-Size in KiB and md5sums of every regular file, as dpkg expects them.
  let bytes = 0;
  const sums = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const data = readFileSync(p);
        bytes += data.length;
        sums.push(`${createHash('md5').update(data).digest('hex')}  ${relative(stage, p)}`);
      } else bytes += lstatSync(p).size;
    }
  };
  walk(stage);

  const [synopsis = '', ...body] = opts['--description'].split('\n');
  // The long description: one line per line, blank lines as " .", none at either end.
  const trimmed = body.map((l) => l.trim());
  while (trimmed[0] === '') trimmed.shift();
  while (trimmed.at(-1) === '') trimmed.pop();
  const longLines = trimmed.map((l) => (l === '' ? ' .' : ` ${l}`));
  const field = (name, value) => (value ? `${name}: ${value}\n` : '');
  const control =
    field('Package', opts['--name']) +
    field('Version', opts['--iteration'] ? `${opts['--version']}-${opts['--iteration']}` : opts['--version']) +
    field('Architecture', opts['--architecture']) +
    field('Maintainer', opts['--maintainer']) +
    field('Installed-Size', String(Math.ceil(bytes / 1024))) +
    field('Depends', opts['-d'].join(', ')) +
    field('Recommends', opts['--deb-recommends'].join(', ')) +
    field('Section', opts['--category'] ? opts['--category'].toLowerCase() : 'misc') +
    field('Priority', opts['--deb-priority'] ?? 'optional') +
    field('Homepage', opts['--url']) +
    `Description: ${synopsis.trim()}\n${longLines.map((l) => `${l}\n`).join('')}`;

  const debian = join(stage, 'DEBIAN');
  mkdirSync(debian);
  writeFileSync(join(debian, 'control'), control);
  writeFileSync(join(debian, 'md5sums'), `${sums.sort().join('\n')}\n`);
  for (const [flag, name] of [['--after-install', 'postinst'], ['--after-remove', 'postrm']]) {
    if (!opts[flag]) continue;
    writeFileSync(join(debian, name), readFileSync(opts[flag]));
    chmodSync(join(debian, name), 0o755);
  }
  chmodSync(stage, 0o755);

  const r = spawnSync('dpkg-deb', ['--root-owner-group', `-Z${compression}`, '--build', stage, opts['--package']], { encoding: 'utf8' });
  if (r.error) throw new Error(`dpkg-deb could not run (${r.error.message}); install it with: apt-get install dpkg`);
  if (r.status !== 0) throw new Error(`dpkg-deb failed: ${r.stderr.trim()}`);
  process.stdout.write(`fpm-deb: built ${opts['--package']} with dpkg-deb\n`);
} catch (error) {
  rmSync(stage, { recursive: true, force: true });
  fail(error instanceof Error ? error.message : String(error));
}
rmSync(stage, { recursive: true, force: true });
