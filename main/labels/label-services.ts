// main/labels/: labels and notes on generations (labels.json) and the setLabel handler.
// The setLabel call: label (or unlabel) one generation of a profile.
import { readlink } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { GentryHandlers } from '../../common/contract/index.ts';
import { generationLink } from '../nix/profile-links.ts';
import { profilePath } from '../nix/profile-path.ts';
import { GentryError } from '../infra/errors.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { writeLabel } from './labels.ts';

/** The handlers for labels. */
export function labelHandlers(deps: ServiceDeps): Pick<GentryHandlers, 'setLabel'> {
  return {
    setLabel: async ({ generation: g, label, note }) => {
      const profile = await profilePath(deps.paths(), g.kind, g.name);
      const link = generationLink(profile, g.number);
      const target = await readlink(link).then(
        (t) => resolve(dirname(link), t),
        () => {
          throw new GentryError('bad-input', `${basename(profile)} has no generation ${g.number}`, 'List them with gentry list.');
        },
      );
      const stored = await writeLabel(deps.stateDir, { profile, number: g.number, storePath: target }, label, note ?? null);
      deps.emit('profilesChanged', { reason: 'label' });
      return { label: stored?.label ?? null, note: stored?.note ?? null };
    },
  };
}
