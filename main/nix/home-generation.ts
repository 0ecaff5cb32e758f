// What a home-manager generation says about itself (nix-formats.md §5).
import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The fields of a home-manager generation read from its store path. */
export interface HomeGenerationInfo {
  homeManagerVersion: string | null;
  specialisations: string[];
  problems: string[];
}

/** Reads a `…-home-manager-generation`; an old generation without `hm-version` gets a problem saying so. */
export async function readHomeGeneration(generation: string): Promise<HomeGenerationInfo> {
  const problems: string[] = [];
  const [version, hasActivate, specialisations] = await Promise.all([
    readFile(join(generation, 'hm-version'), 'utf8').then(
      (s) => s.trim() || null,
      () => null,
    ),
    access(join(generation, 'activate')).then(
      () => true,
      () => false,
    ),
    readdir(join(generation, 'specialisation')).then(
      (names) => names.sort(),
      () => [] as string[],
    ),
  ]);
  if (!hasActivate) problems.push('no activate script: this is not a home-manager generation');
  else if (version === null) problems.push('no hm-version file: made by an older home-manager that did not record its version');
  return { homeManagerVersion: version, specialisations, problems };
}
