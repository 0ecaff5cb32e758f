// main/pins/: pinning a package to an older version: targets, pins.json, overlay.nix, version-to-revision lookup, the pin handlers.
// Asking real Nix what an attribute is at a revision: `nix-instantiate --eval` of
// `(import <source at rev> { system = builtins.currentSystem; config = {}; overlays = []; }).ATTR`,
// its `version` (or the version in its `name`), with a timeout, cached per (source, rev, attr).
// And the narHash of a github: source's archive (nix-prefetch-url --unpack), when the network allows.
import { z } from 'zod';
import type { Logger } from '../infra/log.ts';
import { nixEnv, type ProcessRunner } from '../infra/process.ts';
import { jsonCache, type JsonCache } from './json-cache.ts';

/** What Nix says about an attribute at a revision. */
export interface AttrFacts {
  exists: boolean;
  /** `.version`, else the version in `.name`; null when neither (or evaluating it failed). */
  version: string | null;
  /** The package name its store paths carry (the name part of `.name`, else `.pname`); null when neither. */
  storeName: string | null;
  /** True when the attribute exists but evaluating it threw (an alias that was removed, an assertion). */
  failed: boolean;
}

/** The outcome of a check: what Nix said, or why it could not be asked. */
export type AttrCheck =
  | { checked: true; facts: AttrFacts; via: string }
  /** `broken`: the fetch or evaluation failed in a way the overlay would fail too (as opposed to: not tried, timed out). */
  | { checked: false; reason: string; broken: boolean };

/** How to fetch the tree to evaluate. */
export type EvalFetch = { kind: 'git'; url: string; rev: string } | { kind: 'tarball'; url: string; sha256: string | null };

/** What evaluations need. */
export interface NixEnv {
  run: ProcessRunner;
  log: Logger;
  /** Gentry's cache directory; null keeps the cache in memory. */
  cacheDir: string | null;
  /** How long one evaluation may take (a first fetch of nixpkgs over git takes minutes). */
  evalTimeoutMs: number;
}

const FactsSchema = z.object({ exists: z.boolean(), version: z.string().nullable(), storeName: z.string().nullable(), failed: z.boolean() });

// The expression takes everything as --argstr, so nothing the person typed is spliced into Nix code.
const EXPRESSION = `{ kind, url, rev, sha256, attr }:
let
  src =
    if kind == "git" then builtins.fetchGit { inherit url rev; allRefs = true; }
    else builtins.fetchTarball ({ inherit url; } // (if sha256 == "" then { } else { inherit sha256; }));
  pkgs = import src { system = builtins.currentSystem; config = { }; overlays = [ ]; };
  str = v: if builtins.isString v then v else null;
  info = p: {
    version = if p ? version then str p.version else if p ? name then (builtins.parseDrvName p.name).version else null;
    storeName = if p ? name then (builtins.parseDrvName p.name).name else if p ? pname then str p.pname else null;
  };
  tried = builtins.tryEval (let v = info pkgs.\${attr}; in builtins.deepSeq v v);
in
if !(pkgs ? \${attr}) then { exists = false; version = null; storeName = null; failed = false; }
else if tried.success then { exists = true; inherit (tried.value) version storeName; failed = false; }
else { exists = true; version = null; storeName = null; failed = true; }`;

/** The last meaningful lines of Nix's standard error. */
export function nixErrorText(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('warning:') && !/^[…]|^at |^\(stack trace/.test(l));
  const error = lines.findIndex((l) => l.startsWith('error:') || l.startsWith('fatal:'));
  const picked = error >= 0 ? lines.slice(error, error + 3) : lines.slice(-3);
  return picked.join(' ').slice(0, 500) || 'no message';
}

/** Evaluates facts about attributes, remembering every answer Nix gave. */
export class AttrEvaluator {
  readonly #env: NixEnv;
  readonly #cache: JsonCache<AttrFacts>;

  constructor(env: NixEnv) {
    this.#env = env;
    this.#cache = jsonCache(env.cacheDir, 'pin-evaluations', FactsSchema, env.log);
  }

  /** What `attr` is at `rev` of `source`, fetched as `fetch`; `via` says which way in messages. */
  async check(source: string, rev: string, attr: string, fetch: EvalFetch, via: string): Promise<AttrCheck> {
    const key = `${source} ${rev} ${attr}`;
    const known = await this.#cache.get(key);
    if (known) return { checked: true, facts: known, via };
    const args = [
      '--eval', '--json', '--strict', '--expr', EXPRESSION,
      '--argstr', 'kind', fetch.kind,
      '--argstr', 'url', fetch.url,
      '--argstr', 'rev', fetch.kind === 'git' ? fetch.rev : '',
      '--argstr', 'sha256', fetch.kind === 'tarball' ? (fetch.sha256 ?? '') : '',
      '--argstr', 'attr', attr,
    ];
    const started = Date.now();
    const res = await this.#env.run('nix-instantiate', args, { env: nixEnv(), timeoutMs: this.#env.evalTimeoutMs });
    if (res.code === 127) return { checked: false, reason: 'nix-instantiate is not installed', broken: false };
    if (res.code !== 0) {
      const timedOut = Date.now() - started >= this.#env.evalTimeoutMs - 50;
      if (timedOut) return { checked: false, reason: `Nix did not finish within ${Math.round(this.#env.evalTimeoutMs / 1000)} s`, broken: false };
      return { checked: false, reason: nixErrorText(res.stderr), broken: true };
    }
    const parsed = FactsSchema.safeParse(JSON.parse(res.stdout || 'null'));
    if (!parsed.success) return { checked: false, reason: `nix-instantiate printed something unexpected: ${res.stdout.slice(0, 200)}`, broken: false };
    await this.#cache.set(key, parsed.data);
    return { checked: true, facts: parsed.data, via };
  }
}

/** Finds the narHash of GitHub archives, remembering each one found. */
export class NarHashFinder {
  readonly #env: NixEnv;
  readonly #cache: JsonCache<string>;

  constructor(env: NixEnv) {
    this.#env = env;
    this.#cache = jsonCache(env.cacheDir, 'pin-narhashes', z.string().regex(/^sha256-/), env.log);
  }

  /** The SRI narHash of the unpacked archive at `url`, or why it cannot be had (no network, most often). */
  async find(url: string): Promise<{ narHash: string } | { narHash: null; reason: string }> {
    const known = await this.#cache.get(url);
    if (known) return { narHash: known };
    // --name source: the path is then exactly the one builtins.fetchTarball { sha256 } looks for, so nothing is fetched twice.
    const res = await this.#env.run('nix-prefetch-url', ['--option', 'download-attempts', '1', '--unpack', '--name', 'source', '--type', 'sha256', url], {
      env: nixEnv(),
      timeoutMs: this.#env.evalTimeoutMs,
    });
    if (res.code === 127) return { narHash: null, reason: 'nix-prefetch-url is not installed' };
    const base32 = res.stdout.trim().split('\n').at(-1) ?? '';
    if (res.code !== 0 || !/^[0-9a-z]{52}$/.test(base32)) return { narHash: null, reason: `nix-prefetch-url could not download it: ${nixErrorText(res.stderr)}` };
    const sri = await this.#env.run('nix', ['hash', 'to-sri', '--type', 'sha256', base32], { env: nixEnv(), timeoutMs: 30_000 });
    const narHash = sri.stdout.trim();
    if (sri.code !== 0 || !narHash.startsWith('sha256-')) return { narHash: null, reason: `nix hash to-sri failed: ${nixErrorText(sri.stderr)}` };
    await this.#cache.set(url, narHash);
    return { narHash };
  }
}
