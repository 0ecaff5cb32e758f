// `gentry list`, `gentry diff guix-…:N guix-…:M` and `gentry history --profile guix-…` as whole processes on
// Guix profiles laid out as Guix lays them out, against Guix's own reading of the same profiles (the oracle).
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuixDiffSchema, type GuixProfile, ProfileListSchema } from '../../common/contract/index.ts';
import { ensureGuixOracle, type GuixOracleProfile, guixOracleJson } from '../../test-support/guix-oracle.ts';
import { type EntrySpec, GuixWorld, manifestText, provenanceText, storeName } from '../../test-support/guix-world.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');
const guixChannel = (commit: string) => ({ name: 'guix', url: 'https://git.guix.gnu.org/guix.git', branch: 'master', commit });
const nonguix = (commit: string) => ({ name: 'nonguix', url: 'https://gitlab.com/nonguix/nonguix', branch: 'master', commit });
const e = (name: string, version: string, more: Partial<EntrySpec> = {}): EntrySpec => ({ name, version, ...more });
const glibc = e('glibc', '2.41');

let dir: string;
let world: GuixWorld;
const oracle: Record<string, GuixOracleProfile> = {};

function build(w: GuixWorld): void {
  // System 1, 2, [3 deleted], 4; current 2 (a roll-back). guix's commit moves each time, nonguix comes in at 4.
  const boot = (v: string) => ({ version: 1 as const, label: `GNU with Linux-Libre ${v}`, root: { label: 'guix-root' }, kernel: `${storeName(`linux-libre-${v}`)}/bzImage`, args: ['quiet'] });
  w.systemGeneration(1, { boot: boot('6.12.3'), provenance: provenanceText([guixChannel('1'.repeat(40))], '/etc/config.scm'), manifest: manifestText([e('coreutils', '9.1'), e('nss-certs', '3.101')], 4) });
  w.systemGeneration(2, { boot: boot('6.12.9'), provenance: provenanceText([guixChannel('2'.repeat(40))], '/etc/config.scm'), manifest: manifestText([e('coreutils', '9.1'), e('nss-certs', '3.107'), e('openssh', '10.0p1')], 4) });
  w.systemGeneration(4, { boot: boot('6.13.1'), provenance: provenanceText([guixChannel('4'.repeat(40)), nonguix('9'.repeat(40))], '/etc/config.scm'), manifest: manifestText([e('coreutils', '9.1'), e('nss-certs', '3.107'), e('linux-firmware', '20250708')], 4) });
  w.setCurrent(w.system, 2, 'absolute');
  // Home 1, 2; current 2.
  w.homeGeneration('alice', 1, { provenance: provenanceText([guixChannel('a'.repeat(40))], '/home/alice/home.scm'), manifest: manifestText([e('emacs', '30.1')], 4) });
  w.homeGeneration('alice', 2, { provenance: provenanceText([guixChannel('b'.repeat(40))], '/home/alice/home.scm'), manifest: manifestText([e('emacs', '30.2'), e('git', '2.47.1', { deps: [glibc] })], 4) });
  w.setCurrent(w.home('alice'), 2, 'absolute');
  // User 1 (v3), [2 deleted], 3 (v4): an upgrade, a downgrade, an output added, a removal, an addition, and the
  // same version from another store item (a graft or a rebuild).
  w.userGeneration('alice', 1, manifestText([e('git', '2.41.0', { deps: [glibc] }), e('hello', '2.12.1'), e('python', '3.11.14'), e('ripgrep', '14.1.1'), e('zstd', '1.5.6', { output: 'lib' })], 3));
  w.userGeneration('alice', 3, manifestText([e('git', '2.47.1', { deps: [glibc] }), e('git', '2.47.1', { output: 'send-email', deps: [glibc] }), e('python', '3.10.16'), e('ripgrep', '14.1.1', { item: storeName('ripgrep-14.1.1', 'rebuilt') }), e('zstd', '1.5.6', { output: 'lib' }), e('emacs', '30.2')], 4));
  w.setCurrent(w.userProfile('alice'), 3, 'relative');
}

beforeAll(() => {
  ensureGuixOracle();
  dir = mkdtempSync(join(tmpdir(), 'gentry-guix-cli-'));
  world = new GuixWorld(join(dir, 'root'));
  build(world);
  for (const [kind, p] of [['guix-system', world.system], ['guix-home', world.home('alice')], ['guix-user', world.userProfile('alice')]] as const) oracle[kind] = guixOracleJson(p);
  mkdirSync(join(dir, 'home'));
}, 900_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** gentry with a home where Nix has nothing, the Guix state directory the environment names (or none). */
const run = (env: Record<string, string>, ...args: string[]): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [BIN, ...args, '--system-profile', join(dir, 'no-nix/system')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: join(dir, 'state'), USER: 'alice', GUIX_STATE_DIRECTORY: join(dir, 'no-guix'), ...env },
  });
const guixEnv = () => ({ GUIX_STATE_DIRECTORY: world.state });

