// Pins: the overlay targets and their pins, the pin dialog (preview, then pin), unpinning, the
// "Find versions" search, and adding an overlay target to the settings.
import { createStore } from 'zustand/vanilla';
import type { GentryApi, GentryErrorShape, OverlayTarget, PinSuggestions, PinTarget } from '../../../../common/contract/index.ts';
import { canClosePin, canPin, openPinDialog, pinInput, withTargets, type PinDialogState } from '../lib/pin-dialog.ts';
import { withTarget, type PinRequest } from '../lib/pin-rules.ts';
import { settingsWithTarget } from '../lib/pin-target-form.ts';
import { callFailure, settle } from '../../../shared/lib/settle.ts';

/** The calls the pins store uses. */
export type PinsApi = Pick<GentryApi, 'pinTargets' | 'previewPin' | 'addPin' | 'removePin' | 'pinSuggestions' | 'settings' | 'saveSettings'>;

/** The "Find versions" search: what was asked and what came back. */
export type SuggestionsState = { attr: string; loading: boolean; value: PinSuggestions | null; error: GentryErrorShape | null };

/** An unpin that failed, shown beside its pin. */
export type UnpinFailure = { target: string; attr: string; error: GentryErrorShape };

/** What the pins store holds and can do. */
export type PinsState = {
  /** Every overlay target with its pins; null until listed. */
  targets: PinTarget[] | null;
  loading: boolean;
  /** Why the targets could not be listed. */
  error: GentryErrorShape | null;
  /** Lists the targets (again). */
  load(): Promise<void>;

  /** The open pin dialog; null when none is open. */
  dialog: PinDialogState | null;
  /** Opens the pin dialog for `request` (lists the targets first when they are not known). */
  openPin(request: PinRequest): Promise<void>;
  setAttr(attr: string): Promise<void>;
  setChoice(index: number): Promise<void>;
  setTarget(name: string): Promise<void>;
  setReason(reason: string): Promise<void>;
  /** Asks for the preview again (after a failure). */
  repreview(): Promise<void>;
  /** Writes the previewed pin. */
  confirmPin(): Promise<void>;
  /** Closes the dialog (not while pins.json is being written). */
  closePin(): void;

  /** `target/attr` of the pin being removed. */
  unpinning: string | null;
  unpinFailure: UnpinFailure | null;
  /** Removes a pin; resolves true when it is gone. */
  unpin(target: string, attr: string): Promise<boolean>;

  suggestions: SuggestionsState | null;
  /** Looks for every version of `attr` on this machine. */
  findVersions(attr: string): Promise<void>;

  /** True while a new target is being saved to the settings. */
  addingTarget: boolean;
  /** Appends an overlay target to the settings and lists the targets again; resolves the error, or null. */
  addTarget(target: OverlayTarget): Promise<GentryErrorShape | null>;
};

/** The key of one pin, for `unpinning`. */
export function pinKey(target: string, attr: string): string {
  return `${target}/${attr}`;
}

