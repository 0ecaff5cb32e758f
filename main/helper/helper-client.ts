// The app's side of the privileged helper: run it (through pkexec, or directly under --root for
// tests and worlds), stream its JSON-line progress, and turn every way it can end into a message
// that says what happened and what state the system is in.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** How to start the helper. */
export interface HelperCommand {
  /** `pkexec` (normal use) or the helper binary itself (tests, worlds). */
  program: string;
  /** Arguments before the verb: the helper's path for pkexec, or `--root DIR` for a direct run. */
  prefix: string[];
  /** True when `program` is pkexec, whose exit codes 126 and 127 mean cancelled and not authorised. */
  viaPkexec: boolean;
}

/**
 * Where the NixOS module puts the helper: the path the polkit policy template
 * (native-helpers/polkit/org.gentry.helper.policy) names and nix/nixos-module.nix links
 * (environment.pathsToLink "/libexec"). pkexec compares this string with the policy's exec.path, so
 * the three must agree; nix/helper-path.integration.test.ts reads all three.
 */
export const NIXOS_HELPER = '/run/current-system/sw/libexec/gentry-helper';

/** Where the deb installs the helper (its copy of the policy names this path instead). */
export const DEB_HELPER = '/usr/libexec/gentry-helper';

/** The installed helper's paths, in the order Gentry tries them: NixOS, then the deb. */
export const INSTALLED_HELPERS: readonly string[] = [NIXOS_HELPER, DEB_HELPER];

/** The NixOS path: what messages name when no helper is installed. */
export const INSTALLED_HELPER = NIXOS_HELPER;

/** The first installed helper path that exists, else the NixOS one (so that messages name where it belongs). */
export function installedHelper(exists: (path: string) => boolean = existsSync): string {
  return INSTALLED_HELPERS.find((p) => exists(p)) ?? NIXOS_HELPER;
}

/** The helper command: pkexec and the installed helper, unless GENTRY_HELPER names a binary to run directly (with GENTRY_HELPER_ROOT as --root). */
export function helperCommand(env: Record<string, string | undefined> = process.env, exists: (path: string) => boolean = existsSync): HelperCommand {
  const direct = env.GENTRY_HELPER;
  if (direct) return { program: direct, prefix: env.GENTRY_HELPER_ROOT ? ['--root', env.GENTRY_HELPER_ROOT] : [], viaPkexec: false };
  return { program: 'pkexec', prefix: [installedHelper(exists)], viaPkexec: true };
}

/** How a helper run ended. */
export type HelperState = 'done' | 'cancelled' | 'not-authorised' | 'bad-arguments' | 'refused' | 'failed' | 'crashed';

/** The outcome of one helper run. */
export interface HelperOutcome {
  state: HelperState;
  exitCode: number;
  /** The helper's final `{"event":"result",…}` line, or null when it printed none. */
  result: Record<string, unknown> | null;
  /** One sentence for the person: what happened, and what state the system is in. */
  message: string;
}

/** What the outcome of an exit code means (pure; unit-tested). */
export function describeExit(cmd: HelperCommand, code: number, result: Record<string, unknown> | null, stderr: string): Omit<HelperOutcome, 'result'> {
  const said = typeof result?.error === 'string' ? result.error : stderr.trim().split('\n').pop() || 'no message';
  const restoredList = Array.isArray(result?.restored) ? (result.restored as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  const restored = restoredList.length > 0 ? ` Restored: ${restoredList.join('; ')}.` : '';
  if (cmd.viaPkexec && code === 126) return { state: 'cancelled', exitCode: code, message: 'The password prompt was cancelled; nothing changed.' };
  if (cmd.viaPkexec && code === 127) return { state: 'not-authorised', exitCode: code, message: 'This account is not allowed to do that (polkit refused); nothing changed.' };
  switch (code) {
    case 0:
      return { state: 'done', exitCode: code, message: 'Done.' };
    case 2:
      return { state: 'bad-arguments', exitCode: code, message: `The helper refused its arguments (${said}); nothing changed. This is a bug in Gentry.` };
    case 3:
      return { state: 'refused', exitCode: code, message: `Refused: ${said}. Nothing changed.` };
    case 4:
      return { state: 'failed', exitCode: code, message: `It failed: ${said}.${restored || ' Check `gentry list` for the state of the profile.'}` };
    default:
      return { state: 'crashed', exitCode: code, message: `The helper stopped unexpectedly (exit ${code}: ${said}). The system may be part-way through a change: check \`gentry list\`.` };
  }
}

/** Runs one helper verb; `onProgress` sees each progress line; `stdin` is written to its standard input (else it reads end-of-file). Never rejects for the helper's own failures. */
export function runHelper(cmd: HelperCommand, args: readonly string[], onProgress: (event: Record<string, unknown>) => void = () => {}, stdin?: string): Promise<HelperOutcome> {
  return new Promise((resolve) => {
    const child = spawn(cmd.program, [...cmd.prefix, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => {}); // a helper that exits early closes the pipe; its exit status says why
    child.stdin.end(stdin ?? '');
    let result: Record<string, unknown> | null = null;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString();
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event: unknown;
      try {
        event = JSON.parse(line);
      } catch {
        return; // not a protocol line
      }
      if (typeof event !== 'object' || event === null) return;
      const e = event as Record<string, unknown>;
      if (e.event === 'result') result = e;
      else if (e.event === 'progress') onProgress(e);
    });
    child.on('error', (err) => resolve({ state: 'crashed', exitCode: -1, result: null, message: `Cannot start ${cmd.program} (${err.message}); nothing changed. Is the helper installed?` }));
    child.on('close', (code) => resolve({ ...describeExit(cmd, code ?? -1, result, stderr), result }));
  });
}
