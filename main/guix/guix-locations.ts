// Where Guix keeps its three kinds of profile (guix/config.scm.in:96, guix/scripts/system.scm:279,
// guix/scripts/home.scm:94, guix/profiles.scm:2368-2380).
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The three Guix profiles Gentry reads. */
export type GuixProfileKind = 'guix-system' | 'guix-home' | 'guix-user';

/** The profile links of one machine and person. */
export interface GuixProfilePaths {
  /** `$state`: `$GUIX_STATE_DIRECTORY`, else /var/guix (under `root`). */
  stateDirectory: string;
  system: string;
  home: string;
  user: string;
  /** The profiles named on the command line (--guix-system-profile …): listed even where missing, with a problem. */
  explicit?: GuixProfileKind[];
}

/** What the defaults depend on; `root` prefixes every path (tests build a machine under a temporary directory). */
export interface GuixLocationEnv {
  env: Record<string, string | undefined>;
  /** `$USER`, else `$LOGNAME`, else the account name (as Guix falls back to getpwuid). */
  user: string;
  root?: string;
}

/** Guix's own places for the system, home and user profiles. */
export function guixProfilePaths({ env, user, root = '' }: GuixLocationEnv): GuixProfilePaths {
  const stateDirectory = join(root || '/', env.GUIX_STATE_DIRECTORY || '/var/guix');
  const person = env.USER || env.LOGNAME || user;
  const perUser = join(stateDirectory, 'profiles/per-user', person);
  return { stateDirectory, system: join(stateDirectory, 'profiles/system'), home: join(perUser, 'guix-home'), user: join(perUser, 'guix-profile') };
}

/** The --guix-system-profile, --guix-home-profile and --guix-user-profile options. */
export interface GuixOverrides {
  guixSystemProfile?: string;
  guixHomeProfile?: string;
  guixUserProfile?: string;
}

/** `paths` with the profiles the options name instead of the defaults. */
export function withGuixOverrides(paths: GuixProfilePaths, o: GuixOverrides): GuixProfilePaths {
  const explicit: GuixProfileKind[] = [];
  const out = { ...paths };
  if (o.guixSystemProfile !== undefined) {
    out.system = resolve(o.guixSystemProfile);
    explicit.push('guix-system');
  }
  if (o.guixHomeProfile !== undefined) {
    out.home = resolve(o.guixHomeProfile);
    explicit.push('guix-home');
  }
  if (o.guixUserProfile !== undefined) {
    out.user = resolve(o.guixUserProfile);
    explicit.push('guix-user');
  }
  return explicit.length ? { ...out, explicit } : out;
}

/** Whether the machine has anything of Guix to list: its state directory, or a profile named explicitly. Cheap: one stat. */
export async function guixPresent(paths: GuixProfilePaths | undefined): Promise<boolean> {
  if (paths === undefined) return false;
  if (paths.explicit?.length) return true;
  return stat(paths.stateDirectory).then((s) => s.isDirectory(), () => false);
}
