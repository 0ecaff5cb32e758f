// The pin dialog: attribute, version, target and reason; the pins.json entry exactly as it will be
// written and every problem Gentry found; then "Pin". Opened from a diff row or from "Find versions".
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { PinTarget } from '../../../../common/contract/index.ts';
import { attrProblem, canPin, dialogKind, hasBlockingProblems, type PinDialogState } from '../lib/pin-dialog.ts';
import { entryText } from '../lib/pin-format.ts';
import { chooserLabel, choiceLabel, problemsOf, targetsForKind } from '../lib/pin-rules.ts';
import { usePins, useView } from '../../../shared/stores/bound-stores.ts';
import { DialogError, trapTab, useModal } from '../../../shared/components/dialog-parts.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';
import { ProblemList } from './pin-badge.tsx';
import { PinCostLine, usePinCostSettled } from './pin-cost-line.tsx';
import { PinTargetForm } from './pin-target-form.tsx';
import { WiringBlock } from './pin-wiring.tsx';


/** How long typing pauses before the preview is asked for again. */
const SETTLE_MS = 400;

/** Text typed into a field, handed on once typing pauses (or the field loses focus). */
function useSettledText(committed: string, commit: (text: string) => void): [string, (text: string) => void, () => void] {
  const [text, setText] = useState(committed);
  const timer = useRef<number | null>(null);
  const latest = useRef({ text, committed, commit });
  useEffect(() => {
    latest.current = { text, committed, commit };
  });
  const flush = (): void => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const { text: now, committed: was, commit: hand } = latest.current;
    if (now !== was) hand(now);
  };
  const change = (next: string): void => {
    setText(next);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SETTLE_MS);
  };
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);
  return [text, change, flush];
}


function NoTarget({ dialog }: { dialog: PinDialogState }) {
  const kind = dialogKind(dialog) ?? 'system';
  const show = useView((state) => state.show);
  const close = usePins((state) => state.closePin);
  return (
    <div className="pin-no-target" data-testid="pin-no-target">
      <p>
        There is no overlay target for {kind === 'system' ? 'NixOS system' : 'home-manager'} generations yet. A target is a directory in your
        configuration where Gentry keeps <code>pins.json</code> and an <code>overlay.nix</code> that your configuration imports once.
      </p>
      <PinTargetForm kind={kind} />
      <p className="muted">
        Or set targets up in{' '}
        <button type="button" className="button button-quiet button-small" onClick={() => { close(); show('settings'); }}>Settings</button>.
      </p>
    </div>
  );
}

function TargetField({ id, targets, chosen, onChoose }: { id: string; targets: PinTarget[]; chosen: string | null; onChoose: (name: string) => void }) {
  const target = targets.find((candidate) => candidate.name === chosen);
  return (
    <div className="pin-form-row">
      <label htmlFor={id}>Target</label>
      {targets.length > 1 ? (
        <select id={id} className="select" value={chosen ?? ''} onChange={(event) => onChoose(event.target.value)} data-testid="pin-target-choice">
          {targets.map((t) => <option key={t.name} value={t.name}>{t.name} — {t.path}</option>)}
        </select>
      ) : (
        <span id={id} data-testid="pin-target-only">{target ? <><strong>{target.name}</strong> <code className="muted">{target.path}</code></> : '—'}</span>
      )}
    </div>
  );
}