/** Creates the pins store. */
export function createPinsStore(api: PinsApi) {
  let listing: Promise<void> | null = null;
  let asked = 0; // previews asked; only the newest answer counts
  let opened = 0; // dialogs opened; answers for a closed dialog are dropped
  let searched = 0;

  return createStore<PinsState>()((set, get) => {
    async function load(): Promise<void> {
      if (listing) return listing;
      set({ loading: true });
      listing = (async () => {
        const result = await settle(api.pinTargets({}));
        if (result.ok) set({ targets: result.value.targets, loading: false, error: null });
        else set({ loading: false, error: result.error });
      })();
      try {
        await listing;
      } finally {
        listing = null;
      }
    }

    /** Applies `change` to the open dialog and asks for the preview of what it now says. */
    async function update(change: (dialog: PinDialogState) => PinDialogState): Promise<void> {
      const dialog = get().dialog;
      if (!dialog || dialog.phase === 'saving' || dialog.phase === 'done' || dialog.phase === 'targets') return;
      let next = change(dialog);
      if (next.phase !== 'no-target') next = { ...next, phase: 'previewing', preview: null, error: null };
      set({ dialog: next });
      await preview();
    }

    async function preview(): Promise<void> {
      const dialog = get().dialog;
      if (!dialog || dialog.phase !== 'previewing') return;
      const input = pinInput(dialog);
      if (input === null) {
        set({ dialog: { ...dialog, phase: 'ready', preview: null } }); // the form says what is missing
        return;
      }
      const mine = ++asked;
      const result = await settle(api.previewPin(input));
      const now = get().dialog;
      if (mine !== asked || !now || now.phase !== 'previewing') return;
      set({ dialog: result.ok ? { ...now, phase: 'ready', preview: result.value, error: null } : { ...now, phase: 'ready', preview: null, error: result.error } });
    }

    return {
      targets: null,
      loading: false,
      error: null,
      load,

      dialog: null,
      async openPin(request) {
        if (get().dialog?.phase === 'saving') return;
        const mine = ++opened;
        asked += 1;
        set({ dialog: openPinDialog(request) });
        await load(); // the Settings view may have added or removed a target since the last look
        const dialog = get().dialog;
        if (mine !== opened || !dialog) return;
        const { targets, error } = get();
        if (targets === null) {
          set({ dialog: { ...dialog, phase: 'ready', error: error ?? callFailure('the overlay targets could not be listed') } });
          return;
        }
        set({ dialog: withTargets(dialog, targets) });
        await preview();
      },
      setAttr: (attr) => update((dialog) => ({ ...dialog, attr })),
      setChoice: (index) =>
        update((dialog) => {
          if (index < 0 || index >= dialog.request.choices.length) return dialog;
          return withTargets({ ...dialog, choice: index }, get().targets ?? []);
        }),
      setTarget: (name) => update((dialog) => ({ ...dialog, target: name })),
      setReason: (reason) => update((dialog) => ({ ...dialog, reason })),
      async repreview() {
        const dialog = get().dialog;
        if (!dialog) return;
        // The targets could not be listed: start over; otherwise ask for the same preview again.
        if (dialog.target === null && dialog.phase === 'ready') await get().openPin(dialog.request);
        else await update((same) => same);
      },

      async confirmPin() {
        const dialog = get().dialog;
        if (!dialog || !canPin(dialog)) return;
        const input = pinInput(dialog);
        if (input === null) return;
        const mine = opened;
        set({ dialog: { ...dialog, phase: 'saving', error: null } });
        const result = await settle(api.addPin(input));
        const now = get().dialog;
        if (result.ok) set({ targets: withTarget(get().targets, result.value) });
        if (mine !== opened || !now) return;
        set({ dialog: result.ok ? { ...now, phase: 'done', saved: result.value } : { ...now, phase: 'ready', error: result.error } });
      },

      closePin() {
        const dialog = get().dialog;
        if (dialog && !canClosePin(dialog)) return;
        opened += 1;
        asked += 1;
        set({ dialog: null });
      },

      unpinning: null,
      unpinFailure: null,
      async unpin(target, attr) {
        if (get().unpinning !== null) return false;
        set({ unpinning: pinKey(target, attr), unpinFailure: null });
        const result = await settle(api.removePin({ target, attr }));
        if (result.ok) {
          set({ unpinning: null, targets: withTarget(get().targets, result.value) });
          return true;
        }
        set({ unpinning: null, unpinFailure: { target, attr, error: result.error } });
        return false;
      },

      suggestions: null,
      async findVersions(raw) {
        const attr = raw.trim();
        if (attr === '') return;
        const mine = ++searched;
        set({ suggestions: { attr, loading: true, value: null, error: null } });
        const result = await settle(api.pinSuggestions({ attr }));
        if (mine !== searched) return;
        set({ suggestions: result.ok ? { attr, loading: false, value: result.value, error: null } : { attr, loading: false, value: null, error: result.error } });
      },

      addingTarget: false,
      async addTarget(target) {
        if (get().addingTarget) return null;
        set({ addingTarget: true });
        try {
          // Read the settings afresh so that nothing saved meanwhile (by the Settings view) is lost.
          const current = await settle(api.settings({}));
          if (!current.ok) return current.error;
          const saved = await settle(api.saveSettings(settingsWithTarget(current.value, target)));
          if (!saved.ok) return saved.error;
        } finally {
          set({ addingTarget: false });
        }
        await load();
        const dialog = get().dialog;
        const targets = get().targets;
        if (dialog && dialog.phase === 'no-target' && targets) {
          set({ dialog: withTargets(dialog, targets) });
          await preview();
        }
        return null;
      },
    };
  });
}

/** The store's type, for hooks and tests. */
export type PinsStore = ReturnType<typeof createPinsStore>;
