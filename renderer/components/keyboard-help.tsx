// The "?" button in the header; hovering or focusing it shows the keyboard shortcuts.

const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['↑ ↓', 'previous / next generation'],
  ['PgUp PgDn', 'a page up / down'],
  ['Home End', 'newest / oldest generation'],
  ['← →  or  [ ]', 'previous / next profile'],
  ['Tab', 'move between sidebar, list and details'],
];

/** The keyboard help tooltip. */
export function KeyboardHelp() {
  return (
    <div className="help">
      <button type="button" className="help-button" aria-label="Keyboard shortcuts" aria-describedby="keyboard-help">?</button>
      <div role="tooltip" id="keyboard-help" className="help-tooltip" data-testid="keyboard-help">
        <p className="help-title">Keyboard</p>
        <dl>
          {KEYS.map(([keys, what]) => (
            <div key={keys} className="help-row">
              <dt><kbd>{keys}</kbd></dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="help-note">Arrow keys work when the generation list has focus; [ and ] work anywhere.</p>
      </div>
    </div>
  );
}
