// Saving a generation's label and note. The generations reload when Gentry says the labels changed
// (profilesChanged, reason 'label'), so every view shows the new label from the one profile list.
import { createStore } from 'zustand/vanilla';
import type { GenerationRef, GentryApi, GentryErrorShape } from '../../../../common/contract/index.ts';
import type { LabelDraft } from '../lib/label-text.ts';
import { callFailure } from '../../../shared/lib/settle.ts';

/** The calls the label store uses. */
export type LabelApi = Pick<GentryApi, 'setLabel'>;

/** What the label store holds and can do. */
export type LabelState = {
  /** The generation whose label is being saved ("kind:name:number"), or null. */
  saving: string | null;
  /** The last save that failed, and for which generation. */
  error: { key: string; error: GentryErrorShape } | null;
  /** Saves (label null: removes) a generation's label and note; true when it was stored. */
  save(generation: GenerationRef, draft: LabelDraft): Promise<boolean>;
  /** Forgets the last failure (the person edits again). */
  clearError(): void;
};

/** Options of the label store. */
export type LabelStoreOptions = {
  /** Called after a label was stored. */
  onSaved?: (generation: GenerationRef) => void;
};

/** The key of one generation in the label store. */
export function labelKey(generation: GenerationRef): string {
  return `${generation.kind}:${generation.name}:${generation.number}`;
}

/** Creates the label store. */
export function createLabelStore(api: LabelApi, options: LabelStoreOptions = {}) {
  return createStore<LabelState>()((set, get) => ({
    saving: null,
    error: null,

    async save(generation, draft) {
      const key = labelKey(generation);
      if (get().saving !== null) return false;
      set({ saving: key, error: null });
      let error: GentryErrorShape | null = null;
      try {
        const result = await api.setLabel({ generation, label: draft.label, note: draft.label === null ? null : draft.note });
        if (!result.ok) error = result.error;
      } catch (thrown) {
        error = callFailure(thrown);
      }
      set({ saving: null, error: error ? { key, error } : null });
      if (error === null) options.onSaved?.(generation);
      return error === null;
    },

    clearError() {
      set({ error: null });
    },
  }));
}

/** The store's type, for hooks and tests. */
export type LabelStore = ReturnType<typeof createLabelStore>;