function Preview({ dialog, target }: { dialog: PinDialogState; target: PinTarget | null }) {
  if (dialog.phase === 'previewing') return <p className="progress" role="status"><Spinner />Working out the entry and what could go wrong…</p>;
  if (dialog.error) return <DialogError error={dialog.error} testId="pin-error" />;
  const preview = dialog.preview;
  if (!preview) return null;
  const file = target ? `${target.path.replace(/\/$/, '')}/pins.json` : 'pins.json';
  return (
    <div className="pin-preview" data-testid="pin-preview" data-problems={preview.problems.length}>
      <h3>The entry Gentry will write to <code>{file}</code></h3>
      <pre className="pin-code" data-testid="pin-preview-entry">{entryText(preview.entry)}</pre>
      <PinCostLine entry={preview.entry} />
      {preview.problems.length === 0 ? (
        <p className="pin-clean" data-testid="pin-preview-clean">Gentry found no conflict with this pin.</p>
      ) : (
        <ProblemList problems={preview.problems} label="Problems with this pin" />
      )}

      <details className="pin-whole-file">
        <summary>The whole pins.json after this change</summary>
        <pre className="pin-code" data-testid="pin-preview-file">{preview.pinsJson}</pre>
      </details>
    </div>
  );
}

function Done({ dialog }: { dialog: PinDialogState }) {
  const saved = dialog.saved;
  if (!saved) return null;
  const pin = saved.pins.find((candidate) => candidate.attr === dialog.attr.trim());
  const problems = problemsOf(saved, dialog.attr.trim());
  return (
    <div className="pin-done" data-testid="pin-done">
      <div className="action-outcome outcome-success" role="status">
        <strong>Pinned {pin ? `${pin.attr} to ${pin.version}` : dialog.attr}</strong>
        <span>Written to {saved.path}. Nothing changes until the next rebuild.</span>
      </div>
      <ProblemList problems={problems} label="Problems with this pin" />
      <WiringBlock wiring={saved.wiring} />
    </div>
  );
}

function Form({ dialog, targets }: { dialog: PinDialogState; targets: PinTarget[] }) {
  const id = useId();
  const setAttr = usePins((state) => state.setAttr);
  const setReason = usePins((state) => state.setReason);
  const setChoice = usePins((state) => state.setChoice);
  const setTarget = usePins((state) => state.setTarget);
  const [attr, changeAttr, flushAttr] = useSettledText(dialog.attr, (text) => void setAttr(text));
  const [reason, changeReason, flushReason] = useSettledText(dialog.reason, (text) => void setReason(text));
  const problem = attrProblem(attr);
  const { choices } = dialog.request;
  const target = targets.find((candidate) => candidate.name === dialog.target) ?? null;
  return (
    <>
      <div className="pin-form">
        <div className="pin-form-row">
          <label htmlFor={`${id}-attr`}>Attribute</label>
          <input
            id={`${id}-attr`}
            className="search-input"
            value={attr}
            spellCheck={false}
            onChange={(event) => changeAttr(event.target.value)}
            onBlur={flushAttr}
            aria-invalid={problem !== null}
            data-testid="pin-attr"
            title="The nixpkgs attribute the overlay replaces; a store path's package name is usually it, but not always (kicad-small, python3Packages.x)"
          />
        </div>
        {problem !== null && <p className="pin-form-problem" role="alert">{problem}</p>}
        {choices.length > 1 && (
          <div className="pin-form-row">
            <label htmlFor={`${id}-choice`}>{chooserLabel(choices)}</label>
            <select id={`${id}-choice`} className="select" value={dialog.choice} onChange={(event) => void setChoice(Number(event.target.value))} data-testid="pin-version-choice">
              {choices.map((choice, index) => <option key={index} value={index}>{choiceLabel(choice, choices)}</option>)}
            </select>
          </div>
        )}
        <TargetField id={`${id}-target`} targets={targets} chosen={dialog.target} onChoose={(name) => void setTarget(name)} />
        <div className="pin-form-row">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input
            id={`${id}-reason`}
            className="search-input pin-reason-input"
            value={reason}
            maxLength={1000}
            placeholder="Why (kept in pins.json): 8.0.2 crashes when plotting"
            onChange={(event) => changeReason(event.target.value)}
            onBlur={flushReason}
            data-testid="pin-reason"
          />
        </div>
      </div>
      <Preview dialog={dialog} target={target} />
    </>
  );
}

/** The pin dialog, shown while the pins store has one open (rendered into <body>, outside the diff grid). */
export function PinDialog() {
  const dialog = usePins((state) => state.dialog);
  if (!dialog) return null;
  return createPortal(<OpenPinDialog dialog={dialog} />, document.body);
}

