// bench/: npm run bench, whole-process benchmarks whose figures go to docs/benchmarks.md.
// `npm run bench`, second part: the `gentry` command's start-up and its two everyday commands as whole
// processes, each against the tool a person would otherwise run, in interleaved rounds (so a busy machine
// slows both sides alike), medians and ratios. Replaces its own section of docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildWorld, removeWorld } from '../worlds/index.ts';

const root = dirname(import.meta.dirname);
const ROUNDS = Number(process.env.GENTRY_BENCH_RUNS ?? 31);
const BIN = join(root, 'bin/gentry.js');
const env = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };

/** Runs each command of `pair` once per round (the order alternates), after two warm-up rounds; medians and minima in ms. */
function race(pair) {
  const samples = pair.map(() => []);
  for (let round = 0; round < ROUNDS + 2; round++) {
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const i of order) {
      const [cmd, args, runEnv = env] = pair[i];
      const t = process.hrtime.bigint();
      const r = spawnSync(cmd, args, { env: runEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
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

const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.js')], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('building the CLI bundle failed');

const world = await buildWorld({ preset: 'large', systemGenerations: 30 });
const scratch = mkdtempSync(join(tmpdir(), 'gentry-cli-bench-'));
// The command as package.nix installs it: bin/, the bundle, package.json and build-if-stale.js, no sources
// (so no freshness walk), and nothing another engineer's edit in this checkout can make stale mid-run.
const installed = join(scratch, 'installed');
for (const p of ['bin', 'out/cli', 'package.json', 'scripts/build-if-stale.js']) {
  mkdirSync(dirname(join(installed, p)), { recursive: true });
  cpSync(join(root, p), join(installed, p), { recursive: true });
}
symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'));
const BIN_INSTALLED = join(installed, 'bin/gentry.js');
try {
  const worldArgs = ['--system-profile', world.systemProfile, '--home-profile', world.homeProfile, '--user-profile', world.userProfile, '--booted-system', world.bootedSystem];
  const warm = { ...env, XDG_CACHE_HOME: join(scratch, 'cache'), XDG_STATE_HOME: join(scratch, 'state') };
  const listed = spawnSync(process.execPath, [BIN, 'list', '--json', ...worldArgs], { env: warm, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }); // remembers the closure sizes
  if (listed.status !== 0) throw new Error(listed.stderr);
  const system = JSON.parse(listed.stdout).profiles[0];
  const valid = system.generations.filter((g) => g.problem === null);
  const [older, newer] = [valid[0], valid.at(-1)];
  const closurePaths = (p) => spawnSync('nix-store', ['-q', '--requisites', p], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.trim().split('\n').length;
  const link = (n) => resolve(dirname(world.systemProfile), readlinkSync(join(dirname(world.systemProfile), `system-${n}-link`)));
  const diffJson = JSON.parse(spawnSync(process.execPath, [BIN, 'diff', String(older.number), String(newer.number), '--json', ...worldArgs], { env: warm, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout);

  const [nodeBare, help] = race([[process.execPath, ['-e', '0']], [process.execPath, [BIN_INSTALLED, '--help']]]);
  const [nodeBare2, helpCheckout] = race([[process.execPath, ['-e', '0']], [process.execPath, [BIN, '--help']]]);
  const [nixEnv, list] = race([['nix-env', ['-p', world.systemProfile, '--list-generations']], [process.execPath, [BIN_INSTALLED, 'list', '--json', ...worldArgs], warm]]);
  const [diffClosures, diff] = race([['nix', ['store', 'diff-closures', link(older.number), link(newer.number)]], [process.execPath, [BIN_INSTALLED, 'diff', String(older.number), String(newer.number), '--json', ...worldArgs], warm]]);

  // Where the time goes: the bundle's entry alone, and the two chunks every call loads (zod with the
  // contract's schemas; the services with every handler group), each imported by a bare process.
  const chunks = join(installed, 'out/cli');
  const probe = (prefix) => {
    const file = readdirSync(chunks).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
    if (!file) throw new Error(`no ${prefix} chunk in ${chunks}`);
    return probeOf(file, prefix);
  };
  // Each probe turns the compile cache on first and then imports, as bin/gentry.js does.
  const probeOf = (file, name) => {
    const path = join(chunks, `probe-${name}.js`);
    writeFileSync(path, `import { enableCompileCache } from 'node:module';\nenableCompileCache?.();\nawait import('./${file}');\n`);
    return path;
  };
  const [entryNode, entry] = race([[process.execPath, ['-e', '0']], [process.execPath, [probeOf('main.js', 'main')]]]);
  const [contractNode, contract] = race([[process.execPath, ['-e', '0']], [process.execPath, [probe('contract')]]]);
  const [servicesNode, services] = race([[process.execPath, ['-e', '0']], [process.execPath, [probe('services')]]]);
  const above = (t, node) => `${(t.median - node.median).toFixed(1)} ms above \`node -e 0\``;

  const ratio = (a, b) => a.median / b.median;
  const rows = [
    ['`gentry --help`', help, '`node -e 0`', nodeBare, 1.5],
    ['`gentry --help` in this checkout (the bundle after a walk of the sources: is it fresh?)', helpCheckout, '`node -e 0`', nodeBare2, 1.5],
    [`\`gentry list --json\` (${system.generations.length} system generations, every profile, sizes remembered)`, list, '`nix-env --list-generations` (system profile)', nixEnv, 2.5],
    [`\`gentry diff ${older.number} ${newer.number} --json\` (${closurePaths(link(older.number)).toLocaleString('en')} and ${closurePaths(link(newer.number)).toLocaleString('en')} paths)`, diff, '`nix store diff-closures` of the same two', diffClosures, 0.5],
  ];
  const fmt = (t) => `${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)})`;
  const nixVersion = spawnSync('nix-env', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const section = `<!-- cli.bench.js: written by bench/cli.bench.js, replaced on each run -->
## The \`gentry\` command: start-up, \`list\`, \`diff\`

Written by \`npm run bench\` (bench/cli.bench.js) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${nixVersion},
load average ${loadavg()[0].toFixed(2)} at the end. World: the \`large\` preset with ${system.generations.length} system generations. Each pair runs as
whole processes in ${ROUNDS} interleaved rounds (the order alternates) after 2 warm-up rounds; medians. \`gentry\` runs as installed
(bin/, the bundle in out/cli/, no sources), except on the second line.
The diff has ${diffJson.packages.length} rows (${diffJson.summary.upgraded} upgraded, ${diffJson.summary.added} added, ${diffJson.summary.removed} removed, ${diffJson.summary.rebuilt} rebuilt).

| gentry | median | against | median | ratio | aim | met |
|---|---|---|---|---|---|---|
${rows.map(([a, ta, b, tb, aim]) => `| ${a} | ${fmt(ta)} | ${b} | ${fmt(tb)} | ${ratio(ta, tb).toFixed(2)}× | ≤ ${aim}× | ${ratio(ta, tb) <= aim ? 'yes' : 'no'} |`).join('\n')}

Where the time of \`gentry list\` goes (the same method, each a bare process with the compile cache, against \`node -e 0\` in the same rounds):
the bundle's entry alone (\`out/cli/main.js\`: parse nothing, print nothing) ${above(entry, entryNode)}; importing the contract's
chunk (zod and every schema) ${above(contract, contractNode)}; importing the services' chunk (every handler group, and the
contract) ${above(services, servicesNode)}. What is left of \`gentry list --json\` above that is reading the profiles and the output check.
\`node -e 0\` alone is about as long as \`nix-env --list-generations\`, so the list aim leaves some 1.5 × nix-env for everything
Gentry loads and does; the diff aim (0.5 × diff-closures) is below what Node needs to start and read two closures.
<!-- /cli.bench.js -->
`;
  const doc = join(root, 'docs/benchmarks.md');
  let text = '';
  try {
    text = readFileSync(doc, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const start = text.indexOf('<!-- cli.bench.js');
  const end = text.indexOf('<!-- /cli.bench.js -->');
  text = start >= 0 && end > start ? `${text.slice(0, start)}${section}${text.slice(end + '<!-- /cli.bench.js -->\n'.length)}` : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(`${doc}.tmp`, text);
  renameSync(`${doc}.tmp`, doc);
  process.stdout.write(section);
} finally {
  rmSync(scratch, { recursive: true, force: true });
  await removeWorld(world).catch((err) => {
    // Another world that shares a store path can hold it alive for a moment: say how to finish the job.
    process.stderr.write(`bench: the world in ${world.root} could not be removed (${err.message.split('\n')[0]}); remove it with: node worlds/cli.ts remove ${world.root}\n`);
    process.exitCode = 1;
  });
}
