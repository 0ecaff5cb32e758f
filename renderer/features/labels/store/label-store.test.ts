import { describe, it, expect, vi } from 'vitest';
import type { CallResult } from '../../../../common/contract/index.ts';
import { createLabelStore, labelKey, type LabelApi } from './label-store.ts';

const ref = { kind: 'system' as const, name: 'system', number: 12 };

describe('label store', () => {
  it('saves a label and note, says which generation is saving, and tells the app', async () => {
    let answer: (result: CallResult<'setLabel'>) => void = () => undefined;
    const setLabel = vi.fn(() => new Promise<CallResult<'setLabel'>>((resolve) => { answer = resolve; }));
    const onSaved = vi.fn();
    const store = createLabelStore({ setLabel } as unknown as LabelApi, { onSaved });
    const saving = store.getState().save(ref, { label: 'last good', note: 'before KiCad 9' });
    expect(store.getState().saving).toBe(labelKey(ref));
    expect(await store.getState().save(ref, { label: 'twice', note: null })).toBe(false); // one save at a time
    expect(setLabel).toHaveBeenCalledTimes(1);
    expect(setLabel).toHaveBeenCalledWith({ generation: ref, label: 'last good', note: 'before KiCad 9' });
    answer({ ok: true, value: { label: 'last good', note: 'before KiCad 9' } });
    expect(await saving).toBe(true);
    expect(store.getState()).toMatchObject({ saving: null, error: null });
    expect(onSaved).toHaveBeenCalledWith(ref);
  });

  it('clears the note with the label, and keeps a refusal for the generation it was about', async () => {
    const error = { code: 'bad-input' as const, message: 'system has no generation 12', hint: 'List them with `gentry list`.' };
    const setLabel = vi.fn(async () => ({ ok: false as const, error }));
    const onSaved = vi.fn();
    const store = createLabelStore({ setLabel } as unknown as LabelApi, { onSaved });
    expect(await store.getState().save(ref, { label: null, note: 'ignored' })).toBe(false);
    expect(setLabel).toHaveBeenCalledWith({ generation: ref, label: null, note: null });
    expect(store.getState().error).toEqual({ key: 'system:system:12', error });
    expect(onSaved).not.toHaveBeenCalled();
    store.getState().clearError();
    expect(store.getState().error).toBeNull();
  });

  it('turns a rejected call into an error', async () => {
    const store = createLabelStore({ setLabel: () => Promise.reject(new Error('socket closed')) } as unknown as LabelApi);
    expect(await store.getState().save(ref, { label: 'x', note: null })).toBe(false);
    expect(store.getState().error?.error.message).toMatch(/socket closed/);
  });
});
