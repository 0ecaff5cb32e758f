// Whether the privileged helper can run here, asked before any preview: pkexec on PATH and the helper at its
// installed path (or GENTRY_HELPER's binary). The one place the window, the CLI and the Rebuild view's recipes
// take the reason from, so an action is refused up front, not after a preview and a confirmation.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import type { HelperCommand } from './helper-client.ts';

/** pkexec is missing: nothing can ask for the administrator password. */
export const PKEXEC_MISSING = 'pkexec is not installed, so Gentry cannot ask for the administrator password. Install polkit (on NixOS: security.polkit.enable).';
/** The helper is not at the path its polkit policy names. */
export const HELPER_MISSING = "The privileged helper (gentry-helper) is not installed. Add Gentry's NixOS module to your configuration (programs.gentry.enable = true) and rebuild once by hand.";

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when `program` (a path, or a name looked up in PATH) is an executable file. */
export async function onPath(program: string, env: Record<string, string | undefined> = process.env): Promise<boolean> {
  if (program.includes('/')) return executable(program);
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && isAbsolute(dir) && (await executable(join(dir, program)))) return true;
  }
  return false;
}

/** Why the helper cannot run here (one sentence with what to do), or null when it can. */
export async function helperUnavailable(helper: HelperCommand, env: Record<string, string | undefined> = process.env): Promise<string | null> {
  if (helper.viaPkexec) {
    if (!(await onPath(helper.program, env))) return PKEXEC_MISSING;
    if (!(await executable(helper.prefix[0] ?? ''))) return HELPER_MISSING;
    return null;
  }
  return (await executable(helper.program)) ? null : `The helper binary Gentry was started with (${helper.program}) does not exist or cannot be run. Build it, or start Gentry without GENTRY_HELPER to use the installed one.`;
}
