// Where Guix keeps its three kinds of profile (guix/config.scm.in:96, guix/scripts/system.scm:279,
// guix/scripts/home.scm:94, guix/profiles.scm:2368-2380).
import { join } from 'node:path';

/** The three Guix profiles Gentry reads. */
export type GuixProfileKind = 'guix-system' | 'guix-home' | 'guix-user';

/** The profile links of one machine and person. */
export interface GuixProfilePaths {
  /** `$state`: `$GUIX_STATE_DIRECTORY`, else /var/guix (under `root`). */
  stateDirectory: string;
  system: string;
  home: string;
  user: string;
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
