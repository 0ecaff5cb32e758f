// One row of the diff table: name, versions before and after, kind, selection, size change; expands to its store paths.
import { memo } from 'react';
import type { PackageDiff } from '../../../../common/contract/index.ts';
import { formatBytesExact, formatSize } from '../../../../common/format-size.ts';
import { formatSizeDelta, formatVersions, sizeDelta } from '../../../../common/diff-format.ts';
import { SELECTION_INFO } from '../../../../common/diff-kinds.ts';
import { KindBadge } from './kind-badge.tsx';
import { DiffRowPins, PinRowAction } from '../../pins/components/pin-row-action.tsx';

/** The DOM id of the row at `index` (the grid's aria-activedescendant points at it). */
export function diffRowId(index: number): string {
  return `diff-row-${index}`;
}

/** Props of {@link DiffRow}. */
export type DiffRowProps = {
  row: PackageDiff;
  index: number;
  top: number;
  expanded: boolean;
  active: boolean;
  onToggle: (name: string, index: number) => void;
  /** The virtualiser's measuring ref (expanded rows are taller). */
  measure: (element: HTMLElement | null) => void;
};

function Versions({ versions }: { versions: readonly string[] }) {
  const text = formatVersions(versions);
  return <span className={versions.length === 0 ? 'missing' : 'mono'} title={text}>{text}</span>;
}

function PathList({ side, paths, others, bytes }: { side: 'before' | 'after'; paths: readonly string[]; others: ReadonlySet<string>; bytes: number }) {
  const sign = side === 'before' ? '−' : '+';
  const kept = paths.filter((path) => others.has(path)).length;
  return (
    <div className={`row-paths-side paths-${side}`} data-side={side}>
      <div className="row-paths-title">
        {side === 'before' ? 'Before' : 'After'}{' '}
        <span className="muted">
          ({paths.length} {paths.length === 1 ? 'path' : 'paths'}{kept > 0 ? `, ${kept} on both sides` : ''}, {formatSize(bytes)})
        </span>
      </div>
      {paths.length === 0 ? (
        <div className="missing">none</div>
      ) : (
        <ul>
          {paths.map((path) => {
            const both = others.has(path);
            return (
              <li key={path} className={both ? 'path-kept' : 'path-changed'}>
                <span className="path-sign" title={both ? 'On both sides' : side === 'before' ? 'Only before' : 'Only after'}>{both ? '=' : sign}</span>
                <code className="path selectable" data-path={path} data-both={both}>{path}</code>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** A diff row. */
export const DiffRow = memo(function DiffRow({ row, index, top, expanded, active, onToggle, measure }: DiffRowProps) {
  const delta = sizeDelta(row);
  const selection = SELECTION_INFO[row.selected];
  const classes = ['diff-row', `status-${row.status}`];
  if (expanded) classes.push('expanded');
  if (active) classes.push('active');
  return (
    <div
      ref={measure}
      id={diffRowId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-expanded={expanded}
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      data-index={index}
      data-testid="diff-row"
      data-name={row.name}
      data-status={row.status}
      data-selected={row.selected}
      data-before={row.before.join(',')}
      data-after={row.after.join(',')}
      data-expanded={expanded}
      onClick={(event) => {
        // Let people select a store path's text without folding the row.
        if ((event.target as HTMLElement).closest('.row-paths')) return;
        onToggle(row.name, index);
      }}
    >
      <div className="diff-line" role="none">
        <div role="gridcell" className="dcell dcell-name">
          <span className="chevron" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          <span className="diff-name" title={row.name}>{row.name}</span>
          <DiffRowPins name={row.name} />
        </div>
        <div role="gridcell" className="dcell dcell-before"><Versions versions={row.before} /></div>
        <div role="gridcell" className="dcell dcell-after"><Versions versions={row.after} /></div>
        <div role="gridcell" className="dcell dcell-kind"><KindBadge kind={row.status} /></div>
        <div role="gridcell" className={`dcell dcell-selected selection-${row.selected}`} title={selection.label}>
          {selection.symbol === '' ? <span className="sr-only">{selection.label}</span> : <span aria-label={selection.label}>{selection.symbol}</span>}
        </div>
        <div
          role="gridcell"
          className={delta > 0 ? 'dcell dcell-delta delta-grow' : delta < 0 ? 'dcell dcell-delta delta-shrink' : 'dcell dcell-delta delta-zero'}
          data-value={delta}
          title={`${formatBytesExact(row.sizeBefore)} → ${formatBytesExact(row.sizeAfter)}`}
        >
          {formatSizeDelta(delta)}
        </div>
      </div>
      {expanded && (
        <div className="row-paths" data-testid="diff-row-paths" role="gridcell" aria-colspan={6}>
          <PinRowAction row={row} />
          <PathList side="before" paths={row.pathsBefore} others={new Set(row.pathsAfter)} bytes={row.sizeBefore} />
          <PathList side="after" paths={row.pathsAfter} others={new Set(row.pathsBefore)} bytes={row.sizeAfter} />
        </div>
      )}
    </div>
  );
});
