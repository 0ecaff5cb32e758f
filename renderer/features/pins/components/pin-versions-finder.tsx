// "Find versions": every version of a package in this machine's generations, with the generations
// that had it, their nixpkgs revision and whether it is still in the store; "Pin this version…".
import { useId, useState, type FormEvent } from 'react';
import type { PinSuggestions, Profile } from '../../../../common/contract/index.ts';
import { isTargetKind, refForGeneration, type PinChoice } from '../lib/pin-rules.ts';
import { shortRevision } from '../../../shared/lib/revision.ts';
import { useGenerations, usePins } from '../../../shared/stores/bound-stores.ts';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';

type Found = PinSuggestions['versions'][number];

/** How many generation numbers a row lists before "and N more". */
const SHOWN_NUMBERS = 8;

/** "system #40, #41 · home-manager #3". */
function generationsText(found: Found): string {
  const byProfile = new Map<string, number[]>();
  for (const generation of found.generations) {
    const name = generation.profile.replace(/^.*\//, '');
    byProfile.set(name, [...(byProfile.get(name) ?? []), generation.number]);
  }
  return [...byProfile].map(([name, numbers]) => {
    const sorted = [...numbers].sort((a, b) => a - b);
    const shown = sorted.slice(-SHOWN_NUMBERS).map((n) => `#${n}`).join(', ');
    return sorted.length > SHOWN_NUMBERS ? `${name} ${shown} and ${sorted.length - SHOWN_NUMBERS} older` : `${name} ${shown}`;
  }).join(' · ');
}

/** The generations of a version that a pin can come from (system and home-manager), newest first. */
function choicesFor(found: Found, profiles: readonly Profile[] | null): PinChoice[] {
  const choices: PinChoice[] = [];
  for (const generation of found.generations) {
    const ref = refForGeneration(profiles, generation);
    if (ref && isTargetKind(ref.kind)) choices.push({ version: found.version === '' ? null : found.version, generation: ref });
  }
  return choices.sort((a, b) => b.generation.number - a.generation.number);
}

function VersionRow({ attr, found, profiles }: { attr: string; found: Found; profiles: readonly Profile[] | null }) {
  const openPin = usePins((state) => state.openPin);
  const choices = choicesFor(found, profiles);
  return (
    <tr data-testid="pin-version" data-version={found.version} data-in-store={found.inStore}>
      <td><code>{found.version === '' ? 'ε' : found.version}</code></td>
      <td className="pin-version-generations" title={found.generations.map((g) => `${g.profile} #${g.number}`).join('\n')}>{generationsText(found)}</td>
      <td>{found.nixpkgsRevision ? <code title={found.nixpkgsRevision}>{shortRevision(found.nixpkgsRevision)}</code> : <span className="missing">unknown</span>}</td>
      <td>
        {found.inStore
          ? <span className="pin-active" title="Its store paths are still here: rebuilding with the pin needs no download">in store</span>
          : <span className="muted" title="Its store paths were collected: a rebuild with the pin fetches or builds them">not in store</span>}
      </td>
      <td className="pin-actions">
        <button
          type="button"
          className="button button-small"
          disabled={choices.length === 0}
          onClick={() => void openPin({ attr, choices })}
          data-testid="pin-version-pin"
          title={choices.length === 0 ? 'Only per-user profiles had this version: pins apply to system and home-manager generations' : 'Preview a pin to this version'}
        >
          Pin this version…
        </button>
      </td>
    </tr>
  );
}

/** The "Find versions" box. */
export function PinVersionsFinder() {
  const id = useId();
  const suggestions = usePins((state) => state.suggestions);
  const findVersions = usePins((state) => state.findVersions);
  const profiles = useGenerations((state) => state.list?.profiles ?? null);
  const [attr, setAttr] = useState('');

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void findVersions(attr);
  }

  return (
    <section className="pin-finder" aria-labelledby={`${id}-title`} data-testid="pin-finder">
      <h2 id={`${id}-title`}>Find versions</h2>
      <p className="muted">Every version of a package in this machine&apos;s generations, and the nixpkgs revision each came from.</p>
      <form className="pin-finder-form" role="search" onSubmit={submit}>
        <label htmlFor={`${id}-attr`} className="sr-only">Package attribute</label>
        <input
          id={`${id}-attr`}
          className="search-input"
          value={attr}
          spellCheck={false}
          placeholder="Attribute, e.g. kicad"
          maxLength={200}
          onChange={(event) => setAttr(event.target.value)}
          data-testid="pin-find-input"
        />
        <button type="submit" className="button" disabled={attr.trim() === '' || suggestions?.loading === true} data-testid="pin-find">Find</button>
      </form>
      {suggestions?.loading && <p className="progress" role="status"><Spinner />Looking for {suggestions.attr} in every generation…</p>}
      {suggestions?.error && (
        <div className="error-box" role="alert" data-testid="pin-find-error">
          <ErrorDetails error={suggestions.error} />
        </div>
      )}
      {suggestions?.value && (
        suggestions.value.versions.length === 0 ? (
          <p role="status" data-testid="pin-find-none">No generation on this machine has {suggestions.value.attr}.</p>
        ) : (
          <div className="pin-table-wrap">
            <table className="pin-table" data-testid="pin-versions" aria-label={`Versions of ${suggestions.value.attr}`}>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Generations</th>
                  <th scope="col">nixpkgs</th>
                  <th scope="col">Store</th>
                  <th scope="col"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {suggestions.value.versions.map((found) => <VersionRow key={found.version} attr={suggestions.value!.attr} found={found} profiles={profiles} />)}
              </tbody>
            </table>
          </div>
        )
      )}
    </section>
  );
}
