// The overlay targets of the settings form: one row per target (name, directory, system or home), add and remove.
import type { FieldErrors, TargetDraft } from '../lib/settings-form.ts';

/** The list of overlay targets being edited. */
export function SettingsTargets({ targets, errors, onAdd, onEdit, onRemove }: {
  targets: readonly TargetDraft[];
  errors: FieldErrors;
  onAdd: () => void;
  onEdit: (key: number, patch: Partial<Omit<TargetDraft, 'key'>>) => void;
  onRemove: (key: number) => void;
}) {
  const listError = errors.overlayTargets;
  return (
    <fieldset className="settings-targets" data-testid="settings-targets">
      <legend className="settings-label">Overlay targets</legend>
      <p className="settings-help">
        Directories where Gentry keeps pins (<code>pins.json</code> and <code>overlay.nix</code>), each wired into a
        system or home-manager configuration. The Pins section lists them.
      </p>
      {targets.length > 0 && (
        <div className="settings-target-grid" role="table" aria-label="Overlay targets">
          <div className="settings-target-head" role="row">
            <span role="columnheader">Name</span>
            <span role="columnheader">Directory</span>
            <span role="columnheader">For</span>
            <span role="columnheader"><span className="sr-only">Remove</span></span>
          </div>
          {targets.map((target, index) => {
            const nameError = errors[`overlayTargets.${index}.name`];
            const pathError = errors[`overlayTargets.${index}.path`];
            return (
              <div key={target.key} className="settings-target-row" role="row" data-testid="settings-target-row" data-index={index}>
                <span role="cell" className="settings-target-cell">
                  <input
                    className="settings-input"
                    type="text"
                    spellCheck={false}
                    aria-label={`Name of target ${index + 1}`}
                    aria-invalid={nameError ? true : undefined}
                    placeholder="e.g. system"
                    value={target.name}
                    data-testid="settings-target-name"
                    onChange={(event) => onEdit(target.key, { name: event.target.value })}
                  />
                  {nameError && <span className="settings-error" role="alert" data-testid="settings-target-error">{nameError}</span>}
                </span>
                <span role="cell" className="settings-target-cell">
                  <input
                    className="settings-input"
                    type="text"
                    spellCheck={false}
                    aria-label={`Directory of target ${index + 1}`}
                    aria-invalid={pathError ? true : undefined}
                    placeholder="/etc/nixos/gentry-pins"
                    value={target.path}
                    data-testid="settings-target-path"
                    onChange={(event) => onEdit(target.key, { path: event.target.value })}
                  />
                  {pathError && <span className="settings-error" role="alert" data-testid="settings-target-error">{pathError}</span>}
                </span>
                <span role="cell" className="settings-target-cell">
                  <select
                    className="select"
                    aria-label={`Target ${index + 1} is for`}
                    value={target.kind}
                    data-testid="settings-target-kind"
                    onChange={(event) => onEdit(target.key, { kind: event.target.value === 'home' ? 'home' : 'system' })}
                  >
                    <option value="system">system</option>
                    <option value="home">home</option>
                  </select>
                </span>
                <span role="cell" className="settings-target-cell">
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    title="Removes this target from the settings (its files stay where they are)"
                    data-testid="settings-target-remove"
                    onClick={() => onRemove(target.key)}
                  >
                    Remove
                  </button>
                </span>
              </div>
            );
          })}
        </div>
      )}
      {listError && <p className="settings-error" role="alert">{listError}</p>}
      <div>
        <button type="button" className="button button-small" data-testid="settings-target-add" disabled={targets.length >= 32} onClick={onAdd}>
          Add a target
        </button>
      </div>
    </fieldset>
  );
}
