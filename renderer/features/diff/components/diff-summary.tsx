// The diff's summary bar: a count per kind that also shows or hides that kind, closure sizes before → after, paths.
import type { DiffStatus, DiffSummary as Summary } from '../../../../common/contract/index.ts';
import { formatBytesExact, formatSizePair } from '../../../../common/format-size.ts';
import { formatSizeDelta } from '../../../../common/diff-format.ts';
import { DIFF_KINDS, KIND_INFO } from '../../../../common/diff-kinds.ts';
import { KindSymbol } from './kind-badge.tsx';

/** Props of {@link DiffSummary}. */
export type DiffSummaryProps = {
  summary: Summary;
  hiddenKinds: readonly DiffStatus[];
  onToggleKind: (kind: DiffStatus) => void;
  onShowAll: () => void;
};

function Size({ field, bytes, text }: { field: string; bytes: number; text: string }) {
  return <span className="diff-size" data-field={field} data-value={bytes} title={formatBytesExact(bytes)}>{text}</span>;
}

/** The summary bar. */
export function DiffSummary({ summary, hiddenKinds, onToggleKind, onShowAll }: DiffSummaryProps) {
  const delta = summary.closureSizeAfter - summary.closureSizeBefore;
  // Precise enough that two different closure sizes never read the same.
  const [beforeText, afterText] = formatSizePair(summary.closureSizeBefore, summary.closureSizeAfter);
  return (
    <div className="diff-summary" data-testid="diff-summary">
      <div className="kind-toggles" role="group" aria-label="Changes by kind (each button shows or hides its rows)">
        {DIFF_KINDS.map((kind) => {
          const count = summary[kind];
          const shown = !hiddenKinds.includes(kind);
          return (
            <button
              key={kind}
              type="button"
              className={`kind-toggle kind-${kind}`}
              aria-pressed={shown}
              data-kind={kind}
              data-count={count}
              data-testid={`diff-filter-${kind}`}
              data-empty={count === 0}
              title={`${KIND_INFO[kind].help}. ${shown ? 'Click to hide these rows' : 'Click to show these rows'}.`}
              onClick={() => onToggleKind(kind)}
            >
              <KindSymbol kind={kind} />
              <span className="kind-toggle-label">{KIND_INFO[kind].label}</span>
              <span className="kind-toggle-count">{count}</span>
            </button>
          );
        })}
        {hiddenKinds.length > 0 && (
          <button type="button" className="button button-quiet button-small" onClick={onShowAll} data-testid="diff-filter-all">Show all kinds</button>
        )}
      </div>
      <div className="diff-totals">
        <span className="diff-total" title="Sum of the store paths' sizes, before and after">
          <span className="muted">Closure</span> <Size field="closureSizeBefore" bytes={summary.closureSizeBefore} text={beforeText} />
          <span aria-label="to"> → </span>
          <Size field="closureSizeAfter" bytes={summary.closureSizeAfter} text={afterText} />{' '}
          <span className={delta > 0 ? 'delta delta-grow' : delta < 0 ? 'delta delta-shrink' : 'delta'} data-field="closureSizeDelta" data-value={delta}>
            ({formatSizeDelta(delta)})
          </span>
        </span>
        <span className="diff-total" title="Store paths only in the newer closure, and only in the older one">
          <span className="muted">Paths</span>{' '}
          <span data-field="pathsAdded" data-value={summary.pathsAdded}>+{summary.pathsAdded}</span>{' '}
          <span data-field="pathsRemoved" data-value={summary.pathsRemoved}>−{summary.pathsRemoved}</span>
        </span>
      </div>
    </div>
  );
}
