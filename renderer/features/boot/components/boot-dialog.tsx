// The modal dialog of a boot change: the draft (timeout, entry text) when there is one, the preview,
// the confirm button that names the change, and the outcome. Nothing runs before the person confirms.
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { hasDraft, type BootDialogState } from '../lib/boot-dialog.ts';
import { bootConfirmLabel, bootDialogTitle, bootIntro, isDestructive } from '../lib/boot-wording.ts';
import { useBoot } from '../../../shared/stores/bound-stores.ts';
import { BootPreview } from './boot-preview.tsx';
import { DialogError, DialogOutcome, trapTab, useModal } from '../../../shared/components/dialog-parts.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';




function TimeoutDraft({ draft, onDraft }: { draft: string; onDraft: (text: string) => void }) {
  const force = draft.trim() === 'menu-force';
  return (
    <div className="boot-draft">
      <label className="boot-timeout-field">
        <span>Seconds</span>
        <input
          className="search-input boot-timeout-input"
          inputMode="numeric"
          value={force ? '' : draft}
          disabled={force}
          placeholder={force ? 'menu always shown' : '5'}
          data-autofocus
          onChange={(event) => onDraft(event.target.value)}
          data-testid="boot-timeout-input"
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={force} onChange={(event) => onDraft(event.target.checked ? 'menu-force' : '')} data-testid="boot-timeout-force" />
        Always show the menu and wait (<code>menu-force</code>)
      </label>
    </div>
  );
}

function EntryDraft({ draft, onDraft }: { draft: string; onDraft: (text: string) => void }) {
  return (
    <textarea
      className="boot-editor"
      value={draft}
      rows={12}
      spellCheck={false}
      data-autofocus
      aria-label="Entry file text"
      onChange={(event) => onDraft(event.target.value)}
      data-testid="boot-entry-editor"
    />
  );
}

/** The boot dialog, shown while the boot store has one open. */
export function BootDialog() {
  const dialog = useBoot((state) => state.dialog);
  if (!dialog) return null;
  return <OpenBootDialog dialog={dialog} />;
}

function OpenBootDialog({ dialog }: { dialog: BootDialogState }) {
  const confirm = useBoot((state) => state.confirm);
  const close = useBoot((state) => state.close);
  const back = useBoot((state) => state.back);
  const setDraft = useBoot((state) => state.setDraft);
  const previewDraft = useBoot((state) => state.previewDraft);
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { request, phase } = dialog;
  const finished = phase === 'done' || phase === 'failed';
  const editing = phase === 'editing';
  const action = dialog.change?.action ?? (request.kind === 'change' ? request.change.action : request.kind === 'timeout' ? 'set-timeout' : 'write-entry');

  useModal(ref, cancelRef, '[data-testid=boot-entry-list]');

  // Focus follows the dialog: the draft while editing (also after "Change"), the close button once it ended.
  useEffect(() => {
    if (editing) ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [editing]);

  useEffect(() => {
    if (finished) cancelRef.current?.focus();
  }, [finished]);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>): void {
    trapTab(event, ref.current);
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    if (editing) void previewDraft();
    else if (phase === 'ready') void confirm();
  }

  return (
    <dialog
      ref={ref}
      className="action-dialog boot-dialog"
      aria-labelledby="boot-dialog-title"
      aria-busy={phase === 'loading' || phase === 'previewing' || phase === 'running'}
      data-testid="boot-dialog"
      data-action={action}
      data-state={phase}
      onCancel={(event) => {
        event.preventDefault(); // Escape: close through the store, which refuses while the helper runs
        close();
      }}
      onKeyDown={onKeyDown}
    >
      <form className="boot-dialog-form" onSubmit={onSubmit}>
        <h2 id="boot-dialog-title">{bootDialogTitle(request)}</h2>
        <div className="action-dialog-body">
          <p>{bootIntro(request)}</p>
          {phase === 'loading' && <p className="progress" role="status"><Spinner />Reading the entry…</p>}
          {editing && request.kind === 'timeout' && <TimeoutDraft draft={dialog.draft} onDraft={setDraft} />}
          {editing && request.kind === 'edit' && <EntryDraft draft={dialog.draft} onDraft={setDraft} />}
          {editing && dialog.draftProblem && <p className="warning-text" role="alert" data-testid="boot-draft-problem">{dialog.draftProblem}</p>}
          {phase === 'previewing' && <p className="progress" role="status"><Spinner />Working out what would change…</p>}
          {dialog.preview && phase !== 'editing' && <BootPreview preview={dialog.preview} />}
          {dialog.error && <DialogError error={dialog.error} testId="boot-error" />}
          {(phase === 'running' || dialog.progress !== null) && (
            <p className="progress action-progress" role="status" data-testid="boot-progress">
              {phase === 'running' && <Spinner />}
              {dialog.progress ?? 'Gentry\u2019s helper is making the change (it may ask for the administrator password)…'}
            </p>
          )}
          {dialog.outcome && <DialogOutcome outcome={dialog.outcome} testId="boot-outcome" />}
        </div>
        <div className="action-dialog-buttons">
          {hasDraft(dialog) && (phase === 'ready' || phase === 'failed') && (
            <button type="button" className="button" onClick={back} data-testid="boot-back">
              <span aria-hidden="true">← </span>Change
            </button>
          )}
          <span className="header-spacer" />
          <button ref={cancelRef} type="button" className="button" disabled={phase === 'running'} onClick={close} data-testid="boot-cancel">
            {finished ? 'Close' : 'Cancel'}
          </button>
          {editing && (
            <button type="submit" className="button button-primary" data-testid="boot-preview-draft">Preview</button>
          )}
          {!finished && !editing && (
            <button
              type="submit"
              className={isDestructive(dialog.change) ? 'button button-danger' : 'button button-primary'}
              disabled={phase !== 'ready'}
              data-testid="boot-confirm"
            >
              {bootConfirmLabel(dialog.change)}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
