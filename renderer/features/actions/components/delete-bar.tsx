// Above the generation list: how many generations are marked for deletion, and the button that deletes them.
import type { Profile } from '../../../../common/contract/index.ts';
import { canDeleteKind } from '../lib/action-rules.ts';
import { deleteButtonLabel, numberList } from '../lib/action-wording.ts';
import { useActions } from '../../../shared/stores/bound-stores.ts';
import { usePrivilegedUnavailable } from './use-privileged.ts';

/** Props of {@link DeleteBar}. */
export type DeleteBarProps = {
  profile: Profile;
  /** The marked generations that may be deleted, ascending. */
  marked: readonly number[];
  onClear: () => void;
};

/** The deletion bar (nothing for per-user profiles, which Gentry does not delete from). */
export function DeleteBar({ profile, marked, onClear }: DeleteBarProps) {
  const open = useActions((state) => state.open);
  const kind = profile.kind;
  const unavailable = usePrivilegedUnavailable();
  const blocked = kind === 'system' ? unavailable : null;
  if (!canDeleteKind(kind)) return null;
  return (
    <div className="delete-bar" data-testid="delete-bar" data-count={marked.length}>
      <span className="delete-bar-text muted">
        {marked.length === 0
          ? <>Tick generations to delete them (<kbd>Space</kbd> ticks the selected one in the list).</>
          : <>Marked for deletion: {numberList(marked)}</>}
      </span>
      {marked.length > 0 && (
        <button type="button" className="button button-quiet button-small" onClick={onClear} data-testid="clear-marks">Clear</button>
      )}
      <button
        type="button"
        className="button button-danger-outline"
        disabled={marked.length === 0 || blocked !== null}
        title={blocked ?? (marked.length === 0 ? 'Tick the generations to delete first' : 'Shows what would become collectable first; nothing is deleted until you confirm')}
        data-blocked={blocked !== null}
        data-testid="action-delete-selected"
        onClick={() => void open({ action: 'delete', kind, name: profile.name, numbers: marked })}
      >
        {deleteButtonLabel(marked.length)}…
      </button>
    </div>
  );
}
