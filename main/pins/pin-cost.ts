// The cost of a pin before it is written (issue 16): instantiate the attribute at the revision
// (`nix-instantiate`, the derivation path cached per source+revision+attribute), ask Nix what realising
// it would do (`nix build --dry-run --json` where Nix has it, else `nix-store --realise --dry-run`),
// then ask each reachable substituter for the narinfos of what Nix would fetch, for the sizes and for
// which cache has what. No substituter reachable: "not checked", with the reasons, never a guess.
// And the cheapest of several candidate revisions.
import { z } from 'zod';
import type { Logger } from '../infra/log.ts';
import { nixEnv, type ProcessRunner } from '../infra/process.ts';
import { type EvalFetch, nixErrorText } from './attr-eval.ts';
import { jsonCache, type JsonCache } from './json-cache.ts';
import { NarinfoLookup } from './narinfo.ts';
import { isBigBuild, parseBuildJson, parseDryRun, parseNixVersion, storeName, versionAtLeast } from './pin-cost-parse.ts';
import { byPriority, machineNixEnv, machineSubstituters, probeSubstituters, type SubstituterState } from './substituters.ts';

/** A derivation Nix would build. */
export interface BuildItem {
  drvPath: string;
  /** The name part of the derivation's name (gcc), and its version (13.2.0). */
  name: string;
  version: string;
  /** A compiler or toolchain (see isBigBuild). */
  big: boolean;
}

/** A path Nix would fetch, with the narinfo of the first cache (in Nix's order) that has it. */
export interface FetchItem {
  path: string;
  /** The cache it comes from; null when no reachable cache answered for it (Nix's own answer was older). */
  from: string | null;
  fileSize: number | null;
  narSize: number | null;
}

/** One substituter as the cost saw it. */
export interface SubstituterReport {
  url: string;
  reachable: boolean;
  /** Why it was not asked (unreachable, not a binary cache, not http/file); null when it was. */
  reason: string | null;
  /** How many of the paths to fetch it has. */
  has: number;
}

/** What realising a pinned attribute would cost. */
export type PinCost =
  | {
      state: 'checked';
      attr: string;
      source: string;
      rev: string;
      drvPath: string;
      outputs: string[];
      /** The command whose dry run this is. */
      via: 'nix build --dry-run --json' | 'nix-store --realise --dry-run';
      /** True when every output is already in the local store: nothing to do. */
      outputsInStore: boolean;
      /** Paths of the derivation's closure (sources and outputs) already in the local store. */
      inStore: number;
      toBuild: BuildItem[];
      /** The full names (gcc-13.2.0) of the compilers and toolchains among toBuild. */
      bigBuilds: string[];
      toFetch: FetchItem[];
      /** Σ FileSize and Σ NarSize over toFetch, from the narinfos. */
      downloadBytes: number;
      unpackedBytes: number;
      /** Paths Nix named that it can neither build nor fetch. */
      unknown: string[];
      substituters: SubstituterReport[];
      /** Nix's own rounded figures, for comparison. */
      nix: { downloadBytes: number | null; unpackedBytes: number | null };
    }
  | {
      state: 'not-checked';
      attr: string;
      source: string;
      rev: string;
      drvPath: string;
      reason: string;
      /** Derivations whose outputs are not in the local store (a fact, not a cost: some may be in a cache). */
      missingLocally: number;
      substituters: SubstituterReport[];
    }
  | { state: 'failed'; attr: string; source: string; rev: string; reason: string };

/** What the cost engine needs. */
export interface PinCostEnv {
  run: ProcessRunner;
  log: Logger;
  /** Gentry's cache directory ($XDG_CACHE_HOME/gentry); null keeps the caches in memory. */
  cacheDir: string | null;
  /** The environment Nix runs in (its NIX_CONFIG names the substituters); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** How long instantiating (and so fetching the revision) may take. */
  evalTimeoutMs: number;
  /** How long one substituter request may take. */
  requestTimeoutMs: number;
  /** How many narinfo requests run at once. */
  concurrency: number;
  /** How long a narinfo miss is believed. */
  missTtlMs: number;
  now: () => number;
  /** Which dry run: by Nix's version (default), or one of them. */
  dryRunWith?: 'auto' | 'nix-store' | 'nix-build';
}

