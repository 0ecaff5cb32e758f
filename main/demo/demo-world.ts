// The demo machine: a world (worlds/) built in the real Nix store, reused while it is intact.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildWorld, loadWorld, removeWorld, type World } from '../../worlds/index.ts';
import { appRoot } from '../app-root.ts';
import { GentryError } from '../infra/errors.ts';
import { buildHelperBinary } from '../helper/helper-binary.ts';
import type { Logger } from '../infra/log.ts';
import { gentryCacheDir, type MachinePaths } from '../nix/locations.ts';

/** Where the demo lives unless `--dir` says otherwise. */
export function defaultDemoDir(env: Readonly<Record<string, string | undefined>> = process.env, homeDir: string = homedir()): string {
  return join(gentryCacheDir(env, homeDir), 'demo');
}

/** The machine paths that look at a world. */
export function worldPaths(world: World): MachinePaths {
  return {
    systemProfile: world.systemProfile,
    homeProfiles: [world.homeProfile],
    homeProfilesExplicit: true,
    userProfiles: [world.userProfile],
    bootedSystem: world.bootedSystem,
    nixDb: '/nix/var/nix/db/db.sqlite',
  };
}

/**
 * Builds this checkout's privileged helper with cargo (a no-op when it is fresh), so that the demo's
 * actions work out of the box; without cargo, or when the build fails, says so and goes on without it.
 */
export function buildDemoHelper(log: Logger): void {
  if (process.env.GENTRY_HELPER || !existsSync(join(appRoot(), 'native-helpers/gentry-helper/Cargo.toml'))) return;
  const PATH = [process.env.PATH, join(homedir(), '.cargo/bin')].filter(Boolean).join(':');
  if (spawnSync('cargo', ['--version'], { stdio: 'ignore', env: { ...process.env, PATH } }).status !== 0) {
    log.warn('cargo is not installed, so the demo runs without the privileged helper: changes to its generations are off, the demo build still works (install cargo and start the demo again to turn them on)');
    return;
  }
  log.info('building the privileged helper with cargo (the first time takes a minute)');
  try {
    buildHelperBinary();
  } catch (err) {
    log.warn(`the demo runs without the privileged helper: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Loads the demo world in `dir`, or builds one there when it is missing or its store paths are gone. */
export async function openDemoWorld(dir: string, log: Logger): Promise<World> {
  buildDemoHelper(log);
  if (existsSync(join(dir, 'world.json'))) {
    let world: World;
    try {
      world = await loadWorld(dir);
    } catch (err) {
      throw new GentryError('bad-input', `${dir} holds a world.json that Gentry cannot read (${(err as Error).message}).`, 'Choose another --dir, or remove that directory yourself.');
    }
    if (existsSync(world.systemProfile) && existsSync(world.bootedSystem)) return world;
    log.warn(`the demo machine in ${dir} lost its store paths (garbage-collected?); building it again`);
    await removeWorld(world);
  } else if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new GentryError('bad-input', `${dir} is not empty and holds no demo machine.`, 'Choose an empty or new directory with --dir.');
  }
  log.info(`building a demo machine in ${dir}`);
  return buildWorld({ preset: 'demo', dir });
}
