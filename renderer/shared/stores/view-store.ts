// Which section of the app shows: generations (with their diffs), the boot menu, rebuilds and
// their history, pins, or settings. Sections keep their own state while another one shows.
import { createStore } from 'zustand/vanilla';

/** The sections of the app, in the order the header lists them. */
export const SECTIONS = ['generations', 'boot', 'runs', 'pins', 'settings'] as const;
/** One section. */
export type Section = (typeof SECTIONS)[number];

/** What the header calls each section. */
export const SECTION_TITLES: Record<Section, string> = {
  generations: 'Generations',
  boot: 'Boot menu',
  runs: 'Rebuild',
  pins: 'Pins',
  settings: 'Settings',
};

/** What the view store holds and can do. */
export type ViewState = {
  section: Section;
  show(section: Section): void;
};

/** Creates the view store. */
export function createViewStore(initial: Section = 'generations') {
  return createStore<ViewState>()((set) => ({
    section: initial,
    show(section) {
      set({ section });
    },
  }));
}
