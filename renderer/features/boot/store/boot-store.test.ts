import { describe, it, expect, vi } from 'vitest';
import type { ActionOutcome, BootChangePreview, BootEntry, BootMenu } from '../../../../common/contract/index.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createBootStore } from './boot-store.ts';

/** The shared fake, told to hold the boot calls until the test answers them. */
function bootApi() {
  const fake = fakeApi().hold('bootMenu', 'previewBootChange', 'changeBoot', 'bootEntryText');
  return { ...fake, pending: fake.held, emit: (message: string) => fake.emit('actionProgress', { message }) };
}

function entry(id: string, fields: Partial<BootEntry> = {}): BootEntry {
  return { id, title: 'NixOS', version: null, profile: null, generation: null, specialisation: null, managedByNixOS: false, isDefault: false, isOneshot: false, sortKey: null, linux: null, initrd: null, options: null, ...fields };
}

function menu(defaultId: string, oneshot: string | null = null): BootMenu {
  const ids = ['nixos-generation-3.conf', 'nixos-generation-2.conf', 'windows.conf'];
  return {
    loader: 'systemd-boot', esp: '/boot', timeout: { value: '5', source: 'loader.conf' },
    default: { id: defaultId, source: 'loader.conf' }, oneshot: oneshot ? { id: oneshot } : null,
    entries: ids.map((id) => entry(id, { isDefault: id === defaultId, isOneshot: id === oneshot })),
    warnings: [],
  };
}

