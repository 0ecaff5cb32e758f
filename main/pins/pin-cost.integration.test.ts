// The cost of a pin against real Nix (issue 16): a nixpkgs-shaped git repository with three revisions
// of kicad-8.0.1 (each with its own "gcc-13.2.0" under libfoo; libbar shared and built here), a binary
// cache written by `nix copy --to file://…` served over HTTP from this process, and substituters that
// time out, say 404, or refuse connections. The oracles are Nix's own dry-run output (read line by line
// in the fixture, not with Gentry's parser) and the narinfo files Nix wrote.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../infra/log.ts';
import { runProcess } from '../infra/process.ts';
import {
  type CostCase, type CostDrvs, type CostRepo, makeCostCase, narinfoSizes, nixDryRun, nixOut, serve404, serveCache, serveNothing, type TestServer, unreachableUrl,
} from '../../test-support/pin-cost-fixtures.ts';
import { NarinfoLookup } from './narinfo.ts';
import { type PinCost, PinCosts, type PinCostEnv } from './pin-cost.ts';

process.env.NIX_CONFIG = 'substituters =\nexperimental-features = nix-command';
const tmp = mkdtempSync(join(tmpdir(), 'gentry-pin-cost-'));
const cacheDir = join(tmp, 'binary-cache'); // makeCostCase's
const MiB = 1024 * 1024;

/** The environment of one test: NIX_CONFIG names these substituters, Nix's own caches live under tmp. */
const envWith = (substituters: string[]): NodeJS.ProcessEnv => ({
  ...process.env,
  XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
  NIX_CONFIG: `substituters = ${substituters.join(' ')}\nrequire-sigs = false`,
});

