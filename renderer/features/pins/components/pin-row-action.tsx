// "Pin to 8.0.1 from generation 41…" on a diff row whose old version went away: opens the pin dialog
// with the versions the row had before, from the generation on the diff's `from` side; and the row's pin badges.
import { useCallback } from 'react';
import type { PackageDiff } from '../../../../common/contract/index.ts';
import { pinActionLabel, pinRequestForRow } from '../lib/pin-rules.ts';
import { useDiff, usePins } from '../../../shared/stores/bound-stores.ts';
import { PinBadges, PinIcon } from './pin-badge.tsx';

/** A function that opens the pin dialog for a row; it answers false when the row offers no pin. */
export function usePinRowOpener(): (row: PackageDiff) => boolean {
  const from = useDiff((state) => state.pair?.from ?? null);
  const openPin = usePins((state) => state.openPin);
  return useCallback((row: PackageDiff) => {
    const request = pinRequestForRow(row, from);
    if (!request) return false;
    void openPin(request);
    return true;
  }, [from, openPin]);
}

/** The row's pin action (nothing when the row offers none). */
export function PinRowAction({ row }: { row: PackageDiff }) {
  const from = useDiff((state) => state.pair?.from ?? null);
  const openPin = usePins((state) => state.openPin);
  const request = pinRequestForRow(row, from);
  if (!request || !from) return null;
  return (
    <div className="row-pin">
      <button
        type="button"
        className="button"
        data-testid="pin-row"
        data-name={row.name}
        title={`Keep ${row.name} at the version generation ${from.number} had, through an overlay: Gentry shows the pins.json entry and what is wrong with it before anything is written (key: p)`}
        onClick={(event) => {
          event.stopPropagation();
          void openPin(request);
        }}
      >
        <PinIcon /> {pinActionLabel(request)}
      </button>
    </div>
  );
}

/** The pin badges of a diff row's package, for the kind of profile the diff shows. */
export function DiffRowPins({ name }: { name: string }) {
  const kind = useDiff((state) => state.pair?.to.kind ?? null);
  return <PinBadges name={name} kind={kind} />;
}
