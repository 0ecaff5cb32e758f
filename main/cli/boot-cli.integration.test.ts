// `gentry boot default|once|timeout` on a systemd-boot world, end to end through the real helper
// binary under --root: the EFI variables in efivarfs format, loader.conf, and what `boot list`
// shows afterwards; refusals exit 2 with the tree unchanged.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BootChangePreview, type BootMenu, BootMenuSchema } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { LOADER_GUID } from '../boot/efivars.ts';
import { buildHelperBinary } from '../helper/helper-binary.ts';

const BIN = join(import.meta.dirname, '../../bin/gentry.js');

describe('gentry boot default, once and timeout on systemd-boot', () => {
  let world: World;
  let efivars: string;
  let cache: string;
  let run: (...args: string[]) => SpawnSyncReturns<string>;
  const variable = (name: string) => join(efivars, `${name}-${LOADER_GUID}`);
  const loaderConf = () => readFileSync(join(world.esp, 'loader/loader.conf'), 'utf8');
  /** What the ESP and the variables hold, to show a refusal changed nothing. */
  const snapshot = () => ({ conf: loaderConf(), vars: readdirSync(efivars).sort(), entries: readdirSync(join(world.esp, 'loader/entries')).sort() });
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
  const newest = () => world.expected.profiles[0]?.generations.at(-1)?.number as number;

  beforeAll(async () => {
    const helper = buildHelperBinary();
    world = await buildWorld({ preset: 'small' });
    efivars = join(world.root, 'sys/firmware/efi/efivars');
    cache = mkdtempSync(join(tmpdir(), 'gentry-boot-'));
    const env = { ...process.env, GENTRY_HELPER: helper, GENTRY_HELPER_ROOT: world.root, XDG_CACHE_HOME: cache };
    const where = ['--efivars', efivars, '--system-profile', world.systemProfile, '--booted-system', world.bootedSystem];
    run = (...args) => spawnSync(process.execPath, [BIN, ...args, ...(args.includes('--esp') ? [] : ['--esp', world.esp]), ...where], { encoding: 'utf8', env, input: '' });
  });
  afterAll(async () => {
    if (cache) rmSync(cache, { recursive: true, force: true });
    if (world) await removeWorld(world);
  });

  it('boot default pins an entry in LoaderEntryDefault (efivarfs: attributes, UTF-16LE, NUL), and --clear unpins it', () => {
    const id = 'nixos-generation-3.conf';
    const out = change('default', id);
    expect(out.preview).toMatchObject({ target: 'EFI variable LoaderEntryDefault', before: null, after: id, undoneByRebuild: false, declarative: null });
    expect(out.preview.warnings[0]).toMatch(/pins the default/);
    expect(out.outcome).toMatchObject({ state: 'done', message: `Done: EFI variable LoaderEntryDefault is now ${id}.` });
    const bytes = readFileSync(variable('LoaderEntryDefault'));
    expect(bytes.subarray(4)).toEqual(Buffer.from(`${id}\0`, 'utf16le'));
    expect(bytes.readUInt32LE(0) & 0x6).toBe(0x6); // boot-service and runtime access
    const menu = list();
    expect(menu.default).toEqual({ id, source: 'efi' });
    expect(menu.entries.filter((e) => e.isDefault).map((e) => e.id)).toEqual([id]);
    expect(menu.warnings.join('\n')).toMatch(/LoaderEntryDefault pins the default to nixos-generation-3\.conf/);

    const cleared = change('default', '--clear');
    expect(cleared.preview).toMatchObject({ before: id, after: null });
    expect(existsSync(variable('LoaderEntryDefault'))).toBe(false);
    expect(list().default).toEqual({ id: `nixos-generation-${newest()}.conf`, source: 'loader.conf' });
  });

  it('boot once sets LoaderEntryOneShot for the next boot', () => {
    change('once', 'memtest86.conf');
    expect(readFileSync(variable('LoaderEntryOneShot')).subarray(4)).toEqual(Buffer.from('memtest86.conf\0', 'utf16le'));
    const menu = list();
    expect(menu.oneshot).toEqual({ id: 'memtest86.conf' });
    expect(menu.entries.filter((e) => e.isOneshot).map((e) => e.id)).toEqual(['memtest86.conf']);
    change('once', '--clear');
    expect(existsSync(variable('LoaderEntryOneShot'))).toBe(false);
    expect(list().oneshot).toBeNull();
  });

  it('boot timeout rewrites only the timeout line of loader.conf, and says the next rebuild undoes it', () => {
    const before = loaderConf();
    expect(before).toBe(`timeout 5\ndefault nixos-generation-${newest()}.conf\nconsole-mode keep\n`);
    const out = change('timeout', '3');
    expect(out.preview).toMatchObject({ target: `${world.esp}/loader/loader.conf`, before: '5', after: '3', undoneByRebuild: true, declarative: 'boot.loader.timeout = 3;' });
    expect(loaderConf()).toBe(before.replace('timeout 5', 'timeout 3'));
    expect(list().timeout).toEqual({ value: '3', source: 'loader.conf' });
    const text = run('boot', 'timeout', 'menu-force', '--yes');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('The next nixos-rebuild undoes this; to keep it, put this in your configuration:\n  boot.loader.timeout = null;');
    expect(list().timeout).toEqual({ value: 'menu-force', source: 'loader.conf' });
  });

  it('refuses unknown entries, bad values and a missing --yes with exit 2, changing nothing', () => {
    const before = snapshot();
    const unknown = run('boot', 'default', 'nixos-generation-999.conf', '--yes');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No boot entry has the ID "nixos-generation-999\.conf"/);
    const guessed = run('boot', 'once', 'MemTest86', '--yes');
    expect(guessed.status).toBe(2);
    expect(guessed.stderr).toMatch(/Did you mean "memtest86\.conf"\?/);
    expect(run('boot', 'timeout', '-1', '--yes').status).toBe(2);
    expect(run('boot', 'timeout', '70000', '--yes').status).toBe(2);
    expect(run('boot', 'default', '--yes').status).toBe(2);
    expect(run('boot', 'frobnicate', '--yes').status).toBe(2);
    const asked = run('boot', 'default', 'memtest86.conf');
    expect(asked.status).toBe(2);
    expect(asked.stderr).toMatch(/--yes/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses to change an ESP other than the one it read (the helper only edits /boot, /efi, /boot/efi)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'gentry-esp-copy-'));
    try {
      cpSync(world.esp, copy, { recursive: true });
      const before = snapshot();
      const r = run('boot', 'timeout', '7', '--yes', '--esp', copy);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`read the boot menu in ${copy}, but the helper changes the one in ${world.esp}`));
      expect(snapshot()).toEqual(before);
      expect(readFileSync(join(copy, 'loader/loader.conf'), 'utf8')).toBe(before.conf);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
