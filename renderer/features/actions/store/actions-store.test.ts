import { describe, it, expect, vi } from 'vitest';
import type { ActionOutcome } from '../../../../common/contract/index.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createActionsStore } from './actions-store.ts';

/** The shared fake, told to hold the action calls until the test answers them. */
function actionsApi() {
  const fake = fakeApi().hold('previewSwitch', 'switchGeneration', 'previewDelete', 'deleteGenerations', 'previewGc', 'collectGarbage');
  return { ...fake, pending: fake.held, emit: (message: string) => fake.emit('actionProgress', { message }) };
}

const done: ActionOutcome = { state: 'done', message: 'Generation 3 is now current.', result: null };

describe('actions store', () => {
  it('previews, runs with progress, shows the outcome and tells the app', async () => {
    const { api, pending, listeners, emit } = actionsApi();
    const onFinished = vi.fn();
    const store = createActionsStore(api, { onFinished });
    const request = { action: 'switch' as const, generation: { kind: 'system' as const, name: 'system', number: 3 }, mode: 'switch' as const };
    const opening = store.getState().open(request);
    expect(store.getState().dialog?.phase).toBe('previewing');
    expect(pending[0]).toMatchObject({ name: 'previewSwitch', input: { generation: request.generation, mode: 'switch' } });
    pending[0]!.answer({ ok: true, value: { diff: null, alreadyCurrent: false } });
    await opening;
    expect(store.getState().dialog?.phase).toBe('ready');

    const running = store.getState().confirm();
    expect(store.getState().dialog?.phase).toBe('running');
    store.getState().close();
    expect(store.getState().dialog).not.toBeNull();
    emit('activating the configuration');
    expect(store.getState().dialog?.progress).toBe('activating the configuration');
    expect(pending[1]!.name).toBe('switchGeneration');
    pending[1]!.answer({ ok: true, value: done });
    await running;
    expect(store.getState().dialog).toMatchObject({ phase: 'done', outcome: done });
    expect(listeners('actionProgress')).toBe(0);
    expect(onFinished).toHaveBeenCalledWith(request, done);
    store.getState().close();
    expect(store.getState().dialog).toBeNull();
  });

  it('shows a refused deletion preview and cannot confirm it', async () => {
    const { api, pending } = actionsApi();
    const store = createActionsStore(api);
    const opening = store.getState().open({ action: 'delete', kind: 'system', name: 'system', numbers: [7] });
    const error = { code: 'bad-input' as const, message: 'generation 7 is the current one and cannot be deleted', hint: 'Switch to another generation first.' };
    pending[0]!.answer({ ok: false, error });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'failed', error });
    await store.getState().confirm();
    expect(pending).toHaveLength(1);
  });

  it('drops a preview that arrives after its dialog was closed', async () => {
    const { api, pending } = actionsApi();
    const store = createActionsStore(api);
    const opening = store.getState().open({ action: 'gc' });
    store.getState().close();
    pending[0]!.answer({ ok: true, value: { outcome: done, deadPaths: 3, bytes: 10 } });
    await opening;
    expect(store.getState().dialog).toBeNull();
  });

  it('turns a rejected call into an error instead of hanging', async () => {
    const api = actionsApi().handle('previewGc', () => Promise.reject(new Error('socket closed'))).api;
    const store = createActionsStore(api);
    await store.getState().open({ action: 'gc' });
    expect(store.getState().dialog?.error?.message).toMatch(/socket closed/);
  });

  it('marks generations per profile and clears them after a deletion ran', async () => {
    const { api, pending } = actionsApi();
    const store = createActionsStore(api);
    store.getState().toggleMark('system:system', 2);
    store.getState().toggleMark('system:system', 3);
    store.getState().toggleMark('home:home-manager', 1);
    store.getState().toggleMark('system:system', 2);
    expect(store.getState().marks).toEqual({ 'system:system': [3], 'home:home-manager': [1] });
    const opening = store.getState().open({ action: 'delete', kind: 'system', name: 'system', numbers: [3] });
    pending[0]!.answer({ ok: true, value: { generations: [3], collectablePaths: 4, collectableBytes: 4096, labelled: [] } });
    await opening;
    const running = store.getState().confirm();
    pending[1]!.answer({ ok: true, value: done });
    await running;
    expect(store.getState().marks).toEqual({ 'home:home-manager': [1] });
  });

  it('sends confirmLabelled only after the second confirmation of labelled generations', async () => {
    const { api, pending } = actionsApi();
    const store = createActionsStore(api);
    const request = { action: 'delete' as const, kind: 'system' as const, name: 'system', numbers: [11, 12] };
    const opening = store.getState().open(request);
    pending[0]!.answer({ ok: true, value: { generations: [11, 12], collectablePaths: 2, collectableBytes: 100, labelled: [{ number: 12, label: 'last good' }] } });
    await opening;
    await store.getState().confirm();
    expect(pending).toHaveLength(1); // not confirmed a second time: nothing runs
    store.getState().setConfirmLabelled(true);
    expect(store.getState().dialog?.confirmLabelled).toBe(true);
    const running = store.getState().confirm();
    expect(pending[1]).toMatchObject({ name: 'deleteGenerations', input: { kind: 'system', name: 'system', numbers: [11, 12], confirmLabelled: true } });
    pending[1]!.answer({ ok: true, value: done });
    await running;
    expect(store.getState().dialog?.phase).toBe('done');
  });

  it('does not send confirmLabelled when no labelled generation goes', async () => {
    const { api, pending } = actionsApi();
    const store = createActionsStore(api);
    const opening = store.getState().open({ action: 'delete', kind: 'home', name: 'home-manager', numbers: [2] });
    pending[0]!.answer({ ok: true, value: { generations: [2], collectablePaths: 1, collectableBytes: 10, labelled: [] } });
    await opening;
    const running = store.getState().confirm();
    expect(pending[1]!.input).toEqual({ kind: 'home', name: 'home-manager', numbers: [2] });
    pending[1]!.answer({ ok: true, value: done });
    await running;
  });
});
