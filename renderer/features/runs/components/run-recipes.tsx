// The recipe picker: every recipe Gentry can run, why one cannot run yet, the command it will run (built by
// Gentry, never typed here), the mode for a system rebuild, and Start.
import { type KeyboardEvent, useRef } from 'react';
import type { Recipe } from '../../../../common/contract/index.ts';
import { useRuns } from '../../../shared/stores/bound-stores.ts';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';

const MODE_HELP: Record<string, string> = {
  switch: 'Build, make it the current generation and the default boot entry',
  boot: 'Build and make it the default boot entry; the running system stays as it is until you reboot',
  test: 'Build and activate it now, without a boot entry: a reboot goes back',
  build: 'Only build it; nothing changes on the system',
};

function RecipeCard({ recipe, selected, onPick, onKeyDown }: {
  recipe: Recipe;
  selected: boolean;
  onPick: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      tabIndex={selected ? 0 : -1}
      className={`recipe-card${selected ? ' recipe-card-selected' : ''}${recipe.available ? '' : ' recipe-card-unavailable'}`}
      data-testid="recipe"
      data-recipe-id={recipe.id}
      data-available={recipe.available}
      title={recipe.available ? recipe.description : `Cannot run yet: ${recipe.unavailableReason ?? 'not available here'}`}
      onClick={onPick}
      onKeyDown={onKeyDown}
    >
      <span className="recipe-card-head">
        <span className="recipe-title">{recipe.title}</span>
        {recipe.privileged && <span className="badge badge-password" title="Runs through Gentry's helper: pkexec asks for the administrator password">needs a password</span>}
      </span>
      <span className="recipe-description">{recipe.description}</span>
      {!recipe.available && (
        <span className="recipe-unavailable" data-testid="recipe-unavailable">{recipe.unavailableReason ?? 'Not available here.'}</span>
      )}
    </button>
  );
}

/** The recipe list and the Start area. */
export function RunRecipes() {
  const recipes = useRuns((state) => state.recipes);
  const error = useRuns((state) => state.recipesError);
  const selectedId = useRuns((state) => state.selected);
  const mode = useRuns((state) => state.mode);
  const starting = useRuns((state) => state.starting);
  const startError = useRuns((state) => state.startError);
  const running = useRuns((state) => state.live?.run.state === 'running');
  const select = useRuns((state) => state.select);
  const setMode = useRuns((state) => state.setMode);
  const start = useRuns((state) => state.start);
  const reload = useRuns((state) => state.loadRecipes);
  const listRef = useRef<HTMLDivElement>(null);

  if (!recipes) {
    if (error) {
      return (
        <section className="run-recipes" aria-label="Recipes">
          <h2>Recipes</h2>
          <div className="error-box" role="alert" data-testid="recipes-error" data-code={error.code}>
            <ErrorDetails error={error} />
            <button type="button" className="button button-small" onClick={() => void reload()}>Try again</button>
          </div>
        </section>
      );
    }
    return (
      <section className="run-recipes" aria-label="Recipes">
        <h2>Recipes</h2>
        <p className="progress" role="status"><Spinner />Reading the recipes…</p>
      </section>
    );
  }

  const selected = recipes.find((recipe) => recipe.id === selectedId) ?? null;

  function step(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
    const delta = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0 || recipes === null) return;
    event.preventDefault();
    const next = recipes[(index + delta + recipes.length) % recipes.length];
    if (!next) return;
    select(next.id);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-recipe-id="${next.id}"]`)?.focus();
  }

  const blocked = running ? 'A run is going on: stop it or wait for it to end first' : selected && !selected.available ? selected.unavailableReason ?? 'This recipe cannot run here' : null;
  return (
    <section className="run-recipes" aria-label="Recipes">
      <h2>Recipes</h2>
      {error && <p className="recipes-stale warning-text" role="status">Could not refresh the recipes: {error.message}</p>}
      <div ref={listRef} className="recipe-list" role="radiogroup" aria-label="Recipe" data-testid="recipe-list">
        {recipes.map((recipe, index) => (
          <RecipeCard key={recipe.id} recipe={recipe} selected={recipe.id === selectedId} onPick={() => select(recipe.id)} onKeyDown={(event) => step(event, index)} />
        ))}
      </div>
      {selected && (
        <div className="recipe-start" data-testid="recipe-details" data-recipe-id={selected.id}>
          <div className="recipe-command-line">
            <span className="muted">{selected.available ? 'Runs' : 'Would run, once it can'}</span>
            <code className="recipe-command" data-testid="recipe-command" title="What Gentry will run (built from your settings, never from this page)">{selected.commandsByMode?.[mode] ?? selected.command}</code>
          </div>
          {selected.modes.length > 0 && (
            <div className="segmented recipe-modes" role="group" aria-label="Mode" data-testid="recipe-modes" data-blocked={!selected.available}>
              {selected.modes.map((candidate) => (
                <button
                  key={candidate}
                  type="button"
                  aria-pressed={candidate === mode}
                  disabled={!selected.available}
                  title={selected.available ? MODE_HELP[candidate] : `${MODE_HELP[candidate]}. ${selected.unavailableReason ?? 'This recipe cannot run here'}`}
                  data-testid={`recipe-mode-${candidate}`}
                  onClick={() => setMode(candidate)}
                >
                  {candidate}
                </button>
              ))}
            </div>
          )}
          <div className="recipe-start-row">
            <button
              type="button"
              className="button button-primary"
              disabled={blocked !== null || starting}
              title={blocked ?? (selected.privileged ? 'Starts it in the terminal; the helper asks for the administrator password' : 'Starts it in the terminal')}
              data-testid="recipe-start"
              onClick={() => void start()}
            >
              {starting ? 'Starting…' : selected.modes.length > 0 ? `Start (${mode})` : 'Start'}
            </button>
            {starting && <Spinner />}
          </div>
          {startError && (
            <div className="error-box" role="alert" data-testid="start-error" data-code={startError.code}>
              <ErrorDetails error={startError} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
