// Builds real worlds in the machine's Nix store and checks them against Nix's own tools.
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Generation, Profile } from '../common/contract/index.ts';
import type { BootspecDocument } from './bootspec.ts';
import { buildWorld, loadWorld, removeWorld, type World } from './index.ts';
import { nixConfig } from './nix-store-cli.ts';
import { listedStorePaths } from './remove-world.ts';

const run = promisify(execFile);

/** Runs a Nix tool in UTC with the world's NIX_CONFIG; resolves with stdout. */
async function nix(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, {
    env: { ...process.env, NIX_CONFIG: nixConfig, TZ: 'UTC' },
    maxBuffer: 512 * 1024 * 1024,
  });
  return stdout;
}

/** True when `nix-store --check-validity` accepts every path. */
async function valid(paths: string[]): Promise<boolean> {
  return nix('nix-store', ['--check-validity', ...paths]).then(
    () => true,
    () => false,
  );
}

function profile(world: World, name: string): Profile {
  const found = world.expected.profiles.find((p) => p.name === name);
  if (!found) throw new Error(`no expected profile ${name}`);
  return found;
}

function storeGenerations(p: Profile): Generation[] {
  return p.generations.filter((g) => g.closureSize !== null);
}

/** `nix path-info -S --json` as path → closure size (Nix 2.8 prints a list, newer ones an object). */
async function closureSizes(paths: string[]): Promise<Map<string, number>> {
  const parsed = JSON.parse(await nix('nix', ['path-info', '-S', '--json', ...paths])) as unknown;
  const entries: [string, { closureSize: number }][] = Array.isArray(parsed)
    ? (parsed as { path: string; closureSize: number }[]).map((info) => [info.path, info])
    : Object.entries(parsed as Record<string, { closureSize: number }>);
  return new Map(entries.map(([path, info]) => [path, info.closureSize]));
}

/** The name part of a DrvName (`ripgrep` from `ripgrep-14.1.1`). */
function drvNameName(name: string): string {
  const match = /^(.*?)-[^a-zA-Z]/.exec(name);
  return match ? (match[1] as string) : name;
}

async function requisiteCount(path: string): Promise<number> {
  return (await nix('nix-store', ['-q', '--requisites', path])).trim().split('\n').length;
}

