import { describe, it, expect } from 'vitest';
import type { ActionOutcome } from '../../common/contract.ts';
import { canClose, nextDialog, openDialog, type ActionRequest } from './action-dialog.ts';

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
});
