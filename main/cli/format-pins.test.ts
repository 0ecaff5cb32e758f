// The text forms: generation ranges and the suggestion table.
import { describe, expect, it } from 'vitest';
import { formatSuggestions, generationRanges } from './format-pins.ts';

describe('pins text', () => {
  it('folds generation numbers into ranges per profile', () => {
    const gens = [1, 2, 3, 5, 7, 8].map((number) => ({ profile: 'system', number }));
    expect(generationRanges([...gens, { profile: 'home-manager', number: 4 }])).toBe('system 1–3, 5, 7–8; home-manager 4');
  });

  it('lists versions with their revision, store state and generations', () => {
    const text = formatSuggestions(
      { attr: 'kicad', versions: [{ version: '8.0.1', generations: [{ profile: 'system', number: 20 }], nixpkgsRevision: 'f'.repeat(40), inStore: true }] },
      [],
    );
    expect(text).toContain('kicad: 1 version');
    expect(text).toMatch(/8\.0\.1\s+nixpkgs ffffffffffff\s+in store\s+system 20/);
    expect(formatSuggestions({ attr: 'x', versions: [] }, [])).toMatch(/No generation/);
  });
});