function OpenPinDialog({ dialog }: { dialog: PinDialogState }) {
  const targets = usePins((state) => state.targets);
  const close = usePins((state) => state.closePin);
  const confirm = usePins((state) => state.confirmPin);
  const repreview = usePins((state) => state.repreview);
  const show = useView((state) => state.show);
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { phase } = dialog;
  const choice = dialog.request.choices[dialog.choice];
  const kindTargets = targetsForKind(targets, dialogKind(dialog) ?? 'system');
  const costSettled = usePinCostSettled(dialog.preview?.entry);
  const pinnable = canPin(dialog) && costSettled;
  const blocked = hasBlockingProblems(dialog);

  useModal(ref, cancelRef);

  useEffect(() => {
    if (phase === 'done') cancelRef.current?.focus();
  }, [phase]);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>): void {
    event.stopPropagation(); // keys typed here are not the diff view's shortcuts
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    trapTab(event, ref.current);
  }

  const version = dialog.preview?.entry.version ?? choice?.version ?? null;
  const from = choice?.generation;
  return (
    <dialog
      ref={ref}
      className="action-dialog pin-dialog"
      aria-labelledby="pin-dialog-title"
      aria-busy={phase === 'targets' || phase === 'previewing' || phase === 'saving'}
      data-testid="pin-dialog"
      data-state={phase}
      data-attr={dialog.attr}
      data-target={dialog.target ?? ''}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id="pin-dialog-title">Pin {dialog.attr.trim() || 'a package'}{version ? ` to ${version}` : ''}</h2>
      <div className="action-dialog-body">
        {phase !== 'done' && from && (
          <p>
            Keeps <strong>{dialog.attr.trim() || 'the package'}</strong> at the version {from.name} generation {from.number} had: the overlay builds it from the
            nixpkgs revision that generation came from, whatever your channel says. Nothing changes until you rebuild.
          </p>
        )}
        {phase === 'targets' && <p className="progress" role="status"><Spinner />Listing the overlay targets…</p>}
        {phase === 'no-target' && <NoTarget dialog={dialog} />}
        {dialog.target === null && phase === 'ready' && dialog.error && <DialogError error={dialog.error} testId="pin-error" />}
        {dialog.target !== null && phase !== 'done' && <Form dialog={dialog} targets={kindTargets} />}
        {phase === 'saving' && <p className="progress" role="status"><Spinner />Writing pins.json…</p>}
        {phase === 'done' && <Done dialog={dialog} />}
      </div>
      <div className="action-dialog-buttons">
        {phase === 'ready' && dialog.error && (
          <button type="button" className="button" onClick={() => void repreview()} data-testid="pin-retry">Try again</button>
        )}
        {blocked && phase === 'ready' ? (
          <p className="pin-blocked" role="alert" data-testid="pin-blocked">
            Gentry does not write a pin with errors: choose another version or target, correct the attribute, or unpin the other pin first.
          </p>
        ) : (
          <span className="toolbar-spacer" />
        )}
        <button ref={cancelRef} type="button" className="button" disabled={phase === 'saving'} onClick={close} data-testid="pin-cancel">
          {phase === 'done' ? 'Close' : 'Cancel'}
        </button>
        {phase === 'done' ? (
          <button type="button" className="button button-primary" onClick={() => { close(); show('pins'); }} data-testid="pin-show">Show in Pins</button>
        ) : (
          phase !== 'no-target' && (
            <button
              type="button"
              className="button button-primary"
              disabled={!pinnable}
              onClick={() => void confirm()}
              data-testid="pin-confirm"
              title={blocked ? 'Gentry does not write a pin with errors: fix what is said above first' : 'Write this entry to pins.json'}
            >
              Pin {dialog.attr.trim()}{version ? ` to ${version}` : ''}
            </button>
          )
        )}
      </div>
    </dialog>
  );
}