describe('a small world with quirks', () => {
  let world: World;
  let twin: World;

  beforeAll(async () => {
    // Two worlds at once: their store paths must not collide.
    [world, twin] = await Promise.all([buildWorld({ preset: 'small', quirks: true }), buildWorld({ preset: 'small' })]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([world, twin].filter((w) => w).map((w) => removeWorld(w)));
  }, 120_000);

  it('lists every profile with generations ascending', () => {
    expect(world.expected.profiles.map((p) => [p.kind, p.name, p.path])).toEqual([
      ['system', 'system', world.systemProfile],
      ['system', 'work', world.otherSystemProfiles[0]],
      ['home', 'home-manager', world.homeProfile],
      ['user', 'profile', world.userProfile],
    ]);
    for (const p of world.expected.profiles) {
      const numbers = p.generations.map((g) => g.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(p.generations.filter((g) => g.current)).toHaveLength(1);
    }
    expect(profile(world, 'work').generations).toHaveLength(3);
    expect(profile(world, 'profile').generations).toHaveLength(4);
  });

  it('agrees with nix-env --list-generations on numbers, dates and the current generation', async () => {
    for (const p of world.expected.profiles) {
      const listed = (await nix('nix-env', ['-p', p.path, '--list-generations']))
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const match = /^\s*(\d+)\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\s*(\(current\))?\s*$/.exec(line);
          if (!match) throw new Error(`unexpected nix-env line: ${line}`);
          return { number: Number(match[1]), date: match[2], current: match[3] !== undefined };
        });
      const expected = p.generations.map((g) => ({ number: g.number, date: g.date.replace('T', ' ').replace('Z', ''), current: g.current }));
      expect(listed, p.name).toEqual(expected);
    }
  });

  it('agrees with nix path-info -S on every closure size', async () => {
    for (const p of world.expected.profiles) {
      const generations = storeGenerations(p);
      const sizes = await closureSizes(generations.map((g) => g.storePath as string));
      for (const g of generations) expect(sizes.get(g.storePath as string), `${p.name} ${g.number}`).toBe(g.closureSize);
    }
    const current = profile(world, 'system').generations.find((g) => g.current) as Generation;
    expect(current.closureSize).toBeGreaterThan(300 * 1024 * 1024);
  });

  it('registers an acyclic reference graph (self-references aside)', async () => {
    const current = readlinkSync(world.currentSystem);
    const infos = JSON.parse(await nix('nix', ['path-info', '-r', '--json', current])) as unknown;
    const list: [string, { references: string[] }][] = Array.isArray(infos)
      ? (infos as { path: string; references: string[] }[]).map((i) => [i.path, i])
      : Object.entries(infos as Record<string, { references: string[] }>);
    const refs = new Map(list.map(([path, info]) => [path, info.references.filter((r) => r !== path)]));
    const state = new Map<string, number>();
    const visit = (path: string): void => {
      if (state.get(path) === 2) return;
      if (state.get(path) === 1) throw new Error(`cycle through ${path}`);
      state.set(path, 1);
      for (const ref of refs.get(path) ?? []) visit(ref);
      state.set(path, 2);
    };
    expect(() => visit(current)).not.toThrow();
    expect(refs.size).toBeGreaterThanOrEqual(40);
  });

  it('boots an older generation than the current one', () => {
    const system = profile(world, 'system');
    const current = system.generations.find((g) => g.current) as Generation;
    const booted = system.generations.filter((g) => g.booted);
    expect(booted).toHaveLength(1);
    expect(booted[0]?.number).toBeLessThan(current.number);
    expect(readlinkSync(world.bootedSystem)).toBe(booted[0]?.storePath);
    expect(readlinkSync(world.currentSystem)).toBe(current.storePath);
    expect(readlinkSync(world.systemProfile)).toBe(`system-${current.number}-link`);
    expect(readlinkSync(join(world.home, '.nix-profile'))).toBe(world.userProfile);
  });

  it('marks exactly the quirks as problems, with unreadable fields null', () => {
    const system = profile(world, 'system');
    const problems = system.generations.filter((g) => g.problem !== null);
    expect(problems).toHaveLength(3);
    const dangling = problems.find((g) => g.closureSize === null && g.storePath?.startsWith('/nix/store/')) as Generation;
    expect(existsSync(dangling.storePath as string)).toBe(false);
    expect(dangling.number).toBe(Math.max(...system.generations.map((g) => g.number)));
    const outside = problems.find((g) => !g.storePath?.startsWith('/nix/store/')) as Generation;
    expect(outside.storePath?.startsWith(world.root)).toBe(true);
    expect(outside.closureSize).toBeNull();
    const noVersion = problems.find((g) => g.closureSize !== null) as Generation;
    expect(existsSync(join(noVersion.storePath as string, 'nixos-version'))).toBe(false);
    expect(noVersion.nixosVersion).toBeNull();
    for (const g of [dangling, outside]) {
      expect([g.nixosVersion, g.nixpkgsRevision, g.kernelVersion, g.homeManagerVersion, g.packages]).toEqual([null, null, null, null, null]);
    }
    const home = profile(world, 'home-manager');
    const old = home.generations.filter((g) => g.problem !== null);
    expect(old).toHaveLength(1);
    expect(old[0]?.homeManagerVersion).toBeNull();
    expect(existsSync(join(old[0]?.storePath as string, 'hm-version'))).toBe(false);
    for (const p of [profile(world, 'work'), profile(world, 'profile')]) expect(p.generations.every((g) => g.problem === null)).toBe(true);
    for (const p of profile(twin, 'system').generations) expect(p.problem).toBeNull();
  });

  it('builds toplevels whose files, bootspec and nixos-version tell the same story', async () => {
    for (const p of [profile(world, 'system'), profile(world, 'work')]) {
      for (const g of p.generations.filter((x) => x.nixosVersion !== null)) {
        const top = g.storePath as string;
        expect(readFileSync(join(top, 'nixos-version'), 'utf8')).toBe(g.nixosVersion);
        expect(readFileSync(join(top, 'system'), 'utf8')).toBe('x86_64-linux');
        expect(g.nixosVersion?.endsWith(`.${g.nixpkgsRevision}`)).toBe(true);
        expect(existsSync(join(top, 'kernel-modules/lib/modules', g.kernelVersion as string))).toBe(true);
        expect(readlinkSync(join(top, 'kernel'))).toMatch(new RegExp(`-linux-${g.kernelVersion}/bzImage$`));
        expect(readlinkSync(join(top, 'initrd'))).toMatch(new RegExp(`-initrd-linux-${g.kernelVersion}/initrd$`));
        expect(readdirSync(join(top, 'specialisation')).sort()).toEqual(g.specialisations);
        const doc = JSON.parse(readFileSync(join(top, 'boot.json'), 'utf8')) as BootspecDocument;
        const v1 = doc['org.nixos.bootspec.v1'];
        expect(v1.toplevel).toBe(top);
        expect(v1.init).toBe(`${top}/init`);
        expect(v1.label).toBe(`NixOS ${v1.label.split(' ')[1]} ${g.nixosVersion} (Linux ${g.kernelVersion})`);
        expect(v1.kernelParams.join(' ')).toBe(readFileSync(join(top, 'kernel-params'), 'utf8'));
        expect(doc['org.nixos.systemd-boot'].sortKey).toBe('nixos');
        expect(Object.keys(doc['org.nixos.specialisation.v1']).sort()).toEqual(g.specialisations);
        for (const name of g.specialisations) {
          const child = readlinkSync(join(top, 'specialisation', name));
          expect(JSON.parse(readFileSync(join(child, 'boot.json'), 'utf8'))).toEqual(doc['org.nixos.specialisation.v1'][name]);
          expect(doc['org.nixos.specialisation.v1'][name]?.['org.nixos.bootspec.v1'].toplevel).toBe(child);
        }
        const info = JSON.parse((await run(join(top, 'sw/bin/nixos-version'), ['--json'])).stdout) as Record<string, string>;
        expect(info.nixosVersion).toBe(g.nixosVersion);
        expect(info.nixpkgsRevision).toMatch(/^[0-9a-f]{40}$/);
        expect(info.nixpkgsRevision?.startsWith(g.nixpkgsRevision as string)).toBe(true);
        expect(info.configurationRevision).toMatch(/^[0-9a-f]{40}$/);
        expect((await run(join(top, 'sw/bin/nixos-version'), [])).stdout.trim()).toBe(g.nixosVersion);
      }
    }
    expect(profile(world, 'system').generations.some((g) => g.specialisations.includes('gaming'))).toBe(true);
    expect(profile(world, 'system').generations.some((g) => g.nixosVersion !== null && g.specialisations.length === 0)).toBe(true);
  });

  it('has switch-to-configuration append its arguments to the switch log', async () => {
    const current = readlinkSync(world.currentSystem);
    await run(join(current, 'bin/switch-to-configuration'), ['boot'], { env: { ...process.env, NIXOS_INSTALL_BOOTLOADER: '1' } });
    await run(join(current, 'bin/switch-to-configuration'), ['test'], { env: { ...process.env, NIXOS_INSTALL_BOOTLOADER: '' } });
    expect(readFileSync(world.switchLog, 'utf8')).toBe(`${current}\tboot\t1\n${current}\ttest\t\n`);
  });

  it('writes a systemd-boot ESP with an entry per generation and two foreign entries', () => {
    const entries = join(world.esp, 'loader/entries');
    const files = readdirSync(entries);
    const system = profile(world, 'system');
    const current = system.generations.find((g) => g.current) as Generation;
    expect(readFileSync(join(world.esp, 'loader/loader.conf'), 'utf8')).toBe(`timeout 5\ndefault nixos-generation-${current.number}.conf\nconsole-mode keep\n`);
    const wanted: string[] = ['memtest86.conf', 'windows.conf'];
    for (const g of system.generations.filter((x) => x.nixosVersion !== null)) {
      wanted.push(`nixos-generation-${g.number}.conf`, ...g.specialisations.map((s) => `nixos-generation-${g.number}-specialisation-${s}.conf`));
    }
    for (const g of profile(world, 'work').generations) wanted.push(`nixos-work-generation-${g.number}.conf`);
    expect(files.sort()).toEqual(wanted.sort());
    for (const file of files.filter((f) => f.startsWith('nixos'))) {
      const text = readFileSync(join(entries, file), 'utf8');
      const lines = text.trimEnd().split('\n');
      expect(lines.map((l) => l.split(' ')[0])).toEqual(['title', 'sort-key', 'version', 'linux', 'initrd', 'options', 'machine-id']);
      expect(lines[2]).toMatch(/^version Generation \d+ NixOS \S+ \S+ \(Linux [\d.]+\), built on \d{4}-\d\d-\d\d$/);
      for (const line of lines.filter((l) => /^(linux|initrd) /.test(l))) expect(existsSync(join(world.esp, line.split(' ')[1] as string))).toBe(true);
    }
    expect(readFileSync(join(entries, 'windows.conf'), 'utf8')).toMatch(/^title Windows/);
  });

  it('keeps the per-user profile in three manifest formats', async () => {
    const user = profile(world, 'profile');
    const [first, second, third, fourth] = user.generations as [Generation, Generation, Generation, Generation];
    for (const g of [first, second]) {
      expect(lstatSync(join(g.storePath as string, 'manifest.nix')).isSymbolicLink()).toBe(true);
      const names = (await nix('nix-env', ['-p', join(world.userProfile, `../profile-${g.number}-link`), '-q'])).trim().split('\n');
      expect(names.map(drvNameName).sort()).toEqual(g.packages);
      const evaluated = await nix('nix-instantiate', ['--eval', '--strict', '--json', '-E', `map (e: (builtins.parseDrvName e.name).name) (import ${g.storePath}/manifest.nix)`]);
      expect((JSON.parse(evaluated) as string[]).sort()).toEqual(g.packages);
    }
    const v2 = JSON.parse(readFileSync(join(third.storePath as string, 'manifest.json'), 'utf8')) as { version: number; elements: { storePaths: string[] }[] };
    expect(v2.version).toBe(2);
    expect(v2.elements.map((e) => drvNameName((e.storePaths[0] as string).slice(44))).sort()).toEqual(third.packages);
    const v3 = JSON.parse(readFileSync(join(fourth.storePath as string, 'manifest.json'), 'utf8')) as { version: number; elements: Record<string, unknown> };
    expect(v3.version).toBe(3);
    expect(Object.keys(v3.elements).sort()).toEqual(fourth.packages);
    for (const p of world.expected.profiles.filter((x) => x.kind !== 'user')) expect(p.generations.every((g) => g.packages === null)).toBe(true);
  });

  it('gives home-manager generations their version files', () => {
    for (const g of profile(world, 'home-manager').generations.filter((x) => x.problem === null)) {
      const top = g.storePath as string;
      expect(readFileSync(join(top, 'hm-version'), 'utf8')).toBe(`${g.homeManagerVersion}\n`);
      expect(g.homeManagerVersion).toMatch(/^\d\d\.\d\d\+[0-9a-f]{8}$/);
      expect(readlinkSync(join(top, 'bin/home-manager-generation'))).toBe(`${top}/activate`);
      expect(readlinkSync(join(top, 'home-path'))).toMatch(/-home-manager-path$/);
      expect(readlinkSync(join(top, 'home-files'))).toMatch(/-home-manager-files$/);
    }
  });

  it('builds two worlds with disjoint store paths', async () => {
    expect(world.id).not.toBe(twin.id);
    const mine = new Set(await listedStorePaths(world.root));
    const theirs = await listedStorePaths(twin.root);
    expect(mine.size).toBe(world.storePathCount);
    expect(theirs.filter((path) => mine.has(path))).toEqual([]);
  });

  it('reads back the same world from world.json', async () => {
    expect(await loadWorld(world.root)).toEqual(world);
  });
});