// Like attr-eval.ts's expression, but it returns the derivation itself, for nix-instantiate to write.
const EXPRESSION = `{ kind, url, rev, sha256, attr }:
let
  src =
    if kind == "git" then builtins.fetchGit { inherit url rev; allRefs = true; }
    else builtins.fetchTarball ({ inherit url; } // (if sha256 == "" then { } else { inherit sha256; }));
  pkgs = import src { system = builtins.currentSystem; config = { }; overlays = [ ]; };
in
if pkgs ? \${attr} then pkgs.\${attr} else throw "nixpkgs at \${rev} has no attribute \${attr}"`;

const DRV = /^\/nix\/store\/[0-9a-z]{32}-[^/\s]+\.drv$/;

/** Computes pin costs, remembering derivation paths and narinfos. */
export class PinCosts {
  readonly #env: PinCostEnv;
  readonly #drvs: JsonCache<string>;
  readonly #narinfos: NarinfoLookup;
  #nixVersion: Promise<[number, number, number] | null> | null = null;

  constructor(env: PinCostEnv) {
    this.#env = env;
    this.#drvs = jsonCache(env.cacheDir, 'pin-cost-derivations', z.string().regex(DRV), env.log);
    this.#narinfos = new NarinfoLookup({ log: env.log, cacheDir: env.cacheDir, timeoutMs: env.requestTimeoutMs, concurrency: env.concurrency, missTtlMs: env.missTtlMs, now: env.now });
  }

