// The "?" button in the header; hovering or focusing it shows the keyboard shortcuts.

type KeyRows = ReadonlyArray<readonly [string, string]>;

const GENERATION_KEYS: KeyRows = [
  ['↑ ↓', 'previous / next generation'],
  ['PgUp PgDn', 'a page up / down'],
  ['Home End', 'newest / oldest generation'],
  ['← →  or  [ ]', 'previous / next profile'],
  ['Enter', 'diff with the generation before'],
  ['Ctrl-click', 'compare with the selected one (also ⌘- or Shift-click)'],
  ['Space', 'tick / untick the selected generation for deletion'],
  ['Tab', 'move between chart, sidebar, list and details'],
];

const DIFF_KEYS: KeyRows = [
  ['Esc', 'back to the generations'],
  ['[ ]', 'the pair one generation older / newer'],
  ['/', 'search package names'],
  ['↑ ↓', 'move through the rows'],
  ['Enter  → ←', 'show / hide a row\'s store paths'],
];

function KeyList({ title, keys }: { title: string; keys: KeyRows }) {
  return (
    <>
      <p className="help-title">{title}</p>
      <dl>
        {keys.map(([key, what]) => (
          <div key={key} className="help-row">
            <dt><kbd>{key}</kbd></dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The keyboard help tooltip. */
export function KeyboardHelp() {
  return (
    <div className="help">
      <button type="button" className="help-button" aria-label="Keyboard shortcuts" aria-describedby="keyboard-help">?</button>
      <div role="tooltip" id="keyboard-help" className="help-tooltip" data-testid="keyboard-help">
        <KeyList title="Generations" keys={GENERATION_KEYS} />
        <p className="help-note">Arrow keys and Enter work when the generation list has focus; [ and ] work anywhere.</p>
        <KeyList title="Diff" keys={DIFF_KEYS} />
        <p className="help-note">Switch and boot are in the details pane; every action shows a preview first. In its dialog, Esc cancels and Tab stays inside.</p>
        <p className="help-note">In the history chart, ← → move between generations and Enter opens one&apos;s diff.</p>
      </div>
    </div>
  );
}