describe('the cost of a pin, with real Nix and a real binary cache', () => {
  let repo: CostRepo;
  let cache: TestServer;
  let silent: TestServer;
  let notFound: TestServer;
  let refused: string;
  const clock = Date.parse('2026-12-03T12:00:00Z');
  // revs[0] (2024): nothing of its own anywhere; revs[1] (2025): its whole closure in the cache; revs[2] (2026): all but kicad in the cache.
  let drv: CostDrvs;
  const costs = (substituters: string[], over: Partial<PinCostEnv> = {}) =>
    new PinCosts({ run: runProcess, log: silentLogger, cacheDir: join(tmp, 'gentry-cache'), env: envWith(substituters), evalTimeoutMs: 120_000, requestTimeoutMs: 1500, concurrency: 4, missTtlMs: 3_600_000, now: () => clock, ...over });
  const fetchOf = (rev: string) => ({ kind: 'git' as const, url: `file://${repo.dir}`, rev });
  const costOf = (c: PinCosts, i: number) => c.cost(repo.source, repo.revs[i] as string, 'kicad', fetchOf(repo.revs[i] as string));
  const checked = (cost: PinCost) => {
    if (cost.state !== 'checked') throw new Error(`expected a checked cost, got ${JSON.stringify(cost)}`);
    return cost;
  };

  let made: CostCase | null = null;

  beforeAll(async () => {
    made = makeCostCase(tmp);
    ({ repo, drv } = made);
    cache = await serveCache(cacheDir);
    silent = await serveNothing();
    notFound = await serve404();
    refused = await unreachableUrl();
  }, 240_000);
  afterAll(async () => {
    await Promise.all([cache, silent, notFound].filter(Boolean).map((s) => s.close()));
    made?.remove();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a revision wholly in the cache: fetch N bytes (the narinfos\' FileSize), build nothing; the paths are Nix\'s', async () => {
    const cost = checked(await costOf(costs([cache.url]), 1));
    const oracle = nixDryRun(drv.b.kicad, [`file://${cacheDir}`]);
    expect(oracle.built).toEqual([]);
    expect(cost.drvPath).toBe(drv.b.kicad);
    expect(cost.toBuild).toEqual([]);
    expect(cost.toFetch.map((f) => f.path).sort()).toEqual([...oracle.fetched].sort());
    expect(cost.toFetch.map((f) => f.path.replace(/^.*?-/, '')).sort()).toEqual(['gcc-13.2.0', 'kicad-8.0.1', 'libfoo-1.0']);
    const sizes = oracle.fetched.map((p) => narinfoSizes(cacheDir, p));
    expect(cost.downloadBytes).toBe(sizes.reduce((s, x) => s + x.fileSize, 0));
    expect(cost.unpackedBytes).toBe(sizes.reduce((s, x) => s + x.narSize, 0));
    // Nix's own line rounds to 0.01 MiB: Gentry's exact sums give the same figures.
    expect(oracle.fetchLine).toContain(`(${(cost.downloadBytes / MiB).toFixed(2)} MiB download, ${(cost.unpackedBytes / MiB).toFixed(2)} MiB unpacked)`);
    expect(cost.substituters).toEqual([{ url: cache.url, reachable: true, reason: null, has: 3 }]);
    expect(cost.toFetch.every((f) => f.from === cache.url)).toBe(true);
    expect(cost.outputsInStore).toBe(false);
    expect(cost.via).toBe('nix build --dry-run --json'); // Nix 2.8 has it
  });

  it('a revision with its own package missing from the cache: exactly that derivation to build, the same through both dry runs', async () => {
    const oracle = nixDryRun(drv.c.kicad, [`file://${cacheDir}`]);
    expect(oracle.built).toEqual([drv.c.kicad]);
    for (const dryRunWith of ['nix-build', 'nix-store'] as const) {
      const cost = checked(await costOf(costs([cache.url], { dryRunWith }), 2));
      expect(cost.via).toBe(dryRunWith === 'nix-build' ? 'nix build --dry-run --json' : 'nix-store --realise --dry-run');
      expect(cost.toBuild).toEqual([{ drvPath: drv.c.kicad, name: 'kicad', version: '8.0.1', big: false }]);
      expect(cost.bigBuilds).toEqual([]);
      expect(cost.toFetch.map((f) => f.path).sort()).toEqual([...oracle.fetched].sort());
      expect(cost.toFetch).toHaveLength(2); // gcc and libfoo; libbar is in the local store
      expect(cost.downloadBytes).toBe(oracle.fetched.reduce((s, p) => s + narinfoSizes(cacheDir, p).fileSize, 0));
      expect(cost.outputs).toEqual([nixOut('nix-store', ['--query', '--outputs', drv.c.kicad])]);
    }
  });

  it('a revision nothing has: three derivations to build, the compiler named, nothing to download', async () => {
    const cost = checked(await costOf(costs([cache.url]), 0));
    const oracle = nixDryRun(drv.a.kicad, [`file://${cacheDir}`]);
    expect(cost.toBuild.map((b) => b.drvPath).sort()).toEqual([...oracle.built].sort());
    expect(cost.toBuild.map((b) => b.drvPath).sort()).toEqual([drv.a.kicad, drv.a.libfoo, drv.a.gcc].sort());
    expect(cost.bigBuilds).toEqual(['gcc-13.2.0']);
    expect(cost.toFetch).toEqual([]);
    expect(cost.downloadBytes).toBe(0);
    expect(cost.substituters[0]?.has).toBe(0);
  });

  it('no substituter reachable (one silent, one 404, one refusing): not checked, with each reason, within the timeouts', async () => {
    const started = Date.now();
    const cost = await costOf(costs([silent.url, notFound.url, refused]), 1);
    expect(Date.now() - started).toBeLessThan(20_000);
    if (cost.state !== 'not-checked') throw new Error(`expected not-checked, got ${JSON.stringify(cost)}`);
    expect(cost.reason).toMatch(/^no substituter could be reached/);
    expect(cost.substituters.map((s) => [s.url, s.reachable])).toEqual([[silent.url, false], [notFound.url, false], [refused, false]]);
    expect(cost.substituters[0]?.reason).toBe(`${silent.url} did not answer within 1.5 s`);
    expect(cost.substituters[1]?.reason).toBe(`${notFound.url} has no nix-cache-info, so it is not a binary cache`);
    expect(cost.substituters[2]?.reason).toBe(`${refused} cannot be reached (ECONNREFUSED)`);
    // The local fact: Nix without substituters would build these (kicad, libfoo, gcc of revision 2025).
    expect(cost.missingLocally).toBe(nixDryRun(drv.b.kicad, []).built.length);
    expect(cost.missingLocally).toBe(3);
  });

  it('one substituter down and one up: checked against the one that answers, the other named with its reason', async () => {
    const cost = checked(await costOf(costs([refused, cache.url]), 1));
    expect(cost.toBuild).toEqual([]);
    expect(cost.substituters).toEqual([
      { url: refused, reachable: false, reason: `${refused} cannot be reached (ECONNREFUSED)`, has: 0 },
      { url: cache.url, reachable: true, reason: null, has: 3 },
    ]);
  });

  it('ranks the three revisions: nothing to build first, then the smallest download, then the newest', async () => {
    const c = costs([cache.url]);
    const ranked = await c.cheapest('kicad', repo.revs.map((rev, i) => ({ source: repo.source, rev, date: repo.dates[i] as Date, fetch: fetchOf(rev) })));
    expect(ranked.map((r) => r.rev)).toEqual([repo.revs[1], repo.revs[0], repo.revs[2]]);
    const [b, a, cc] = ranked.map((r) => checked(r.cost));
    expect([b?.toBuild.length, a?.toBuild.length, cc?.toBuild.length]).toEqual([0, 3, 1]);
    expect(a?.downloadBytes).toBe(0);
    expect(cc?.downloadBytes).toBeGreaterThan(0);
  });

  it('remembers: the .drv per revision and attribute, narinfo hits for good; a miss is asked again once it expires', async () => {
    const c = costs([cache.url]);
    await costOf(c, 1);
    const before = [...cache.requests.entries()].filter(([p]) => p.endsWith('.narinfo')).reduce((s, [, n]) => s + n, 0);
    const again = checked(await costOf(costs([cache.url]), 1)); // a new engine: from the on-disk cache
    const after = [...cache.requests.entries()].filter(([p]) => p.endsWith('.narinfo')).reduce((s, [, n]) => s + n, 0);
    expect(after).toBe(before);
    expect(again.downloadBytes).toBeGreaterThan(0);

    const lookup = (now: number) => new NarinfoLookup({ log: silentLogger, cacheDir: join(tmp, 'gentry-cache'), timeoutMs: 1500, concurrency: 2, missTtlMs: 60_000, now: () => now });
    const missing = drv.a.kicad.replace(/\.drv$/, ''); // not a real output path, but a well-formed one the cache lacks
    const key = `/${/([0-9a-z]{32})-/.exec(missing)?.[1]}.narinfo`;
    expect(await lookup(clock).lookup(cache.url, missing)).toEqual({ state: 'miss' });
    expect(await lookup(clock + 59_000).lookup(cache.url, missing)).toEqual({ state: 'miss' });
    expect(cache.requests.get(key)).toBe(1);
    expect(await lookup(clock + 61_000).lookup(cache.url, missing)).toEqual({ state: 'miss' });
    expect(cache.requests.get(key)).toBe(2);
  });

  it('keeps to the concurrency cap over a real socket (and without the cap all requests are in flight at once)', async () => {
    // The server answers narinfo requests only once `hold` of them are waiting at once.
    const run = async (count: number, concurrency: number, hold: number, timeoutMs: number) => {
      const paths = Array.from({ length: count }, (_, i) => `/nix/store/${String(i).padStart(32, 'q')}-x`);
      const server = await serveCache(cacheDir, { holdNarinfos: hold });
      try {
        const l = new NarinfoLookup({ log: silentLogger, cacheDir: null, timeoutMs, concurrency, missTtlMs: 60_000, now: () => clock });
        const answers = await l.lookupAll([server.url], paths);
        expect([...server.requests.values()].reduce((s, n) => s + n, 0)).toBe(count);
        const states = [...(answers.get(server.url)?.values() ?? [])].map((a) => (a.state === 'error' ? a.reason.replace(server.url, 'SERVER') : a.state));
        return { states, maxInFlight: server.maxInFlight };
      } finally {
        await server.close();
      }
    };
    // Uncapped: all 12 are waiting together, so all are answered.
    expect(await run(12, 12, 12, 5000)).toEqual({ states: Array(12).fill('miss'), maxInFlight: 12 });
    // Capped at 2: answered in pairs.
    expect(await run(12, 2, 2, 5000)).toEqual({ states: Array(12).fill('miss'), maxInFlight: 2 });
    // Capped at 2 against a server that waits for 3: never 3 at once, so every request runs into its timeout.
    expect(await run(4, 2, 3, 400)).toEqual({ states: Array(4).fill('SERVER did not answer within 0.4 s'), maxInFlight: 2 });
  });
});
