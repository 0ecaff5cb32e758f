// What the machine offers the recipes: which programs are on PATH, whether the privileged helper is
// installed, and whether the system flake's directory is writable. Read fresh for every listing (cheap:
// a few stat calls), so installing something or changing a setting shows at once.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Settings } from '../../common/contract/index.ts';
import { type HelperCommand, INSTALLED_HELPER } from '../helper/helper-client.ts';
import { localFlakeDir, type RecipeEnvironment } from './recipes.ts';

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Probes the machine for the programs the recipes use. */
export async function probeRecipeEnvironment(settings: Settings, helper: HelperCommand, homeDir: string, env: Record<string, string | undefined> = process.env): Promise<RecipeEnvironment> {
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '' && isAbsolute(d));
  const programs = ['home-manager', 'nix', 'nix-build', helper.program];
  const found = new Map<string, boolean>();
  await Promise.all(
    programs.map(async (p) => {
      if (p.includes('/')) return found.set(p, await executable(p));
      for (const d of dirs) if (await executable(join(d, p))) return found.set(p, true);
      return found.set(p, false);
    }),
  );
  const helperInstalled = helper.viaPkexec ? await executable(helper.prefix[0] ?? INSTALLED_HELPER) : (found.get(helper.program) ?? false);
  let flakeDir: RecipeEnvironment['flakeDir'] = null;
  const dir = settings.systemFlake === null ? null : localFlakeDir(settings.systemFlake, homeDir);
  if (dir !== null) {
    let writable = false;
    let exists = true;
    try {
      await access(dir, constants.F_OK);
    } catch {
      exists = false;
    }
    try {
      await access(dir, constants.W_OK);
      try {
        await access(join(dir, 'flake.lock'), constants.W_OK);
        writable = true;
      } catch (err) {
        writable = (err as NodeJS.ErrnoException).code === 'ENOENT'; // no lock yet: the directory decides
      }
    } catch {
      writable = false;
    }
    flakeDir = { path: dir, writable, exists };
  }
  return { has: (p) => found.get(p) ?? false, helperInstalled, flakeDir };
}