type OracleEntry = { name: string; version: string; output: string; item: string };
const oracleGeneration = (kind: string, n: number) => oracle[kind]!.generations.find((g) => g.number === n) as { manifest: OracleEntry[]; provenance?: { channels: { name: string; url: string; branch: string | null; commit: string | null }[] } };

/** The expected package changes from Guix's own manifests: by name and output, the versions and items on each side. */
function expectedChanges(kind: string, a: number, b: number) {
  const byKey = (n: number) => {
    const m = new Map<string, OracleEntry[]>();
    for (const x of oracleGeneration(kind, n).manifest) m.set(`${x.name}:${x.output}`, [...(m.get(`${x.name}:${x.output}`) ?? []), x]);
    return m;
  };
  const [ma, mb] = [byKey(a), byKey(b)];
  const out: { key: string; before: string[]; after: string[]; itemsBefore: string[]; itemsAfter: string[] }[] = [];
  for (const key of [...new Set([...ma.keys(), ...mb.keys()])].sort()) {
    const items = (xs: OracleEntry[] | undefined) => [...new Set((xs ?? []).map((x) => x.item))].sort();
    if (items(ma.get(key)).join() === items(mb.get(key)).join()) continue;
    out.push({ key, before: [...new Set((ma.get(key) ?? []).map((x) => x.version))], after: [...new Set((mb.get(key) ?? []).map((x) => x.version))], itemsBefore: items(ma.get(key)), itemsAfter: items(mb.get(key)) });
  }
  return out;
}

describe('gentry list with Guix profiles (oracle: Guix\'s own code)', () => {
  let compared = 0;
  afterAll(() => console.log(`guix cli oracle: ${compared} fields of gentry list --json compared with Guix's reading`));

  it('lists the three Guix profiles beside Nix\'s, every generation as Guix reads it (numbers, current, dates, channels, packages)', () => {
    const r = run(guixEnv(), 'list', '--json');
    expect(r.status, r.stderr).toBe(0);
    const list = ProfileListSchema.parse(JSON.parse(r.stdout));
    const guix = list.guixProfiles!;
    expect(guix.map((p) => [p.kind, p.path])).toEqual([['guix-system', world.system], ['guix-home', world.home('alice')], ['guix-user', world.userProfile('alice')]]);
    for (const p of guix) {
      const o = oracle[p.kind]!;
      expect(p.generations.map((g) => g.number)).toEqual(o['generation-numbers']);
      expect(p.current).toBe(o.current);
      compared += 2;
      for (const g of p.generations) {
        const og = o.generations.find((x) => x.number === g.number) as { current: boolean; ctime: number; manifest: OracleEntry[]; provenance?: { channels: unknown[]; 'configuration-file': string | false } };
        expect(g.current).toBe(og.current);
        expect(Math.floor(Date.parse(g.date!) / 1000)).toBe(og.ctime);
        expect(g.packages).toEqual(og.manifest.map(({ name, version, output, item }) => ({ name, version, output, item })));
        compared += 2 + og.manifest.length * 4;
        if (p.kind !== 'guix-user') {
          expect(g.channels).toEqual(og.provenance!.channels.map((c) => { const { name, url, branch, commit } = c as Record<string, string | null>; return { name, url, branch: branch || null, commit: commit || null }; }));
          expect(g.configurationFile).toBe(og.provenance!['configuration-file'] || null);
          compared += og.provenance!.channels.length * 4 + 1;
        }
        expect(g.problem).toBeNull();
      }
    }
  });

  it('shows them in the text listing: channels shortened, the boot label, the package count, the current generation', () => {
    const r = run(guixEnv(), 'list');
    expect(r.status, r.stderr).toBe(0);
    const sys = r.stdout.slice(r.stdout.indexOf('guix-system'));
    const row = (n: number) => sys.split('\n').find((l) => l.trimStart().startsWith(`${n} `)) ?? '';
    expect(row(2)).toMatch(/guix@2222222 +GNU with Linux-Libre 6\.12\.9 +3 packages +current$/);
    expect(row(4)).toMatch(/guix@4444444 nonguix@9999999 +GNU with Linux-Libre 6\.13\.1 +3 packages$/);
    expect(r.stdout).toContain(`guix-user  ${world.userProfile('alice')}  (2 generations)`);
  });

  it('a machine without Guix: no guixProfiles key, the text listing has no Guix section', () => {
    const r = run({}, 'list', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['profiles', 'notices']);
    expect(run({}, 'list').stdout).not.toMatch(/^guix-(system|home|user) /m);
  });

  it('--guix-user-profile names a profile without a state directory; a named profile that is missing is listed with a problem', () => {
    const r = run({}, 'list', '--json', '--guix-user-profile', world.userProfile('alice'), '--guix-home-profile', join(dir, 'nowhere/guix-home'));
    expect(r.status, r.stderr).toBe(0);
    const guix: GuixProfile[] = ProfileListSchema.parse(JSON.parse(r.stdout)).guixProfiles!;
    expect(guix.map((p) => [p.kind, p.generations.length])).toEqual([['guix-home', 0], ['guix-user', 2]]);
    expect(guix[0]!.problem).toContain(join(dir, 'nowhere/guix-home'));
  });
});

