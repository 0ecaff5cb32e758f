// Running programs: by absolute path or PATH lookup, always with argv, never through a shell.
import { execFile } from 'node:child_process';

/** What a finished program left behind. */
export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs programs; services take one so tests can hand them a recording runner. */
export type ProcessRunner = (file: string, args: string[], options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }) => Promise<ProcessResult>;

/** Environment for Nix commands: no substituters (nothing to wait on), nix-command enabled. */
export function nixEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const extra = 'substituters =\nexperimental-features = nix-command';
  return { ...base, NIX_CONFIG: base.NIX_CONFIG ? `${base.NIX_CONFIG}\n${extra}` : extra };
}

/** The real runner: execFile with a 64 MiB output limit. A missing program resolves with code 127. */
export const runProcess: ProcessRunner = (file, args, options = {}) =>
  new Promise((resolve) => {
    execFile(
      file,
      args,
      { env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (!err) return resolve({ code: 0, stdout, stderr });
        const e = err as NodeJS.ErrnoException & { code?: number | string };
        const code = typeof e.code === 'number' ? e.code : e.code === 'ENOENT' ? 127 : 1;
        resolve({ code, stdout: stdout ?? '', stderr: stderr || e.message });
      },
    );
  });
