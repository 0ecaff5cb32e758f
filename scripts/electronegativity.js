// Electronegativity (@doyensec/electronegativity), the usual audit of an Electron app's configuration,
// run offline over the code that ships in the window's process tree: main/, preload/, renderer/ and
// package.json, without tests (their fake objects are not the app). Fails on any HIGH or MEDIUM finding,
// and on any file it could not parse (a file it could not read is a file it did not check).
// Run by `npm test` (step "electronegativity"); docs/security.md says what it checks and what it found.
//
// Offline, by design:
// - Its command line is not used: it reads options from the `commander` package as it was before v7,
//   and npm hoists a newer one, so `electronegativity -i DIR` only prints its usage. Its runner is called instead.
// - It fetches two things over the network: translations (i18n) and Electron's release list (the
//   AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, "is there a newer Electron with security fixes"). Offline the
//   first waits a second and its retry timer then throws from inside `got` after the scan; the second
//   cannot be answered. So its `got` is replaced by one that refuses at once (no request leaves the
//   machine) and that one check, which needs the network to mean anything, is excluded by name; the
//   Electron version is given with the version of package.json's electron devDependency (`-e`).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = dirname(import.meta.dirname);
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const enVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

// No network: the `got` electronegativity loads refuses every request at once.
const gotPath = createRequire(join(pkgDir, 'dist/locales/i18n.js')).resolve('got');
const refuse = (url) => Promise.reject(new Error(`no network in this audit (${url})`));
refuse.head = refuse;
const stub = new Module(gotPath);
stub.filename = gotPath;
stub.loaded = true;
stub.exports = refuse;
require.cache[gotPath] = stub;

// The shipped sources, without tests, in a scratch directory (electronegativity scans a whole directory).
// `--input DIR` scans DIR instead (the test that plants a bad window uses it).
const { values: opts } = parseArgs({ options: { input: { type: 'string' } } });
const input = mkdtempSync(join(tmpdir(), 'gentry-electronegativity-'));
const parts = opts.input ? [[resolve(opts.input), '.']] : [...['main', 'preload', 'renderer'].map((p) => [join(root, p), p]), [join(root, 'package.json'), 'package.json']];
const isTest = (p) => /\.(test|integration\.test)\.tsx?$/.test(p) || /\/(fixtures|__snapshots__)(\/|$)/.test(p);
for (const [from, to] of parts) cpSync(from, join(input, to), { recursive: true, filter: (src) => !isTest(src) });
const scanned = opts.input ?? 'main/, preload/, renderer/, package.json';

const run = require(join(pkgDir, 'dist/runner.js'));
const started = Date.now();
let result;
try {
  result = await run(
    { input, customScan: [], excludeFromScan: OFFLINE_EXCLUDED, isRelative: true, electronVersionOverride: electronVersion, parserPlugins: [] },
    false,
  );
} finally {
  rmSync(input, { recursive: true, force: true });
}

const rows = result.issues.map((i) => ({
  severity: i.severity.name,
  confidence: i.confidence.name,
  id: i.id,
  where: `${i.file}:${i.location.line}`,
  review: i.manualReview ? 'manual review' : '',
  what: String(i.description ?? '').replace(/\s+/g, ' ').trim(),
}));
process.stdout.write(`electronegativity ${enVersion}, Electron ${electronVersion}: ${result.globalChecks + result.atomicChecks} checks (${OFFLINE_EXCLUDED.join(', ')} not run: it needs the network) over ${scanned} in ${Date.now() - started} ms\n`);
for (const r of rows) process.stdout.write(`  ${r.severity} ${r.confidence} ${r.id} at ${r.where}${r.review ? ` (${r.review})` : ''}: ${r.what}\n`);
const failing = rows.filter((r) => r.severity === 'HIGH' || r.severity === 'MEDIUM');
const unparsed = result.errors.filter((e) => !e.tolerable);
for (const e of result.errors) process.stdout.write(`${e.tolerable ? 'warning' : 'could not parse'}: ${e.file.replace(`${input}/`, '')}: ${e.message}\n`);
process.stdout.write(`electronegativity: ${failing.length} HIGH or MEDIUM finding(s), ${rows.length - failing.length} LOW or INFORMATIONAL, ${unparsed.length} file(s) not parsed\n`);
if (failing.length > 0 || unparsed.length > 0) {
  process.stdout.write('electronegativity: fix the findings above (docs/security.md, "The Electron door", says what each check wants)\n');
  process.exit(1);
}
