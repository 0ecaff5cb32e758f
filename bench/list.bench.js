// bench/: npm run bench, whole-process benchmarks whose figures go to docs/benchmarks.md.
// `npm run bench` (then bench/cli.bench.js): `gentry list --json` against `nix-env --list-generations` on the same
// 100-generation large world, both as whole processes, in the same run. Writes docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildWorld, removeWorld } from '../worlds/index.ts';
import { worldPaths } from '../main/demo/demo-world.ts';
import { inProcessDoor } from '../main/in-process-door.ts';
import { silentLogger } from '../main/infra/log.ts';
import { runProcess } from '../main/infra/process.ts';
import { createServices } from '../main/services.ts';

const root = dirname(import.meta.dirname);
const RUNS = Number(process.env.GENTRY_BENCH_RUNS ?? 21);
const env = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };

// Each run gets the cache directory `cacheDir()` returns: a fresh one (cold) or the same one (warm).
function time(cmd, args, cacheDir = () => undefined) {
  const samples = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const dir = cacheDir();
    const runEnv = dir ? { ...env, XDG_CACHE_HOME: dir } : env;
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { env: runEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    if (i >= 2) samples.push(ms); // two warm-up runs fill the page cache and V8's compile cache
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1] };
}

const built = spawnSync(process.execPath, [join(root, 'scripts/build.js')], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('the build failed');
const started = performance.now();
const world = await buildWorld({ preset: 'large', systemGenerations: 100 });
const buildSecs = ((performance.now() - started) / 1000).toFixed(1);
try {
  const worldArgs = ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
  const check = JSON.parse(spawnSync(process.execPath, [join(root, 'bin/gentry.js'), 'list', '--json', ...worldArgs], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout);
  const system = check.profiles[0];
  const closure = system.generations.at(-1).closureSize;
  const gentryArgs = [join(root, 'bin/gentry.js'), 'list', '--json', ...worldArgs];
  const scratch = mkdtempSync(join(tmpdir(), 'gentry-bench-'));
  let n = 0;
  const gentryCold = time(process.execPath, gentryArgs, () => join(scratch, `cold-${n++}`));
  const gentryAll = time(process.execPath, gentryArgs, () => join(scratch, 'warm'));
  rmSync(scratch, { recursive: true, force: true });
  const nixEnv = time('nix-env', ['-p', world.systemProfile, '--list-generations']);
  const toplevels = system.generations.map((g) => g.storePath);
  const pathInfo = time('nix', ['path-info', '--json', '--closure-size', ...toplevels]);
  const nodeBare = time(process.execPath, ['-e', '0']);

  // gentry diff against nix store diff-closures, on two generations five apart (a channel update or more between them).
  const gens = system.generations.filter((g) => g.problem === null);
  const [older, newer] = [gens.at(-6), gens.at(-1)];
  const diffJson = JSON.parse(spawnSync(process.execPath, [join(root, 'bin/gentry.js'), 'diff', String(older.number), String(newer.number), '--json', ...worldArgs], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout);
  const gentryDiff = time(process.execPath, [join(root, 'bin/gentry.js'), 'diff', String(older.number), String(newer.number), '--json', ...worldArgs]);
  const diffClosures = time('nix', ['store', 'diff-closures', older.storePath, newer.storePath]);
  const closurePaths = spawnSync('nix-store', ['-q', '--requisites', newer.storePath], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.trim().split('\n').length;

  // In the window: switching the diff between neighbouring generations once their closures are cached.
  const services = createServices({ paths: worldPaths(world), run: runProcess, log: silentLogger, env: {} });
  const door = inProcessDoor(services, silentLogger);
  const ref = (number) => ({ kind: 'system', name: 'system', number });
  const [n1, n2, n3] = gens.slice(-3).map((g) => g.number);
  await door.diff({ from: ref(n1), to: ref(n2) });
  await door.diff({ from: ref(n2), to: ref(n3) });
  const switches = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = i % 2 ? await door.diff({ from: ref(n1), to: ref(n2) }) : await door.diff({ from: ref(n2), to: ref(n3) });
    switches.push(performance.now() - t);
    if (!r.ok) throw new Error(r.error.message);
  }
  services.close();
  switches.sort((a, b) => a - b);
  const switchMedian = switches[Math.floor(switches.length / 2)];
  const nixVersion = spawnSync('nix-env', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const fmt = (t) => `${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`;
  const md = `# Benchmarks

Written by \`npm run bench\` (bench/list.bench.js) on ${new Date().toISOString().slice(0, 10)}; every figure below comes from that run.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${nixVersion}.

## \`gentry list --json\` against \`nix-env --list-generations\`

World: the \`large\` preset, ${system.generations.length} system generations (${world.storePathCount} store paths registered in the
real Nix database, built in ${buildSecs} s); the newest system closure has ${closure.toLocaleString('en')} bytes.
Each command runs as a whole process ${RUNS} times after 2 warm-up runs; medians.

| command | median |
|---|---|
| \`nix-env -p <world>/system --list-generations\` (numbers, dates, current; no sizes, no versions) | ${fmt(nixEnv)} |
| \`gentry list --json\`, every profile of the world (system, work, home-manager, user) with closure sizes, versions, kernels, specialisations; closure sizes remembered from an earlier run (the usual case) | ${fmt(gentryAll)} |
| the same, cold: no closure size remembered, every closure measured from the Nix database | ${fmt(gentryCold)} |
| \`nix path-info --json --closure-size\` over the ${toplevels.length} system toplevels (how nh's \`os info\` gets sizes, in one batched call) | ${fmt(pathInfo)} |
| \`node -e 0\` (Node's own start-up, the floor under any Node CLI) | ${fmt(nodeBare)} |

**Ratio, gentry / nix-env: ${(gentryAll.median / nixEnv.median).toFixed(2)}× warm, ${(gentryCold.median / nixEnv.median).toFixed(2)}× cold** (aim: under 2×).
Gentry's time above Node's bare start-up: ${(gentryAll.median - nodeBare.median).toFixed(1)} ms warm, ${(gentryCold.median - nodeBare.median).toFixed(1)} ms cold.

## \`gentry diff --json\` against \`nix store diff-closures\`

Generations ${older.number} and ${newer.number} of the same world (${closurePaths.toLocaleString('en')} paths in the newer closure;
the diff has ${diffJson.packages.length} rows: ${diffJson.summary.upgraded} upgraded, ${diffJson.summary.added} added, ${diffJson.summary.removed} removed, ${diffJson.summary.rebuilt} rebuilt). Whole processes, same method.

| command | median |
|---|---|
| \`nix store diff-closures <older> <newer>\` | ${fmt(diffClosures)} |
| \`gentry diff ${older.number} ${newer.number} --json\` (also classifies, marks selected packages, lists the store paths behind each row) | ${fmt(gentryDiff)} |

**Ratio, gentry / diff-closures: ${(gentryDiff.median / diffClosures.median).toFixed(2)}×** (target: at most 0.25×).

In the window, switching the diff between neighbouring generations (${n1}→${n2} and ${n2}→${n3}) once both closures are cached,
measured in-process through the same dispatch as the doors, ${RUNS} switches: **median ${switchMedian.toFixed(1)} ms**, max
${switches.at(-1).toFixed(1)} ms (target: under 50 ms).

## Reading

\`nix-env\` reads only the links of one profile; \`gentry list\` reads every profile, every toplevel's files and
every closure size. Cold, each profile costs one breadth-first walk (one query per level) over \`Refs\` in the Nix database (the union of its
generations' closures, each closure then summed in memory). A store path's closure never changes, so measured sizes are kept
in \`~/.cache/gentry/closure-sizes.json\`, and a warm run only measures generations it has not seen. The bundled CLI
(\`out/cli/\`, built by \`npm run build\`) is used; the bench builds first.\n\nThe targets against \`nix-env\` (2×) and \`diff-closures\` (0.25×) are not met. Node's own start-up is about as long as\nall of \`nix-env --list-generations\`, and a third of \`nix store diff-closures\`: a Node process cannot finish in a quarter\nof diff-closures' time, whatever it computes. What Gentry adds above Node's start-up is in the figures above; the\nin-window figure (a diff between neighbours once their closures are cached) is the one a person waits for.
`;
  writeFileSync(join(root, 'docs/benchmarks.md'), md);
  process.stdout.write(md);
} finally {
  await removeWorld(world);
}

// The gentry command's own figures (start-up, list, diff against the tools a person would otherwise run).
await import('./cli.bench.js');

// Guix beside Nix: gentry list on a Guix system profile against Guix's own code (bench/guix.bench.js).
await import('./guix.bench.js');
