// The words of the action dialog: titles, confirm labels, what a preview frees, and how an outcome reads.
import type { ActionOutcome } from '../../../../common/contract/index.ts';
import { formatSize } from '../../../../common/format-size.ts';
import type { ActionRequest } from './action-dialog.ts';

/** How an outcome looks: good, a stop the person chose or can fix, or a failure. */
export type OutcomeTone = 'success' | 'warning' | 'error';

const OUTCOME_WORDS: Readonly<Record<ActionOutcome['state'], { title: string; tone: OutcomeTone }>> = {
  'done': { title: 'Done', tone: 'success' },
  'cancelled': { title: 'Cancelled', tone: 'warning' },
  'not-authorised': { title: 'Not authorised', tone: 'warning' },
  'bad-arguments': { title: 'Refused: bad arguments', tone: 'error' },
  'refused': { title: 'Refused', tone: 'error' },
  'failed': { title: 'Failed', tone: 'error' },
  'crashed': { title: 'The helper crashed', tone: 'error' },
};

/** The heading and tone of an outcome. */
export function outcomeWords(state: ActionOutcome['state']): { title: string; tone: OutcomeTone } {
  return OUTCOME_WORDS[state];
}

function generations(count: number): string {
  return `${count} ${count === 1 ? 'generation' : 'generations'}`;
}

/** The dialog's title. */
export function actionTitle(request: ActionRequest): string {
  switch (request.action) {
    case 'switch':
      return request.mode === 'boot'
        ? `Boot into generation ${request.generation.number} next time`
        : `Switch to generation ${request.generation.number}`;
    case 'delete':
      return `Delete ${generations(request.numbers.length)} of ${request.name}`;
    case 'gc':
      return 'Collect garbage';
  }
}

/** The confirm button's label: it names the action ("Switch to #41"). */
export function confirmLabel(request: ActionRequest): string {
  switch (request.action) {
    case 'switch':
      return request.mode === 'boot' ? `Boot into #${request.generation.number}` : `Switch to #${request.generation.number}`;
    case 'delete':
      return `Delete ${generations(request.numbers.length)}`;
    case 'gc':
      return 'Collect garbage';
  }
}

/** The label of the list's delete button. */
export function deleteButtonLabel(count: number): string {
  return count === 0 ? 'Delete generations' : `Delete ${generations(count)}`;
}

function paths(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'path' : 'paths'}`;
}

/** "12 paths, 3.4 MiB become collectable". */
export function collectableText(pathCount: number, bytes: number): string {
  return `${paths(pathCount)}, ${formatSize(bytes)} become collectable`;
}

/** "1,234 dead paths, 56.0 MiB would be freed" (parts the dry run did not say are left out). */
export function gcPreviewText(deadPaths: number | null, bytes: number | null): string {
  if (deadPaths === null && bytes === null) return 'The dry run did not say how much it would free.';
  const parts = [deadPaths === null ? null : `${deadPaths.toLocaleString('en')} dead ${deadPaths === 1 ? 'path' : 'paths'}`, bytes === null ? null : formatSize(bytes)];
  return `${parts.filter((part) => part !== null).join(', ')} would be freed`;
}

/** "#3, #4 and #7". */
export function numberList(numbers: readonly number[]): string {
  const tags = numbers.map((number) => `#${number}`);
  return tags.length <= 1 ? (tags[0] ?? '') : `${tags.slice(0, -1).join(', ')} and ${tags.at(-1)}`;
}
