// A generation's label as a small chip; the note shows in its tooltip.
import { labelTooltip, shortLabel } from '../lib/label-text.ts';

/** Props of {@link LabelChip}. */
export type LabelChipProps = {
  label: string;
  note: string | null;
  /** Cut the label to this many characters (the tooltip keeps all of it). */
  max?: number;
};

/** The label chip (a bookmark-like tag the person gave the generation). */
export function LabelChip({ label, note, max = 60 }: LabelChipProps) {
  return (
    <span className="label-chip" data-testid="label-chip" data-label={label} title={labelTooltip(label, note)}>
      <span className="label-chip-mark" aria-hidden="true">◆</span>
      <span className="sr-only">Label: </span>
      <span className="label-chip-text">{shortLabel(label, max)}</span>
      {note && <span className="label-chip-note" aria-label="has a note">¶</span>}
    </span>
  );
}
