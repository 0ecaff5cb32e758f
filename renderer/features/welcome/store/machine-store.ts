// The machine Gentry is looking at, and opening the demo machine.
import { createStore } from 'zustand/vanilla';
import type { GentryApi, GentryErrorShape, Machine } from '../../../../common/contract/index.ts';

/** What the machine store holds and can do. */
export type MachineState = {
  machine: Machine | null;
  /** Why the machine could not be read (the last attempt); null after a success. */
  error: GentryErrorShape | null;
  /** True while the demo machine is being built. */
  demoBuilding: boolean;
  demoError: GentryErrorShape | null;
  /** The person chose to see the profiles found although this machine has no system profile. */
  showWithoutSystem: boolean;
  load(): Promise<void>;
  openDemo(): Promise<void>;
  showWithoutSystemProfile(): void;
};

/** What the machine store needs: the api, and who to tell once the demo is open. */
export type MachineStoreDeps = {
  api: Pick<GentryApi, 'machine' | 'openDemo'>;
  onDemoOpened?: () => void;
};

/** Creates the machine store. */
export function createMachineStore({ api, onDemoOpened }: MachineStoreDeps) {
  let loads = 0;
  return createStore<MachineState>()((set, get) => ({
    machine: null,
    error: null,
    demoBuilding: false,
    demoError: null,
    showWithoutSystem: false,

    async load() {
      const mine = ++loads;
      const result = await api.machine({});
      if (mine !== loads) return; // a newer load (or the demo) has answered since
      if (result.ok) set({ machine: result.value, error: null });
      else set({ error: result.error });
    },

    async openDemo() {
      if (get().demoBuilding) return;
      set({ demoBuilding: true, demoError: null });
      const result = await api.openDemo({});
      if (result.ok) {
        loads += 1; // whatever an older load says, the demo's answer is newer
        set({ machine: result.value, error: null, demoBuilding: false });
        onDemoOpened?.();
      } else {
        set({ demoBuilding: false, demoError: result.error });
      }
    },

    showWithoutSystemProfile() {
      set({ showWithoutSystem: true });
    },
  }));
}

/** The store's type, for hooks and tests. */
export type MachineStore = ReturnType<typeof createMachineStore>;
