import { describe, it, expect } from 'vitest';
import type { ActionOutcome, BootChangePreview } from '../../../../common/contract/index.ts';
import { canCloseBootDialog, draftChange, hasDraft, nextBootDialog, openBootDialog, parseTimeout } from './boot-dialog.ts';

const preview: BootChangePreview = {
  summary: 'Boot nixos-generation-3.conf by default.',
  target: 'EFI variable LoaderEntryDefault',
  before: null,
  after: 'nixos-generation-3.conf',
  undoneByRebuild: false,
  declarative: null,
  warnings: [],
};
const done: ActionOutcome = { state: 'done', message: 'The default is nixos-generation-3.conf.', result: null };
const error = { code: 'unavailable' as const, message: 'Changing the boot menu is not built yet.', hint: null };

describe('the boot dialog', () => {
  it('previews a plain change at once, then runs it', () => {
    let state = openBootDialog({ kind: 'change', change: { action: 'set-default', id: 'nixos-generation-3.conf' }, subject: null });
    expect(state).toMatchObject({ phase: 'previewing', change: { action: 'set-default' } });
    expect(hasDraft(state)).toBe(false);
    expect(nextBootDialog(state, { type: 'confirm' })).toBe(state);
    state = nextBootDialog(state, { type: 'previewed', preview });
    expect(state.phase).toBe('ready');
    expect(nextBootDialog(state, { type: 'back' })).toBe(state); // nothing to go back to
    expect(nextBootDialog(state, { type: 'progress', message: 'stray' }).progress).toBeNull();
    state = nextBootDialog(state, { type: 'confirm' });
    expect(state.phase).toBe('running');
    expect(canCloseBootDialog(state)).toBe(false);
    state = nextBootDialog(state, { type: 'progress', message: 'writing LoaderEntryDefault' });
    expect(state.progress).toBe('writing LoaderEntryDefault');
    state = nextBootDialog(state, { type: 'finished', outcome: done });
    expect(state).toMatchObject({ phase: 'done', outcome: done });
    expect(canCloseBootDialog(state)).toBe(true);
  });

  it('starts a timeout from the current one it can write back, and goes back from a refusal', () => {
    expect(openBootDialog({ kind: 'timeout', current: '5' }).draft).toBe('5');
    expect(openBootDialog({ kind: 'timeout', current: 'menu-force' }).draft).toBe('menu-force');
    expect(openBootDialog({ kind: 'timeout', current: 'menu-hidden' }).draft).toBe('');
    let state = openBootDialog({ kind: 'timeout', current: null });
    expect(state.phase).toBe('editing');
    state = nextBootDialog(state, { type: 'draft', text: 'soon' });
    const wanted = draftChange(state);
    expect(wanted.ok).toBe(false);
    if (!wanted.ok) state = nextBootDialog(state, { type: 'invalid', problem: wanted.problem });
    expect(state.draftProblem).toMatch(/not a whole number/);
    state = nextBootDialog(state, { type: 'draft', text: ' 3 ' });
    expect(state.draftProblem).toBeNull();
    expect(draftChange(state)).toEqual({ ok: true, change: { action: 'set-timeout', timeout: 3 } });
    state = nextBootDialog(state, { type: 'preview', change: { action: 'set-timeout', timeout: 3 } });
    state = nextBootDialog(state, { type: 'error', error });
    expect(state).toMatchObject({ phase: 'failed', error });
    state = nextBootDialog(state, { type: 'back' });
    expect(state).toMatchObject({ phase: 'editing', draft: ' 3 ', error: null, change: null });
  });

  it('loads an entry text before editing it, and refuses an empty or unchanged one', () => {
    let state = openBootDialog({ kind: 'edit', id: 'windows.conf', subject: 'Windows Boot Manager' });
    expect(state.phase).toBe('loading');
    expect(hasDraft(state)).toBe(false);
    expect(nextBootDialog(state, { type: 'draft', text: 'x' })).toBe(state);
    state = nextBootDialog(state, { type: 'loaded', text: 'title Windows\nefi /EFI/Microsoft/Boot/bootmgfw.efi\n' });
    expect(state).toMatchObject({ phase: 'editing', original: state.draft });
    expect(draftChange(state)).toEqual({ ok: false, problem: 'Nothing changed yet.' });
    state = nextBootDialog(state, { type: 'draft', text: '   \n' });
    expect(draftChange(state).ok).toBe(false);
    state = nextBootDialog(state, { type: 'draft', text: 'title Windows 11\nefi /EFI/Microsoft/Boot/bootmgfw.efi\n' });
    expect(draftChange(state)).toEqual({ ok: true, change: { action: 'write-entry', id: 'windows.conf', text: 'title Windows 11\nefi /EFI/Microsoft/Boot/bootmgfw.efi\n' } });
    state = nextBootDialog(state, { type: 'draft', text: 'é'.repeat(40000) });
    expect(draftChange(state)).toMatchObject({ ok: false, problem: expect.stringMatching(/65536 bytes/) });
  });

  it('fails when the entry text cannot be read, with no draft to go back to', () => {
    const state = nextBootDialog(openBootDialog({ kind: 'edit', id: 'gone.conf', subject: null }), { type: 'error', error });
    expect(state.phase).toBe('failed');
    expect(nextBootDialog(state, { type: 'back' })).toBe(state);
  });
});

describe('parseTimeout', () => {
  it('takes whole seconds up to 65535 and menu-force', () => {
    expect(parseTimeout('0')).toEqual({ ok: true, value: 0 });
    expect(parseTimeout('65535')).toEqual({ ok: true, value: 65535 });
    expect(parseTimeout('menu-force')).toEqual({ ok: true, value: 'menu-force' });
    expect(parseTimeout('65536').ok).toBe(false);
    expect(parseTimeout('-1').ok).toBe(false);
    expect(parseTimeout('2.5').ok).toBe(false);
    expect(parseTimeout('').ok).toBe(false);
  });
});
