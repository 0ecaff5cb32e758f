// "Add a target": a name, a directory and the kind of profile, appended to the settings' overlay
// targets (the Pins view's empty state and the pin dialog when no target serves the kind).
import { useId, useState, type FormEvent } from 'react';
import type { GentryErrorShape } from '../../../../common/contract/index.ts';
import { draftProblem, draftTarget, type TargetDraft } from '../lib/pin-target-form.ts';
import { usePins } from '../../../shared/stores/bound-stores.ts';
import { Spinner } from '../../../shared/components/icons.tsx';

/** Props of {@link PinTargetForm}. */
export type PinTargetFormProps = {
  /** The kind the target must serve (the dialog knows it); the person picks when absent. */
  kind?: TargetDraft['kind'];
};

const KIND_WORDS: Record<TargetDraft['kind'], string> = { system: 'NixOS system', home: 'home-manager' };

/** The form. */
export function PinTargetForm({ kind }: PinTargetFormProps) {
  const id = useId();
  const targets = usePins((state) => state.targets);
  const adding = usePins((state) => state.addingTarget);
  const addTarget = usePins((state) => state.addTarget);
  const [draft, setDraft] = useState<TargetDraft>({ name: kind === 'home' ? 'home-pins' : 'system-pins', path: '', kind: kind ?? 'system' });
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<GentryErrorShape | null>(null);
  const problem = draftProblem(draft, targets ?? []);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setTried(true);
    const target = problem === null ? draftTarget(draft) : null;
    if (!target) return;
    setError(await addTarget(target));
  }

  return (
    <form className="pin-target-form" data-testid="pin-target-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="pin-form-row">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="search-input"
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          data-testid="pin-target-name"
          title="A short name for this overlay, shown in Gentry and the CLI (letters, digits, . _ -)"
        />
      </div>
      <div className="pin-form-row">
        <label htmlFor={`${id}-path`}>Directory</label>
        <input
          id={`${id}-path`}
          className="search-input pin-path-input"
          value={draft.path}
          placeholder={kind === 'home' ? '~/nixos-config/gentry-pins' : '/etc/nixos/gentry-pins'}
          onChange={(event) => setDraft({ ...draft, path: event.target.value })}
          data-testid="pin-target-path"
          title="A directory inside your configuration (so it is versioned with it): Gentry writes pins.json and overlay.nix there"
        />
      </div>
      <div className="pin-form-row">
        <label htmlFor={`${id}-kind`}>For</label>
        {kind ? (
          <span id={`${id}-kind`}>{KIND_WORDS[kind]} generations</span>
        ) : (
          <select id={`${id}-kind`} className="select" value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as TargetDraft['kind'] })} data-testid="pin-target-kind">
            <option value="system">{KIND_WORDS.system} generations</option>
            <option value="home">{KIND_WORDS.home} generations</option>
          </select>
        )}
      </div>
      {tried && problem !== null && <p className="pin-form-problem" role="alert">{problem}</p>}
      {error && (
        <div className="error-box" role="alert" data-testid="pin-target-error">
          <span className="error-message">{error.message}</span>
          {error.hint !== null && <span className="error-hint">{error.hint}</span>}
        </div>
      )}
      <div className="panel-actions">
        <button type="submit" className="button button-primary" disabled={adding} data-testid="pin-target-add">
          {adding ? <><Spinner /> Saving…</> : 'Add the target'}
        </button>
      </div>
    </form>
  );
}
