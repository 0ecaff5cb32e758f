// `nix path-info --json`, the CLI fallback of both closure engines: one process, and its JSON in one
// shape whatever the Nix version prints.
import { nixEnv, type ProcessRunner } from '../infra/process.ts';

/** What Gentry reads of one path's info. */
export interface PathInfo {
  path: string;
  narSize?: number;
  closureSize?: number;
  references?: string[];
}

/** The result of one `nix path-info --json` run: the infos, or the exit code and last line of standard error. */
export type PathInfoResult = { ok: true; infos: PathInfo[] } | { ok: false; code: number; message: string; stderr: string };

/** Normalises path-info JSON: Nix before 2.19 prints an array of {path, …}; later versions an object keyed by path. */
export function parsePathInfo(json: unknown): PathInfo[] {
  if (Array.isArray(json)) return json.filter((e): e is PathInfo => typeof e === 'object' && e !== null && typeof (e as PathInfo).path === 'string');
  if (typeof json !== 'object' || json === null) return [];
  return Object.entries(json as Record<string, Omit<PathInfo, 'path'> | null>).map(([path, info]) => ({ ...(info ?? {}), path }));
}

/** Runs `nix path-info --json ARGS…`. */
export async function runPathInfo(run: ProcessRunner, args: readonly string[]): Promise<PathInfoResult> {
  const res = await run('nix', ['path-info', '--json', ...args], { env: nixEnv() });
  if (res.code !== 0) return { ok: false, code: res.code, message: res.stderr.trim().split('\n').pop() || `exit ${res.code}`, stderr: res.stderr };
  return { ok: true, infos: parsePathInfo(JSON.parse(res.stdout) as unknown) };
}
