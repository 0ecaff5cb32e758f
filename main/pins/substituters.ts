// The machine's substituters (issue 16): the `substituters` setting as Nix itself resolves it
// (nix.conf, NIX_CONFIG, extra-substituters) from `nix show-config --json`, and whether each one
// answers: its `nix-cache-info` (StoreDir, Priority) fetched with a timeout.
import type { ProcessRunner } from '../infra/process.ts';
import { nixErrorText } from './attr-eval.ts';
import { readCacheFile } from './narinfo.ts';

/** The environment for asking Nix about the machine as it is: the person's own NIX_CONFIG, plus nix-command. */
export function machineNixEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const extra = 'extra-experimental-features = nix-command';
  return { ...base, NIX_CONFIG: base.NIX_CONFIG ? `${base.NIX_CONFIG}\n${extra}` : extra };
}

/** The substituter URLs Nix would use, in the order configured; throws with Nix's message when it cannot say. */
export async function machineSubstituters(run: ProcessRunner, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const res = await run('nix', ['show-config', '--json'], { env: machineNixEnv(env), timeoutMs: 30_000 });
  if (res.code === 127) throw new Error('nix is not installed, so the substituters cannot be read');
  if (res.code !== 0) throw new Error(`nix show-config failed: ${nixErrorText(res.stderr)}`);
  const config = JSON.parse(res.stdout) as Record<string, { value?: unknown } | undefined>;
  const value = config.substituters?.value;
  if (!Array.isArray(value)) throw new Error('nix show-config --json has no substituters setting');
  return value.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** A substituter and whether it can be asked. */
export type SubstituterState =
  | { url: string; reachable: true; priority: number }
  | { url: string; reachable: false; reason: string };

/** Parses a `nix-cache-info` file; the Priority is 50 when it does not say (as in Nix). */
export function parseCacheInfo(text: string): { storeDir: string | null; priority: number } {
  const storeDir = /^StoreDir: *(\S+)/m.exec(text)?.[1] ?? null;
  const priority = /^Priority: *([0-9]+)/m.exec(text)?.[1];
  return { storeDir, priority: priority === undefined ? 50 : Number(priority) };
}

/** Asks each substituter for its nix-cache-info, all at once. */
export async function probeSubstituters(urls: readonly string[], timeoutMs: number): Promise<SubstituterState[]> {
  return Promise.all(
    urls.map(async (url): Promise<SubstituterState> => {
      try {
        const text = await readCacheFile(url, 'nix-cache-info', timeoutMs);
        if (text === null) return { url, reachable: false, reason: `${url} has no nix-cache-info, so it is not a binary cache` };
        const info = parseCacheInfo(text);
        if (info.storeDir !== null && info.storeDir !== '/nix/store') return { url, reachable: false, reason: `${url} holds paths for ${info.storeDir}, not /nix/store` };
        return { url, reachable: true, priority: info.priority };
      } catch (err) {
        return { url, reachable: false, reason: (err as Error).message };
      }
    }),
  );
}

/** The reachable substituters in the order Nix tries them: by Priority (lower first), then as configured. */
export function byPriority(states: readonly SubstituterState[]): string[] {
  return states
    .map((s, i) => ({ s, i }))
    .filter((x): x is { s: Extract<SubstituterState, { reachable: true }>; i: number } => x.s.reachable)
    .sort((a, b) => a.s.priority - b.s.priority || a.i - b.i)
    .map((x) => x.s.url);
}
