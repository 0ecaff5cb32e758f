// The actions of one boot entry as a small menu (Enter on the list, ⋯ or a right-click): arrows move,
// Enter picks, Escape closes and gives the focus back to the list.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { EntryAction, EntryActionId } from '../lib/boot-rows.ts';

/** Props of {@link BootEntryMenu}. */
export type BootEntryMenuProps = {
  /** The entry's name, for screen readers. */
  name: string;
  actions: readonly EntryAction[];
  /** The rectangle the menu opens under (the row or the ⋯ button). */
  anchor: DOMRect;
  onPick: (action: EntryActionId) => void;
  onClose: () => void;
};

const MENU_WIDTH = 220;

/** The entry actions menu. */
export function BootEntryMenu({ name, actions, anchor, onPick, onClose }: BootEntryMenuProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role=menuitem]:not([aria-disabled=true])')?.focus();
    function onPointer(event: MouseEvent): void {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    }
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [onClose]);

  function move(delta: number): void {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    if (items.length === 0) return;
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = at < 0 ? 0 : (at + delta + items.length) % items.length;
    items[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const items = ref.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]');
      items?.[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  const left = Math.max(8, Math.min(anchor.right - MENU_WIDTH, window.innerWidth - MENU_WIDTH - 8));
  const top = Math.min(anchor.bottom + 2, window.innerHeight - 44 * actions.length - 16);
  return (
    <div
      ref={ref}
      className="boot-menu"
      role="menu"
      aria-label={`Actions for ${name}`}
      style={{ left, top, width: MENU_WIDTH }}
      data-testid="boot-entry-menu"
      onKeyDown={onKeyDown}
    >
      {actions.map((action, index) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          className="boot-menu-item"
          aria-disabled={!action.enabled}
          title={action.reason ?? undefined}
          data-testid={`boot-menu-${action.id}`}
          onClick={() => {
            if (action.enabled) onPick(action.id);
          }}
        >
          <span>{action.label}</span>
          {!action.enabled && action.reason && action.reason !== actions[index - 1]?.reason && <span className="boot-menu-reason">{action.reason}</span>}
        </button>
      ))}
    </div>
  );
}