  get #base(): NodeJS.ProcessEnv {
    return this.#env.env ?? process.env;
  }

  /** The .drv of `attr` at `rev`: from the cache while that .drv is still in the store, else from nix-instantiate. */
  async instantiate(source: string, rev: string, attr: string, fetch: EvalFetch): Promise<{ drvPath: string } | { drvPath: null; reason: string }> {
    const key = `${source} ${rev} ${attr}`;
    const known = await this.#drvs.get(key);
    if (known) {
      const valid = await this.#env.run('nix-store', ['--check-validity', known], { env: nixEnv(this.#base), timeoutMs: 30_000 });
      if (valid.code === 0) return { drvPath: known };
      this.#env.log.debug(`${known} is no longer in the store (collected); instantiating ${attr} again`);
    }
    const args = [
      '--expr', EXPRESSION,
      '--argstr', 'kind', fetch.kind,
      '--argstr', 'url', fetch.url,
      '--argstr', 'rev', fetch.kind === 'git' ? fetch.rev : '',
      '--argstr', 'sha256', fetch.kind === 'tarball' ? (fetch.sha256 ?? '') : '',
      '--argstr', 'attr', attr,
    ];
    const res = await this.#env.run('nix-instantiate', args, { env: nixEnv(this.#base), timeoutMs: this.#env.evalTimeoutMs });
    if (res.code === 127) return { drvPath: null, reason: 'nix-instantiate is not installed' };
    if (res.code !== 0) return { drvPath: null, reason: `nix-instantiate of ${attr} at ${rev.slice(0, 12)} failed: ${nixErrorText(res.stderr)}` };
    const drvPath = res.stdout.trim().split('\n').at(-1)?.replace(/!.*$/, '') ?? '';
    if (!DRV.test(drvPath)) return { drvPath: null, reason: `nix-instantiate printed ${JSON.stringify(res.stdout.slice(0, 200))}, not a derivation path` };
    await this.#drvs.set(key, drvPath);
    return { drvPath };
  }

  async #dryRunCommand(drvPath: string): Promise<{ file: string; args: string[]; via: 'nix build --dry-run --json' | 'nix-store --realise --dry-run'; json: boolean }> {
    const want = this.#env.dryRunWith ?? 'auto';
    let useBuild = want === 'nix-build';
    let caret = false;
    if (want !== 'nix-store') {
      this.#nixVersion ??= this.#env.run('nix', ['--version'], { env: nixEnv(this.#base), timeoutMs: 30_000 }).then((r) => (r.code === 0 ? parseNixVersion(r.stdout) : null));
      const v = await this.#nixVersion;
      // nix build --dry-run --json appeared with the nix command (2.4); from 2.13 a .drv path names the file itself and its outputs are `drv^*`.
      if (v && want === 'auto') useBuild = versionAtLeast(v, 2, 4);
      caret = v !== null && versionAtLeast(v, 2, 13);
    }
    if (useBuild) return { file: 'nix', args: ['build', '--dry-run', '--json', '--no-link', caret ? `${drvPath}^*` : drvPath], via: 'nix build --dry-run --json', json: true };
    return { file: 'nix-store', args: ['--realise', '--dry-run', drvPath], via: 'nix-store --realise --dry-run', json: false };
  }

  async #dryRun(drvPath: string, substituters: readonly string[]) {
    const cmd = await this.#dryRunCommand(drvPath);
    const seconds = String(Math.max(1, Math.ceil(this.#env.requestTimeoutMs / 1000)));
    const options = ['--option', 'substituters', substituters.join(' '), '--option', 'connect-timeout', seconds, '--option', 'stalled-download-timeout', seconds];
    const res = await this.#env.run(cmd.file, [...options, ...cmd.args], { env: machineNixEnv(this.#base), timeoutMs: this.#env.evalTimeoutMs });
    if (res.code !== 0) throw new Error(`${cmd.via} of ${drvPath} failed: ${nixErrorText(res.stderr)}`);
    const report = parseDryRun(res.stderr);
    let outputs: string[];
    if (cmd.json) outputs = parseBuildJson(res.stdout).flatMap((b) => Object.values(b.outputs));
    else {
      const q = await this.#env.run('nix-store', ['--query', '--outputs', drvPath], { env: nixEnv(this.#base), timeoutMs: 30_000 });
      if (q.code !== 0) throw new Error(`nix-store --query --outputs ${drvPath} failed: ${nixErrorText(q.stderr)}`);
      outputs = q.stdout.split('\n').filter(Boolean);
    }
    return { report, outputs, via: cmd.via };
  }

  /** What realising `attr` at `rev` of `source` (fetched as `fetch`) would fetch and build. */
  async cost(source: string, rev: string, attr: string, fetch: EvalFetch): Promise<PinCost> {
    const base = { attr, source, rev };
    const inst = await this.instantiate(source, rev, attr, fetch);
    if (inst.drvPath === null) return { state: 'failed', ...base, reason: inst.reason };
    const drvPath = inst.drvPath;
    try {
      const configured = await machineSubstituters(this.#env.run, this.#base);
      const states = await probeSubstituters(configured, this.#env.requestTimeoutMs);
      const order = byPriority(states);
      const report = (has: Map<string, number>): SubstituterReport[] =>
        states.map((s) => ({ url: s.url, reachable: s.reachable, reason: s.reachable ? null : s.reason, has: has.get(s.url) ?? 0 }));
      if (configured.length > 0 && order.length === 0) {
        const local = await this.#dryRun(drvPath, []);
        const why = states.map((s: SubstituterState) => (s.reachable ? '' : s.reason)).join('; ');
        return { state: 'not-checked', ...base, drvPath, reason: `no substituter could be reached, so what would be fetched is unknown: ${why}`, missingLocally: local.report.toBuild.length, substituters: report(new Map()) };
      }
      const { report: dry, outputs, via } = await this.#dryRun(drvPath, order);
      const answers = await this.#narinfos.lookupAll(order, dry.toFetch);
      const has = new Map<string, number>();
      const toFetch: FetchItem[] = dry.toFetch.map((path) => {
        let first: FetchItem | null = null;
        for (const url of order) {
          const a = answers.get(url)?.get(path);
          if (a?.state !== 'hit') {
            if (a?.state === 'error') this.#env.log.warn(`narinfo of ${path}: ${a.reason}`);
            continue;
          }
          has.set(url, (has.get(url) ?? 0) + 1);
          first ??= { path, from: url, fileSize: a.narinfo.fileSize, narSize: a.narinfo.narSize };
        }
        return first ?? { path, from: null, fileSize: null, narSize: null };
      });
      const toBuild = dry.toBuild.map((d): BuildItem => {
        const n = storeName(d);
        return { drvPath: d, name: n.name, version: n.version, big: isBigBuild(n.name) };
      });
      const closure = await this.#env.run('nix-store', ['--query', '--requisites', '--include-outputs', drvPath], { env: nixEnv(this.#base), timeoutMs: 60_000 });
      const inStore = closure.code === 0 ? closure.stdout.split('\n').filter((p) => p && !p.endsWith('.drv')).length : 0;
      const valid = await this.#env.run('nix-store', ['--check-validity', ...outputs], { env: nixEnv(this.#base), timeoutMs: 30_000 });
      return {
        state: 'checked',
        ...base,
        drvPath,
        outputs,
        via,
        outputsInStore: outputs.length > 0 && valid.code === 0,
        inStore,
        toBuild,
        bigBuilds: toBuild.filter((b) => b.big).map((b) => storeName(b.drvPath).full),
        toFetch,
        downloadBytes: toFetch.reduce((s, f) => s + (f.fileSize ?? 0), 0),
        unpackedBytes: toFetch.reduce((s, f) => s + (f.narSize ?? 0), 0),
        unknown: dry.unknown,
        substituters: report(has),
        nix: { downloadBytes: dry.nixDownloadBytes, unpackedBytes: dry.nixUnpackedBytes },
      };
    } catch (err) {
      return { state: 'failed', ...base, reason: (err as Error).message };
    }
  }

  /** The costs of several candidate revisions, cheapest first (see rankCosts). */
  async cheapest(attr: string, candidates: readonly { source: string; rev: string; date: Date | null; fetch: EvalFetch }[]): Promise<RankedCost[]> {
    const out: { rev: string; date: Date | null; cost: PinCost }[] = [];
    for (const c of candidates) out.push({ rev: c.rev, date: c.date, cost: await this.cost(c.source, c.rev, attr, c.fetch) });
    return rankCosts(out);
  }
}

/** A candidate revision with its cost. */
export interface RankedCost {
  rev: string;
  date: Date | null;
  cost: PinCost;
}

/** Ranks candidates: checked costs first — nothing to build, then the smallest download, then the newest; unchecked ones after, newest first. */
export function rankCosts<T extends { date: Date | string | null; cost: PinCost }>(entries: readonly T[]): T[] {
  const time = (e: T) => (e.date === null ? Number.NEGATIVE_INFINITY : typeof e.date === 'string' ? Date.parse(e.date) : e.date.getTime());
  const newest = (a: T, b: T) => {
    const ta = time(a);
    const tb = time(b);
    return ta === tb ? 0 : tb > ta ? 1 : -1;
  };
  return [...entries].sort((a, b) => {
    const ca = a.cost.state === 'checked' ? a.cost : null;
    const cb = b.cost.state === 'checked' ? b.cost : null;
    if (ca === null || cb === null) return ca ? -1 : cb ? 1 : newest(a, b);
    const ba = ca.toBuild.length === 0 ? 0 : 1;
    const bb = cb.toBuild.length === 0 ? 0 : 1;
    return ba - bb || ca.downloadBytes - cb.downloadBytes || newest(a, b);
  });
}
