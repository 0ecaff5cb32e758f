// The boot dialog's state machine: (load an entry's text,) edit a draft, preview the change, confirm,
// run, outcome. Pure; the boot store drives it. Every boot action goes through it, so none runs unseen.
import { utf8Length, type ActionOutcome, type BootChange, type BootChangePreview, type GentryErrorShape } from '../../../../common/contract/index.ts';

/** What the person asked to do to the boot menu. */
export type BootRequest =
  /** A change that needs no input: previewed at once. `subject` names the entry for people ("NixOS, generation 12"). */
  | { kind: 'change'; change: BootChange; subject: string | null }
  /** Set the menu timeout: the draft is the timeout typed, starting from the current one. */
  | { kind: 'timeout'; current: string | null }
  /** Edit an entry NixOS does not manage: its text is loaded first. */
  | { kind: 'edit'; id: string; subject: string | null };

/**
 * Where the dialog is (its `data-state`): `loading` (the entry's text is being read), `editing` (a draft
 * to fill in), `previewing` (asking what the change would do), `ready` (preview shown, confirm enabled),
 * `running` (the helper runs), `done` (the change returned an ActionOutcome, whatever its state),
 * `failed` (reading, previewing or running returned an error).
 */
export type BootDialogPhase = 'loading' | 'editing' | 'previewing' | 'ready' | 'running' | 'done' | 'failed';

/** Everything the boot dialog shows. */
export type BootDialogState = {
  request: BootRequest;
  phase: BootDialogPhase;
  /** The timeout or entry text being edited ('' for plain changes). */
  draft: string;
  /** The entry's text as read, to tell whether the draft changed; null until read (and for other requests). */
  original: string | null;
  /** Why the draft cannot be previewed (phase `editing`). */
  draftProblem: string | null;
  /** The change being previewed or run. */
  change: BootChange | null;
  preview: BootChangePreview | null;
  error: GentryErrorShape | null;
  /** The newest progress line of the helper while it runs (kept afterwards). */
  progress: string | null;
  outcome: ActionOutcome | null;
};

/** What can happen to the boot dialog. */
export type BootDialogEvent =
  | { type: 'loaded'; text: string }
  | { type: 'draft'; text: string }
  | { type: 'invalid'; problem: string }
  | { type: 'preview'; change: BootChange }
  | { type: 'previewed'; preview: BootChangePreview }
  | { type: 'error'; error: GentryErrorShape }
  | { type: 'back' }
  | { type: 'confirm' }
  | { type: 'progress'; message: string }
  | { type: 'finished'; outcome: ActionOutcome };

/** The timeouts loader.conf can hold that the contract's set-timeout can write back. */
function timeoutDraft(current: string | null): string {
  return current !== null && (/^[0-9]+$/.test(current) || current === 'menu-force') ? current : '';
}

/** A dialog that has just opened for `request`. */
export function openBootDialog(request: BootRequest): BootDialogState {
  const base = { request, draft: '', original: null, draftProblem: null, change: null, preview: null, error: null, progress: null, outcome: null };
  switch (request.kind) {
    case 'change':
      return { ...base, phase: 'previewing', change: request.change };
    case 'timeout':
      return { ...base, phase: 'editing', draft: timeoutDraft(request.current) };
    case 'edit':
      return { ...base, phase: 'loading' };
  }
}

/** The largest timeout systemd-boot's loader.conf takes here (the contract's limit). */
export const MAX_TIMEOUT = 65535;

/** Reads a typed timeout: whole seconds or `menu-force`; a problem sentence when it is neither. */
export function parseTimeout(text: string): { ok: true; value: number | 'menu-force' } | { ok: false; problem: string } {
  const t = text.trim();
  if (t === '') return { ok: false, problem: 'Type the seconds the menu waits (0 hides it), or choose “always show the menu”.' };
  if (t === 'menu-force') return { ok: true, value: 'menu-force' };
  if (!/^[0-9]+$/.test(t)) return { ok: false, problem: `“${t}” is not a whole number of seconds.` };
  const value = Number(t);
  if (value > MAX_TIMEOUT) return { ok: false, problem: `At most ${MAX_TIMEOUT} seconds.` };
  return { ok: true, value };
}

/** The largest entry file the helper writes (the contract's limit), in UTF-8 bytes. */
export const MAX_ENTRY_BYTES = 65536;

/** The change the draft asks for, or why it cannot be previewed yet. */
export function draftChange(state: BootDialogState): { ok: true; change: BootChange } | { ok: false; problem: string } {
  const { request, draft } = state;
  switch (request.kind) {
    case 'change':
      return { ok: true, change: request.change };
    case 'timeout': {
      const parsed = parseTimeout(draft);
      return parsed.ok ? { ok: true, change: { action: 'set-timeout', timeout: parsed.value } } : parsed;
    }
    case 'edit': {
      if (draft.trim() === '') return { ok: false, problem: 'An entry cannot be empty; use “Remove…” to delete it.' };
      if (utf8Length(draft) > MAX_ENTRY_BYTES) return { ok: false, problem: `An entry is at most ${MAX_ENTRY_BYTES} bytes.` };
      if (draft === state.original) return { ok: false, problem: 'Nothing changed yet.' };
      return { ok: true, change: { action: 'write-entry', id: request.id, text: draft } };
    }
  }
}

/** True when the dialog has a draft the person can go back to (a timeout, or an entry text that was read). */
export function hasDraft(state: BootDialogState): boolean {
  return state.request.kind === 'timeout' || (state.request.kind === 'edit' && state.original !== null);
}

/** The dialog after `event`; events that do not fit the phase leave it as it is. */
export function nextBootDialog(state: BootDialogState, event: BootDialogEvent): BootDialogState {
  switch (event.type) {
    case 'loaded':
      return state.phase === 'loading' ? { ...state, phase: 'editing', draft: event.text, original: event.text } : state;
    case 'draft':
      return state.phase === 'editing' ? { ...state, draft: event.text, draftProblem: null } : state;
    case 'invalid':
      return state.phase === 'editing' ? { ...state, draftProblem: event.problem } : state;
    case 'preview':
      return state.phase === 'editing' ? { ...state, phase: 'previewing', change: event.change, draftProblem: null, preview: null, error: null } : state;
    case 'previewed':
      return state.phase === 'previewing' ? { ...state, phase: 'ready', preview: event.preview } : state;
    case 'error':
      if (state.phase !== 'loading' && state.phase !== 'previewing' && state.phase !== 'running') return state;
      return { ...state, phase: 'failed', error: event.error };
    case 'back':
      if (!hasDraft(state) || (state.phase !== 'ready' && state.phase !== 'failed')) return state;
      return { ...state, phase: 'editing', change: null, preview: null, error: null, outcome: null };
    case 'confirm':
      return state.phase === 'ready' ? { ...state, phase: 'running', progress: null } : state;
    case 'progress':
      return state.phase === 'running' ? { ...state, progress: event.message } : state;
    case 'finished':
      return state.phase === 'running' ? { ...state, phase: 'done', outcome: event.outcome } : state;
  }
}

/** True when the dialog may be closed now (not while the helper runs). */
export function canCloseBootDialog(state: BootDialogState): boolean {
  return state.phase !== 'running';
}
