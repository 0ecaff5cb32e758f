// bench/: npm run bench, third part: `gentry list` on a Guix system profile of 100 generations of 1,500 manifest
// entries each, against Guix's own code listing the same profile (the oracle's `--text`: what `guix system
// list-generations` prints, compiled Guile), in interleaved rounds; and a pure-Nix `gentry list` with and without the
// Guix code in reach (no Guix state directory: the Guix readers are never loaded). Replaces its section of docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildGuixBenchProfile, ENTRIES, GENERATIONS } from './guix-bench-world.js';

const root = dirname(import.meta.dirname);
const ROUNDS = Number(process.env.GENTRY_BENCH_RUNS ?? 11);
const BIN = join(root, 'bin/gentry.js');

/** Runs each command of `pair` once per round (the order alternates), after two warm-up rounds; medians and minima in ms. */
function race(pair) {
  const samples = pair.map(() => []);
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (const i of round % 2 ? [1, 0] : [0, 1]) {
      const [cmd, args, env] = pair[i];
      const t = process.hrtime.bigint();
      const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
      if (round >= 2) samples[i].push(ms);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], min: s[0] };
  });
}

// Guix's own code: shared/guix-oracle beside the checkout (or GUIX_ORACLE_DIR), compiled once into its cache.
const GUIX_ORACLE_DIR = process.env.GUIX_ORACLE_DIR ?? resolve(root, '../shared/guix-oracle');
const oracleCache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'guix-oracle');
if (spawnSync(join(GUIX_ORACLE_DIR, 'compile.sh'), [oracleCache], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error(`the Guix oracle at ${GUIX_ORACLE_DIR} cannot be compiled; set GUIX_ORACLE_DIR`);
const scratch = mkdtempSync(join(tmpdir(), 'gentry-guix-bench-'));
try {
  const started = performance.now();
  const system = buildGuixBenchProfile(join(scratch, 'root'));
  const buildSecs = ((performance.now() - started) / 1000).toFixed(1);
  const env = { ...process.env, HOME: join(scratch, 'home'), XDG_CACHE_HOME: join(scratch, 'cache'), XDG_STATE_HOME: join(scratch, 'state'), GUIX_STATE_DIRECTORY: join(scratch, 'no-guix'), TZ: 'UTC', LC_ALL: 'C' };
  const noNix = ['--system-profile', join(scratch, 'no-nix/system')];
  const check = JSON.parse(spawnSync(process.execPath, [BIN, 'list', '--json', '--guix-system-profile', system, ...noNix], { env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).stdout);
  const gens = check.guixProfiles[0].generations;
  if (gens.length !== GENERATIONS || gens.some((g) => g.packages.length !== ENTRIES || g.problem !== null)) throw new Error('gentry did not read the bench profile whole');
  const oracleEnv = { ...process.env, GUIX_ORACLE_CACHE: oracleCache };
  const [gentry, oracle] = race([
    [process.execPath, [BIN, 'list', '--guix-system-profile', system, ...noNix], env],
    [join(GUIX_ORACLE_DIR, 'run.sh'), [system, '--text'], oracleEnv],
  ]);
  const [gentryJson] = race([[process.execPath, [BIN, 'list', '--json', '--guix-system-profile', system, ...noNix], env], [process.execPath, ['-e', '0'], env]]);
  // A pure-Nix machine (no Guix state directory) against the same with the Guix code taken out of reach: gentry list
  // --json on an empty Nix world, the only difference is where GUIX_STATE_DIRECTORY points.
  const [pureNix, guixEmpty] = race([
    [process.execPath, [BIN, 'list', '--json', ...noNix], env],
    [process.execPath, [BIN, 'list', '--json', ...noNix], { ...env, GUIX_STATE_DIRECTORY: join(scratch, 'root/empty-state') }],
  ]);
  const fmt = (t) => `${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)})`;
  const section = `<!-- guix.bench.js: written by bench/guix.bench.js, replaced on each run -->
## \`gentry list\` on a Guix system profile against Guix's own code

Written by \`npm run bench\` (bench/guix.bench.js) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version},
load average ${loadavg()[0].toFixed(1)} at the end. A Guix system profile of ${GENERATIONS} generations, each with boot parameters,
provenance and a version-4 manifest of ${ENTRIES.toLocaleString('en')} entries (written in ${buildSecs} s as Guix lays them out).
Whole processes in ${ROUNDS} interleaved rounds after 2 warm-up rounds; medians.

| command | median |
|---|---|
| Guix's own code (shared/guix-oracle, compiled Guile): \`run.sh PROFILE --text\`, what \`guix system list-generations\` prints | ${fmt(oracle)} |
| \`gentry list --guix-system-profile PROFILE\` (every generation read whole: parameters, provenance, every manifest entry) | ${fmt(gentry)} |
| \`gentry list --json\`, the same | ${fmt(gentryJson)} |

**Ratio, gentry list / Guix: ${(gentry.median / oracle.median).toFixed(2)}×** (aim: at most 0.5×).

A pure-Nix \`gentry list --json\` (no Guix state directory: one stat, the Guix readers never load) ${fmt(pureNix)}; the same
with an empty Guix state directory (the Guix listing loaded, nothing to read) ${fmt(guixEmpty)}.
<!-- /guix.bench.js -->
`;
  const doc = join(root, 'docs/benchmarks.md');
  let text = '';
  try {
    text = readFileSync(doc, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const start = text.indexOf('<!-- guix.bench.js');
  const endMark = '<!-- /guix.bench.js -->\n';
  const end = text.indexOf(endMark);
  text = start >= 0 && end > start ? `${text.slice(0, start)}${section}${text.slice(end + endMark.length)}` : `${text.trimEnd()}\n\n${section}`;
  if (!process.env.GENTRY_BENCH_NO_WRITE) {
    writeFileSync(`${doc}.tmp`, text);
    renameSync(`${doc}.tmp`, doc);
  }
  process.stdout.write(section);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
