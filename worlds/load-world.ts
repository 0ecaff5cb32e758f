// Reads a built world back from its world.json.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { World } from './world-types.ts';
import { worldLayout } from './world-layout.ts';

const requiredText: (keyof World)[] = ['id', 'seed', 'preset', 'root', 'systemProfile', 'profilesDir', 'homeProfile', 'userProfile', 'bootedSystem', 'esp'];

/** The world whose root is `root` (reads <root>/world.json). */
export async function loadWorld(root: string): Promise<World> {
  const path = worldLayout(resolve(root)).worldJson;
  const world = JSON.parse(await readFile(path, 'utf8')) as World;
  for (const key of requiredText) {
    if (typeof world[key] !== 'string') throw new Error(`${path}: "${key}" is missing or not a string`);
  }
  if (!Array.isArray(world.expected?.profiles)) throw new Error(`${path}: "expected.profiles" is missing`);
  world.bootLoader ??= 'systemd-boot'; // worlds written before GRUB worlds existed
  return world;
}
