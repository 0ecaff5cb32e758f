// The two nix-store calls a world needs: register its paths, and delete them again.
import { spawn } from 'node:child_process';
import type { StoreGraph } from './store-graph.ts';

/** The NIX_CONFIG every call uses: no substituters to wait on, and the nix command enabled. */
export const nixConfig = 'substituters =\nexperimental-features = nix-command';

/** The environment for running Nix tools on this machine. */
function nixEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NIX_CONFIG: nixConfig, ...extra };
}

/** Runs a Nix tool, feeding `input` on stdin; resolves with stdout, rejects with stderr on failure. */
function runNix(command: string, args: string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: nixEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new Error(`${command} could not start (${error.message}); is Nix installed?`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString());
      else reject(new Error(`${command} ${args[0] ?? ''} failed (exit ${code}): ${Buffer.concat(err).toString().trim()}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** The stdin of `nix-store --register-validity --hash-given` for every node of the graph. */
function registrationText(graph: StoreGraph): string {
  const parts: string[] = [];
  for (const node of graph.nodes) {
    const references = node.selfReference ? [...node.references.map((r) => r.path), node.path] : node.references.map((r) => r.path);
    parts.push(node.path, `sha256:${graph.narHashOf(node)}`, String(node.narSize), graph.deriverOf(node), String(references.length), ...references);
  }
  return `${parts.join('\n')}\n`;
}

/** Registers every node of the graph as valid, in one call. */
export async function registerPaths(graph: StoreGraph): Promise<void> {
  await runNix('nix-store', ['--register-validity', '--hash-given'], registrationText(graph));
}

/** Bytes of arguments (strings plus pointers) that pass the default 2 MiB limit with room for the environment. */
const plainArgumentBudget = 1_500_000;

function argumentBytes(paths: readonly string[]): number {
  return paths.reduce((total, path) => total + path.length + 1 + 8, 0);
}

function batchesFromReferrers(paths: readonly string[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (let i = paths.length - 1; i >= 0; i--) {
    const path = paths[i] as string;
    const cost = argumentBytes([path]);
    if (bytes + cost > plainArgumentBudget && batch.length > 0) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(path);
    bytes += cost;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

// The kernel caps argv at a quarter of the stack limit; a shell that lifts its own limit can hand
// tens of thousands of paths to one nix-store call.
const liftedCall = 'ulimit -s unlimited 2>/dev/null || ulimit -s 262144 2>/dev/null; set -f; set -- $(cat); exec nix-store --delete "$@"';

/**
 * Deletes `paths` (listed references-first) with one `nix-store --delete` call; paths already gone
 * are fine. Only where the stack limit cannot be lifted does it fall back to several calls,
 * referrers first.
 */
export async function deletePaths(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  if (argumentBytes(paths) <= plainArgumentBudget) {
    await runNix('nix-store', ['--delete', ...paths]);
    return;
  }
  try {
    await runNix('sh', ['-c', liftedCall], `${paths.join('\n')}\n`);
  } catch (error) {
    if (!/Argument list too long/i.test((error as Error).message)) throw error;
    for (const batch of batchesFromReferrers(paths)) await runNix('nix-store', ['--delete', ...batch]);
  }
}
