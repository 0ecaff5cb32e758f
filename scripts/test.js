// `npm test`: lint, type checks, the Electron audit (electronegativity), unit tests, the build, integration tests (real Nix, real
// processes) and Playwright e2e (real Chromium), in that order. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const root = dirname(import.meta.dirname);
const bin = (name) => join(root, 'node_modules/.bin', name);
// Not test-results/: Playwright empties that folder when it starts.
const results = join(root, '.test-counts');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NIX_CONFIG: process.env.NIX_CONFIG ?? 'substituters =\nexperimental-features = nix-command' };
// rustup puts cargo in ~/.cargo/bin and adds it to PATH only for login shells.
const cargoHome = join(homedir(), '.cargo/bin');
if (existsSync(join(cargoHome, 'cargo'))) env.PATH = `${cargoHome}${delimiter}${env.PATH ?? ''}`;

// What the machine must have: checked first, so that a fresh machine learns it in a second, not after lint.
const runs = (cmd) => spawnSync(cmd, ['--version'], { env, stdio: 'ignore' }).status === 0;
const missing = [];
if (!runs('nix-store')) missing.push('nix-store is missing (integration tests and worlds use real Nix); install it with: apt-get install nix-bin');
if (!existsSync('/usr/bin/chromium')) missing.push('/usr/bin/chromium is missing (the e2e tests drive it); install it with: apt-get install chromium');
if (existsSync(join(root, 'native-helpers/gentry-helper/Cargo.toml')) && !runs('cargo')) {
  missing.push('cargo is missing (it builds and tests the privileged helper); install it with: apt-get install cargo rust-clippy');
}
if (missing.length > 0) {
  for (const line of missing) process.stderr.write(`npm test: ${line}\n`);
  process.exit(1);
}

const steps = [
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['types: node', bin('tsc'), ['-p', 'tsconfig.node.json']],
  ['types: web', bin('tsc'), ['-p', 'tsconfig.web.json']],
  ['types: common', bin('tsc'), ['-p', 'tsconfig.common.json']],
  ['electronegativity', process.execPath, [join(root, 'scripts/electronegativity.js')]],
  ['unit', bin('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`]],
  ['build', process.execPath, [join(root, 'scripts/build.js')]],
  ['integration', bin('vitest'), ['run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'integration.json')}`]],
  ['e2e', bin('playwright'), ['test']],
];
if (existsSync(join(root, 'native-helpers/gentry-helper/Cargo.toml'))) {
  const manifest = join(root, 'native-helpers/gentry-helper/Cargo.toml');
  steps.push(['helper: clippy', 'cargo', ['clippy', '--manifest-path', manifest, '--all-targets', '--', '-D', 'warnings']]);
  steps.push(['helper: cargo test', 'cargo', ['test', '--manifest-path', manifest]]);
}

const only = process.argv.slice(2);
const failed = [];
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  process.stdout.write(`\n=== ${name}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed.push(name);
    process.stdout.write(`=== ${name}: FAILED (${r.error?.message ?? `exit ${r.status}`}) after ${secs} s\n`);
  } else process.stdout.write(`=== ${name}: ok in ${secs} s\n`);
}

function counts(file, pick) {
  try {
    return pick(JSON.parse(readFileSync(join(results, file), 'utf8')));
  } catch {
    return { passed: 0, failed: 0 };
  }
}
const tiers = [
  counts('unit.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests })),
  counts('integration.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests })),
  counts('e2e.json', (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky })),
];
const passed = tiers.reduce((n, t) => n + t.passed, 0);
const failedTests = tiers.reduce((n, t) => n + t.failed, 0);
if (failed.length) process.stdout.write(`\nfailed steps: ${failed.join(', ')}\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failedTests} failed\n`);
process.exit(failed.length > 0 ? 1 : 0);
