// Takes a world apart: its store paths (one nix-store --delete) and its root directory.
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { deletePaths } from './nix-store-cli.ts';
import type { World } from './world-types.ts';
import { worldLayout } from './world-layout.ts';

const storePathLine = /^\/nix\/store\/[0-9a-df-np-sv-z]{32}-[A-Za-z0-9+._?=-]+$/;

/** The store paths a world root lists in store-paths.txt (none when the file is missing). */
export async function listedStorePaths(root: string): Promise<string[]> {
  try {
    const text = await readFile(worldLayout(root).storePathsFile, 'utf8');
    return text.split('\n').filter((line) => storePathLine.test(line));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Deletes a world's store paths and then its root. Works on half-built worlds and on worlds whose
 * paths are already gone; refuses a non-empty directory that is not a world.
 */
export async function removeWorld(worldOrRoot: World | string): Promise<void> {
  const root = resolve(typeof worldOrRoot === 'string' ? worldOrRoot : worldOrRoot.root);
  if (!existsSync(root)) return;
  const layout = worldLayout(root);
  const isWorld = existsSync(layout.storePathsFile) || existsSync(layout.worldJson) || readdirSync(root).length === 0;
  if (!isWorld) throw new Error(`${root} is not a Gentry world (no store-paths.txt or world.json); not removing it`);
  const paths = await listedStorePaths(root);
  if (paths.length > 0) await deletePaths(paths);
  await rm(root, { recursive: true, force: true });
}
