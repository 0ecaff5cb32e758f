// Builds a world: plans every profile, writes the store paths, registers them with Nix in one call,
// then makes the profile links, /run links and the ESP (systemd-boot or GRUB), and saves world.json.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expectedProfile } from './expected-profiles.ts';
import { writeGrubBoot } from './grub-esp.ts';
import { registerPaths } from './nix-store-cli.ts';
import { planWorld, type WorldPlan } from './plan-world.ts';
import { isPresetName, presets } from './presets.ts';
import { writeProfileLinks } from './profile-links.ts';
import { removeWorld } from './remove-world.ts';
import { firstExisting, writeStorePaths } from './store-writer.ts';
import { writeEsp, type BootGeneration } from './systemd-boot-esp.ts';
import { wholeSeconds } from './timeline.ts';
import { hexDigest, randomSeed, worldIdFromSeed } from './world-hash.ts';
import { worldLayout, type WorldLayout } from './world-layout.ts';
import type { World, WorldOptions } from './world-types.ts';

function count(value: number | undefined, fallback: number, what: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, not ${String(value)}`);
  return n;
}

async function prepareRoot(dir: string | undefined): Promise<{ root: string; created: boolean }> {
  if (dir === undefined) return { root: await mkdtemp(join(tmpdir(), 'gentry-world-')), created: true };
  const root = resolve(dir);
  if (existsSync(root)) {
    if (readdirSync(root).length > 0) throw new Error(`${root} is not empty; a world needs an empty or new directory`);
    return { root, created: false };
  }
  mkdirSync(root, { recursive: true });
  return { root, created: true };
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Builds a world in the machine's real Nix store; see WorldOptions for the knobs. */
export async function buildWorld(options: WorldOptions): Promise<World> {
  if (!isPresetName(options.preset)) throw new Error(`unknown preset "${String(options.preset)}" (small, demo or large)`);
  const preset = presets[options.preset];
  const systemGenerations = count(options.systemGenerations, preset.systemGenerations, 'systemGenerations');
  const homeGenerations = count(options.homeGenerations, preset.homeGenerations, 'homeGenerations');
  const quirks = options.quirks ?? false;
  const bootLoader = options.bootLoader ?? 'systemd-boot';
  if (bootLoader !== 'systemd-boot' && bootLoader !== 'grub') throw new Error(`unknown boot loader "${String(bootLoader)}" (systemd-boot or grub)`);
  const seed = options.seed ?? randomSeed();
  const id = worldIdFromSeed(seed);
  const now = wholeSeconds(options.now ?? new Date());
  if (Number.isNaN(now.getTime())) throw new Error('now must be a valid date');
  const { root, created } = await prepareRoot(options.dir);
  const layout = worldLayout(root);

  let plan: WorldPlan;
  try {
    plan = planWorld({ id, seed, layout, preset, systemGenerations, homeGenerations, quirks, now });
    const clash = firstExisting(plan.graph.nodes);
    if (clash) throw new Error(`the store already holds ${clash.path}: a world with seed "${seed}" exists; remove it or use another seed`);
  } catch (error) {
    if (created) await rm(root, { recursive: true, force: true });
    throw error;
  }

  try {
    // The list goes first, so that removeWorld can clean up whatever happens next.
    writeText(layout.storePathsFile, plan.graph.nodes.map((node) => `${node.path}\n`).join(''));
    writeStorePaths(plan.graph.nodes);
    await registerPaths(plan.graph);
    return writeWorldFiles(plan, { id, seed, preset: preset.name, layout, quirks, bootLoader, grubDefault: options.grubDefault ?? '0' });
  } catch (error) {
    await removeWorld(root).catch(() => undefined);
    throw error;
  }
}

interface WorldInfo {
  id: string;
  seed: string;
  preset: string;
  layout: WorldLayout;
  quirks: boolean;
  bootLoader: 'systemd-boot' | 'grub';
  grubDefault: '0' | 'saved';
}

function writeWorldFiles(plan: WorldPlan, info: WorldInfo): World {
  const { systems, home, user, graph } = plan;
  const { layout } = info;
  const profiles = [systems.system, systems.work, home, user];
  for (const profile of profiles) writeProfileLinks(profile);
  link(layout.userProfile, layout.nixProfileLink);
  link(systems.booted.target, layout.bootedSystem);
  link(systems.currentRecord.target, layout.currentSystem);
  if (info.quirks) writeText(join(layout.outsideToplevel, 'README'), 'A toplevel copied out of the store by hand.\n');

  const machineId = hexDigest('machine-id', info.seed).slice(0, 32);
  writeText(layout.machineId, `${machineId}\n`);
  const bootGenerations: BootGeneration[] = [];
  for (const [profile, record] of [[null, systems.system], ['work', systems.work]] as const) {
    for (const generation of record.generations) {
      if (generation.system) bootGenerations.push({ profile, number: generation.number, date: generation.date, system: generation.system });
    }
  }
  const grub =
    info.bootLoader === 'grub'
      ? writeGrubBoot(layout.esp, systems.currentRecord, [{ name: null, generations: systems.system.generations }, { name: 'work', generations: systems.work.generations }], { default: info.grubDefault, timeout: 5, configurationLimit: 100 }, machineId)
      : undefined;
  if (!grub) writeEsp(layout.esp, bootGenerations, systems.currentRecord.number, machineId);
  mkdirSync(join(layout.root, 'sys/firmware/efi/efivars'), { recursive: true }); // efivarfs of a UEFI machine, no variables set

  const world: World = {
    id: info.id,
    seed: info.seed,
    preset: info.preset,
    root: layout.root,
    systemProfile: layout.systemProfile,
    profilesDir: layout.profilesDir,
    otherSystemProfiles: [layout.workProfile],
    home: layout.home,
    homeProfile: layout.homeProfile,
    userProfile: layout.userProfile,
    bootedSystem: layout.bootedSystem,
    currentSystem: layout.currentSystem,
    esp: layout.esp,
    bootLoader: info.bootLoader,
    switchLog: layout.switchLog,
    storePathCount: graph.nodes.length,
    expected: { profiles: profiles.map((profile) => expectedProfile(profile, systems.booted.target)), ...(grub ? { grub } : {}) },
  };
  writeText(layout.worldJson, `${JSON.stringify(world, null, 2)}\n`);
  return world;
}
