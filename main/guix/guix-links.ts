// Generations of a Guix profile by Guix's rules (guix/profiles.scm:2186-2290): the numbers are the directory's
// entries matching ^BASENAME-([0-9]+) (holes are normal), current is the number in the basename of
// readlink(PROFILE), generation N is the file PROFILE-N-link, its date the ctime of what it points at.
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute } from 'node:path';

/** What Guix finds beside a profile link. */
export interface GuixLinks {
  /** Ascending, without repeats; empty when there is none (Guix's `(0)`). */
  numbers: number[];
  /** The generation the profile link names, or null (Guix's 0) when it names none or is missing. */
  current: number | null;
  /** Set when the profile's directory cannot be listed at all. */
  problem?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The numbers and current generation of the profile link `profile`. */
export async function readGuixLinks(profile: string): Promise<GuixLinks> {
  const rx = new RegExp(`^${escape(basename(profile))}-([0-9]+)`);
  let current: number | null = null;
  try {
    const m = rx.exec(basename(await readlink(profile)));
    if (m) current = Number(m[1]);
  } catch {
    current = null;
  }
  let entries: string[];
  try {
    entries = await readdir(dirname(profile));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { numbers: [], current };
    return { numbers: [], current, problem: `the directory ${dirname(profile)} cannot be read (${code ?? String(err)}); check its permissions` };
  }
  const numbers = new Set<number>();
  for (const entry of entries) {
    const m = rx.exec(entry);
    if (m) numbers.add(Number(m[1]));
  }
  return { numbers: [...numbers].sort((a, b) => a - b), current: current === 0 ? null : current };
}

/** Generation `n`'s link: `PROFILE-N-link` (guix/profiles.scm:2280). */
export const guixGenerationFile = (profile: string, n: number) => `${profile}-${n}-link`;

/** readlink* (guix/utils.scm:1135): follows links up to 50 deep, joining a relative target to its directory as text (a dangling link: what it names). */
export async function canonicalFileName(file: string): Promise<string> {
  let current = file;
  for (let depth = 0; depth < 50; depth++) {
    let target: string;
    try {
      target = await readlink(current);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EINVAL' || (code === 'ENOENT' && depth > 0)) return current; // not a link; or a dangling link's target
      throw err;
    }
    current = isAbsolute(target) ? target : `${dirname(current)}/${target}`;
  }
  return current;
}

/** The date Guix prints (ctime of the link's target) and the link's own mtime (the boot menu's); null where unreadable. */
export async function generationTimes(file: string): Promise<{ ctime: Date | null; linkMtime: Date | null }> {
  const [target, link] = await Promise.allSettled([stat(file), lstat(file)]);
  return { ctime: target.status === 'fulfilled' ? target.value.ctime : null, linkMtime: link.status === 'fulfilled' ? link.value.mtime : null };
}