describe('a GRUB world', () => {
  let world: World;
  const cfg = () => readFileSync(join(world.esp, 'grub/grub.cfg'), 'utf8');
  /** `%F` of a generation's date in the world's UTC. */
  const day = (g: Generation) => g.date.slice(0, 10);

  beforeAll(async () => {
    world = await buildWorld({ preset: 'small', quirks: true, bootLoader: 'grub' });
  }, 120_000);
  afterAll(async () => {
    if (world) await removeWorld(world);
  }, 120_000);

  it('writes grub.cfg with the menu install-grub.pl makes from the generations, and no loader/', () => {
    const system = profile(world, 'system');
    const current = system.generations.find((g) => g.current) as Generation;
    // What install-grub.pl writes, derived from the facts checked against Nix above: the current
    // configuration first, then every generation with a nixos-version, newest first, per profile.
    const wanted: string[] = current.specialisations.length
      ? ['menuentry NixOS - Default', ...current.specialisations.map((s) => `menuentry NixOS - (${s} - 1970-01-01 - ${current.nixosVersion})`)]
      : ['menuentry NixOS'];
    for (const [p, description] of [[system, 'NixOS - All configurations'], [profile(world, 'work'), "NixOS - Profile 'work'"]] as const) {
      wanted.push(`submenu ${description}`);
      for (const g of [...p.generations].reverse().filter((x) => x.nixosVersion !== null)) {
        const suffix = ` (${day(g)} - ${g.nixosVersion})`;
        if (g.specialisations.length === 0) wanted.push(`menuentry NixOS - Configuration ${g.number}${suffix}`);
        else wanted.push(`submenu NixOS - Configuration ${g.number}${suffix}`, `menuentry NixOS - Configuration ${g.number} - Default${suffix}`, ...g.specialisations.map((s) => `menuentry NixOS - Configuration ${g.number} - (${s} - 1970-01-01 - ${g.nixosVersion})`));
      }
    }
    const found = [...cfg().matchAll(/^(menuentry|submenu) "([^"]*)"/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(found).toEqual(wanted);
    expect(cfg()).toMatch(/\n {4}else\n {6}set default=0\n {6}set timeout=5\n {4}fi\n/);
    expect(world.bootLoader).toBe('grub');
    expect(existsSync(join(world.esp, 'loader'))).toBe(false);
    expect(world.expected.grub?.entries.map((e) => e.title)).toEqual(found.filter((f) => f.startsWith('menuentry ')).map((f) => f.slice('menuentry '.length)));
    expect(world.expected.grub?.entries.filter((e) => e.profile === 'system' && e.specialisation === null).map((e) => e.generation).sort((a, b) => a - b)).toEqual(
      [current.number, ...system.generations.filter((g) => g.nixosVersion !== null).map((g) => g.number)].sort((a, b) => a - b),
    );
  });

  it('boots each entry from kernel and initrd copies of its own toplevel', () => {
    const kernelName = (storeFile: string) => storeFile.slice('/nix/store/'.length).replace(/\//g, '-');
    const blocks = cfg().split('menuentry ').slice(1);
    expect(blocks.length).toBe(world.expected.grub?.entries.length);
    for (const block of blocks) {
      const linux = /\n {2}linux \(\$drive1\)\/\/kernels\/(\S+) init=(\S+)\/init /.exec(block);
      const initrd = /\n {2}initrd \(\$drive1\)\/\/kernels\/(\S+)\n/.exec(block);
      expect(linux, block).not.toBeNull();
      const toplevel = linux?.[2] as string;
      expect(linux?.[1]).toBe(kernelName(readlinkSync(join(toplevel, 'kernel'))));
      expect(initrd?.[1]).toBe(kernelName(readlinkSync(join(toplevel, 'initrd'))));
      expect(readFileSync(join(world.esp, 'kernels', linux?.[1] as string), 'utf8')).toBe(`copy of ${readlinkSync(join(toplevel, 'kernel'))}\n`);
      expect(existsSync(join(world.esp, 'kernels', initrd?.[1] as string))).toBe(true);
    }
  });

  it('leaves the empty 1024-byte grubenv that grub-install creates', () => {
    const env = readFileSync(join(world.esp, 'grub/grubenv'));
    expect(env.length).toBe(1024);
    expect(env.toString('latin1')).toBe(`# GRUB Environment Block\n${'#'.repeat(1024 - 25)}`);
  });

  it('reads back the same GRUB world from world.json', async () => {
    expect(await loadWorld(world.root)).toEqual(world);
  });
});

describe('removeWorld', () => {
  it('deletes the store paths and the root, and tolerates half-built and removed worlds', async () => {
    const world = await buildWorld({ preset: 'small', systemGenerations: 3, homeGenerations: 2 });
    const paths = await listedStorePaths(world.root);
    expect(paths).toHaveLength(world.storePathCount);
    expect(await valid(paths)).toBe(true);
    await removeWorld(world);
    expect(existsSync(world.root)).toBe(false);
    expect(paths.filter((path) => existsSync(path))).toEqual([]);
    expect(await valid([paths[0] as string])).toBe(false);
    await removeWorld(world.root);

    // Half-built: the list is written, one path is on disk but was never registered.
    const half = await mkdtemp(join(tmpdir(), 'gentry-world-half-'));
    const stray = `/nix/store/${'0'.repeat(31)}1-gentry-half-built-test`;
    await mkdir(stray);
    await writeFile(join(stray, 'file'), 'x');
    await writeFile(join(half, 'store-paths.txt'), `${stray}\n${paths[0]}\n`);
    try {
      await removeWorld(half);
      expect(existsSync(stray)).toBe(false);
      expect(existsSync(half)).toBe(false);
    } finally {
      await rm(stray, { recursive: true, force: true });
      await rm(half, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a directory that is not a world', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gentry-not-a-world-'));
    try {
      await writeFile(join(dir, 'keep-me'), 'x');
      await expect(removeWorld(dir)).rejects.toThrow(/not a Gentry world/);
      expect(existsSync(join(dir, 'keep-me'))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('big worlds', () => {
  it('builds a large world: 100 system generations of at least 2000 paths each', async () => {
    const started = performance.now();
    const world = await buildWorld({ preset: 'large' });
    const seconds = (performance.now() - started) / 1000;
    try {
      console.log(`large world: ${world.storePathCount} store paths in ${seconds.toFixed(1)} s`);
      const system = profile(world, 'system');
      expect(system.generations).toHaveLength(100);
      const sample = [system.generations[0], system.generations[49], system.generations[99]] as Generation[];
      for (const g of sample) expect(await requisiteCount(g.storePath as string)).toBeGreaterThanOrEqual(2000);
      const sizes = await closureSizes(sample.map((g) => g.storePath as string));
      for (const g of sample) expect(sizes.get(g.storePath as string)).toBe(g.closureSize);
      const names = (await nix('nix-store', ['-q', '--requisites', sample[2]?.storePath as string])).split('\n').map((p) => p.slice(44));
      for (const name of [/^openssl-[\d.]+-dev$/, /^openssl-[\d.]+-man$/, /^openssl-[\d.]+-lib$/, /^openssl-[\d.]+-bin$/, /^python3\.12-requests-/, /^perl5\.40\.0-URI-/, /^etc$/, /^system-path$/, /^unit-dbus\.service$/, /^X-Restart-Triggers-/]) {
        expect(names.some((n) => name.test(n)), String(name)).toBe(true);
      }
      expect(names.filter((n) => /^openssl-\d/.test(n) && !/-(dev|man|lib|bin|doc)$/.test(n)).map((n) => n.split('-')[1]).filter((v, i, all) => all.indexOf(v) === i).length).toBeGreaterThanOrEqual(2);
      const started2 = performance.now();
      await removeWorld(world);
      console.log(`large world removed in ${((performance.now() - started2) / 1000).toFixed(1)} s`);
    } finally {
      await removeWorld(world.root);
    }
  }, 600_000);

  it('builds 2000 system generations of the small preset', async () => {
    const started = performance.now();
    const world = await buildWorld({ preset: 'small', systemGenerations: 2000 });
    const seconds = (performance.now() - started) / 1000;
    try {
      console.log(`2000-generation world: ${world.storePathCount} store paths in ${seconds.toFixed(1)} s`);
      const lines = (await nix('nix-env', ['-p', world.systemProfile, '--list-generations'])).trim().split('\n');
      expect(lines).toHaveLength(2000);
      expect(lines[1999]).toMatch(/^\s*2000\s.*\(current\)$/);
      const system = profile(world, 'system');
      const first = system.generations[0] as Generation;
      const last = system.generations[1999] as Generation;
      expect(Date.parse(last.date) - Date.parse(first.date)).toBeGreaterThan(300 * 86_400_000);
      expect(new Set(system.generations.map((g) => g.kernelVersion)).size).toBeGreaterThan(5);
    } finally {
      await removeWorld(world);
    }
  }, 600_000);
});
