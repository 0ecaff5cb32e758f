// The boot handlers through the in-process door, on a systemd-boot world with the real helper under
// --root: entry texts (and what they refuse), writing and removing an entry NixOS does not manage,
// and the events the UIs reload on.
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GentryApi } from '../../common/contract/index.ts';
import { buildWorld, removeWorld, type World } from '../../worlds/index.ts';
import { worldPaths } from '../demo/demo-world.ts';
import { buildHelperBinary } from '../helper/helper-binary.ts';
import { inProcessDoor } from '../in-process-door.ts';
import { silentLogger } from '../infra/log.ts';
import { runProcess } from '../infra/process.ts';
import { createServices, type Services } from '../services.ts';

describe('boot handlers', () => {
  let world: World;
  let svc: Services;
  let api: GentryApi;
  const dirs: string[] = [];
  const entries = () => join(world.esp, 'loader/entries');
  const text = 'title My rescue shell\nlinux /EFI/memtest86/memtest.efi\noptions quiet\n';

  beforeAll(async () => {
    const helper = buildHelperBinary();
    world = await buildWorld({ preset: 'small' });
    dirs.push(mkdtempSync(join(tmpdir(), 'gentry-boot-state-')), mkdtempSync(join(tmpdir(), 'gentry-boot-config-')));
    svc = createServices({
      paths: worldPaths(world),
      run: runProcess,
      log: silentLogger,
      env: {},
      boot: { esp: world.esp, efivars: join(world.root, 'sys/firmware/efi/efivars') },
      helper: { program: helper, prefix: ['--root', world.root], viaPkexec: false },
      stateDir: dirs[0] as string,
      configDir: dirs[1] as string,
    });
    api = inProcessDoor(svc, silentLogger);
  });
  afterAll(async () => {
    svc?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    if (world) await removeWorld(world);
  });

  it('gives the text of an entry file, and says whether NixOS manages it', async () => {
    expect(await api.bootEntryText({ id: 'memtest86.conf' })).toEqual({ ok: true, value: { id: 'memtest86.conf', text: readFileSync(join(entries(), 'memtest86.conf'), 'utf8'), managedByNixOS: false } });
    const nixos = await api.bootEntryText({ id: 'nixos-generation-2.conf' });
    expect(nixos.ok && nixos.value.managedByNixOS).toBe(true);
  });

  it('refuses symlinks, missing entries and paths outside loader/entries', async () => {
    symlinkSync('/etc/passwd', join(entries(), 'evil.conf'));
    expect(await api.bootEntryText({ id: 'evil.conf' })).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/symbolic link/) } });
    expect(await api.bootEntryText({ id: 'gone.conf' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.bootEntryText({ id: '../loader.conf' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await api.bootEntryText({ id: '..' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('writes and removes an entry through the helper, with progress and a reload event', async () => {
    const events: string[] = [];
    const off = api.on('profilesChanged', (p) => events.push(`changed:${p.reason}`));
    const offProgress = api.on('actionProgress', (p) => events.push(`progress:${p.message}`));
    const preview = await api.previewBootChange({ change: { action: 'write-entry', id: 'rescue.conf', text } });
    expect(preview).toMatchObject({ ok: true, value: { target: `${world.esp}/loader/entries/rescue.conf`, before: null, after: text, undoneByRebuild: false, warnings: [] } });
    const written = await api.changeBoot({ change: { action: 'write-entry', id: 'rescue.conf', text } });
    expect(written).toMatchObject({ ok: true, value: { state: 'done', result: { verb: 'boot-entry', action: 'write', changed: true } } });
    expect(readFileSync(join(entries(), 'rescue.conf'), 'utf8')).toBe(text);
    const menu = await api.bootMenu({});
    expect(menu.ok && menu.value.entries.find((e) => e.id === 'rescue.conf')).toMatchObject({ title: 'My rescue shell', managedByNixOS: false });
    const removed = await api.changeBoot({ change: { action: 'remove-entry', id: 'rescue.conf' } });
    expect(removed).toMatchObject({ ok: true, value: { state: 'done', message: `Done: ${world.esp}/loader/entries/rescue.conf is removed.` } });
    expect((await api.bootEntryText({ id: 'rescue.conf' })).ok).toBe(false);
    off();
    offProgress();
    expect(events.filter((e) => e === 'changed:boot')).toHaveLength(2);
    expect(events.some((e) => e.startsWith('progress:writing /boot/loader/entries/rescue.conf'))).toBe(true);
  });

  it("refuses NixOS's own entries and texts the helper would refuse, before it runs", async () => {
    const own = await api.changeBoot({ change: { action: 'remove-entry', id: 'nixos-generation-2.conf' } });
    expect(own).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/NixOS's own entry/) } });
    const nothing = await api.changeBoot({ change: { action: 'write-entry', id: 'x.conf', text: 'title X\n' } });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/needs a linux, efi or uki line/) } });
    expect(readFileSync(join(entries(), 'nixos-generation-2.conf'), 'utf8')).toMatch(/^title NixOS/);
  });
});