describe('gentry diff and history on Guix generations (expected from Guix\'s own manifests)', () => {
  it('diff guix-user:1 guix-user:3: added, removed, upgraded, downgraded and changed packages by name and output', () => {
    const r = run(guixEnv(), 'diff', 'guix-user:1', 'guix-user:3', '--json');
    expect(r.status, r.stderr).toBe(0);
    const d = GuixDiffSchema.parse(JSON.parse(r.stdout));
    expect(d.from).toMatchObject({ kind: 'guix-user', number: 1, fileName: `${world.userProfile('alice')}-1-link` });
    const expected = expectedChanges('guix-user', 1, 3);
    expect(d.packages.map((p) => ({ key: `${p.name}:${p.output}`, before: p.before, after: p.after, itemsBefore: p.itemsBefore, itemsAfter: p.itemsAfter }))).toEqual(expected);
    expect(Object.fromEntries(d.packages.map((p) => [`${p.name}:${p.output}`, p.status]))).toEqual({ 'emacs:out': 'added', 'git:out': 'upgraded', 'git:send-email': 'added', 'hello:out': 'removed', 'python:out': 'downgraded', 'ripgrep:out': 'changed' });
    expect(d.channels).toEqual([]);
    expect(d.summary).toEqual({ added: 2, removed: 1, upgraded: 1, downgraded: 1, changed: 1, channelsMoved: 0 });
  });

  it('diff guix-system:1 guix-system:4: the packages and the channel commits that moved (nonguix added)', () => {
    const r = run(guixEnv(), 'diff', 'guix-system:1', 'guix-system:4', '--json');
    expect(r.status, r.stderr).toBe(0);
    const d = GuixDiffSchema.parse(JSON.parse(r.stdout));
    expect(d.packages.map((p) => ({ key: `${p.name}:${p.output}`, before: p.before, after: p.after, itemsBefore: p.itemsBefore, itemsAfter: p.itemsAfter }))).toEqual(expectedChanges('guix-system', 1, 4));
    const [c1, c4] = [oracleGeneration('guix-system', 1).provenance!.channels, oracleGeneration('guix-system', 4).provenance!.channels];
    expect(d.channels).toEqual([
      { name: 'guix', url: c4[0]!.url, before: c1[0]!.commit, after: c4[0]!.commit },
      { name: 'nonguix', url: c4[1]!.url, before: null, after: c4[1]!.commit },
    ]);
    const text = run(guixEnv(), 'diff', 'guix-system:1', 'guix-system:4');
    expect(text.stdout).toContain('guix-system 1 → guix-system 4');
    expect(text.stdout).toMatch(/guix +111111111111 → 444444444444/);
    expect(text.stdout).toMatch(/\[U\] nss-certs +3\.101 → 3\.107/);
  });

  it('diff guix-home:1 guix-home:2 across the home profile', () => {
    const r = run(guixEnv(), 'diff', 'guix-home:1', 'guix-home:2', '--json');
    expect(r.status, r.stderr).toBe(0);
    const d = GuixDiffSchema.parse(JSON.parse(r.stdout));
    expect(d.packages.map((p) => `${p.name}:${p.status}`)).toEqual(expectedChanges('guix-home', 1, 2).map((x) => `${x.key.split(':')[0]}:${x.before.length === 0 ? 'added' : 'upgraded'}`));
    expect(d.channels.map((c) => [c.before, c.after])).toEqual([['a'.repeat(40), 'b'.repeat(40)]]);
  });

  it('history --profile guix-system: each generation against the one before it, over the holes', () => {
    const r = run(guixEnv(), 'history', '--profile', 'guix-system', '--json');
    expect(r.status, r.stderr).toBe(0);
    const h = JSON.parse(r.stdout) as { profile: string; diffs: unknown[] };
    const diffs = h.diffs.map((x) => GuixDiffSchema.parse(x));
    const numbers = oracle['guix-system']!['generation-numbers'];
    expect(diffs.map((x) => [x.from.number, x.to.number])).toEqual(numbers.slice(1).map((n, i) => [numbers[i], n]));
    expect(diffs[1]!.packages.map((p) => ({ key: `${p.name}:${p.output}`, before: p.before, after: p.after, itemsBefore: p.itemsBefore, itemsAfter: p.itemsAfter }))).toEqual(expectedChanges('guix-system', 2, 4));
    const last = run(guixEnv(), 'history', '--profile', 'guix-system', '--last', '1', '--json');
    expect((JSON.parse(last.stdout) as { diffs: unknown[] }).diffs).toHaveLength(1);
  });

  it('bad input: a deleted generation, a Guix side against a Nix side, a machine without Guix', () => {
    const hole = run(guixEnv(), 'diff', 'guix-user:2', 'guix-user:3');
    expect(hole.status).toBe(2);
    expect(hole.stderr).toContain('guix-user has no generation 2');
    const mixed = run(guixEnv(), 'diff', 'guix-user:1', '3');
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('Gentry compares Guix generations with Guix generations');
    const none = run({}, 'history', '--profile', 'guix-home');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('this machine has no guix-home profile');
  });
});
