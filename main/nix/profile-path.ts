// Finding a profile's link by what the UI and the command line call it: (kind, name).
import type { ProfileKind } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import type { MachinePaths } from './locations.ts';
import { profileRefs } from './read-model.ts';

/** The profile link of (kind, name), or a bad-input error naming the profiles there are. */
export async function profilePath(paths: MachinePaths, kind: ProfileKind, name: string): Promise<string> {
  const refs = await profileRefs(paths);
  const ref = refs.find((r) => r.kind === kind && r.name === name);
  if (!ref) {
    const known = refs.map((r) => (r.kind === 'system' && r.name === 'system' ? 'system' : `${r.kind === 'system' ? '' : `${r.kind} `}${r.name}`)).join(', ');
    throw new GentryError('bad-input', `there is no ${kind} profile named ${JSON.stringify(name)}`, `Profiles here: ${known}.`);
  }
  return ref.path;
}
