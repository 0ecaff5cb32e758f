// The numbers the terminal exchanges with main: how much output an acknowledgement counts, the size limits of
// the contract, and typed input cut into pieces the contract accepts.
import { utf8Length } from '../../../../common/contract/index.ts';

/** A terminal's size in cells. */
export type TerminalSize = { cols: number; rows: number };

/** The contract's limits on a terminal's size. */
export const SIZE_LIMITS = { cols: { min: 10, max: 1000 }, rows: { min: 2, max: 500 } } as const;

/** The largest piece of input one writeTerminal call carries (the contract allows 65536 code units). */
export const INPUT_PIECE = 16384;

/** How much of the flow-control window one terminalData payload uses: its UTF-8 bytes, as main counts them (main/terminal/terminal-channel.ts). */
export function ackUnits(data: string): number {
  return utf8Length(data);
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** A size inside the contract's limits (a terminal squeezed to nothing still reports a valid size). */
export function clampSize(cols: number, rows: number): TerminalSize {
  return { cols: clamp(cols, SIZE_LIMITS.cols.min, SIZE_LIMITS.cols.max), rows: clamp(rows, SIZE_LIMITS.rows.min, SIZE_LIMITS.rows.max) };
}

/** Cuts input (a large paste) into pieces of at most `size` code units, never between the halves of a surrogate pair. */
export function splitInput(data: string, size = INPUT_PIECE): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < data.length) {
    let end = Math.min(data.length, at + size);
    if (end < data.length) {
      const last = data.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff && end - 1 > at) end -= 1;
    }
    pieces.push(data.slice(at, end));
    at = end;
  }
  return pieces;
}
