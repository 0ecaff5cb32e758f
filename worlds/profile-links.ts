// Profile links as Nix makes them: absolute <name>-N-link symlinks dated by their mtime, and a
// relative <name> link to the current one.
import { lutimesSync, mkdirSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ProfileRecord } from './generation-record.ts';

/** The path of generation `number`'s link next to `profile`. */
function generationLink(profile: string, number: number): string {
  return join(dirname(profile), `${basename(profile)}-${number}-link`);
}

/** Makes a symlink and sets its own mtime (not its target's). */
function datedSymlink(target: string, path: string, date: Date): void {
  symlinkSync(target, path);
  const seconds = date.getTime() / 1000;
  lutimesSync(path, seconds, seconds);
}

/** Writes every generation link of `profile` and the profile link itself. */
export function writeProfileLinks(profile: ProfileRecord): void {
  mkdirSync(dirname(profile.path), { recursive: true });
  let currentDate: Date | null = null;
  for (const generation of profile.generations) {
    datedSymlink(generation.target, generationLink(profile.path, generation.number), generation.date);
    if (generation.number === profile.current) currentDate = generation.date;
  }
  if (!currentDate) throw new Error(`profile ${profile.path}: no generation ${profile.current}`);
  datedSymlink(basename(generationLink(profile.path, profile.current)), profile.path, currentDate);
}
