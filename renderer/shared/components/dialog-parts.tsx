// What the modal dialogs (actions, boot changes, pins) share: the error box, the outcome line, and
// opening as a modal with focus on its cancel button, and keeping Tab inside the dialog.
import { type KeyboardEvent, type RefObject, useEffect } from 'react';
import type { ActionOutcome, GentryErrorShape } from '../../../common/contract/index.ts';
import { outcomeWords } from '../../features/actions/lib/action-wording.ts';
import { wrapIndex } from '../lib/focus-wrap.ts';

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/** A failed call: its message and, when there is one, what to do. */
export function DialogError({ error, testId }: { error: GentryErrorShape; testId: string }) {
  return (
    <div className="error-box" role="alert" data-testid={testId} data-code={error.code}>
      <span className="error-message">{error.message}</span>
      {error.hint !== null && <span className="error-hint">{error.hint}</span>}
    </div>
  );
}

/** How an action through the helper ended. */
export function DialogOutcome({ outcome, testId }: { outcome: ActionOutcome; testId: string }) {
  const words = outcomeWords(outcome.state);
  return (
    <div className={`action-outcome outcome-${words.tone}`} role="status" data-testid={testId} data-state={outcome.state}>
      <strong>{words.title}</strong>
      {outcome.message !== '' && <span>{outcome.message}</span>}
    </div>
  );
}

/** Keeps Tab and Shift+Tab cycling through the focusable controls of `dialog`. */
export function trapTab(event: KeyboardEvent<HTMLElement>, dialog: HTMLElement | null): void {
  if (event.key !== 'Tab' || !dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const to = wrapIndex(focusable.length, focusable.indexOf(document.activeElement as HTMLElement), event.shiftKey);
  if (to === null) return;
  event.preventDefault();
  focusable[to]?.focus();
}

/**
 * Opens `dialog` as a modal while the component is mounted, focusing `first`; on unmount closes it and
 * gives focus back to what had it (or to `fallback`, a selector, when that element is gone).
 */
export function useModal(dialog: RefObject<HTMLDialogElement | null>, first: RefObject<HTMLElement | null>, fallback?: string): void {
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const before = document.activeElement;
    if (!element.open) element.showModal();
    first.current?.focus();
    return () => {
      element.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
      else if (fallback) document.querySelector<HTMLElement>(fallback)?.focus();
    };
    // Once per dialog: the refs are stable and the fallback is a constant.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
