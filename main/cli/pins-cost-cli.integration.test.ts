// `gentry pins add --dry-run` and `gentry pins suggest --cost` as whole processes (issue 16), against real
// Nix and a real binary cache (`nix copy --to file://…`, named in NIX_CONFIG as the machine's only
// substituter). Oracles: Nix's own `nix-store --realise --dry-run` and the narinfos Nix wrote.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PinCostSchema, PinSchema, RankedPinCostSchema } from '../../common/contract/index.ts';
import { formatSize } from '../../common/format-size.ts';
import { type CostCase, makeCostCase, narinfoSizes, nixDryRun, unreachableUrl } from '../../test-support/pin-cost-fixtures.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');
const tmp = mkdtempSync(join(tmpdir(), 'gentry-pins-cost-cli-'));
// No machine profiles: the pins' generation checks find nothing, which is not what these tests are about.
const machine = ['--system-profile', join(tmp, 'none/system'), '--home-profile', join(tmp, 'none/home'), '--user-profile', join(tmp, 'none/user'), '--booted-system', join(tmp, 'none/booted')];

describe('gentry pins add --dry-run and pins suggest --cost', () => {
  let made: CostCase;
  const run = (substituter: string, ...args: string[]) =>
    spawnSync(process.execPath, [BIN, 'pins', ...args, ...machine], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: join(tmp, 'cache'), XDG_CONFIG_HOME: join(tmp, 'config'), NIX_CONFIG: `substituters = ${substituter}\nrequire-sigs = false\nexperimental-features = nix-command` },
    });
  const fileCache = () => `file://${made.cacheDir}`;

  beforeAll(() => {
    made = makeCostCase(tmp);
  }, 240_000);
  afterAll(() => {
    made?.remove();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('add --dry-run of a revision wholly in the cache: fetch Σ FileSize, build nothing, as Nix says; nothing written', () => {
    const dir = join(tmp, 'overlay');
    const rev = made.repo.revs[1] as string;
    const r = run(fileCache(), 'add', 'kicad', '--overlay', dir, '--source', made.repo.source, '--rev', rev, '--dry-run', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { added: boolean; dryRun: boolean; entry: unknown; cost: unknown };
    expect(out).toMatchObject({ added: false, dryRun: true });
    expect(PinSchema.parse(out.entry)).toMatchObject({ attr: 'kicad', version: '8.0.1', rev });
    const cost = PinCostSchema.parse(out.cost);
    if (cost.state !== 'checked') throw new Error(JSON.stringify(cost));
    const oracle = nixDryRun(made.drv.b.kicad, [fileCache()]);
    expect(oracle.built).toEqual([]);
    expect(cost.toBuild).toEqual([]);
    expect(cost.toFetch.map((f) => f.path).sort()).toEqual([...oracle.fetched].sort());
    const bytes = oracle.fetched.reduce((s, p) => s + narinfoSizes(made.cacheDir, p).fileSize, 0);
    expect(cost.downloadBytes).toBe(bytes);
    expect(existsSync(join(dir, 'pins.json'))).toBe(false);

    const text = run(fileCache(), 'add', 'kicad', '--overlay', dir, '--source', made.repo.source, '--rev', rev, '--dry-run');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`nothing was written.\n\nCost: fetch ${formatSize(bytes)} from ${made.cacheDir}, build nothing\n`);
    expect(existsSync(dir)).toBe(false);
  });

  it('add --dry-run of a revision whose kicad is not cached: exactly that derivation to build (Nix\'s dry run agrees)', () => {
    const r = run(fileCache(), 'add', 'kicad', '--overlay', join(tmp, 'overlay'), '--source', made.repo.source, '--rev', made.repo.revs[2] as string, '--dry-run', '--json');
    expect(r.status, r.stderr).toBe(0);
    const cost = PinCostSchema.parse((JSON.parse(r.stdout) as { cost: unknown }).cost);
    if (cost.state !== 'checked') throw new Error(JSON.stringify(cost));
    const oracle = nixDryRun(made.drv.c.kicad, [fileCache()]);
    expect(cost.toBuild.map((b) => b.drvPath)).toEqual(oracle.built);
    expect(oracle.built).toEqual([made.drv.c.kicad]);
    expect(cost.toFetch.map((f) => f.path).sort()).toEqual([...oracle.fetched].sort());
  });

  it('add --dry-run with the cache unreachable: not checked, with the reason, and no figure', async () => {
    const down = await unreachableUrl();
    const r = run(down, 'add', 'kicad', '--overlay', join(tmp, 'overlay'), '--source', made.repo.source, '--rev', made.repo.revs[1] as string, '--dry-run', '--json');
    expect(r.status, r.stderr).toBe(0);
    const cost = PinCostSchema.parse((JSON.parse(r.stdout) as { cost: unknown }).cost);
    expect(cost).toMatchObject({ state: 'not-checked', substituters: [{ url: down, reachable: false, reason: `${down} cannot be reached (ECONNREFUSED)`, has: 0 }] });
    const text = run(down, 'add', 'kicad', '--overlay', join(tmp, 'overlay'), '--source', made.repo.source, '--rev', made.repo.revs[1] as string, '--dry-run');
    expect(text.stdout).toContain(`Cost: not checked: no substituter could be reached, so what would be fetched is unknown: ${down} cannot be reached (ECONNREFUSED)\n`);
    expect(text.stdout).not.toMatch(/Cost: (fetch|build)/);
  });

  it('suggest --cost ranks three revisions: the cached one first, then the one with nothing to download, then the newest that builds', () => {
    const revs = made.repo.revs;
    const r = run(fileCache(), 'suggest', 'kicad', '--cost', '--source', made.repo.source, '--rev', revs.join(','), '--json');
    expect(r.status, r.stderr).toBe(0);
    const ranked = (JSON.parse(r.stdout) as { ranked: unknown[] }).ranked.map((x) => RankedPinCostSchema.parse(x));
    expect(ranked.map((x) => x.rev)).toEqual([revs[1], revs[0], revs[2]]);
    expect(ranked.map((x) => x.date)).toEqual([made.repo.dates[1], made.repo.dates[0], made.repo.dates[2]].map((d) => d?.toISOString()));
    // Each revision's builds are the ones Nix's own dry run names.
    for (const [x, k] of [[ranked[0], 'b'], [ranked[1], 'a'], [ranked[2], 'c']] as const) {
      if (x?.cost.state !== 'checked') throw new Error(JSON.stringify(x));
      expect(x.cost.toBuild.map((b) => b.drvPath).sort()).toEqual(nixDryRun(made.drv[k].kicad, [fileCache()]).built.sort());
    }
    const text = run(fileCache(), 'suggest', 'kicad', '--cost', '--source', made.repo.source, '--rev', revs.join(','));
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Revisions for kicad, cheapest first:\n  1. ${made.repo.source} ${revs[1]?.slice(0, 12)} 2025-01-01   fetch `);
    expect(text.stdout).toContain(`  2. ${made.repo.source} ${revs[0]?.slice(0, 12)} 2024-01-01   build 3 derivations including gcc-13.2.0, fetch nothing\n`);
    expect(text.stdout).toContain(`Pin the first: gentry pins add kicad --overlay DIR --source ${made.repo.source} --rev ${revs[1]}`);
  });
});
