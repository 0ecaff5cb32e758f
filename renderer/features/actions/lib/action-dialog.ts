// The action dialog's state machine: preview, confirm, run, outcome. Pure; the actions store drives it.
import type { ActionOutcome, DeletePreview, GcPreview, GenerationRef, GentryErrorShape, SwitchMode, SwitchPreview } from '../../../../common/contract/index.ts';
import type { DeletableKind } from './action-rules.ts';

/** What the person asked to do. */
export type ActionRequest =
  | { action: 'switch'; generation: GenerationRef; mode: SwitchMode }
  | { action: 'delete'; kind: DeletableKind; name: string; numbers: readonly number[] }
  | { action: 'gc' };

/** The preview of a request, tagged like the request. */
export type ActionPreview =
  | { action: 'switch'; value: SwitchPreview }
  | { action: 'delete'; value: DeletePreview }
  | { action: 'gc'; value: GcPreview };

/**
 * Where the dialog is (its `data-state`): `previewing` (asking for the preview), `ready` (preview shown,
 * confirm enabled), `running` (the action runs; progress lines arrive), `done` (the action returned an
 * ActionOutcome, whatever its state), `failed` (the preview or the call returned an error, or the GC dry
 * run did not succeed: nothing ran).
 */
export type DialogPhase = 'previewing' | 'ready' | 'running' | 'done' | 'failed';

/** Everything the dialog shows. */
export type DialogState = {
  request: ActionRequest;
  phase: DialogPhase;
  preview: ActionPreview | null;
  /** Why the preview or the call failed (phase `failed`). */
  error: GentryErrorShape | null;
  /** The GC dry run's own outcome when it did not succeed (phase `failed`). */
  previewOutcome: ActionOutcome | null;
  /** The newest progress line while running (kept afterwards). */
  progress: string | null;
  /** How the action ended (phase `done`). */
  outcome: ActionOutcome | null;
  /** The second, explicit yes a deletion of labelled generations needs (the checkbox under its preview). */
  confirmLabelled: boolean;
};

/** What can happen to the dialog. */
export type DialogEvent =
  | { type: 'previewed'; preview: ActionPreview }
  | { type: 'error'; error: GentryErrorShape }
  | { type: 'confirm' }
  | { type: 'progress'; message: string }
  | { type: 'finished'; outcome: ActionOutcome }
  | { type: 'confirm-labelled'; value: boolean };

/** A dialog that has just opened for `request` and asks for its preview. */
export function openDialog(request: ActionRequest): DialogState {
  return { request, phase: 'previewing', preview: null, error: null, previewOutcome: null, progress: null, outcome: null, confirmLabelled: false };
}

/** True when the preview says the action can run (a GC dry run that did not succeed cannot). */
function previewAllowsRun(preview: ActionPreview): boolean {
  return preview.action !== 'gc' || preview.value.outcome.state === 'done';
}

/** The labelled generations a deletion preview includes (none for other actions). */
export function labelledInPreview(state: Pick<DialogState, 'preview'>): DeletePreview['labelled'] {
  return state.preview?.action === 'delete' ? state.preview.value.labelled : [];
}

/** True when the confirm button may run the action: the preview is ready and any labelled generation was confirmed again. */
export function canConfirm(state: DialogState): boolean {
  return state.phase === 'ready' && (state.confirmLabelled || labelledInPreview(state).length === 0);
}

/** The dialog after `event`; events that do not fit the phase leave it as it is. */
export function nextDialog(state: DialogState, event: DialogEvent): DialogState {
  switch (event.type) {
    case 'previewed':
      if (state.phase !== 'previewing' || event.preview.action !== state.request.action) return state;
      if (!previewAllowsRun(event.preview)) {
        return { ...state, phase: 'failed', preview: event.preview, previewOutcome: event.preview.action === 'gc' ? event.preview.value.outcome : null };
      }
      return { ...state, phase: 'ready', preview: event.preview };
    case 'error':
      if (state.phase !== 'previewing' && state.phase !== 'running') return state;
      return { ...state, phase: 'failed', error: event.error };
    case 'confirm':
      return canConfirm(state) ? { ...state, phase: 'running', progress: null } : state;
    case 'confirm-labelled':
      return state.phase === 'ready' ? { ...state, confirmLabelled: event.value } : state;
    case 'progress':
      return state.phase === 'running' ? { ...state, progress: event.message } : state;
    case 'finished':
      return state.phase === 'running' ? { ...state, phase: 'done', outcome: event.outcome } : state;
  }
}

/** True when the dialog may be closed now (not while an action runs: it cannot be stopped halfway). */
export function canClose(state: DialogState): boolean {
  return state.phase !== 'running';
}