const preview: BootChangePreview = { summary: 'Boot generation 2 by default.', target: 'EFI variable LoaderEntryDefault', before: null, after: 'nixos-generation-2.conf', undoneByRebuild: false, declarative: null, warnings: [] };
const done: ActionOutcome = { state: 'done', message: 'Done.', result: null };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('boot store', () => {
  it('loads once on demand, selects the default, and keeps the selection across reloads', async () => {
    const { api, next, pending } = bootApi();
    const store = createBootStore(api);
    await store.getState().refresh();
    expect(pending).toHaveLength(0); // never read: events do not read it
    const loading = store.getState().ensureLoaded();
    expect(store.getState()).toMatchObject({ loading: true, started: true });
    next('bootMenu').answer({ ok: true, value: menu('nixos-generation-3.conf') });
    await loading;
    expect(store.getState()).toMatchObject({ loading: false, selectedId: 'nixos-generation-3.conf' });
    await store.getState().ensureLoaded();
    expect(pending).toHaveLength(0);
    store.getState().select('windows.conf');
    const again = store.getState().refresh();
    next('bootMenu').answer({ ok: true, value: menu('nixos-generation-2.conf') });
    await again;
    expect(store.getState().selectedId).toBe('windows.conf');
  });

  it('lets the newest load win and keeps the menu when a reload fails', async () => {
    const { api, next } = bootApi();
    const store = createBootStore(api);
    const first = store.getState().load();
    const second = store.getState().load();
    const a = next('bootMenu');
    next('bootMenu').answer({ ok: true, value: menu('nixos-generation-2.conf') });
    a.answer({ ok: true, value: menu('windows.conf') });
    await Promise.all([first, second]);
    expect(store.getState().menu?.default?.id).toBe('nixos-generation-2.conf');
    const failing = store.getState().load();
    next('bootMenu').answer({ ok: false, error: { code: 'unavailable', message: '/boot cannot be read', hint: 'Pass --esp.' } });
    await failing;
    expect(store.getState().error?.message).toBe('/boot cannot be read');
    expect(store.getState().menu).not.toBeNull();
  });

  it('previews a change, runs it, says so, and reads the menu again', async () => {
    const { api, next, emit, listeners } = bootApi();
    const onChanged = vi.fn();
    const store = createBootStore(api, { onChanged });
    const change = { action: 'set-default' as const, id: 'nixos-generation-2.conf' };
    const opening = store.getState().open({ kind: 'change', change, subject: 'NixOS, generation 2' });
    const asked = next('previewBootChange');
    expect(asked.input).toEqual({ change });
    await store.getState().confirm(); // not before the preview is there
    expect(store.getState().dialog?.phase).toBe('previewing');
    asked.answer({ ok: true, value: preview });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'ready', preview });

    const running = store.getState().confirm();
    expect(store.getState().dialog?.phase).toBe('running');
    store.getState().close();
    expect(store.getState().dialog).not.toBeNull(); // not while the helper runs
    const changing = next('changeBoot');
    expect(changing.input).toEqual({ change });
    emit('writing LoaderEntryDefault');
    expect(store.getState().dialog?.progress).toBe('writing LoaderEntryDefault');
    changing.answer({ ok: true, value: done });
    await flush();
    expect(store.getState().dialog).toMatchObject({ phase: 'done', outcome: done });
    expect(onChanged).toHaveBeenCalledWith(done);
    expect(listeners('actionProgress')).toBe(0);
    next('bootMenu').answer({ ok: true, value: menu('nixos-generation-2.conf') });
    await running;
    expect(store.getState().menu?.entries.find((e) => e.isDefault)?.id).toBe('nixos-generation-2.conf');
    store.getState().close();
    expect(store.getState().dialog).toBeNull();
  });

  it('reads the menu again even when the change was refused', async () => {
    const { api, next } = bootApi();
    const store = createBootStore(api);
    const opening = store.getState().open({ kind: 'change', change: { action: 'clear-oneshot' }, subject: null });
    next('previewBootChange').answer({ ok: true, value: { ...preview, summary: 'Clear the one-shot entry.' } });
    await opening;
    const running = store.getState().confirm();
    next('changeBoot').answer({ ok: false, error: { code: 'unavailable', message: 'Changing the boot menu is not built yet.', hint: null } });
    await flush();
    expect(store.getState().dialog).toMatchObject({ phase: 'failed', error: { code: 'unavailable' } });
    next('bootMenu').answer({ ok: true, value: menu('windows.conf') });
    await running;
    expect(store.getState().menu?.default?.id).toBe('windows.conf');
  });

  it('drops a preview that arrives after its dialog was closed', async () => {
    const { api, next } = bootApi();
    const store = createBootStore(api);
    const opening = store.getState().open({ kind: 'change', change: { action: 'clear-default' }, subject: null });
    const asked = next('previewBootChange');
    store.getState().close();
    const reopening = store.getState().open({ kind: 'change', change: { action: 'clear-oneshot' }, subject: null });
    asked.answer({ ok: true, value: preview });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'previewing', change: { action: 'clear-oneshot' } });
    next('previewBootChange').answer({ ok: false, error: { code: 'bad-input', message: 'No one-shot entry is set.', hint: null } });
    await reopening;
    expect(store.getState().dialog?.phase).toBe('failed');
  });

  it('edits an entry: reads its text, refuses an unchanged draft, previews the new text', async () => {
    const { api, next, pending } = bootApi();
    const store = createBootStore(api);
    const text = 'title Windows Boot Manager\nefi /EFI/Microsoft/Boot/bootmgfw.efi\n';
    const opening = store.getState().open({ kind: 'edit', id: 'windows.conf', subject: 'Windows Boot Manager' });
    expect(store.getState().dialog?.phase).toBe('loading');
    const reading = next('bootEntryText');
    expect(reading.input).toEqual({ id: 'windows.conf' });
    reading.answer({ ok: true, value: { id: 'windows.conf', text, managedByNixOS: false } });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'editing', draft: text });
    await store.getState().previewDraft();
    expect(store.getState().dialog?.draftProblem).toBe('Nothing changed yet.');
    expect(pending).toHaveLength(0);
    const edited = text.replace('Windows Boot Manager', 'Windows 11');
    store.getState().setDraft(edited);
    expect(store.getState().dialog?.draftProblem).toBeNull();
    const previewing = store.getState().previewDraft();
    const asked = next('previewBootChange');
    expect(asked.input).toEqual({ change: { action: 'write-entry', id: 'windows.conf', text: edited } });
    asked.answer({ ok: true, value: { ...preview, before: text, after: edited } });
    await previewing;
    expect(store.getState().dialog?.phase).toBe('ready');
    store.getState().back();
    expect(store.getState().dialog).toMatchObject({ phase: 'editing', draft: edited, preview: null });
  });

  it('turns a rejected call into an error instead of hanging', async () => {
    const api = bootApi().handle('previewBootChange', () => Promise.reject(new Error('socket closed'))).api;
    const store = createBootStore(api);
    await store.getState().open({ kind: 'change', change: { action: 'clear-default' }, subject: null });
    expect(store.getState().dialog?.error?.message).toMatch(/socket closed/);
  });
});
