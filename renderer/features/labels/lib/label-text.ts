// Labels and notes of generations: checking what the person typed, and the words that show them.
import type { DeletePreview, Generation } from '../../../../common/contract/index.ts';

/** The longest label and note the contract takes. */
export const MAX_LABEL = 200;
/** The longest note the contract takes. */
export const MAX_NOTE = 4000;

/** A label draft ready to save: label null clears it (and its note). */
export type LabelDraft = { label: string | null; note: string | null };

/** Reads what was typed: trims the label (empty clears it), keeps the note only when it has text; or says what is wrong. */
export function readLabelDraft(label: string, note: string): { ok: true; value: LabelDraft } | { ok: false; problem: string } {
  const trimmed = label.trim();
  if (trimmed.length > MAX_LABEL) return { ok: false, problem: `A label is at most ${MAX_LABEL} characters; put the rest in the note.` };
  if (note.length > MAX_NOTE) return { ok: false, problem: `A note is at most ${MAX_NOTE} characters.` };
  if (trimmed === '') {
    if (note.trim() !== '') return { ok: false, problem: 'A note needs a label: give the generation a short label first.' };
    return { ok: true, value: { label: null, note: null } };
  }
  return { ok: true, value: { label: trimmed, note: note.trim() === '' ? null : note } };
}

/** True when saving `draft` would change what `generation` has. */
export function draftDiffers(draft: LabelDraft, generation: Pick<Generation, 'label' | 'note'>): boolean {
  return draft.label !== generation.label || (draft.label !== null && draft.note !== generation.note);
}

/** The tooltip of a label chip: the label, and the note under it. */
export function labelTooltip(label: string, note: string | null): string {
  return note ? `${label}\n\n${note}` : label;
}

/** A label cut to `max` characters with an ellipsis, for tight places. */
export function shortLabel(label: string, max = 40): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** The checkbox of a deletion that includes labelled generations: "Also delete labelled generation 12 ‘last good…’". */
export function labelledDeleteText(labelled: DeletePreview['labelled']): string {
  const one = (l: DeletePreview['labelled'][number]) => `${l.number} ‘${shortLabel(l.label, 60)}’`;
  if (labelled.length === 1) return `Also delete labelled generation ${one(labelled[0] as DeletePreview['labelled'][number])}`;
  const all = labelled.map(one);
  return `Also delete labelled generations ${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}
