// A GRUB world (boot.loader.grub.default = "saved") read by `gentry boot list --json`, and changed by
// `gentry boot default|once|timeout` through the real helper binary under --root.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BootChangePreview, type BootMenu, BootMenuSchema } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { buildHelperBinary } from '../helper/helper-binary.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');

describe('gentry boot on a GRUB machine', () => {
  let world: World;
  let run: (...args: string[]) => SpawnSyncReturns<string>;
  let cache: string;
  const grubenv = () => readFileSync(join(world.esp, 'grub/grubenv'));
  const cfgFile = () => join(world.esp, 'grub/grub.cfg');
  const list = (): BootMenu => {
    const r = run('boot', 'list', '--json');
    expect(r.status, r.stderr).toBe(0);
    return BootMenuSchema.parse(JSON.parse(r.stdout));
  };
  const change = (...args: string[]) => {
    const r = run('boot', ...args, '--yes', '--json');
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { preview: BootChangePreview; outcome: { state: string; message: string } };
  };
  /** The variables of the block, read the simple way: the lines between the signature and the padding. */
  const vars = () => {
    const text = grubenv().toString('utf8');
    expect(text.startsWith('# GRUB Environment Block\n')).toBe(true);
    return text.slice(25).split('\n').filter((l) => l && !l.startsWith('#'));
  };

  beforeAll(async () => {
    const helper = buildHelperBinary();
    world = await buildWorld({ preset: 'small', bootLoader: 'grub', grubDefault: 'saved' });
    cache = mkdtempSync(join(tmpdir(), 'gentry-grub-'));
    const env = { ...process.env, GENTRY_HELPER: helper, GENTRY_HELPER_ROOT: world.root, XDG_CACHE_HOME: cache };
    const where = ['--esp', world.esp, '--efivars', join(world.root, 'sys/firmware/efi/efivars'), '--system-profile', world.systemProfile, '--booted-system', world.bootedSystem];
    run = (...args) => spawnSync(process.execPath, [BIN, ...args, ...where], { encoding: 'utf8', env, input: '' });
  });
  afterAll(async () => {
    if (cache) rmSync(cache, { recursive: true, force: true });
    if (world) await removeWorld(world);
  });

  it('lists every entry in menu order, tied to the generations the world made', () => {
    const menu = list();
    const expected = world.expected.grub;
    expect(menu).toMatchObject({ loader: 'grub', esp: world.esp, timeout: { value: '5', source: 'grub.cfg' }, default: null, oneshot: null, warnings: [] });
    expect(menu.entries.map((e) => ({ id: e.id, title: e.title, profile: e.profile, generation: e.generation, specialisation: e.specialisation, linux: e.linux, initrd: e.initrd }))).toEqual(
      expected?.entries.map((e) => ({ id: e.id, title: e.title, profile: e.profile, generation: e.generation, specialisation: e.specialisation, linux: e.linux, initrd: e.initrd })),
    );
    expect(menu.entries.every((e) => e.managedByNixOS)).toBe(true);
    // Against the profiles' own facts: the top entry boots the current generation; every generation has an entry with its version.
    const system = world.expected.profiles[0];
    const current = system?.generations.find((g) => g.current);
    expect(menu.entries[0]).toMatchObject({ profile: 'system', generation: current?.number, specialisation: null, isDefault: true });
    for (const p of world.expected.profiles.slice(0, 2)) {
      for (const g of p.generations) {
        const own = menu.entries.filter((e) => e.profile === p.name && e.generation === g.number && e.id.includes('>'));
        expect(own.map((e) => e.specialisation ?? '').sort(), `${p.name} ${g.number}`).toEqual(['', ...g.specialisations].sort());
        expect(own.every((e) => e.version === g.nixosVersion)).toBe(true);
        expect(own.find((e) => e.specialisation === null)?.title).toContain(`(${g.date.slice(0, 10)} - ${g.nixosVersion})`);
      }
    }
  });

  it('boot default writes saved_entry, and the menu follows it', () => {
    const target = list().entries.find((e) => e.profile === 'system' && e.generation === 3 && e.specialisation === null);
    expect(target).toBeDefined();
    const before = grubenv();
    const out = change('default', target?.id as string);
    expect(out.preview).toMatchObject({ target: `${world.esp}/grub/grubenv saved_entry`, before: null, after: target?.id, undoneByRebuild: false, declarative: null });
    expect(out.outcome.state).toBe('done');
    expect(grubenv().length).toBe(1024);
    expect(grubenv()).not.toEqual(before);
    expect(vars()).toEqual([`saved_entry=${target?.id}`]);
    const menu = list();
    expect(menu.default).toEqual({ id: target?.id, source: 'grubenv' });
    expect(menu.entries.filter((e) => e.isDefault).map((e) => e.id)).toEqual([target?.id]);
    expect(menu.warnings).toEqual([]);
  });

  it('boot once writes next_entry for the next boot only', () => {
    const work = list().entries.find((e) => e.profile === 'work' && e.generation === 1);
    const out = change('once', work?.id as string);
    expect(out.preview).toMatchObject({ target: `${world.esp}/grub/grubenv next_entry`, after: work?.id });
    expect(vars()).toContain(`next_entry=${work?.id}`);
    const menu = list();
    expect(menu.oneshot).toEqual({ id: work?.id });
    expect(menu.entries.filter((e) => e.isOneshot).map((e) => e.id)).toEqual([work?.id]);
    change('once', '--clear');
    expect(vars().some((l) => l.startsWith('next_entry='))).toBe(false);
    expect(list().oneshot).toBeNull();
  });

  it('refuses unknown entries and the timeout, before the helper runs and with nothing changed', () => {
    const env = grubenv();
    const cfg = readFileSync(cfgFile());
    const unknown = run('boot', 'default', 'NixOS - Configuration 3', '--yes');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No boot entry has the ID "NixOS - Configuration 3"/);
    const timeout = run('boot', 'timeout', '3', '--yes');
    expect(timeout.status).toBe(2);
    expect(timeout.stderr).toMatch(/GRUB's timeout is written into grub\.cfg[\s\S]*boot\.loader\.timeout = 3;/);
    const slash = run('boot', 'once', 'a/b', '--yes');
    expect(slash.status).toBe(2);
    expect(grubenv()).toEqual(env);
    expect(readFileSync(cfgFile())).toEqual(cfg);
  });

  it('says saved_entry does nothing once grub.cfg no longer says "saved", and clears it', () => {
    // What a rebuild with boot.loader.grub.default = "0" writes instead.
    const saved = readFileSync(cfgFile(), 'utf8');
    writeFileSync(cfgFile(), saved.replace('set default="${saved_entry}"', 'set default=0').replace(/ {2}savedefault\n/g, ''));
    const menu = list();
    expect(menu.default).toEqual({ id: '0', source: 'grub.cfg' });
    expect(menu.entries[0]?.isDefault).toBe(true);
    expect(menu.warnings.join('\n')).toMatch(/GRUB ignores it .*boot\.loader\.grub\.default = "saved";/);
    const r = run('boot', 'default', menu.entries[1]?.id as string);
    expect(r.status).toBe(2); // no terminal, no --yes: it asks nothing and changes nothing
    expect(r.stdout).toMatch(/GRUB ignores saved_entry[\s\S]*In your configuration:\n {2}boot\.loader\.grub\.default = "saved";/);
    const out = change('default', '--clear');
    expect(out.preview.after).toBeNull();
    expect(vars()).toEqual([]);
    expect(list().warnings).toEqual([]);
  });
});
