// Gentry's settings and the form that edits them: loaded once, edited as text, checked in the page with the
// contract's schema before anything is sent, and saved (after which the recipes are asked for again).
import { createStore } from 'zustand/vanilla';
import type { GentryApi, GentryErrorShape, Settings } from '../../../../common/contract/index.ts';
import {
  checkDraft, draftFromSettings, emptyTarget, type FieldErrors, sameSettings, type SettingsDraft, settingsFromDraft, type TargetDraft,
} from '../lib/settings-form.ts';
import { callFailure } from '../../../shared/lib/settle.ts';

/** The fields of the form that hold plain text. */
export type TextField = 'systemFlake' | 'homeFlake' | 'nixpkgsGit' | 'runHistoryLimitMiB';

/** What the settings store holds and can do. */
export type SettingsState = {
  /** The settings as saved; null until loaded. */
  saved: Settings | null;
  loadError: GentryErrorShape | null;
  /** The form; null until the settings have loaded. */
  draft: SettingsDraft | null;
  /** Every problem of the draft, by field (the view shows some of them, see visibleErrors). */
  errors: FieldErrors;
  /** True once Save was pressed on this draft: every problem shows. */
  attempted: boolean;
  saving: boolean;
  saveError: GentryErrorShape | null;
  /** When the last save succeeded (epoch ms); null after an edit. */
  savedAt: number | null;

  load(): Promise<void>;
  edit(field: TextField, text: string): void;
  addTarget(): void;
  editTarget(key: number, patch: Partial<Omit<TargetDraft, 'key'>>): void;
  removeTarget(key: number): void;
  /** Puts the form back to the saved settings. */
  revert(): void;
  save(): Promise<void>;
};

/** Options of the settings store. */
export type SettingsStoreOptions = {
  /** Called with the settings once saved. */
  onSaved?: (settings: Settings) => void;
  /** The clock (epoch ms). */
  now?: () => number;
};

function errorsOf(draft: SettingsDraft): FieldErrors {
  const check = checkDraft(draft);
  return check.ok ? {} : check.errors;
}

/** True when the draft differs from the saved settings. */
export function isDirty(state: Pick<SettingsState, 'saved' | 'draft'>): boolean {
  if (!state.saved || !state.draft) return false;
  return !sameSettings(settingsFromDraft(state.draft), state.saved);
}

/** Creates the settings store. */
export function createSettingsStore(api: Pick<GentryApi, 'settings' | 'saveSettings'>, options: SettingsStoreOptions = {}) {
  const now = options.now ?? Date.now;
  let loads = 0;
  return createStore<SettingsState>()((set, get) => {
    function change(draft: SettingsDraft): void {
      set({ draft, errors: errorsOf(draft), savedAt: null, saveError: null });
    }

    return {
      saved: null,
      loadError: null,
      draft: null,
      errors: {},
      attempted: false,
      saving: false,
      saveError: null,
      savedAt: null,

      async load() {
        const mine = ++loads;
        const result = await api.settings({}).catch((error: unknown) => ({ ok: false as const, error: callFailure(error) }));
        if (mine !== loads) return;
        if (!result.ok) {
          set({ loadError: result.error });
          return;
        }
        // An edit in progress survives a reload of the saved settings.
        const keepDraft = get().draft !== null && isDirty(get());
        const draft = keepDraft ? get().draft! : draftFromSettings(result.value);
        set({ saved: result.value, loadError: null, draft, errors: errorsOf(draft), attempted: keepDraft && get().attempted });
      },

      edit(field, text) {
        const draft = get().draft;
        if (draft) change({ ...draft, [field]: text });
      },

      addTarget() {
        const draft = get().draft;
        if (draft) change({ ...draft, overlayTargets: [...draft.overlayTargets, emptyTarget()] });
      },

      editTarget(key, patch) {
        const draft = get().draft;
        if (!draft) return;
        change({ ...draft, overlayTargets: draft.overlayTargets.map((target) => (target.key === key ? { ...target, ...patch } : target)) });
      },

      removeTarget(key) {
        const draft = get().draft;
        if (draft) change({ ...draft, overlayTargets: draft.overlayTargets.filter((target) => target.key !== key) });
      },

      revert() {
        const saved = get().saved;
        if (!saved) return;
        const draft = draftFromSettings(saved);
        set({ draft, errors: errorsOf(draft), attempted: false, saveError: null, savedAt: null });
      },

      async save() {
        const draft = get().draft;
        if (!draft || get().saving) return;
        const check = checkDraft(draft);
        if (!check.ok) {
          set({ errors: check.errors, attempted: true });
          return;
        }
        set({ saving: true, saveError: null, attempted: true });
        const result = await api.saveSettings(check.settings).catch((error: unknown) => ({ ok: false as const, error: callFailure(error) }));
        if (!result.ok) {
          set({ saving: false, saveError: result.error });
          return;
        }
        // Edits made while saving stay in the form; otherwise it shows what Gentry stored.
        const edited = get().draft !== draft;
        const next = edited ? get().draft! : draftFromSettings(result.value);
        set({ saving: false, saved: result.value, draft: next, errors: errorsOf(next), attempted: false, savedAt: edited ? null : now() });
        options.onSaved?.(result.value);
      },
    };
  });
}

/** The store's type, for hooks and tests. */
export type SettingsStore = ReturnType<typeof createSettingsStore>;
