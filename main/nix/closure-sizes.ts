// Closure sizes from the Nix database (nix-formats.md §7): a breadth-first walk over `Refs` (one
// query per level) loads the union of the closures of all roots, then each root's closure is summed
// in memory.
// Fallbacks, in order: a read-only open, an `immutable=1` open, then the `nix` CLI.
import type { ProcessRunner } from '../infra/process.ts';
import { runPathInfo } from './path-info.ts';
import { openStoreDb, readStoreDb, type SqliteDb } from './store-db.ts';

/** Where closure sizes come from. */
export type ClosureSource = 'sqlite' | 'sqlite-immutable' | 'nix-cli' | 'cache';

/** Answers closure sizes for many store paths at once. */
export interface ClosureSizer {
  readonly source: ClosureSource;
  /** Said once to the person when a fallback is in use; null when all is well. */
  readonly notice: string | null;
  /** Sum of narSize over the closure of each root; roots unknown to the store are absent. */
  closureSizes(roots: readonly string[]): Promise<Map<string, number>>;
  close(): void;
}

const ROOTS_SQL = 'SELECT id, path FROM ValidPaths WHERE path IN (SELECT value FROM json_each(?))';
// One query per level of a breadth-first walk: the references of every path in the frontier.
// (Faster than one recursive CTE, whose UNION keeps its own temporary index of every path seen.)
const LEVEL_SQL = 'SELECT referrer, group_concat(reference) FROM Refs WHERE referrer IN (SELECT value FROM json_each(?)) GROUP BY referrer';
const SIZES_SQL = 'SELECT id, narSize FROM ValidPaths WHERE id IN (SELECT value FROM json_each(?))';

/** One path of a closure graph: its row id, its narSize, and the row ids it references. */
export type GraphNode = readonly [id: number, narSize: number | null, references: readonly number[]];

/** Sums each root's closure over a graph of nodes (references to ids not in the graph are ignored). */
export function sumClosures(nodes: readonly GraphNode[], rootIds: readonly number[]): number[] {
  const index = new Map<number, number>();
  nodes.forEach(([id], i) => index.set(id, i));
  const sizes = nodes.map(([, size]) => Number(size ?? 0));
  const edges = nodes.map(([, , refs]) => {
    const out: number[] = [];
    for (const ref of refs) {
      const j = index.get(ref);
      if (j !== undefined) out.push(j);
    }
    return out;
  });
  const stamp = new Int32Array(nodes.length);
  const stack: number[] = [];
  return rootIds.map((rootId, r) => {
    const start = index.get(rootId);
    if (start === undefined) return 0;
    const mark = r + 1;
    let total = 0;
    stack.push(start);
    stamp[start] = mark;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      total += sizes[i] as number;
      for (const j of edges[i] as number[]) {
        if (stamp[j] !== mark) {
          stamp[j] = mark;
          stack.push(j);
        }
      }
    }
    return total;
  });
}

class SqliteClosureSizer implements ClosureSizer {
  readonly source: ClosureSource;
  notice: string | null;
  readonly #db: SqliteDb;
  readonly #fallback: CliClosureSizer;

  constructor(db: SqliteDb, source: ClosureSource, notice: string | null, fallback: CliClosureSizer) {
    this.#db = db;
    this.source = source;
    this.notice = notice;
    this.#fallback = fallback;
  }

  async closureSizes(roots: readonly string[]): Promise<Map<string, number>> {
    if (roots.length === 0) return new Map();
    try {
      return await readStoreDb(this.#db, () => this.#query(roots));
    } catch (err) {
      // A query can still fail (a writer held the database longer than the busy timeout, or an
      // immutable open saw the file change): answer this call through the CLI and say so.
      this.notice = `Reading the Nix database failed (${(err as Error).message}); closure sizes came from \`nix path-info\` instead.`;
      return this.#fallback.closureSizes(roots);
    }
  }

  #query(roots: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    const rootRows = this.#db.prepare(ROOTS_SQL).all(JSON.stringify(roots)) as { id: number; path: string }[];
    const level = this.#db.prepare(LEVEL_SQL);
    level.setReturnArrays?.(true);
    const refsOf = new Map<number, number[]>();
    const seen = new Set<number>(rootRows.map((r) => r.id));
    let frontier = [...seen];
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const [referrer, list] of level.all(JSON.stringify(frontier)) as [number, string][]) {
        const refs = list.split(',').map(Number);
        refsOf.set(referrer, refs);
        for (const id of refs) {
          if (!seen.has(id)) {
            seen.add(id);
            next.push(id);
          }
        }
      }
      frontier = next;
    }
    const sizes = this.#db.prepare(SIZES_SQL);
    sizes.setReturnArrays?.(true);
    const none: number[] = [];
    const nodes = (sizes.all(JSON.stringify([...seen])) as [number, number | null][]).map(([id, size]): GraphNode => [id, size, refsOf.get(id) ?? none]);
    const totals = sumClosures(nodes, rootRows.map((r) => r.id));
    rootRows.forEach((r, k) => out.set(r.path, totals[k] as number));
    return out;
  }

  close(): void {
    this.#db.close();
  }
}

class CliClosureSizer implements ClosureSizer {
  readonly source: ClosureSource = 'nix-cli';
  notice: string;
  readonly #run: ProcessRunner;
  readonly #why: string;

  constructor(run: ProcessRunner, why: string) {
    this.#run = run;
    this.#why = why;
    this.notice = why;
  }

  async closureSizes(roots: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (roots.length === 0) return out;
    const res = await runPathInfo(this.#run, ['--closure-size', ...roots]);
    if (!res.ok) {
      this.notice = `${this.#why} ${res.code === 127 ? 'The nix command is not installed either' : `\`nix path-info\` failed too (${res.message})`}, so closure sizes are unknown.`.trim();
      return out;
    }
    for (const info of res.infos) if (typeof info.closureSize === 'number') out.set(info.path, info.closureSize);
    return out;
  }

  close(): void {}
}

/** The best closure sizer this machine allows for the database at `dbPath`. */
export async function openClosureSizer(dbPath: string, run: ProcessRunner): Promise<ClosureSizer> {
  const cli = (notice: string) => new CliClosureSizer(run, notice);
  const opened = await openStoreDb(dbPath);
  if (typeof opened !== 'string') return new SqliteClosureSizer(opened.db, opened.immutable ? 'sqlite-immutable' : 'sqlite', opened.notice, cli(''));
  return cli(`The Nix database at ${dbPath} cannot be read (${opened}); closure sizes come from \`nix path-info\` instead, which is slower. Check that the file exists and is readable.`);
}
