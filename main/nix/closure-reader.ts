// main/nix/: the read model, without privilege: profiles and generation links, what a generation says, the store database, closures.
// The closure engine: the closure of a store path with each member's narSize, and a path's direct
// references, from the Nix database (a breadth-first walk over `Refs`, one query per level) or the
// `nix` CLI. Everything read is kept: the graph by row id, whole closures by store path, so moving
// between neighbouring generations only reads the paths the newer one added.
import { GentryError } from '../infra/errors.ts';
import type { ProcessRunner } from '../infra/process.ts';
import { type PathInfo, runPathInfo } from './path-info.ts';
import { openStoreDb, readStoreDb, type SqliteDb } from './store-db.ts';

/** Every path of a closure with its narSize. */
export type Closure = ReadonlyMap<string, number>;

/** Reads closures and references. */
export interface ClosureReader {
  /** Said once to the person when a fallback is in use. */
  readonly notice: string | null;
  /** The closure of `storePath`; a `not-found` GentryError when the path is not valid in the store. */
  closure(storePath: string): Promise<Closure>;
  /** The direct references of `storePath` (itself excluded). */
  references(storePath: string): Promise<string[]>;
  close(): void;
}

const CLOSURES_KEPT = 32;

function notValid(storePath: string): GentryError {
  return new GentryError('not-found', `${storePath} is not a valid path in the Nix store`, 'It was probably garbage-collected: a generation whose store path is gone cannot be diffed.');
}

/** Keeps the last few closures by store path. */
class ClosureCache {
  readonly #map = new Map<string, Closure>();
  get(path: string): Closure | undefined {
    const c = this.#map.get(path);
    if (c) {
      this.#map.delete(path);
      this.#map.set(path, c);
    }
    return c;
  }
  set(path: string, closure: Closure): void {
    this.#map.set(path, closure);
    while (this.#map.size > CLOSURES_KEPT) this.#map.delete(this.#map.keys().next().value as string);
  }
}

interface Node {
  path: string | null;
  size: number;
  refs: number[] | null;
}

class SqliteClosureReader implements ClosureReader {
  readonly notice: string | null;
  readonly #db: SqliteDb;
  readonly #nodes = new Map<number, Node>();
  readonly #closures = new ClosureCache();

  constructor(db: SqliteDb, notice: string | null) {
    this.#db = db;
    this.notice = notice;
  }

  #node(id: number): Node {
    let n = this.#nodes.get(id);
    if (!n) this.#nodes.set(id, (n = { path: null, size: 0, refs: null }));
    return n;
  }

  #rootId(storePath: string): number {
    const row = this.#db.prepare('SELECT id, narSize FROM ValidPaths WHERE path = ?').get(storePath) as { id: number; narSize: number | null } | undefined;
    if (!row) throw notValid(storePath);
    const n = this.#node(row.id);
    n.path = storePath;
    n.size = Number(row.narSize ?? 0);
    return row.id;
  }

  async closure(storePath: string): Promise<Closure> {
    const cached = this.#closures.get(storePath);
    if (cached) return cached;
    // Reads only (and memoised facts that a retry recomputes the same): safe to run again after a lock.
    return readStoreDb(this.#db, () => this.#closureNow(storePath));
  }

  #closureNow(storePath: string): Closure {
    const root = this.#rootId(storePath);
    const level = this.#db.prepare('SELECT referrer, group_concat(reference) FROM Refs WHERE referrer IN (SELECT value FROM json_each(?)) GROUP BY referrer');
    level.setReturnArrays?.(true);
    const seen = new Set<number>([root]);
    let frontier = [root];
    while (frontier.length > 0) {
      const unknown = frontier.filter((id) => this.#node(id).refs === null);
      if (unknown.length > 0) {
        const rows = level.all(JSON.stringify(unknown)) as [number, string][]; // before marking: a busy throw leaves nothing half-known
        for (const id of unknown) this.#node(id).refs = [];
        for (const [referrer, list] of rows) this.#node(referrer).refs = list.split(',').map(Number);
      }
      const next: number[] = [];
      for (const id of frontier) {
        for (const ref of this.#node(id).refs as number[]) {
          if (!seen.has(ref)) {
            seen.add(ref);
            next.push(ref);
          }
        }
      }
      frontier = next;
    }
    const nameless = [...seen].filter((id) => this.#node(id).path === null);
    if (nameless.length > 0) {
      const info = this.#db.prepare('SELECT id, path, narSize FROM ValidPaths WHERE id IN (SELECT value FROM json_each(?))');
      info.setReturnArrays?.(true);
      for (const [id, path, size] of info.all(JSON.stringify(nameless)) as [number, string, number | null][]) {
        const n = this.#node(id);
        n.path = path;
        n.size = Number(size ?? 0);
      }
    }
    const closure = new Map<string, number>();
    for (const id of seen) {
      const n = this.#node(id);
      if (n.path !== null) closure.set(n.path, n.size);
    }
    this.#closures.set(storePath, closure);
    return closure;
  }

  async references(storePath: string): Promise<string[]> {
    const rows = await readStoreDb(this.#db, () =>
      this.#db
        .prepare('SELECT v2.path AS path FROM ValidPaths v1 JOIN Refs r ON r.referrer = v1.id JOIN ValidPaths v2 ON v2.id = r.reference WHERE v1.path = ? AND r.reference != v1.id')
        .all(storePath) as { path: string }[],
    );
    return rows.map((r) => r.path);
  }

  close(): void {
    this.#db.close();
  }
}

class CliClosureReader implements ClosureReader {
  readonly notice: string;
  readonly #run: ProcessRunner;
  readonly #closures = new ClosureCache();
  readonly #refs = new Map<string, string[]>();

  constructor(run: ProcessRunner, notice: string) {
    this.#run = run;
    this.notice = notice;
  }

  async #pathInfo(storePath: string, recursive: boolean): Promise<PathInfo[]> {
    const res = await runPathInfo(this.#run, [...(recursive ? ['--recursive'] : []), storePath]);
    if (res.ok) return res.infos;
    if (res.code === 127) throw new GentryError('unavailable', 'The Nix database cannot be read and the nix command is not installed.', this.notice);
    if (/is not valid|does not exist|not a valid/.test(res.stderr)) throw notValid(storePath);
    throw new GentryError('unavailable', `nix path-info failed: ${res.message}`, this.notice);
  }

  async closure(storePath: string): Promise<Closure> {
    const cached = this.#closures.get(storePath);
    if (cached) return cached;
    const closure = new Map<string, number>();
    for (const info of await this.#pathInfo(storePath, true)) {
      closure.set(info.path, info.narSize ?? 0);
      if (info.references) this.#refs.set(info.path, info.references.filter((r) => r !== info.path));
    }
    this.#closures.set(storePath, closure);
    return closure;
  }

  async references(storePath: string): Promise<string[]> {
    const known = this.#refs.get(storePath);
    if (known) return known;
    const [info] = await this.#pathInfo(storePath, false);
    const refs = (info?.references ?? []).filter((r) => r !== storePath);
    this.#refs.set(storePath, refs);
    return refs;
  }

  close(): void {}
}

/** The best closure reader this machine allows for the database at `dbPath`. */
export async function openClosureReader(dbPath: string, run: ProcessRunner): Promise<ClosureReader> {
  const opened = await openStoreDb(dbPath);
  if (typeof opened !== 'string') return new SqliteClosureReader(opened.db, opened.notice);
  return new CliClosureReader(run, `The Nix database at ${dbPath} cannot be read (${opened}); closures come from \`nix path-info\` instead, which is slower.`);
}
