// Keeps keyboard flow when the focused element disappears (e.g. switching to a profile without generations).
import { useEffect, type RefObject } from 'react';

/** On mount, focuses `ref` if nothing else has focus (focus fell back to <body>). */
export function useClaimFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus({ preventScroll: true });
  }, [ref]);
}
