// The selected boot entry in full: what the menu shows, what it boots (kernel, initrd, options), the
// generation behind it, and its actions, each opening a preview first.
import { usePrivilegedUnavailable } from '../../actions/components/use-privileged.ts';
import type { ReactNode } from 'react';
import type { BootMenu } from '../../../../common/contract/index.ts';
import { entryActions, type BootRow, type EntryActionId } from '../lib/boot-rows.ts';
import { BootGeneration } from './boot-generation.tsx';
import { BootMarkers } from './boot-markers.tsx';

/** Props of {@link BootEntryDetails}. */
export type BootEntryDetailsProps = {
  row: BootRow | null;
  menu: BootMenu;
  now: number;
  onAction: (action: EntryActionId, row: BootRow) => void;
};

function field(name: string, label: string, value: string | null, node?: ReactNode) {
  return (
    <div className="details-row" data-field={name} data-value={value ?? ''}>
      <dt>{label}</dt>
      <dd>{node ?? (value === null ? <span className="missing">none</span> : <code className="selectable">{value}</code>)}</dd>
    </div>
  );
}

/** The details pane of the boot view. */
export function BootEntryDetails({ row, menu, now, onAction }: BootEntryDetailsProps) {
  const privileged = usePrivilegedUnavailable();
  if (!row) {
    return (
      <aside className="details boot-details" aria-label="Entry details" data-testid="boot-entry-details">
        <p className="muted details-empty">Select an entry to see what it boots.</p>
      </aside>
    );
  }
  const { entry } = row;
  const actions = entryActions(entry, menu, privileged);
  return (
    <aside className="details boot-details" aria-label={`${row.name} details`} data-testid="boot-entry-details" data-id={entry.id}>
      <h2 className="details-title">
        {row.name} <BootMarkers entry={entry} defaultSource={menu.default?.source ?? null} />
      </h2>
      <div className="generation-actions" role="group" aria-label={`Actions on ${row.name}`}>
        {actions.filter((action) => action.enabled || !(action.id === 'edit' || action.id === 'remove')).map((action) => (
          <button
            key={action.id}
            type="button"
            className={action.id === 'remove' ? 'button button-danger-outline' : 'button'}
            disabled={!action.enabled}
            title={action.reason ?? 'Shows what would change first; nothing changes until you confirm'}
            data-testid={`boot-action-${action.id}`}
            data-blocked={privileged !== null && action.reason === privileged}
            onClick={() => onAction(action.id, row)}
          >
            {action.label}{action.id === 'set-default' || action.id === 'set-oneshot' ? '…' : ''}
          </button>
        ))}
      </div>
      {privileged && <p className="action-blocked muted" data-testid="boot-actions-blocked">{privileged}</p>}
      {entry.managedByNixOS && <p className="muted boot-details-note">NixOS writes this entry on every switch; Gentry does not edit or remove it.</p>}
      <dl className="details-fields">
        {field('id', 'Entry file', entry.id)}
        {field('title', 'Title', entry.title, entry.title ?? <span className="missing">none</span>)}
        {field('version', 'Version', entry.version)}
        {field('generation', 'Generation', entry.generation === null ? null : String(entry.generation), <BootGeneration row={row} now={now} />)}
        {entry.specialisation !== null && field('specialisation', 'Specialisation', entry.specialisation, <span className="chip">{entry.specialisation}</span>)}
        {field('linux', entry.managedByNixOS ? 'Kernel' : 'Boots', entry.linux)}
        {field('initrd', 'initrd', entry.initrd)}
        {field('options', 'Options', entry.options)}
        {field('sortKey', 'Sort key', entry.sortKey)}
      </dl>
      <p className="muted boot-keys"><kbd>↑</kbd> <kbd>↓</kbd> move between entries; <kbd>Enter</kbd> opens an entry&apos;s actions.</p>
    </aside>
  );
}
