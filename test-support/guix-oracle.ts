// Guix's own reading of a profile, for tests: /work/shared/guix-oracle (Guix's source under Debian's Guile,
// read-only). Compiled once into $XDG_CACHE_HOME/guix-oracle (compile.sh installs Guile from Debian if missing).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the oracle lives: ../shared/guix-oracle beside the checkout (the planning tree), or $GUIX_ORACLE_DIR. */
export const GUIX_ORACLE_DIR = process.env.GUIX_ORACLE_DIR ?? resolve(import.meta.dirname, '../../shared/guix-oracle');

/** The oracle's compiled cache. */
export const guixOracleCache = () => join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'guix-oracle');

/** Installs Guile (Debian) and compiles the oracle when that has not been done on this machine. */
export function ensureGuixOracle(): void {
  if (!existsSync(join(GUIX_ORACLE_DIR, 'run.sh'))) throw new Error(`The Guix oracle is not at ${GUIX_ORACLE_DIR}; set GUIX_ORACLE_DIR to the guix-oracle folder of the planning tree.`);
  execFileSync(join(GUIX_ORACLE_DIR, 'compile.sh'), [guixOracleCache()], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 900_000 });
}

/** What Guix itself reads from `profile` (run.sh's JSON). */
export function guixOracleJson(profile: string): GuixOracleProfile {
  const out = execFileSync(join(GUIX_ORACLE_DIR, 'run.sh'), [profile], { env: { ...process.env, GUIX_ORACLE_CACHE: guixOracleCache() }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  return JSON.parse(out) as GuixOracleProfile;
}

/** What `guix … list-generations` prints for `profile`, or the error Guix stops with. */
export function guixOracleText(profile: string): { ok: true; text: string } | { ok: false; stderr: string } {
  try {
    return { ok: true, text: execFileSync(join(GUIX_ORACLE_DIR, 'run.sh'), [profile, '--text'], { env: { ...process.env, GUIX_ORACLE_CACHE: guixOracleCache() }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }) };
  } catch (err) {
    return { ok: false, stderr: String((err as { stderr?: unknown }).stderr ?? err) };
  }
}

/** The oracle's JSON (the fields tests compare). */
export interface GuixOracleProfile {
  'generation-numbers': number[];
  'profile-generations': number[];
  current: number;
  generations: Record<string, unknown>[];
  'boot-menu'?: unknown;
  text: string;
}
