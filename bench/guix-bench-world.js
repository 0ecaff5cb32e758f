// The Guix bench's profile (bench/guix.bench.js): a Guix system profile as Guix lays it out, under `dir`: generation
// links to store items holding one-line parameters and provenance and a profile whose manifest is written as
// guix/profiles.scm writes version 4 (four ;; lines, a blank line, the pretty-printed form, repeated dependencies).
import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATIONS = 100;
export const ENTRIES = 1500;

const NIX32 = '0123456789abcdfghijklmnpqrsvwxyz';
const storeName = (name) => {
  const d = createHash('sha256').update(name).digest();
  let h = '';
  for (let i = 0; i < 32; i++) h += NIX32[d[i] % 32];
  return `/gnu/store/${h}-${name}`;
};
const q = (s) => JSON.stringify(s);

function manifest(entries) {
  const seen = new Set();
  const entry = (e, indent) => {
    const item = storeName(`${e.name}-${e.version}${e.output && e.output !== 'out' ? `-${e.output}` : ''}`);
    if (seen.has(item)) return `(repeated ${q(e.name)} ${q(e.version)} ${q(item)})`;
    const deps = (e.deps ?? []).map((d) => entry(d, `${indent}  `));
    seen.add(item);
    const fields = [`${q(e.name)} ${q(e.version)} ${q(e.output ?? 'out')} ${q(item)}`];
    if (deps.length) fields.push(`(propagated-inputs (${deps.join(`\n${indent}   `)}))`);
    if (e.searchPaths) fields.push(`(search-paths (${e.searchPaths.map((s) => `(${q(s.variable)} (${s.files.map(q).join(' ')}) ${q(s.separator)} ${s.type} #f)`).join(' ')}))`);
    return `(${fields.join(`\n${indent} `)})`;
  };
  return (
    ";; This file was automatically generated and is for internal use only.\n;; It cannot be passed to the '--manifest' option.\n;; Run 'guix package --export-manifest' if you want to export a file\n;; suitable for '--manifest'.\n\n" +
    `(manifest\n  (version 4)\n  (packages\n    (${entries.map((e) => entry(e, '     ')).join('\n     ')})))\n`
  );
}

/** Writes the profile under `dir`; returns the profile link (`DIR/var/guix/profiles/system`). */
export function buildGuixBenchProfile(dir) {
  const profiles = join(dir, 'var/guix/profiles');
  mkdirSync(profiles, { recursive: true });
  const glibc = { name: 'glibc', version: '2.41', searchPaths: [{ variable: 'GUIX_LOCPATH', files: ['lib/locale'], separator: ':', type: 'directory' }] };
  const versions = Array.from({ length: ENTRIES }, (_, i) => `${1 + (i % 7)}.${i % 13}.0`);
  for (let n = 1; n <= GENERATIONS; n++) {
    for (let k = 0; k < 15; k++) {
      const i = (n * 37 + k * 101) % ENTRIES;
      versions[i] = versions[i].replace(/\.(\d+)$/, (_, d) => `.${Number(d) + 1}`);
    }
    const entries = versions.map((version, i) => ({ name: `package-${i}`, version, ...(i % 10 === 0 ? { deps: [glibc, { name: `lib-${i}`, version }] } : {}), ...(i % 50 === 0 ? { output: 'lib' } : {}) }));
    const profile = storeName(`profile-${n}`);
    mkdirSync(join(dir, profile), { recursive: true });
    writeFileSync(join(dir, profile, 'manifest'), manifest(entries));
    const system = storeName(`system-${n}`);
    mkdirSync(join(dir, system), { recursive: true });
    symlinkSync(join(dir, profile), join(dir, system, 'profile'));
    const uuid = '#vu8(28 158 43 110 92 59 77 42 159 30 10 27 44 61 78 95)';
    writeFileSync(
      join(dir, system, 'parameters'),
      `(boot-parameters (version 1) (label "GNU with Linux-Libre 6.12.${n}") (root-device (uuid ext4 ${uuid})) (kernel "${storeName(`linux-libre-6.12.${n}`)}/bzImage") (kernel-arguments ("quiet")) (initrd "${storeName('combined-initrd')}/initrd.cpio.gz") (bootloader-name grub) (bootloader-menu-entries ()) (locale "en_US.utf8") (store (device (uuid ext4 ${uuid})) (mount-point "/") (directory-prefix #f) (crypto-devices ())))`,
    );
    writeFileSync(join(dir, system, 'provenance'), `(provenance (version 0) (channels (channel (name guix) (url "https://git.guix.gnu.org/guix.git") (branch "master") (commit "${String(n % 10).repeat(40)}"))) (configuration-file "/etc/config.scm"))`);
    symlinkSync(join(dir, system), join(profiles, `system-${n}-link`));
  }
  symlinkSync(join(profiles, `system-${GENERATIONS}-link`), join(profiles, 'system'));
  return join(profiles, 'system');
}
