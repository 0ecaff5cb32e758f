// One row of the generation list (an option of the listbox), positioned by the virtualiser.
import { memo } from 'react';
import type { Generation } from '../../common/contract.ts';
import type { Column } from '../lib/columns.ts';
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
};

/** A generation row. */
export const GenerationRow = memo(function GenerationRow({ generation, columns, selected, top, context, onSelect, onCompare }: GenerationRowProps) {
  const classes = ['generation-row'];
  if (selected) classes.push('selected');
  if (generation.current) classes.push('is-current');
  if (generation.problem !== null) classes.push('has-problem');
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
      title={selected ? undefined : 'Ctrl-click (⌘-click) or Shift-click to compare with the selected generation'}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey) onCompare(generation.number);
        else onSelect(generation.number);
      }}
    >
      {columns.map((column) => (
        <GenerationCell key={column.field} field={column.field} generation={generation} context={context} />
      ))}
    </div>
  );
});
