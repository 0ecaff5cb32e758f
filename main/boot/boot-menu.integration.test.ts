// gentry boot list against a world's systemd-boot ESP, with EFI variables written in the kernel's
// efivarfs format, and the traps it must warn about.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootMenu } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { LOADER_GUID } from './efivars.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');

/** What the kernel shows in efivarfs for a string variable: attributes 0x07, UTF-16LE, NUL. */
function efiFile(value: string): Buffer {
  const text = Buffer.from(`${value}\0`, 'utf16le');
  return Buffer.concat([Buffer.from([0x07, 0x00, 0x00, 0x00]), text]);
}

describe('gentry boot list', () => {
  let world: World;
  let efivars: string;
  const list = (): BootMenu => {
    const r = spawnSync(process.execPath, [BIN, 'boot', 'list', '--json', '--esp', world.esp, '--efivars', efivars, '--system-profile', world.systemProfile, '--booted-system', world.bootedSystem], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as BootMenu;
  };

  beforeAll(async () => {
    world = await buildWorld({ preset: 'small' });
    efivars = join(world.root, 'sys/firmware/efi/efivars');
    mkdirSync(efivars, { recursive: true });
  });
  afterAll(async () => {
    if (world) await removeWorld(world);
  });

  it('lists every entry in systemd-boot order, tied to its generation, with loader.conf as the authority', () => {
    const menu = list();
    expect(menu.loader).toBe('systemd-boot');
    expect(menu.entries.map((e) => e.id).sort()).toEqual(readdirSync(join(world.esp, 'loader/entries')).filter((f) => f.endsWith('.conf')).sort());
    const system = world.expected.profiles[0]?.generations ?? [];
    const newest = system.at(-1)?.number;
    expect(menu.entries[0]).toMatchObject({ id: `nixos-generation-${newest}.conf`, profile: 'system', generation: newest, specialisation: null, managedByNixOS: true, isDefault: true });
    expect(menu.default).toEqual({ id: `nixos-generation-${newest}.conf`, source: 'loader.conf' });
    expect(menu.timeout?.source).toBe('loader.conf');
    const foreign = menu.entries.filter((e) => !e.managedByNixOS);
    expect(foreign).toHaveLength(2);
    expect(menu.entries.slice(-2).every((e) => !e.managedByNixOS)).toBe(true); // other sort-keys sort after "nixos"
    for (const g of system) expect(menu.entries.some((e) => e.profile === 'system' && e.generation === g.number)).toBe(true);
    expect(menu.warnings).toEqual([]);
  });

  it('says when an EFI variable pins the default, and marks the one-shot entry', () => {
    const older = list().entries.find((e) => e.managedByNixOS && !e.isDefault && e.specialisation === null);
    writeFileSync(join(efivars, `LoaderEntryDefault-${LOADER_GUID}`), efiFile(older?.id ?? ''));
    writeFileSync(join(efivars, `LoaderEntryOneShot-${LOADER_GUID}`), efiFile('memtest86.conf'));
    writeFileSync(join(efivars, `LoaderConfigTimeout-${LOADER_GUID}`), efiFile('menu-force'));
    const menu = list();
    expect(menu.default).toEqual({ id: older?.id, source: 'efi' });
    expect(menu.entries.find((e) => e.isDefault)?.id).toBe(older?.id);
    expect(menu.oneshot).toEqual({ id: 'memtest86.conf' });
    expect(menu.entries.find((e) => e.isOneshot)?.id).toBe('memtest86.conf');
    expect(menu.timeout).toEqual({ value: 'menu-force', source: 'efi' });
    expect(menu.warnings.join('\n')).toMatch(/LoaderEntryDefault pins the default/);
    rmSync(join(efivars, `LoaderEntryDefault-${LOADER_GUID}`));
    rmSync(join(efivars, `LoaderEntryOneShot-${LOADER_GUID}`));
    rmSync(join(efivars, `LoaderConfigTimeout-${LOADER_GUID}`));
  });

  it('warns about pruned generations, missing kernels and a one-shot that names nothing', () => {
    const entries = join(world.esp, 'loader/entries');
    rmSync(join(entries, 'nixos-generation-1.conf'));
    const before = list().entries;
    const second = before.find((e) => e.profile === 'system' && e.generation === 2 && e.specialisation === null);
    // NixOS copies a kernel to the ESP once, so every entry booting the same kernel loses it.
    const sharing = before.filter((e) => e.linux === second?.linux).map((e) => e.id);
    rmSync(join(world.esp, second?.linux ?? 'missing'));
    writeFileSync(join(efivars, `LoaderEntryOneShot-${LOADER_GUID}`), efiFile('nixos-generation-999.conf'));
    const warnings = list().warnings.join('\n');
    expect(warnings).toMatch(/system: generation 1 has no boot entry/);
    expect(warnings).toContain(`${sharing.length} of ${before.length} entries name a kernel, initrd or EFI file that is not on the ESP`);
    const broken = list().entries.filter((e) => (e.problems ?? []).length > 0);
    expect(broken.map((e) => e.id)).toEqual(sharing);
    expect(broken[0]?.problems).toEqual([{ kind: 'missing-file', file: second?.linux, message: `Its kernel file ${second?.linux} is not on the ESP.` }]);
    expect(warnings).toMatch(/one-shot entry nixos-generation-999\.conf .* does not exist/);
    expect(spawnSync(process.execPath, [BIN, 'boot', 'list', '--esp', world.esp, '--efivars', efivars, '--system-profile', world.systemProfile, '--booted-system', world.bootedSystem], { encoding: 'utf8' }).stdout).toMatch(new RegExp(`${second?.id}.*will not boot: its kernel file`));
  });

  it('marks an entry whose generation was deleted', () => {
    const third = list().entries.find((e) => e.profile === 'system' && e.generation === 3 && e.specialisation === null);
    rmSync(join(world.systemProfile, '..', 'system-3-link'));
    const after = list().entries.find((e) => e.id === third?.id);
    expect(after?.problems?.map((p) => p.kind).filter((k) => k !== 'missing-file')).toEqual(['generation-gone']);
    expect(list().entries.filter((e) => e.problems?.some((p) => p.kind === 'generation-gone')).map((e) => e.generation)).toEqual([3]);
  });
});
