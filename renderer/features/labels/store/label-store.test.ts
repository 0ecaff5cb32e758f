import { describe, it, expect, vi } from 'vitest';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createLabelStore, labelKey } from './label-store.ts';

const ref = { kind: 'system' as const, name: 'system', number: 12 };

describe('label store', () => {
  it('saves a label and note, says which generation is saving, and tells the app', async () => {
    const fake = fakeApi().hold('setLabel');
    const onSaved = vi.fn();
    const store = createLabelStore(fake.api, { onSaved });
    const saving = store.getState().save(ref, { label: 'last good', note: 'before KiCad 9' });
    expect(store.getState().saving).toBe(labelKey(ref));
    expect(await store.getState().save(ref, { label: 'twice', note: null })).toBe(false); // one save at a time
    expect(fake.inputs('setLabel')).toEqual([{ generation: ref, label: 'last good', note: 'before KiCad 9' }]);
    fake.next('setLabel').ok({ label: 'last good', note: 'before KiCad 9' });
    expect(await saving).toBe(true);
    expect(store.getState()).toMatchObject({ saving: null, error: null });
    expect(onSaved).toHaveBeenCalledWith(ref);
  });

  it('clears the note with the label, and keeps a refusal for the generation it was about', async () => {
    const error = { code: 'bad-input' as const, message: 'system has no generation 12', hint: 'List them with `gentry list`.' };
    const fake = fakeApi().answer('setLabel', { ok: false, error });
    const onSaved = vi.fn();
    const store = createLabelStore(fake.api, { onSaved });
    expect(await store.getState().save(ref, { label: null, note: 'ignored' })).toBe(false);
    expect(fake.inputs('setLabel')).toEqual([{ generation: ref, label: null, note: null }]);
    expect(store.getState().error).toEqual({ key: 'system:system:12', error });
    expect(onSaved).not.toHaveBeenCalled();
    store.getState().clearError();
    expect(store.getState().error).toBeNull();
  });

  it('turns a rejected call into an error', async () => {
    const store = createLabelStore(fakeApi().handle('setLabel', () => Promise.reject(new Error('socket closed'))).api);
    expect(await store.getState().save(ref, { label: 'x', note: null })).toBe(false);
    expect(store.getState().error?.error.message).toMatch(/socket closed/);
  });
});
