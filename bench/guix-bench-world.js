// The Guix bench's profile (bench/guix.bench.js): a Guix system profile as Guix lays it out, under `dir`.
import { GuixWorld, manifestText, provenanceText, storeName } from '../test-support/guix-world.ts';

export const GENERATIONS = 100;
export const ENTRIES = 1500;

/** A Guix system profile of GENERATIONS generations, ENTRIES packages each (a tenth with propagated inputs, some search paths); a few versions move each generation. */
export function buildGuixBenchProfile(dir) {
  const w = new GuixWorld(dir);
  const glibc = { name: 'glibc', version: '2.41', searchPaths: [{ variable: 'GUIX_LOCPATH', files: ['lib/locale'], separator: ':', type: 'directory', pattern: null }] };
  const versions = Array.from({ length: ENTRIES }, (_, i) => `${1 + (i % 7)}.${i % 13}.0`);
  for (let n = 1; n <= GENERATIONS; n++) {
    for (let k = 0; k < 15; k++) {
      const i = (n * 37 + k * 101) % ENTRIES;
      versions[i] = versions[i].replace(/\.(\d+)$/, (_, d) => `.${Number(d) + 1}`);
    }
    const entries = versions.map((version, i) => ({ name: `package-${i}`, version, ...(i % 10 === 0 ? { deps: [glibc, { name: `lib-${i}`, version }] } : {}), ...(i % 50 === 0 ? { output: 'lib' } : {}) }));
    w.systemGeneration(n, {
      boot: { version: 1, label: `GNU with Linux-Libre 6.12.${n}`, root: { uuid: '1c9e2b6e-5c3b-4d2a-9f1e-0a1b2c3d4e5f' }, kernel: `${storeName(`linux-libre-6.12.${n}`)}/bzImage`, args: ['quiet'] },
      provenance: provenanceText([{ name: 'guix', url: 'https://git.guix.gnu.org/guix.git', branch: 'master', commit: String(n % 10).repeat(40) }], '/etc/config.scm'),
      manifest: manifestText(entries, 4),
    });
  }
  w.setCurrent(w.system, GENERATIONS, 'absolute');
  return w;
}

