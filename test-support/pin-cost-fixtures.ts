// Fixtures for the cost of a pin (issue 16), all real: a nixpkgs-shaped git repository whose packages
// are tiny `derivation { builder = "/bin/sh"; }`s (a "gcc", two libraries, kicad over them), a binary
// cache written by `nix copy --to file://…`, and small HTTP servers in this process: one serving that
// cache (counting requests and the most in flight), one that never answers, one that says 404 to all.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';

/** A test nixpkgs: its directory, its git+file source, and one revision per commit. */
export interface CostRepo {
  dir: string;
  source: string;
  revs: string[];
  /** Each commit's date (git's committer date). */
  dates: Date[];
}

const DEFAULT_NIX = `{ system ? builtins.currentSystem, config ? { }, overlays ? [ ] }:
let
  spec = builtins.fromJSON (builtins.readFile ./spec.json);
  mk = name: lines: deps: derivation {
    inherit name system deps;
    nonce = spec.nonce;
    salt = spec.salt.\${name} or "";
    count = toString lines;
    builder = "/bin/sh";
    args = [ "-c" "echo $name $nonce $salt > $out; for d in $deps; do echo $d >> $out; done; i=0; while [ $i -lt $count ]; do echo line $i $i $i $i $salt >> $out; i=$((i+1)); done" ];
  };
  gcc = mk "gcc-13.2.0" 3000 [ ];
  libfoo = mk "libfoo-1.0" 1000 [ gcc ];
  libbar = mk "libbar-2.0" 2000 [ ];
  kicad = mk "kicad-8.0.1" 10 [ libfoo libbar ];
in
{ inherit gcc libfoo libbar kicad; }
`;

/** Makes the repository: one commit per `salts` entry (salt of gcc-13.2.0 makes gcc, libfoo and kicad differ between commits). */
export function makeCostRepo(dir: string, salts: string[]): CostRepo {
  mkdirSync(dir, { recursive: true });
  const nonce = randomBytes(8).toString('hex'); // fresh store paths on every run
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 't@example.org' } }).trim();
  git('init', '--quiet', '--initial-branch=master');
  writeFileSync(join(dir, 'default.nix'), DEFAULT_NIX);
  const revs: string[] = [];
  const dates: Date[] = [];
  for (const [i, salt] of salts.entries()) {
    writeFileSync(join(dir, 'spec.json'), `${JSON.stringify({ nonce, salt: { 'gcc-13.2.0': salt } })}\n`);
    git('add', '-A');
    // Distinct, increasing commit dates without waiting for the clock.
    const when = `${2024 + i}-01-01T00:00:00Z`;
    execFileSync('git', ['-C', dir, 'commit', '--quiet', '-m', `commit ${i + 1}`], { env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 't@example.org', GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } });
    revs.push(git('rev-parse', 'HEAD'));
    dates.push(new Date(when));
  }
  return { dir, source: `git+file://${dir}`, revs, dates };
}

const NO_SUBSTITUTERS = { ...process.env, NIX_CONFIG: 'substituters =\nexperimental-features = nix-command' };

