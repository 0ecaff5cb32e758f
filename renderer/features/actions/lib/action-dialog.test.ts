import { describe, it, expect } from 'vitest';
import type { ActionOutcome } from '../../../../common/contract/index.ts';
import { canClose, canConfirm, labelledInPreview, nextDialog, openDialog, type ActionRequest } from './action-dialog.ts';

const switchRequest: ActionRequest = { action: 'switch', generation: { kind: 'system', name: 'system', number: 41 }, mode: 'switch' };
const done: ActionOutcome = { state: 'done', message: 'Switched.', result: null };
const error = { code: 'bad-input' as const, message: 'generation 7 is the current one and cannot be deleted', hint: 'Switch to another generation first.' };

describe('the action dialog', () => {
  it('goes previewing → ready → running → done', () => {
    let state = openDialog(switchRequest);
    expect(state.phase).toBe('previewing');
    expect(nextDialog(state, { type: 'confirm' })).toBe(state);
    state = nextDialog(state, { type: 'previewed', preview: { action: 'switch', value: { diff: null, alreadyCurrent: false } } });
    expect(state.phase).toBe('ready');
    state = nextDialog(state, { type: 'confirm' });
    expect(state.phase).toBe('running');
    expect(canClose(state)).toBe(false);
    state = nextDialog(state, { type: 'progress', message: 'activating' });
    expect(state.progress).toBe('activating');
    state = nextDialog(state, { type: 'finished', outcome: done });
    expect(state).toMatchObject({ phase: 'done', outcome: done, progress: 'activating' });
    expect(canClose(state)).toBe(true);
  });

  it('fails when the preview is refused, and ignores progress outside a run', () => {
    let state = openDialog({ action: 'delete', kind: 'system', name: 'system', numbers: [7] });
    state = nextDialog(state, { type: 'progress', message: 'stray' });
    expect(state.progress).toBeNull();
    state = nextDialog(state, { type: 'error', error });
    expect(state).toMatchObject({ phase: 'failed', error });
    expect(nextDialog(state, { type: 'confirm' })).toBe(state);
  });

  it('fails when the GC dry run itself did not succeed', () => {
    const outcome: ActionOutcome = { state: 'not-authorised', message: 'The password was refused; nothing was collected.', result: null };
    const state = nextDialog(openDialog({ action: 'gc' }), { type: 'previewed', preview: { action: 'gc', value: { outcome, deadPaths: null, bytes: null } } });
    expect(state).toMatchObject({ phase: 'failed', previewOutcome: outcome });
  });

  it('ignores a preview of another kind of action', () => {
    const state = openDialog({ action: 'gc' });
    expect(nextDialog(state, { type: 'previewed', preview: { action: 'switch', value: { diff: null, alreadyCurrent: true } } })).toBe(state);
  });

  it('fails when the call returns an error while running', () => {
    let state = nextDialog(openDialog(switchRequest), { type: 'previewed', preview: { action: 'switch', value: { diff: null, alreadyCurrent: false } } });
    state = nextDialog(nextDialog(state, { type: 'confirm' }), { type: 'error', error });
    expect(state.phase).toBe('failed');
  });

  it('asks a second, explicit yes before deleting labelled generations', () => {
    const preview = { generations: [11, 12], collectablePaths: 3, collectableBytes: 2048, labelled: [{ number: 12, label: 'last good before the KiCad update' }] };
    let state = nextDialog(openDialog({ action: 'delete', kind: 'system', name: 'system', numbers: [11, 12] }), { type: 'previewed', preview: { action: 'delete', value: preview } });
    expect(state.phase).toBe('ready');
    expect(labelledInPreview(state)).toEqual(preview.labelled);
    expect(canConfirm(state)).toBe(false);
    expect(nextDialog(state, { type: 'confirm' })).toBe(state);
    state = nextDialog(state, { type: 'confirm-labelled', value: true });
    expect(canConfirm(state)).toBe(true);
    expect(nextDialog(nextDialog(state, { type: 'confirm-labelled', value: false }), { type: 'confirm' }).phase).toBe('ready');
    state = nextDialog(state, { type: 'confirm' });
    expect(state.phase).toBe('running');
    expect(nextDialog(state, { type: 'confirm-labelled', value: false }).confirmLabelled).toBe(true);
  });

  it('needs no second yes when nothing labelled goes', () => {
    const state = nextDialog(openDialog({ action: 'delete', kind: 'home', name: 'home-manager', numbers: [3] }), {
      type: 'previewed', preview: { action: 'delete', value: { generations: [3], collectablePaths: 1, collectableBytes: 10, labelled: [] } },
    });
    expect(canConfirm(state)).toBe(true);
    expect(labelledInPreview(openDialog({ action: 'gc' }))).toEqual([]);
  });
});
