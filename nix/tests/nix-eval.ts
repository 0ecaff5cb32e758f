// Runs nix/tests/eval.nix with the real nix-instantiate and nixpkgs' real lib, for the tests in nix/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { nixEnv } from '../../main/infra/process.ts';

/** The checkout's root. */
export const ROOT = dirname(dirname(import.meta.dirname));

/** The first `shared/nixpkgs-lib/lib` beside the checkout or above it. */
function sharedLib(): string {
  for (let dir = dirname(ROOT); ; dir = dirname(dir)) {
    const lib = join(dir, 'shared/nixpkgs-lib/lib');
    if (existsSync(join(lib, 'default.nix'))) return lib;
    if (dirname(dir) === dir) return resolve(ROOT, '../shared/nixpkgs-lib/lib'); // not found: the error names the usual place
  }
}

/** nixpkgs' lib: GENTRY_NIXPKGS_LIB, else shared/nixpkgs-lib/lib beside the checkout (its README says why it is not copied in). */
export const NIXPKGS_LIB = process.env.GENTRY_NIXPKGS_LIB || sharedLib();

/** Throws a message that says what to do when nixpkgs' lib is not where the tests look. */
export function requireNixpkgsLib(): void {
  if (!existsSync(join(NIXPKGS_LIB, 'default.nix'))) {
    throw new Error(`nixpkgs' lib is not at ${NIXPKGS_LIB}; set GENTRY_NIXPKGS_LIB to a nixpkgs lib/ directory (for example <nixpkgs>/lib or a nix-community/nixpkgs.lib checkout's lib/)`);
  }
}

/** How one evaluation ended: the JSON value, or nix-instantiate's error text. */
export type EvalResult = { ok: true; value: unknown } | { ok: false; stderr: string };

/** Evaluates one case of nix/tests/eval.nix (`--eval --strict --json`). */
export function evalCase(kase: string, config: unknown = {}, opts: { withPkexecWrapperOption?: boolean } = {}): EvalResult {
  requireNixpkgsLib();
  const args = ['--eval', '--strict', '--json', join(ROOT, 'nix/tests/eval.nix'), '--argstr', 'libPath', NIXPKGS_LIB, '--argstr', 'case', kase, '--argstr', 'configJson', JSON.stringify(config)];
  if (opts.withPkexecWrapperOption === false) args.push('--arg', 'withPkexecWrapperOption', 'false');
  const r = spawnSync('nix-instantiate', args, { encoding: 'utf8', env: nixEnv(), timeout: 60_000 });
  if (r.error) throw new Error(`cannot run nix-instantiate (${r.error.message}); install Nix (apt-get install nix-bin)`);
  if (r.status !== 0) return { ok: false, stderr: r.stderr };
  return { ok: true, value: JSON.parse(r.stdout) };
}

/** Evaluates a case that must succeed; throws with Nix's error otherwise. */
export function evalOk<T>(kase: string, config: unknown = {}, opts: { withPkexecWrapperOption?: boolean } = {}): T {
  const r = evalCase(kase, config, opts);
  if (!r.ok) throw new Error(`evaluating ${kase} with ${JSON.stringify(config)} failed:\n${r.stderr}`);
  return r.value as T;
}

/** Evaluates a case that must fail; returns Nix's error text. */
export function evalFails(kase: string, config: unknown = {}, opts: { withPkexecWrapperOption?: boolean } = {}): string {
  const r = evalCase(kase, config, opts);
  if (r.ok) throw new Error(`evaluating ${kase} with ${JSON.stringify(config)} succeeded, but it should fail: ${JSON.stringify(r.value)}`);
  return r.stderr;
}
