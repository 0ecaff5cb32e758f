// The pin-cost calls of the contract (issue 16): pinCost and rankPinCosts. The revision is fetched as
// the pins engine would fetch it (git sources by fetchGit, a github: revision from the local nixpkgs
// checkout or by its narHash), then PinCosts asks Nix and the machine's substituters.
import { homedir } from 'node:os';
import type { GentryHandlers, PinCostInfo, Settings } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { gentryCacheDir } from '../nix/locations.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { readSettings } from '../settings/settings.ts';
import { PinCosts, rankCosts } from './pin-cost.ts';
import { pinsFor } from './pin-services.ts';
import { checkPinFields, sourceFetch } from './pin-rules.ts';

/** One candidate revision as the calls take it. */
interface Candidate {
  source: string;
  rev: string;
  narHash?: string | null | undefined;
  date?: string | null | undefined;
}

/** The handlers for the cost of a pin. */
export function pinCostHandlers(deps: ServiceDeps, options: { cacheDir?: string | null; env?: NodeJS.ProcessEnv } = {}): Pick<GentryHandlers, 'pinCost' | 'rankPinCosts'> {
  const cacheDir = options.cacheDir !== undefined ? options.cacheDir : gentryCacheDir(process.env, homedir());
  const costs = new PinCosts({
    run: deps.run,
    log: deps.log,
    cacheDir,
    ...(options.env ? { env: options.env } : {}),
    evalTimeoutMs: 300_000,
    requestTimeoutMs: 5_000,
    concurrency: 16,
    missTtlMs: 3_600_000, // Nix's own narinfo-cache-negative-ttl
    now: () => Date.now(),
  });
  const settings = async (): Promise<Pick<Settings, 'nixpkgsGit'>> => {
    try {
      return await readSettings(deps.configDir);
    } catch (err) {
      deps.log.warn(`the settings cannot be read (${(err as Error).message}); no local nixpkgs checkout is used for the cost`);
      return { nixpkgsGit: null };
    }
  };
  const costOf = async (attr: string, c: Candidate): Promise<PinCostInfo> => {
    checkPinFields(attr, c.source, c.rev);
    const pins = pinsFor(deps, await settings(), { cacheDir });
    const route = await pins.fetchFor(c.source, c.rev, c.narHash ?? null);
    if (route === null) {
      return { state: 'failed', attr, source: c.source, rev: c.rev, reason: `Nix cannot fetch ${c.source} at ${c.rev.slice(0, 12)} here: its archive's hash is not known (no network?) and no local nixpkgs checkout has that revision` };
    }
    return costs.cost(c.source, c.rev, attr, route.fetch);
  };
  /** The commit date of a revision of a git source, when git can say; null otherwise. */
  const dateOf = async (c: Candidate): Promise<string | null> => {
    if (c.date) return c.date;
    const f = sourceFetch(c.source);
    if (f.kind !== 'git' || !f.url.startsWith('file://')) return null;
    const res = await deps.run('git', ['-C', decodeURIComponent(f.url.slice('file://'.length)), 'show', '-s', '--format=%cI', c.rev], { timeoutMs: 30_000 });
    const date = res.stdout.trim();
    return res.code === 0 && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : null;
  };
  return {
    pinCost: async ({ attr, ...c }) => costOf(attr, c),
    rankPinCosts: async ({ attr, candidates }) => {
      const seen = new Set<string>();
      const entries = [];
      // One at a time: each may fetch and evaluate a whole nixpkgs.
      for (const c of candidates) {
        const key = `${c.source} ${c.rev}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const date = await dateOf(c);
        let cost: PinCostInfo;
        try {
          cost = await costOf(attr, c);
        } catch (err) {
          if (!(err instanceof GentryError)) throw err;
          cost = { state: 'failed', attr, source: c.source, rev: c.rev, reason: err.message };
        }
        entries.push({ source: c.source, rev: c.rev, date, cost });
      }
      return { attr, ranked: rankCosts(entries) };
    },
  };
}
