// Profile links as Nix keeps them (src/libstore/profiles.cc): `<profile>-<N>-link` beside the profile link.
import { lstat, readdir, readlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** One `<name>-<N>-link` found beside a profile. */
export interface GenerationLink {
  number: number;
  linkPath: string;
  /** What the link points at (absolute), or null when it cannot be read. */
  target: string | null;
  /** The link's own modification time (lstat), which Nix uses as the generation's date. */
  mtime: Date;
}

/** What reading a profile's links found. */
export interface ProfileLinks {
  generations: GenerationLink[];
  /** The generation the profile link points at, or null when it points elsewhere or is missing. */
  current: number | null;
}

/** Raised when a profile cannot be read at all; the message says why and what to do. */
export class ProfileUnreadableError extends Error {
  override name = 'ProfileUnreadableError';
}

/** The path of generation `number`'s link beside the profile link `profilePath`: `<dir>/<name>-<N>-link`. */
export function generationLink(profilePath: string, number: number): string {
  return join(dirname(profilePath), `${basename(profilePath)}-${number}-link`);
}

/** Parses `<profileName>-<N>-link` the way Nix's parseName does; null when it does not match. */
export function parseGenerationLinkName(profileName: string, fileName: string): number | null {
  const prefix = `${profileName}-`;
  if (!fileName.startsWith(prefix) || !fileName.endsWith('-link')) return null;
  const digits = fileName.slice(prefix.length, -'-link'.length);
  if (!/^[0-9]+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Lists the generation links of the profile at `profilePath`, ascending by number. */
export async function readProfileLinks(profilePath: string): Promise<ProfileLinks> {
  const dir = dirname(profilePath);
  const name = basename(profilePath);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ProfileUnreadableError(`the directory ${dir} does not exist`);
    if (code === 'EACCES') throw new ProfileUnreadableError(`the directory ${dir} is not readable by this user`);
    throw new ProfileUnreadableError(`the directory ${dir} cannot be read (${code ?? String(err)})`);
  }
  const found: { number: number; file: string }[] = [];
  for (const file of entries) {
    const number = parseGenerationLinkName(name, file);
    if (number !== null) found.push({ number, file });
  }
  found.sort((a, b) => a.number - b.number);
  const generations = await Promise.all(
    found.map(async ({ number, file }): Promise<GenerationLink> => {
      const linkPath = join(dir, file);
      const st = await lstat(linkPath);
      let target: string | null = null;
      if (st.isSymbolicLink()) target = resolve(dir, await readlink(linkPath));
      return { number, linkPath, target, mtime: st.mtime };
    }),
  );
  let current: number | null = null;
  try {
    const target = await readlink(profilePath);
    current = parseGenerationLinkName(name, basename(target));
  } catch {
    current = null;
  }
  return { generations, current };
}
