// The boot menu's warnings (a pinned default, entries that will not boot, pruned generations) as one banner:
// the first few shown, the rest a click away.
import { useState } from 'react';
import { WarningIcon } from '../../../shared/components/icons.tsx';

/** How many warnings show before the rest fold away. */
export const WARNINGS_SHOWN = 3;

/** The warnings banner (nothing when there are none). */
export function BootWarnings({ warnings }: { warnings: readonly string[] }) {
  const [all, setAll] = useState(false);
  if (warnings.length === 0) return null;
  const shown = all ? warnings : warnings.slice(0, WARNINGS_SHOWN);
  const hidden = warnings.length - shown.length;
  return (
    <div className="banner banner-warning boot-warnings" role="note" data-testid="boot-warnings" data-count={warnings.length}>
      <WarningIcon label="Warnings" />
      <div className="banner-text">
        {shown.length === 1 ? (
          <p data-testid="boot-warning">{shown[0]}</p>
        ) : (
          <ul className="boot-warning-list">
            {shown.map((warning, index) => <li key={index} data-testid="boot-warning">{warning}</li>)}
          </ul>
        )}
        {(hidden > 0 || all) && warnings.length > WARNINGS_SHOWN && (
          <button type="button" className="button button-quiet button-small" data-testid="boot-warnings-toggle" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show ${hidden} more warning${hidden === 1 ? '' : 's'}`}
          </button>
        )}
      </div>
    </div>
  );
}
