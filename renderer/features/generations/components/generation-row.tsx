// One row of the generation list (an option of the listbox), positioned by the virtualiser.
import { memo } from 'react';
import type { Generation } from '../../../../common/contract/index.ts';
import type { Column } from '../lib/columns.ts';
import { labelField } from '../lib/label-placement.ts';
import { GenerationCell, type CellContext } from './generation-cell.tsx';

/** The DOM id of a generation's row (the listbox's aria-activedescendant points at it). */
export function generationRowId(number: number): string {
  return `generation-row-${number}`;
}

/** Props of {@link GenerationRow}. */
export type GenerationRowProps = {
  generation: Generation;
  columns: readonly Column[];
  selected: boolean;
  /** Offset from the top of the list, in pixels. */
  top: number;
  context: CellContext;
  onSelect: (number: number) => void;
  /** Ctrl-, ⌘- or Shift-click: compare this generation with the selected one. */
  onCompare: (number: number) => void;
  /** True when the row has a deletion checkbox. */
  markable?: boolean;
  marked?: boolean;
  /** Why this generation cannot be ticked for deletion, or null. */
  markBlock?: string | null;
  onMark?: (number: number) => void;
};

function MarkCell({ number, marked, block, onMark }: { number: number; marked: boolean; block: string | null; onMark?: (number: number) => void }) {
  return (
    <span className="cell cell-mark" title={block ?? (marked ? `Untick to keep generation ${number}` : `Tick to delete generation ${number}`)}>
      <input
        type="checkbox"
        tabIndex={-1}
        checked={marked}
        disabled={block !== null}
        aria-label={block ?? `Delete generation ${number}`}
        data-testid="select-generation"
        data-number={number}
        onClick={(event) => event.stopPropagation()}
        onChange={() => onMark?.(number)}
      />
    </span>
  );
}

/** A generation row. */
export const GenerationRow = memo(function GenerationRow({ generation, columns, selected, top, context, onSelect, onCompare, markable = false, marked = false, markBlock = null, onMark }: GenerationRowProps) {
  const classes = ['generation-row'];
  if (selected) classes.push('selected');
  if (generation.current) classes.push('is-current');
  if (generation.problem !== null) classes.push('has-problem');
  if (marked) classes.push('is-marked');
  return (
    <div
      id={generationRowId(generation.number)}
      role="option"
      aria-selected={selected}
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="generation-row"
      data-number={generation.number}
      data-current={generation.current}
      data-booted={generation.booted}
      data-selected={selected}
      data-marked={markable ? marked : undefined}
      data-label={generation.label ?? undefined}
      title={selected ? undefined : 'Ctrl-click (⌘-click) or Shift-click to compare with the selected generation'}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey) onCompare(generation.number);
        else onSelect(generation.number);
      }}
    >
      {markable && <MarkCell number={generation.number} marked={marked} block={markBlock} onMark={onMark} />}
      {columns.map((column) => (
        <GenerationCell key={column.field} field={column.field} generation={generation} context={context} withLabel={column.field === labelField(columns)} />
      ))}
    </div>
  );
});
