import { describe, expect, it } from 'vitest';
import { createViewStore, SECTIONS, SECTION_TITLES } from './view-store.ts';

describe('the view store', () => {
  it('starts on the generations and shows the section asked for', () => {
    const store = createViewStore();
    expect(store.getState().section).toBe('generations');
    store.getState().show('boot');
    expect(store.getState().section).toBe('boot');
  });

  it('titles every section', () => {
    for (const s of SECTIONS) expect(SECTION_TITLES[s].length).toBeGreaterThan(0);
  });
});
