// The boot menu as the next boot will show it, the entry selected in the boot view, and the boot
// dialog: every change is previewed, confirmed, run through the helper, and the menu read again.
import { createStore } from 'zustand/vanilla';
import type { ActionOutcome, BootMenu, GentryApi, GentryErrorShape } from '../../../../common/contract/index.ts';
import { canCloseBootDialog, draftChange, nextBootDialog, openBootDialog, type BootDialogEvent, type BootDialogState, type BootRequest } from '../lib/boot-dialog.ts';
import { type Answer, settle } from '../../../shared/lib/settle.ts';

/** The calls the boot store uses. */
export type BootApi = Pick<GentryApi, 'bootMenu' | 'previewBootChange' | 'changeBoot' | 'bootEntryText' | 'on'>;

/** What the boot store holds and can do. */
export type BootState = {
  menu: BootMenu | null;
  /** True while a bootMenu call is under way (the old menu stays on screen meanwhile). */
  loading: boolean;
  /** Why the last load failed; null after a success. */
  error: GentryErrorShape | null;
  /** True once the menu has been asked for: only then do events read it again. */
  started: boolean;
  /** The entry the keyboard is on. */
  selectedId: string | null;
  /** The open boot dialog; null when none is open. */
  dialog: BootDialogState | null;
  /** Reads the menu (again). */
  load(): Promise<void>;
  /** Reads the menu if it has not been asked for yet. */
  ensureLoaded(): Promise<void>;
  /** Reads the menu again if it has been read before (something may have changed it). */
  refresh(): Promise<void>;
  select(id: string): void;
  /** Opens the dialog for `request`: reads the entry text or previews the change. */
  open(request: BootRequest): Promise<void>;
  /** The person typed in the dialog's draft. */
  setDraft(text: string): void;
  /** Previews the draft (or says what is wrong with it). */
  previewDraft(): Promise<void>;
  /** From the preview (or a refusal) back to the draft. */
  back(): void;
  /** Runs the previewed change, then reads the menu again. */
  confirm(): Promise<void>;
  /** Closes the dialog (not while the helper runs). */
  close(): void;
};

/** Options of the boot store. */
export type BootStoreOptions = {
  /** Called after a change returned an outcome (whatever its state). */
  onChanged?: (outcome: ActionOutcome) => void;
};

/** The entry to keep selected after a new menu arrived: the same one, else the default, else the first. */
function reconcileSelection(menu: BootMenu, selected: string | null): string | null {
  if (selected !== null && menu.entries.some((entry) => entry.id === selected)) return selected;
  return (menu.entries.find((entry) => entry.isDefault) ?? menu.entries[0])?.id ?? null;
}

/** Creates the boot store. */
export function createBootStore(api: BootApi, options: BootStoreOptions = {}) {
  let loads = 0;
  // Each dialog opened gets a number, so answers for a dialog already closed are dropped.
  let opened = 0;
  return createStore<BootState>()((set, get) => {
    function step(mine: number, event: BootDialogEvent): void {
      const dialog = get().dialog;
      if (mine !== opened || !dialog) return;
      set({ dialog: nextBootDialog(dialog, event) });
    }

    async function preview(mine: number): Promise<void> {
      const change = get().dialog?.change;
      if (!change || mine !== opened) return;
      const result = await settle(api.previewBootChange({ change }));
      step(mine, result.ok ? { type: 'previewed', preview: result.value } : { type: 'error', error: result.error });
    }

    return {
      menu: null,
      loading: false,
      error: null,
      started: false,
      selectedId: null,
      dialog: null,

      async load() {
        const mine = ++loads;
        set({ loading: true, started: true });
        const result = await settle(api.bootMenu({}));
        if (mine !== loads) return; // a newer load is under way; its answer wins
        if (result.ok) set({ menu: result.value, loading: false, error: null, selectedId: reconcileSelection(result.value, get().selectedId) });
        else set({ loading: false, error: result.error });
      },

      async ensureLoaded() {
        if (!get().started) await get().load();
      },

      async refresh() {
        if (get().started) await get().load();
      },

      select(id) {
        set({ selectedId: id });
      },

      async open(request) {
        if (get().dialog?.phase === 'running') return;
        const mine = ++opened;
        set({ dialog: openBootDialog(request) });
        if (request.kind === 'edit') {
          const result = await settle(api.bootEntryText({ id: request.id }));
          step(mine, result.ok ? { type: 'loaded', text: result.value.text } : { type: 'error', error: result.error });
        } else if (request.kind === 'change') {
          await preview(mine);
        }
      },

      setDraft(text) {
        step(opened, { type: 'draft', text });
      },

      async previewDraft() {
        const dialog = get().dialog;
        if (!dialog || dialog.phase !== 'editing') return;
        const mine = opened;
        const wanted = draftChange(dialog);
        if (!wanted.ok) {
          step(mine, { type: 'invalid', problem: wanted.problem });
          return;
        }
        step(mine, { type: 'preview', change: wanted.change });
        await preview(mine);
      },

      back() {
        step(opened, { type: 'back' });
      },

      async confirm() {
        const dialog = get().dialog;
        if (!dialog || dialog.phase !== 'ready' || !dialog.change) return;
        const mine = opened;
        step(mine, { type: 'confirm' });
        const off = api.on('actionProgress', ({ message }) => step(mine, { type: 'progress', message }));
        let result: Answer<ActionOutcome>;
        try {
          result = await settle(api.changeBoot({ change: dialog.change }));
        } finally {
          off();
        }
        if (result.ok) {
          step(mine, { type: 'finished', outcome: result.value });
          options.onChanged?.(result.value);
        } else {
          step(mine, { type: 'error', error: result.error });
        }
        // Whatever happened, the menu on the ESP is what counts now.
        await get().load();
      },

      close() {
        const dialog = get().dialog;
        if (dialog && !canCloseBootDialog(dialog)) return;
        opened += 1;
        set({ dialog: null });
      },
    };
  });
}

/** The store's type, for hooks and tests. */
export type BootStore = ReturnType<typeof createBootStore>;
