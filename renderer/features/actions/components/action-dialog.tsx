// The modal dialog of an action: its preview, the confirm button that names it, progress while it runs, and its outcome.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { formatBytesExact } from '../../../../common/format-size.ts';
import { canConfirm, type ActionPreview, type ActionRequest, type DialogState } from '../lib/action-dialog.ts';
import { actionTitle, collectableText, confirmLabel, gcPreviewText, numberList } from '../lib/action-wording.ts';
import { labelledDeleteText } from '../../labels/lib/label-text.ts';
import { useActions } from '../../../shared/stores/bound-stores.ts';
import { DialogError, DialogOutcome, trapTab, useModal } from '../../../shared/components/dialog-parts.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';
import { LabelChip } from '../../labels/components/label-chip.tsx';
import { SwitchPreview } from './switch-preview.tsx';


/** What the action will do, said before the preview arrives. */
function Intro({ request }: { request: ActionRequest }) {
  switch (request.action) {
    case 'switch':
      if (request.generation.kind === 'home') return <p>Runs generation {request.generation.number}&apos;s own <code>activate</code> script as you: your home-manager files and services become that generation&apos;s.</p>;
      return request.mode === 'boot'
        ? <p>Makes generation {request.generation.number} the default boot entry. Nothing changes on the running system until you reboot. Gentry&apos;s helper asks for the administrator password.</p>
        : <p>Activates generation {request.generation.number} now and makes it the default boot entry. Gentry&apos;s helper asks for the administrator password.</p>;
    case 'delete':
      return <p>Removes the generation links {numberList(request.numbers)} of {request.name}. Their store paths stay until the garbage collector runs.{request.kind === 'system' ? ' Gentry\u2019s helper asks for the administrator password.' : ''}</p>;
    case 'gc':
      return <p>Deletes every store path no generation or other root reaches. The dry run below may itself ask for the administrator password (pkexec), and collecting asks again.</p>;
  }
}

/** The labelled generations a deletion would remove, and the second, explicit yes they need. */
function LabelledConfirmation({ labelled, checked, disabled }: { labelled: DeletePreviewValue['labelled']; checked: boolean; disabled: boolean }) {
  const setConfirmLabelled = useActions((state) => state.setConfirmLabelled);
  return (
    <div className="notice-box labelled-delete" data-testid="labelled-delete" data-count={labelled.length}>
      <p><strong>{labelled.length === 1 ? 'This generation is labelled:' : 'These generations are labelled:'}</strong></p>
      <ul className="labelled-list">
        {labelled.map((l) => <li key={l.number} data-number={l.number}>#{l.number} <LabelChip label={l.label} note={null} /></li>)}
      </ul>
      <label className="check labelled-check">
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => setConfirmLabelled(event.target.checked)} data-testid="confirm-labelled" />
        {labelledDeleteText(labelled)}
      </label>
    </div>
  );
}

type DeletePreviewValue = Extract<ActionPreview, { action: 'delete' }>['value'];

function PreviewBody({ preview, dialog }: { preview: ActionPreview; dialog: DialogState }) {
  switch (preview.action) {
    case 'switch': {
      const { diff, alreadyCurrent } = preview.value;
      if (alreadyCurrent) return <p data-testid="switch-preview" data-current="true">This is already the current generation: switching changes no packages.</p>;
      if (diff === null) return <p data-testid="switch-preview" data-current="false">There is no current generation to compare with.</p>;
      return <SwitchPreview diff={diff} />;
    }
    case 'delete': {
      const { generations, collectablePaths, collectableBytes, labelled } = preview.value;
      return (
        <div data-testid="delete-preview" data-paths={collectablePaths} data-bytes={collectableBytes} data-labelled={labelled.length}>
          <p>Generations to delete: {numberList(generations)}</p>
          <p className="preview-figure" title={formatBytesExact(collectableBytes)}>{collectableText(collectablePaths, collectableBytes)}</p>
          <p className="muted">Counted among this profile&apos;s generations; other profiles may still keep some of these paths.</p>
          {labelled.length > 0 && <LabelledConfirmation labelled={labelled} checked={dialog.confirmLabelled} disabled={dialog.phase !== 'ready'} />}
        </div>
      );
    }
    case 'gc': {
      const { deadPaths, bytes } = preview.value;
      return (
        <div data-testid="gc-preview" data-paths={deadPaths ?? ''} data-bytes={bytes ?? ''}>
          <p className="preview-figure" title={bytes === null ? undefined : formatBytesExact(bytes)}>{gcPreviewText(deadPaths, bytes)}</p>
        </div>
      );
    }
  }
}



function Body({ dialog }: { dialog: DialogState }): ReactNode {
  return (
    <>
      <Intro request={dialog.request} />
      {dialog.phase === 'previewing' && <p className="progress" role="status"><Spinner />Working out what would change…</p>}
      {dialog.preview && <PreviewBody preview={dialog.preview} dialog={dialog} />}
      {dialog.previewOutcome && <DialogOutcome outcome={dialog.previewOutcome} testId="action-preview-outcome" />}
      {dialog.error && <DialogError error={dialog.error} testId="action-error" />}
      {(dialog.phase === 'running' || dialog.progress !== null) && (
        <p className="progress action-progress" role="status" data-testid="action-progress">
          {dialog.phase === 'running' && <Spinner />}
          {dialog.progress ?? 'Starting…'}
        </p>
      )}
      {dialog.outcome && <DialogOutcome outcome={dialog.outcome} testId="action-outcome" />}
    </>
  );
}

/** The action dialog, shown while the actions store has one open. */
export function ActionDialog() {
  const dialog = useActions((state) => state.dialog);
  if (!dialog) return null;
  return <OpenDialog dialog={dialog} />;
}

function OpenDialog({ dialog }: { dialog: DialogState }) {
  const confirm = useActions((state) => state.confirm);
  const close = useActions((state) => state.close);
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { request, phase } = dialog;
  const finished = phase === 'done' || phase === 'failed';

  useModal(ref, cancelRef);

  // Focus follows the dialog's progress: the close button once the action has ended.
  useEffect(() => {
    if (finished) cancelRef.current?.focus();
  }, [finished]);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>): void {
    trapTab(event, ref.current);
  }

  const danger = request.action !== 'switch';
  return (
    <dialog
      ref={ref}
      className="action-dialog"
      aria-labelledby="action-dialog-title"
      aria-busy={phase === 'previewing' || phase === 'running'}
      data-testid="action-dialog"
      data-action={request.action}
      data-state={phase}
      onCancel={(event) => {
        event.preventDefault(); // Escape: close through the store, which refuses while an action runs
        close();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id="action-dialog-title">{actionTitle(request)}</h2>
      <div className="action-dialog-body">
        <Body dialog={dialog} />
      </div>
      <div className="action-dialog-buttons">
        <button ref={cancelRef} type="button" className="button" disabled={phase === 'running'} onClick={close} data-testid="action-cancel">
          {finished ? 'Close' : 'Cancel'}
        </button>
        {!finished && (
          <button
            type="button"
            className={danger ? 'button button-danger' : 'button button-primary'}
            disabled={!canConfirm(dialog)}
            title={phase === 'ready' && !canConfirm(dialog) ? 'Tick the box above to delete the labelled generations too' : undefined}
            onClick={() => void confirm()}
            data-testid="action-confirm"
          >
            {confirmLabel(request)}
          </button>
        )}
      </div>
    </dialog>
  );
}
