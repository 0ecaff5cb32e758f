// The Settings section: the flakes the rebuild recipes build from, the nixpkgs checkout pins search, how much
// run history to keep, and the overlay targets. Checked in the page with the contract's schema as you type;
// Save sends it to Gentry, and the recipes are read again (what can run depends on these).
import { useEffect, type FormEvent } from 'react';
import { ErrorDetails, ErrorPanel } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';
import { SettingsField } from '../components/settings-field.tsx';
import { SettingsTargets } from '../components/settings-targets.tsx';
import { visibleErrors } from '../lib/settings-form.ts';
import { useRuns, useSettings } from '../../../shared/stores/bound-stores.ts';
import { isDirty } from '../store/settings-store.ts';

function RecipeReadiness() {
  const recipes = useRuns((state) => state.recipes);
  if (!recipes) return null;
  return (
    <section className="settings-readiness" aria-label="What the Rebuild section can run" data-testid="settings-readiness">
      <h2>What can run with these settings</h2>
      <ul>
        {recipes.map((recipe) => (
          <li key={recipe.id} data-testid="settings-recipe" data-recipe-id={recipe.id} data-available={recipe.available}>
            <span className={recipe.available ? 'settings-ready' : 'settings-not-ready'} aria-hidden="true">{recipe.available ? '✓' : '–'}</span>
            <span className="settings-recipe-title">{recipe.title}</span>
            {!recipe.available && recipe.unavailableReason && <span className="muted"> — {recipe.unavailableReason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The Settings section. */
export function SettingsView() {
  const saved = useSettings((state) => state.saved);
  const loadError = useSettings((state) => state.loadError);
  const draft = useSettings((state) => state.draft);
  const errors = useSettings((state) => state.errors);
  const attempted = useSettings((state) => state.attempted);
  const saving = useSettings((state) => state.saving);
  const saveError = useSettings((state) => state.saveError);
  const savedAt = useSettings((state) => state.savedAt);
  const dirty = useSettings(isDirty);
  const load = useSettings((state) => state.load);
  const edit = useSettings((state) => state.edit);
  const addTarget = useSettings((state) => state.addTarget);
  const editTarget = useSettings((state) => state.editTarget);
  const removeTarget = useSettings((state) => state.removeTarget);
  const revert = useSettings((state) => state.revert);
  const save = useSettings((state) => state.save);
  const loadRecipes = useRuns((state) => state.loadRecipes);

  useEffect(() => {
    void load();
    void loadRecipes();
  }, [load, loadRecipes]);

  if (!draft || !saved) {
    if (loadError) return <ErrorPanel title="Gentry could not read its settings" error={loadError} onRetry={() => void load()} />;
    return (
      <div className="panel-center">
        <p className="loading" role="status"><Spinner />Reading the settings…</p>
      </div>
    );
  }

  const shown = visibleErrors(draft, errors, attempted);
  const problems = Object.keys(errors).length;

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    void save();
  }

  return (
    <div className="settings-view" data-testid="settings-view">
      <form className="settings-form" onSubmit={onSubmit} noValidate aria-label="Settings" data-dirty={dirty} data-saving={saving}>
        <header className="settings-header">
          <h1>Settings</h1>
          <p className="muted">Kept in <code>~/.config/gentry/config.json</code>. The Rebuild section builds its commands from these; nothing typed here is run as a command.</p>
        </header>

        <section className="settings-group" aria-label="Rebuilds">
          <h2>Rebuilds</h2>
          <SettingsField
            id="systemFlake"
            label="System flake"
            value={draft.systemFlake}
            error={shown.systemFlake}
            placeholder="/etc/nixos#my-host"
            help={<>The flake <code>nixos-rebuild --flake</code> builds the system from: a path, <code>path:</code>, <code>git+file:</code>, <code>github:</code> or <code>git+https:</code>, with an optional <code>#host</code>. Empty: the system cannot be rebuilt from Gentry.</>}
            onChange={(text) => edit('systemFlake', text)}
          />
          <SettingsField
            id="homeFlake"
            label="Home-manager flake"
            value={draft.homeFlake}
            error={shown.homeFlake}
            placeholder="~/nixos-config#me@my-host"
            help={<>The flake <code>home-manager switch --flake</code> uses. Empty: home-manager cannot be switched from Gentry.</>}
            onChange={(text) => edit('homeFlake', text)}
          />
          <SettingsField
            id="runHistoryLimitMiB"
            label="Run history limit (MiB)"
            value={draft.runHistoryLimitMiB}
            error={shown.runHistoryLimitMiB}
            inputMode="numeric"
            help="Logs of past runs are kept up to this size in all; the oldest go first."
            onChange={(text) => edit('runHistoryLimitMiB', text)}
          />
        </section>

        <section className="settings-group" aria-label="Pins">
          <h2>Pins</h2>
          <SettingsField
            id="nixpkgsGit"
            label="nixpkgs git checkout"
            value={draft.nixpkgsGit}
            error={shown.nixpkgsGit}
            placeholder="/home/me/src/nixpkgs"
            help="A local clone of nixpkgs, searched for the revision that carried a version when you pin one. Optional."
            onChange={(text) => edit('nixpkgsGit', text)}
          />
          <SettingsTargets targets={draft.overlayTargets} errors={shown} onAdd={addTarget} onEdit={editTarget} onRemove={removeTarget} />
        </section>

        <footer className="settings-actions">
          <button type="submit" className="button button-primary" disabled={!dirty || saving} data-testid="settings-save" title={dirty ? 'Checks and saves the settings' : 'Nothing changed'}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" disabled={!dirty || saving} data-testid="settings-revert" onClick={revert} title="Puts back the saved settings">
            Revert
          </button>
          {saving && <Spinner />}
          {attempted && problems > 0 && (
            <span className="settings-problems" role="alert" data-testid="settings-problems">
              {problems === 1 ? 'One field needs fixing before saving.' : `${problems} fields need fixing before saving.`}
            </span>
          )}
          {savedAt !== null && !dirty && <span className="settings-saved" role="status" data-testid="settings-saved">Saved.</span>}
        </footer>
        {saveError && (
          <div className="error-box" role="alert" data-testid="settings-save-error" data-code={saveError.code}>
            <ErrorDetails error={saveError} />
          </div>
        )}
      </form>
      <RecipeReadiness />
    </div>
  );
}
