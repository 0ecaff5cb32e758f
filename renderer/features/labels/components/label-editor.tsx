// In the details pane: the generation's label and note, and editing them. Labelled generations are
// protected: deleting one asks a second time.
import { useState, type FormEvent } from 'react';
import type { Generation, GenerationRef, ProfileKind } from '../../../../common/contract/index.ts';
import { draftDiffers, MAX_LABEL, MAX_NOTE, readLabelDraft } from '../lib/label-text.ts';
import { labelKey } from '../store/label-store.ts';
import { useGenerations, useLabels } from '../../../shared/stores/bound-stores.ts';
import { selectedProfile } from '../../generations/store/generations-store.ts';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';

/** Props of {@link LabelEditor}. */
export type LabelEditorProps = {
  kind: ProfileKind;
  generation: Generation;
};

/** The label and note of the selected generation, with an editor (key it by generation number). */
export function LabelEditor({ kind, generation }: LabelEditorProps) {
  const profileName = useGenerations((state) => selectedProfile(state)?.name ?? null);
  const [editing, setEditing] = useState(false);
  if (profileName === null) return null;
  const ref = { kind, name: profileName, number: generation.number };
  return (
    <section className="label-editor" aria-label="Label" data-testid="label-editor" data-label={generation.label ?? ''}>
      {editing ? (
        <LabelForm generation={generation} refKey={labelKey(ref)} target={ref} onDone={() => setEditing(false)} />
      ) : generation.label !== null ? (
        <div className="label-view">
          <p className="label-text"><span className="label-chip-mark" aria-hidden="true">◆</span> <strong data-testid="label-text">{generation.label}</strong></p>
          {generation.note && <p className="label-note" data-testid="note-text">{generation.note}</p>}
          <p className="label-protect muted">Protected: deleting this generation asks a second time.</p>
          <button type="button" className="button button-small" onClick={() => setEditing(true)} data-testid="label-edit">Edit label…</button>
        </div>
      ) : (
        <button
          type="button"
          className="button button-quiet button-small label-add"
          onClick={() => setEditing(true)}
          title="A short name for this generation (“last good before the KiCad update”), shown in every view and kept in ~/.local/state/gentry/labels.json"
          data-testid="label-edit"
        >
          ◆ Add a label…
        </button>
      )}
    </section>
  );
}

function LabelForm({ generation, refKey, target, onDone }: {
  generation: Generation;
  refKey: string;
  target: GenerationRef;
  onDone: () => void;
}) {
  const save = useLabels((state) => state.save);
  const saving = useLabels((state) => state.saving === refKey);
  const error = useLabels((state) => (state.error?.key === refKey ? state.error.error : null));
  const clearError = useLabels((state) => state.clearError);
  const [label, setLabel] = useState(generation.label ?? '');
  const [note, setNote] = useState(generation.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(draft: { label: string; note: string }): Promise<void> {
    const read = readLabelDraft(draft.label, draft.note);
    if (!read.ok) {
      setProblem(read.problem);
      return;
    }
    if (!draftDiffers(read.value, generation)) {
      onDone();
      return;
    }
    if (await save(target, read.value)) onDone();
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    void submit({ label, note });
  }

  return (
    <form className="label-form" onSubmit={onSubmit} onKeyDown={(event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        clearError();
        onDone();
      }
    }}>
      <label className="label-field">
        <span>Label</span>
        <input
          className="search-input"
          value={label}
          maxLength={MAX_LABEL}
          placeholder="last good before the KiCad update"
          autoFocus
          onChange={(event) => { setLabel(event.target.value); setProblem(null); }}
          data-testid="label-input"
        />
      </label>
      <label className="label-field">
        <span>Note <span className="muted">(optional)</span></span>
        <textarea
          className="search-input label-note-input"
          value={note}
          maxLength={MAX_NOTE}
          rows={3}
          onChange={(event) => { setNote(event.target.value); setProblem(null); }}
          data-testid="note-input"
        />
      </label>
      {problem && <p className="warning-text" role="alert" data-testid="label-problem">{problem}</p>}
      {error && <div className="error-box" role="alert" data-testid="label-error"><ErrorDetails error={error} /></div>}
      <div className="label-form-buttons">
        <button type="submit" className="button button-primary" disabled={saving} data-testid="label-save">
          {saving ? <><Spinner /> Saving…</> : 'Save label'}
        </button>
        <button type="button" className="button" disabled={saving} onClick={() => { clearError(); onDone(); }} data-testid="label-cancel">Cancel</button>
        {generation.label !== null && (
          <button type="button" className="button button-quiet" disabled={saving} onClick={() => void submit({ label: '', note: '' })} data-testid="label-remove">
            Remove label
          </button>
        )}
      </div>
    </form>
  );
}
