// The boot menu's warnings (a pinned default, entries whose files are missing, pruned generations) as one banner.
import { WarningIcon } from '../../../shared/components/icons.tsx';

/** The warnings banner (nothing when there are none). */
export function BootWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="banner banner-warning boot-warnings" role="note" data-testid="boot-warnings" data-count={warnings.length}>
      <WarningIcon label="Warnings" />
      {warnings.length === 1 ? (
        <p className="banner-text" data-testid="boot-warning">{warnings[0]}</p>
      ) : (
        <ul className="banner-text boot-warning-list">
          {warnings.map((warning, index) => <li key={index} data-testid="boot-warning">{warning}</li>)}
        </ul>
      )}
    </div>
  );
}
