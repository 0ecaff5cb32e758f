// home-manager's generations belong to the person, so switching and deleting them needs no helper:
// point the profile at the generation and run its `activate`; delete the person's own links.
import { randomBytes } from 'node:crypto';
import { readlink, rename, symlink, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ActionOutcome } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { resolveGeneration } from '../diff/resolve-side.ts';
import { generationLink, readProfileLinks } from '../nix/profile-links.ts';
import type { ProcessRunner } from '../infra/process.ts';

/** Points `link` at `target` atomically: a temporary symlink beside it, renamed over it. */
export async function replaceLink(link: string, target: string): Promise<void> {
  const tmp = join(dirname(link), `.${basename(link)}.${randomBytes(6).toString('hex')}.tmp`);
  await symlink(target, tmp);
  try {
    await rename(tmp, link);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/** Switches the home-manager profile at `profile` to generation `number` and activates it; puts the old link back if activation fails. */
export async function switchHome(profile: string, number: number, run: ProcessRunner): Promise<ActionOutcome> {
  const { side } = await resolveGeneration(profile, 'home', number);
  const previous = await readlink(profile).catch(() => null);
  await replaceLink(profile, basename(generationLink(profile, number)));
  const res = await run(join(side.storePath, 'activate'), [], { timeoutMs: 10 * 60_000 });
  if (res.code === 0) return { state: 'done', message: `home-manager generation ${number} is active.`, result: null };
  let restored = 'the profile link could not be put back: check `gentry list`';
  if (previous !== null) {
    await replaceLink(profile, previous);
    restored = `the profile points at ${previous} again`;
  }
  const said = res.stderr.trim().split('\n').pop() || `exit ${res.code}`;
  return { state: 'failed', message: `Activating home-manager generation ${number} failed (${said}); ${restored}.`, result: { activationExitCode: res.code, restored: [restored] } };
}

/** Deletes home-manager generation links; refuses the current one before removing anything. */
export async function deleteHome(profile: string, numbers: readonly number[]): Promise<ActionOutcome> {
  const { generations, current } = await readProfileLinks(profile);
  for (const n of numbers) {
    if (!generations.some((g) => g.number === n)) throw new GentryError('bad-input', `${basename(profile)} has no generation ${n}`, null);
    if (n === current) throw new GentryError('bad-input', `generation ${n} is the current home-manager generation and cannot be deleted`, 'Switch to another generation first.');
  }
  const removed: number[] = [];
  for (const n of numbers) {
    await unlink(generationLink(profile, n));
    removed.push(n);
  }
  return { state: 'done', message: `Deleted home-manager generation${removed.length > 1 ? 's' : ''} ${removed.join(', ')}.`, result: { removed } };
}
