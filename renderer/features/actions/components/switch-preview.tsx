// A switch's preview in the action dialog: counts by kind, closure sizes, and the top changed packages (read-only).
import type { Diff } from '../../../../common/contract/index.ts';
import { formatVersions } from '../../../../common/diff-format.ts';
import { formatSize } from '../../../../common/format-size.ts';
import { DIFF_KINDS, KIND_INFO } from '../../../../common/diff-kinds.ts';
import { previewRows } from '../lib/preview-rows.ts';
import { KindBadge, KindSymbol } from '../../diff/components/kind-badge.tsx';

/** The compact diff from the current generation. */
export function SwitchPreview({ diff }: { diff: Diff }) {
  const { rows, more } = previewRows(diff.packages);
  const summary = diff.summary;
  const counted = DIFF_KINDS.filter((kind) => summary[kind] > 0);
  return (
    <div className="switch-preview" data-testid="switch-preview" data-count={diff.packages.length}>
      <p>
        From the current generation #{diff.from.number ?? '?'} to #{diff.to.number ?? '?'}:{' '}
        {counted.length === 0 ? 'no package changes.' : null}
      </p>
      {counted.length > 0 && (
        <ul className="preview-kinds" aria-label="Changes by kind">
          {counted.map((kind) => (
            <li key={kind} data-kind={kind} data-count={summary[kind]}><KindSymbol kind={kind} /> {summary[kind]} {KIND_INFO[kind].label.toLowerCase()}</li>
          ))}
        </ul>
      )}
      <p className="muted" data-field="closure">
        Closure {formatSize(summary.closureSizeBefore)} → {formatSize(summary.closureSizeAfter)}; paths +{summary.pathsAdded} −{summary.pathsRemoved}
      </p>
      {rows.length > 0 && (
        <table className="preview-table">
          <thead>
            <tr><th scope="col">Package</th><th scope="col">Now</th><th scope="col">After</th><th scope="col">Kind</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name} data-testid="switch-preview-row" data-name={row.name} data-status={row.status}>
                <td className="preview-name">{row.name}</td>
                <td className="mono">{formatVersions(row.before)}</td>
                <td className="mono">{formatVersions(row.after)}</td>
                <td><KindBadge kind={row.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more > 0 && <p className="muted">…and {more} more. Use “Compare with…” to see the whole diff.</p>}
    </div>
  );
}
