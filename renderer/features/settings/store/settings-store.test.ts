import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../../common/contract/index.ts';
import { settings } from '../../../../test-support/contract-fixtures.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createSettingsStore, isDirty } from './settings-store.ts';

/** The shared fake, holding settings and saveSettings until the test answers them (`next` finds the oldest of that name). */
function settingsApi() {
  const fake = fakeApi().hold('settings', 'saveSettings');
  return { ...fake, pending: fake.held, next: fake.take };
}

async function loaded(saved: Settings = settings(), onSaved = vi.fn()) {
  const fake = settingsApi();
  const store = createSettingsStore(fake.api, { onSaved, now: () => 1000 });
  const loading = store.getState().load();
  fake.next('settings').answer({ ok: true, value: saved });
  await loading;
  return { ...fake, store, onSaved };
}

describe('settings store', () => {
  it('loads the settings into the form, clean', async () => {
    const { store } = await loaded(settings({ systemFlake: '/etc/nixos#host' }));
    expect(store.getState().draft?.systemFlake).toBe('/etc/nixos#host');
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().errors).toEqual({});
  });

  it('checks as you type and never sends settings the schema refuses', async () => {
    const { store, pending } = await loaded();
    store.getState().edit('systemFlake', 'nixos config');
    expect(isDirty(store.getState())).toBe(true);
    expect(store.getState().errors.systemFlake).toMatch(/flake reference/);
    await store.getState().save();
    expect(pending).toHaveLength(0);
    expect(store.getState().attempted).toBe(true);
  });

  it('saves, shows it saved, and tells the app (the recipes reload)', async () => {
    const { store, next, onSaved } = await loaded();
    store.getState().edit('systemFlake', ' /etc/nixos#host ');
    store.getState().addTarget();
    const key = store.getState().draft!.overlayTargets[0]!.key;
    store.getState().editTarget(key, { name: 'pins', path: '/etc/nixos/pins', kind: 'home' });
    const saving = store.getState().save();
    expect(store.getState().saving).toBe(true);
    const call = next('saveSettings');
    const sent = settings({ systemFlake: '/etc/nixos#host', overlayTargets: [{ name: 'pins', path: '/etc/nixos/pins', kind: 'home' }] });
    expect(call.input).toEqual(sent);
    call.answer({ ok: true, value: sent });
    await saving;
    expect(store.getState()).toMatchObject({ saving: false, savedAt: 1000, saved: sent, attempted: false });
    expect(isDirty(store.getState())).toBe(false);
    expect(onSaved).toHaveBeenCalledWith(sent);
    store.getState().removeTarget(store.getState().draft!.overlayTargets[0]!.key);
    expect(store.getState().draft?.overlayTargets).toEqual([]);
    expect(store.getState().savedAt).toBeNull();
    expect(isDirty(store.getState())).toBe(true);
    store.getState().revert();
    expect(store.getState().draft?.overlayTargets).toHaveLength(1);
    expect(isDirty(store.getState())).toBe(false);
  });

  it('keeps the form when Gentry refuses, with its reason', async () => {
    const { store, next, onSaved } = await loaded();
    store.getState().edit('homeFlake', '~/config#me');
    const saving = store.getState().save();
    next('saveSettings').answer({ ok: false, error: { code: 'bad-input', message: 'two overlay targets use /a', hint: 'Each target needs its own directory.' } });
    await saving;
    expect(store.getState().saveError?.code).toBe('bad-input');
    expect(store.getState().draft?.homeFlake).toBe('~/config#me');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('keeps an edit in progress when the settings are read again', async () => {
    const { store, next } = await loaded();
    store.getState().edit('nixpkgsGit', '/src/nixpkgs');
    const again = store.getState().load();
    next('settings').answer({ ok: true, value: settings({ runHistoryLimitMiB: 300 }) });
    await again;
    expect(store.getState().draft?.nixpkgsGit).toBe('/src/nixpkgs');
    expect(store.getState().saved?.runHistoryLimitMiB).toBe(300);
  });

  it('says why the settings could not be read', async () => {
    const fake = settingsApi();
    const store = createSettingsStore({ ...fake.api, settings: () => Promise.reject(new Error('gone')) });
    await store.getState().load();
    expect(store.getState().loadError?.message).toMatch(/gone/);
    expect(store.getState().draft).toBeNull();
  });
});
