// The recipes of the Rebuild section: listed from main, one picked (the first that can run), its mode.
import { settle } from '../../../shared/lib/settle.ts';
import type { RecipesSlice, SliceContext } from './runs-state.ts';

/** The recipes part of the runs store. */
export function createRecipesSlice({ set, get, api }: SliceContext): RecipesSlice {
  let loads = 0;
  return {
    recipes: null,
    recipesError: null,
    selected: null,
    mode: 'switch',

    async loadRecipes() {
      const mine = ++loads;
      const result = await settle(api.recipes({}));
      if (mine !== loads) return;
      if (!result.ok) {
        set({ recipesError: result.error });
        return;
      }
      const recipes = result.value.recipes;
      const selected = get().selected;
      const keep = recipes.some((recipe) => recipe.id === selected);
      const first = recipes.find((recipe) => recipe.available) ?? recipes[0] ?? null;
      set({ recipes, recipesError: null, selected: keep ? selected : first?.id ?? null });
    },

    select(recipe) {
      set({ selected: recipe, startError: null });
    },

    setMode(mode) {
      set({ mode });
    },
  };
}
