// A local nixpkgs git checkout the person named (settings `nixpkgsGit`, `--nixpkgs-git`): it turns a
// generation's short revision into a full one, lets Nix evaluate a GitHub revision without the
// network, says what version the checkout has now, and holds the history of a package's versions.
import { realpath } from 'node:fs/promises';
import { relative } from 'node:path';
import { z } from 'zod';
import { nixEnv } from '../infra/process.ts';
import { type AttrEvaluator, type NixEnv, nixErrorText } from './attr-eval.ts';

/** One version of a package found in the checkout's history, with the commit that has it. */
export interface HistoryVersion {
  version: string;
  rev: string;
  date: string;
}

/** What the checkout's working tree says about an attribute. */
export interface CheckoutAttr {
  exists: boolean;
  version: string | null;
  /** The file that defines it (`meta.position`), relative to the checkout; null when unknown. */
  file: string | null;
}

const HeadSchema = z.object({ exists: z.boolean(), version: z.string().nullable(), position: z.string().nullable() });

const HEAD_EXPRESSION = `{ dir, attr }:
let
  pkgs = import (/. + dir) { system = builtins.currentSystem; config = { }; overlays = [ ]; };
  str = v: if builtins.isString v then v else null;
  read = p: {
    version = if p ? version then str p.version else if p ? name then (builtins.parseDrvName p.name).version else null;
    position = if p ? meta && p.meta ? position then str p.meta.position else null;
  };
  tried = builtins.tryEval (let v = read pkgs.\${attr}; in builtins.deepSeq v v);
in
if !(pkgs ? \${attr}) then { exists = false; version = null; position = null; }
else if tried.success then { exists = true; inherit (tried.value) version position; }
else { exists = true; version = null; position = null; }`;

/** Parses `git log -p` output (commits marked `commit <sha> <date>`) into the versions its `+ version = "…"` lines introduce, newest first. */
export function versionsFromLog(text: string): HistoryVersion[] {
  const found = new Map<string, HistoryVersion>();
  let rev: string | null = null;
  let date = '';
  for (const line of text.split('\n')) {
    const commit = /^commit ([0-9a-f]{40}) (\S+)$/.exec(line);
    if (commit) {
      rev = commit[1] as string;
      date = commit[2] as string;
      continue;
    }
    const added = /^\+\s*version\s*=\s*"([^"$]+)"\s*;/.exec(line);
    if (added && rev !== null && !found.has(added[1] as string)) found.set(added[1] as string, { version: added[1] as string, rev, date });
  }
  return [...found.values()];
}

/** A local nixpkgs checkout. */
export class NixpkgsCheckout {
  readonly dir: string;
  readonly #env: NixEnv;
  readonly #head = new Map<string, Promise<CheckoutAttr | { error: string }>>();

  constructor(dir: string, env: NixEnv) {
    this.dir = dir;
    this.#env = env;
  }

  /** `file://` URL of the checkout, as fetchGit takes it. */
  get url(): string {
    return `file://${this.dir}`;
  }

  async #git(args: string[], timeoutMs = 60_000) {
    return this.#env.run('git', ['-C', this.dir, ...args], { timeoutMs });
  }

  /** The full revision of a short one, or null when the checkout does not have it (or it is ambiguous). */
  async resolve(short: string): Promise<string | null> {
    if (!/^[0-9a-f]{4,40}$/.test(short)) return null;
    const res = await this.#git(['rev-parse', '--verify', '--quiet', `${short}^{commit}`]);
    const rev = res.stdout.trim();
    return res.code === 0 && /^[0-9a-f]{40}$/.test(rev) ? rev : null;
  }

  /** True when the checkout has commit `rev`. */
  async has(rev: string): Promise<boolean> {
    return (await this.#git(['cat-file', '-e', `${rev}^{commit}`])).code === 0;
  }

  /** The commit checked out. */
  async headRev(): Promise<string | null> {
    const res = await this.#git(['rev-parse', '--verify', 'HEAD']);
    return res.code === 0 ? res.stdout.trim() : null;
  }

  /** What the working tree has for `attr` (evaluated in place, nothing copied to the store). */
  headAttr(attr: string): Promise<CheckoutAttr | { error: string }> {
    let p = this.#head.get(attr);
    if (!p) {
      p = (async () => {
        const res = await this.#env.run('nix-instantiate', ['--eval', '--json', '--strict', '--expr', HEAD_EXPRESSION, '--argstr', 'dir', this.dir, '--argstr', 'attr', attr], {
          env: nixEnv(),
          timeoutMs: this.#env.evalTimeoutMs,
        });
        if (res.code !== 0) return { error: nixErrorText(res.stderr) };
        const parsed = HeadSchema.safeParse(JSON.parse(res.stdout || 'null'));
        if (!parsed.success) return { error: `unexpected output: ${res.stdout.slice(0, 200)}` };
        let file: string | null = null;
        const m = parsed.data.position ? /^(.*):[0-9]+$/.exec(parsed.data.position) : null;
        if (m) {
          const [root, abs] = await Promise.all([realpath(this.dir).catch(() => this.dir), realpath(m[1] as string).catch(() => m[1] as string)]);
          const rel = relative(root, abs);
          file = rel.startsWith('..') ? null : rel;
        }
        return { exists: parsed.data.exists, version: parsed.data.version, file };
      })();
      this.#head.set(attr, p);
    }
    return p;
  }

  /**
   * Every version of `attr` in the checkout's history, newest first. When the working tree says which
   * file defines it, the versions its `version = "…"` lines went through (fast, even on nixpkgs);
   * otherwise Nix evaluates the last `maxEvaluated` commits one by one (fine for a small repository).
   */
  async history(attr: string, evaluator: AttrEvaluator, maxEvaluated = 30): Promise<{ versions: HistoryVersion[]; how: string } | { error: string }> {
    const head = await this.headAttr(attr);
    if ('error' in head) return { error: `Nix could not evaluate ${attr} in ${this.dir}: ${head.error}` };
    if (head.file !== null) {
      const res = await this.#git(['log', '--max-count=2000', '--no-color', '--no-ext-diff', '-U0', '-p', '--format=commit %H %cI', '--', head.file], 120_000);
      if (res.code !== 0) return { error: `git log failed in ${this.dir}: ${nixErrorText(res.stderr)}` };
      return { versions: versionsFromLog(res.stdout), how: `the history of ${head.file}` };
    }
    const res = await this.#git(['log', `--max-count=${maxEvaluated}`, '--format=%H %cI']);
    if (res.code !== 0) return { error: `git log failed in ${this.dir}: ${nixErrorText(res.stderr)}` };
    const found = new Map<string, HistoryVersion>();
    for (const line of res.stdout.trim().split('\n')) {
      const [rev = '', date = ''] = line.split(' ');
      if (!/^[0-9a-f]{40}$/.test(rev)) continue;
      const check = await evaluator.check(`git+${this.url}`, rev, attr, { kind: 'git', url: this.url, rev }, 'the local checkout');
      if (!check.checked || !check.facts.exists || check.facts.version === null) continue;
      if (!found.has(check.facts.version)) found.set(check.facts.version, { version: check.facts.version, rev, date });
    }
    return { versions: [...found.values()], how: `the last ${maxEvaluated} commits, evaluated` };
  }
}
