// The boot view's rows: each menu entry with the generation it boots (date, label, current/booted,
// looked up in the profile list), its name for people, and the actions it offers.
import type { BootEntry, BootMenu, Generation, Profile } from '../../../../common/contract/index.ts';
import type { BootRequest } from './boot-dialog.ts';

/** One row of the boot view. */
export type BootRow = {
  entry: BootEntry;
  /** 1-based place in the menu. */
  position: number;
  /** The generation the entry boots, when NixOS wrote it and the profile list has it. */
  generation: Generation | null;
  /** A name for people: "NixOS, generation 12 (gaming)", or the entry's title, or its ID. */
  name: string;
};

/** The generation a NixOS entry boots, found in the system profiles of the list. */
export function entryGeneration(entry: Pick<BootEntry, 'profile' | 'generation'>, profiles: readonly Profile[]): Generation | null {
  if (entry.profile === null || entry.generation === null) return null;
  const profile = profiles.find((p) => p.kind === 'system' && p.name === entry.profile);
  return profile?.generations.find((g) => g.number === entry.generation) ?? null;
}

/** A name for an entry in sentences and dialog titles. */
export function entryName(entry: Pick<BootEntry, 'id' | 'title' | 'profile' | 'generation' | 'specialisation'>): string {
  if (entry.generation !== null) {
    const profile = entry.profile && entry.profile !== 'system' ? ` [${entry.profile}]` : '';
    const specialisation = entry.specialisation ? ` (${entry.specialisation})` : '';
    return `NixOS${profile}, generation ${entry.generation}${specialisation}`;
  }
  return entry.title ?? entry.id;
}

/** The rows of a menu, in the menu's order. */
export function bootRows(menu: Pick<BootMenu, 'entries'>, profiles: readonly Profile[]): BootRow[] {
  return menu.entries.map((entry, index) => ({ entry, position: index + 1, generation: entryGeneration(entry, profiles), name: entryName(entry) }));
}

/** The actions an entry can offer. */
export type EntryActionId = 'set-default' | 'set-oneshot' | 'edit' | 'remove';

/** One action of an entry: whether it can run, and why not when it cannot. */
export type EntryAction = { id: EntryActionId; label: string; enabled: boolean; reason: string | null };

/**
 * The actions of one entry: make default and boot once for all; edit and remove for entries NixOS does not manage.
 * Each goes through the privileged helper: `privileged` is why that cannot run here (null: it can).
 */
export function entryActions(entry: Pick<BootEntry, 'isDefault' | 'isOneshot' | 'managedByNixOS'>, menu: Pick<BootMenu, 'default'>, privileged: string | null = null): EntryAction[] {
  const nixos = entry.managedByNixOS ? 'NixOS writes this entry on every switch: change it in your configuration instead' : null;
  const defaultFrom = menu.default ? (menu.default.source === 'efi' ? ' (pinned by an EFI variable)' : ` (from ${menu.default.source})`) : '';
  const actions: EntryAction[] = [
    { id: 'set-default', label: 'Make default', enabled: !entry.isDefault, reason: entry.isDefault ? `This entry is already the default${defaultFrom}` : null },
    { id: 'set-oneshot', label: 'Boot once next time', enabled: !entry.isOneshot, reason: entry.isOneshot ? 'This entry already boots next time' : null },
    { id: 'edit', label: 'Edit…', enabled: nixos === null, reason: nixos },
    { id: 'remove', label: 'Remove…', enabled: nixos === null, reason: nixos },
  ];
  return privileged === null ? actions : actions.map((a) => (a.enabled ? { ...a, enabled: false, reason: privileged } : a));
}

/** The index of the entry with `id` in `rows`, or -1. */
export function indexOfEntry(rows: readonly BootRow[], id: string | null): number {
  return id === null ? -1 : rows.findIndex((row) => row.entry.id === id);
}

/** The dialog request an entry action opens. */
export function entryRequest(action: EntryActionId, row: Pick<BootRow, 'entry' | 'name'>): BootRequest {
  const id = row.entry.id;
  switch (action) {
    case 'set-default': return { kind: 'change', change: { action: 'set-default', id }, subject: row.name };
    case 'set-oneshot': return { kind: 'change', change: { action: 'set-oneshot', id }, subject: row.name };
    case 'edit': return { kind: 'edit', id, subject: row.name };
    case 'remove': return { kind: 'change', change: { action: 'remove-entry', id }, subject: row.name };
  }
}