/** Runs a Nix command with no substituters; its standard output, trimmed. */
export function nixOut(file: string, args: string[], env: NodeJS.ProcessEnv = NO_SUBSTITUTERS): string {
  return execFileSync(file, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * GC roots for what a test makes, so a `nix-store --gc` run elsewhere meanwhile cannot take it: one
 * indirect root (a link in `dir`, registered by Nix in gcroots/auto) per path. `drop` removes a link,
 * after which the path is dead again and can be deleted.
 */
export class GcRoots {
  readonly dir: string;
  #n = 0;
  readonly #links = new Map<string, string[]>();

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** A fresh link name in the roots directory. */
  next(): string {
    return join(this.dir, `root-${++this.#n}`);
  }

  /** Remembers that `link` roots `storePath`. */
  held(link: string): string {
    const storePath = readlinkSync(link);
    this.#links.set(storePath, [...(this.#links.get(storePath) ?? []), link]);
    return storePath;
  }

  /** Removes the roots of these paths. */
  drop(paths: readonly string[]): void {
    for (const p of paths) {
      for (const link of this.#links.get(p) ?? []) rmSync(link, { force: true });
      this.#links.delete(p);
    }
  }
}

/** The .drv of `attr` at `rev` of the repository, instantiated the way a test can check against, held by a GC root. */
export function instantiateAt(repo: CostRepo, rev: string, attr: string, roots: GcRoots): string {
  const link = roots.next();
  nixOut('nix-instantiate', ['--add-root', link, '--expr', `(import (builtins.fetchGit { url = "file://${repo.dir}"; rev = "${rev}"; }) { }).${attr}`]);
  return roots.held(link);
}

/** Builds a derivation and returns its output path, held by a GC root. */
export function realise(drv: string, roots: GcRoots): string {
  const link = roots.next();
  nixOut('nix-store', ['--realise', '--add-root', link, drv]);
  return roots.held(link);
}

/** Copies paths (with their closures) into a file:// binary cache, unsigned. */
export function copyToCache(cacheDir: string, paths: string[]): void {
  nixOut('nix', ['copy', '--to', `file://${cacheDir}`, ...paths]);
}

/** Deletes paths from the local store (they must be dead: their roots dropped). */
export function deleteFromStore(paths: string[]): void {
  const r = spawnSync('nix-store', ['--delete', ...new Set(paths)], { env: NO_SUBSTITUTERS, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`nix-store --delete failed: ${r.stderr.split('\n').filter((l) => l.startsWith('error')).join(' ') || r.stderr}`);
}

/** The FileSize and NarSize Nix wrote in the cache's narinfo for a store path. */
export function narinfoSizes(cacheDir: string, storePath: string): { fileSize: number; narSize: number } {
  const hash = /^\/nix\/store\/([0-9a-z]{32})-/.exec(storePath)?.[1];
  const text = readFileSync(join(cacheDir, `${hash}.narinfo`), 'utf8');
  const field = (k: string) => Number(new RegExp(`^${k}: ([0-9]+)$`, 'm').exec(text)?.[1]);
  return { fileSize: field('FileSize'), narSize: field('NarSize') };
}

/** A running test server and what it saw. */
export interface TestServer {
  url: string;
  /** Requests per path (`/<hash>.narinfo`, `/nix-cache-info`). */
  requests: Map<string, number>;
  /** The most narinfo requests it had in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>, state: { requests: Map<string, number>; maxInFlight: number }): Promise<TestServer> {
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/**
 * Serves a binary cache directory over HTTP. With `holdNarinfos: n`, narinfo answers are held until n
 * requests are held at once, then all are answered: a client that sends n at once is seen with n in
 * flight (deterministically, whatever the timing), and one that keeps to fewer than n never is.
 */
export async function serveCache(cacheDir: string, options: { holdNarinfos?: number } = {}): Promise<TestServer> {
  const state = { requests: new Map<string, number>(), maxInFlight: 0 };
  const hold = options.holdNarinfos ?? 1;
  const held: (() => void)[] = [];
  const root = resolve(cacheDir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    state.requests.set(path, (state.requests.get(path) ?? 0) + 1);
    const file = resolve(root, `.${path}`);
    const narinfo = path.endsWith('.narinfo');
    const answer = () => {
      let body: Buffer;
      try {
        if (!file.startsWith(`${root}/`)) throw new Error('outside');
        body = readFileSync(file);
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': narinfo ? 'text/x-nix-narinfo' : 'application/octet-stream' }).end(body);
    };
    if (!narinfo) return answer();
    held.push(answer);
    res.on('close', () => {
      const at = held.indexOf(answer); // the client gave up on it: no longer waiting
      if (at >= 0) held.splice(at, 1);
    });
    state.maxInFlight = Math.max(state.maxInFlight, held.length);
    if (held.length >= hold) for (const a of held.splice(0)) a();
  });
  return listen(server, new Set(), state);
}

/** A server that accepts connections and never answers. */
export async function serveNothing(): Promise<TestServer> {
  const state = { requests: new Map<string, number>(), maxInFlight: 0 };
  const server = createServer((req) => {
    state.requests.set(req.url ?? '/', (state.requests.get(req.url ?? '/') ?? 0) + 1);
  });
  return listen(server, new Set(), state);
}

/** A server that answers 404 to everything. */
export async function serve404(): Promise<TestServer> {
  const state = { requests: new Map<string, number>(), maxInFlight: 0 };
  const server = createServer((req, res) => {
    state.requests.set(req.url ?? '/', (state.requests.get(req.url ?? '/') ?? 0) + 1);
    res.writeHead(404).end();
  });
  return listen(server, new Set(), state);
}

/** A URL nothing listens on: a port bound, then closed. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

/** (Synchronous: give it file:// caches only, never a server in this process, which could not answer meanwhile.) The sections of Nix's dry-run output, read line by line here (independently of Gentry's parser): the oracle. */
export function nixDryRun(drv: string, substituters: string[]): { built: string[]; fetched: string[]; fetchLine: string | null } {
  const env = { ...process.env, NIX_CONFIG: `substituters = ${substituters.join(' ')}\nrequire-sigs = false\nexperimental-features = nix-command` };
  const r = spawnSync('nix-store', ['--realise', '--dry-run', drv], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`nix-store --realise --dry-run ${drv} failed: ${r.stderr}`);
  const built: string[] = [];
  const fetched: string[] = [];
  let into: string[] | null = null;
  let fetchLine: string | null = null;
  for (const line of r.stderr.split('\n')) {
    if (line.includes('will be built')) into = built;
    else if (line.includes('will be fetched')) {
      into = fetched;
      fetchLine = line;
    } else if (line.startsWith('  /nix/store/') && into) into.push(line.trim());
    else into = null;
  }
  return { built, fetched, fetchLine };
}

/** The derivations of the three revisions' packages. */
export type CostDrvs = Record<'a' | 'b' | 'c', Record<'kicad' | 'libfoo' | 'gcc' | 'libbar', string>>;

/** The case the cost tests share: the repository, its .drvs, a binary cache, and what to remove afterwards. */
export interface CostCase {
  repo: CostRepo;
  drv: CostDrvs;
  /** The file:// binary cache's directory. */
  cacheDir: string;
  /** libbar's output: built here, in the local store for all three revisions. */
  libbar: string;
  /** Drops the roots and deletes what the case put in the store. */
  remove(): void;
}

/**
 * Three revisions of kicad-8.0.1 over libfoo over a "gcc-13.2.0", and libbar: revs[0] (2024) has nothing of
 * its own anywhere; revs[1] (2025) its whole closure in the cache; revs[2] (2026) all but kicad in the cache.
 * libbar (shared) is built and kept in the local store. Every .drv and libbar are held by GC roots under
 * `tmp`, so a garbage collection run elsewhere meanwhile cannot take them; the paths copied to the cache
 * lose their roots just before they are deleted from the store.
 */
export function makeCostCase(tmp: string): CostCase {
  const roots = new GcRoots(join(tmp, 'gc-roots'));
  const repo = makeCostRepo(join(tmp, 'nixpkgs'), ['a', 'b', 'c']);
  const cacheDir = join(tmp, 'binary-cache');
  const drv = { a: {}, b: {}, c: {} } as CostDrvs;
  for (const [i, k] of (['a', 'b', 'c'] as const).entries()) for (const attr of ['kicad', 'libfoo', 'gcc', 'libbar'] as const) drv[k][attr] = instantiateAt(repo, repo.revs[i] as string, attr, roots);
  const libbar = realise(drv.b.libbar, roots);
  const bOut = realise(drv.b.kicad, roots);
  const cLibfoo = realise(drv.c.libfoo, roots);
  copyToCache(cacheDir, [bOut, cLibfoo]);
  const bPaths = nixOut('nix-store', ['--query', '--requisites', bOut]).split('\n').filter((p) => p !== libbar);
  const cPaths = nixOut('nix-store', ['--query', '--requisites', cLibfoo]).split('\n');
  roots.drop([bOut, cLibfoo]);
  deleteFromStore([...bPaths, ...cPaths]);
  return {
    repo,
    drv,
    cacheDir,
    libbar,
    remove() {
      const made = [libbar, ...Object.values(drv).flatMap((d) => Object.values(d))];
      roots.drop(made);
      deleteFromStore(made);
    },
  };
}
