// Every profile and its generations, what is selected, and reloading when they change.
import { createStore } from 'zustand/vanilla';
import type { GentryApi, GentryErrorShape, Profile, ProfileList } from '../../../../common/contract/index.ts';
import { adjacentKey, orderedProfiles, profileKey } from '../lib/profile-order.ts';
import { effectiveGenerationNumber, reconcileProfileKey } from '../lib/selection.ts';

/** What the generations store holds and can do. */
export type GenerationsState = {
  list: ProfileList | null;
  /** True while a listProfiles call is under way (the old list stays on screen meanwhile). */
  loading: boolean;
  /** Why the last load failed; null after a success. */
  error: GentryErrorShape | null;
  /** The selected profile's key ("kind:name"). */
  selectedKey: string | null;
  /** The generation the person picked in each profile, by profile key. */
  picked: Readonly<Record<string, number>>;
  /** Notices the person has dismissed (they come back only if their text changes). */
  dismissedNotices: readonly string[];
  load(options?: LoadOptions): Promise<void>;
  selectProfile(key: string): void;
  /** Moves the profile selection `delta` steps through the sidebar order. */
  stepProfile(delta: number): void;
  selectGeneration(key: string, number: number): void;
  dismissNotices(): void;
};

/** Options of a load. */
export type LoadOptions = {
  /** Another machine is being looked at: the next list that arrives starts with a fresh selection. */
  resetSelection?: boolean;
};

/** Creates the generations store. */
export function createGenerationsStore(api: Pick<GentryApi, 'listProfiles'>) {
  let loads = 0;
  let resetPending = false;
  return createStore<GenerationsState>()((set, get) => ({
    list: null,
    loading: false,
    error: null,
    selectedKey: null,
    picked: {},
    dismissedNotices: [],

    async load(options = {}) {
      if (options.resetSelection) resetPending = true;
      const mine = ++loads;
      set({ loading: true });
      const result = await api.listProfiles({});
      if (mine !== loads) return; // a newer load is under way; its answer wins
      if (result.ok) {
        const reset = resetPending;
        resetPending = false;
        set({
          list: result.value,
          loading: false,
          error: null,
          selectedKey: reconcileProfileKey(result.value.profiles, reset ? null : get().selectedKey),
          picked: reset ? {} : get().picked,
        });
      } else {
        set({ loading: false, error: result.error });
      }
    },

    selectProfile(key) {
      set({ selectedKey: key });
    },

    stepProfile(delta) {
      const list = get().list;
      if (!list) return;
      const keys = orderedProfiles(list.profiles).map(profileKey);
      const next = adjacentKey(keys, get().selectedKey, delta);
      if (next !== null) set({ selectedKey: next });
    },

    selectGeneration(key, number) {
      set({ picked: { ...get().picked, [key]: number } });
    },

    dismissNotices() {
      set({ dismissedNotices: get().list?.notices ?? [] });
    },
  }));
}

/** The store's type, for hooks and tests. */
export type GenerationsStore = ReturnType<typeof createGenerationsStore>;

/** The selected profile, or null. */
export function selectedProfile(state: Pick<GenerationsState, 'list' | 'selectedKey'>): Profile | null {
  if (!state.list || state.selectedKey === null) return null;
  return state.list.profiles.find((profile) => profileKey(profile) === state.selectedKey) ?? null;
}

/** The number of the generation shown for the selected profile, or null. */
export function selectedGenerationNumber(state: Pick<GenerationsState, 'list' | 'selectedKey' | 'picked'>): number | null {
  const profile = selectedProfile(state);
  return profile ? effectiveGenerationNumber(profile, state.picked[profileKey(profile)]) : null;
}

/** The notices not yet dismissed. */
export function visibleNotices(state: Pick<GenerationsState, 'list' | 'dismissedNotices'>): readonly string[] {
  const notices = state.list?.notices ?? [];
  return notices.filter((notice) => !state.dismissedNotices.includes(notice));
}
