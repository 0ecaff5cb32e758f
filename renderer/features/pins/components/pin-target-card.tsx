// One overlay target in the Pins view: its pins (version, source, reason, age, origin, whether the
// current generation carries it, problems), Unpin with a confirmation, and the wiring line.
import { useEffect, useRef, useState } from 'react';
import type { Pin, PinTarget } from '../../../../common/contract/index.ts';
import { formatAbsolute } from '../../../shared/lib/format-date.ts';
import { OLD_PIN_DAYS, fromGenerationText, pinAge, problemCount, sourceAtRev, worstSeverity } from '../lib/pin-format.ts';
import { pinsInOrder, problemsOf, targetProblems } from '../lib/pin-rules.ts';
import { pinKey } from '../store/pins-store.ts';
import { useNow, usePins } from '../../../shared/stores/bound-stores.ts';
import { Spinner } from '../../../shared/components/icons.tsx';
import { PinIcon, ProblemList } from './pin-badge.tsx';
import { WiringBlock } from './pin-wiring.tsx';

const KIND_WORDS: Record<PinTarget['kind'], string> = { system: 'NixOS system', home: 'home-manager' };

function Carried({ target, pin }: { target: PinTarget; pin: Pin }) {
  const carried = target.carried.find((entry) => entry.attr === pin.attr);
  if (!carried) return <span className="missing" data-field="carried" data-value="unknown" title="Gentry could not tell which version the current generation has">unknown</span>;
  const versions = carried.currentVersions.length > 0 ? carried.currentVersions.join(', ') : 'none';
  if (carried.carried) {
    return <span className="pin-active" data-field="carried" data-value="true" title={`The current generation has ${pin.attr} ${versions}`}>active</span>;
  }
  return (
    <span className="pin-inactive" data-field="carried" data-value="false" title={`The current generation has ${pin.attr} ${versions}: rebuild to use the pinned version`}>
      not active yet — rebuild
      <span className="muted pin-current">now {versions}</span>
    </span>
  );
}

function UnpinControl({ target, pin }: { target: PinTarget; pin: Pin }) {
  const unpin = usePins((state) => state.unpin);
  const busy = usePins((state) => state.unpinning === pinKey(target.name, pin.attr));
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);
  if (busy) return <span className="progress" role="status"><Spinner />Unpinning…</span>;
  if (!asking) {
    return (
      <button type="button" className="button button-small" onClick={() => setAsking(true)} data-testid="pin-unpin" title={`Remove ${pin.attr} from ${target.name}'s pins.json (the next rebuild takes the channel's version again)`}>
        Unpin
      </button>
    );
  }
  return (
    <span className="pin-unpin-confirm" role="group" aria-label={`Unpin ${pin.attr}?`} onKeyDown={(event) => { if (event.key === 'Escape') setAsking(false); }}>
      <span>Unpin {pin.attr}?</span>
      <button type="button" className="button button-small button-danger-outline" onClick={() => { setAsking(false); void unpin(target.name, pin.attr); }} data-testid="pin-unpin-confirm">Unpin</button>
      <button ref={keepRef} type="button" className="button button-small" onClick={() => setAsking(false)} data-testid="pin-unpin-keep">Keep</button>
    </span>
  );
}

function PinRows({ target, pin, now }: { target: PinTarget; pin: Pin; now: number }) {
  const problems = problemsOf(target, pin.attr);
  const failure = usePins((state) => (state.unpinFailure?.target === target.name && state.unpinFailure.attr === pin.attr ? state.unpinFailure.error : null));
  const age = pinAge(pin.created, now);
  const created = Date.parse(pin.created);
  const severity = worstSeverity(problems);
  const carried = target.carried.find((entry) => entry.attr === pin.attr);
  return (
    <tbody
      className={`pin-entry${severity ? ` pin-entry-${severity}` : ''}`}
      data-testid="pin-entry"
      data-attr={pin.attr}
      data-version={pin.version}
      data-problems={problems.length}
      data-carried={carried ? String(carried.carried) : 'unknown'}
    >
      <tr>
        <td className="pin-attr"><PinIcon /> {pin.attr}</td>
        <td><code>{pin.version}</code></td>
        <td>
          <code title={`${pin.source} at ${pin.rev}${pin.narHash ? `\nnarHash ${pin.narHash}` : '\nno narHash recorded'}`}>{sourceAtRev(pin)}</code>
        </td>
        <td className="pin-reason">{pin.reason ? <span title={pin.reason}>{pin.reason}</span> : <span className="missing">—</span>}</td>
        <td className="pin-nowrap">
          <span
            className={age.old ? 'warning-text' : undefined}
            title={`${Number.isNaN(created) ? pin.created : formatAbsolute(created)}${age.old ? ` — older than ${OLD_PIN_DAYS} days: the regression may be fixed upstream` : ''}`}
            data-field="age"
            data-old={age.old}
          >
            {age.text}
          </span>
        </td>
        <td className="pin-nowrap">{pin.fromGeneration ? fromGenerationText(pin) : <span className="missing" title="Pinned by hand, not from a generation">by hand</span>}</td>
        <td><Carried target={target} pin={pin} /></td>
        <td className="pin-actions"><UnpinControl target={target} pin={pin} /></td>
      </tr>
      {(problems.length > 0 || failure) && (
        <tr className="pin-problems-row">
          <td colSpan={8}>
            <ProblemList problems={problems} label={`Problems with the ${pin.attr} pin: ${problemCount(problems.length)}`} />
            {failure && (
              <div className="error-box" role="alert" data-testid="pin-unpin-error">
                <span className="error-message">{failure.message}</span>
                {failure.hint !== null && <span className="error-hint">{failure.hint}</span>}
              </div>
            )}
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** A target's card. */
export function PinTargetCard({ target }: { target: PinTarget }) {
  const now = useNow();
  const general = targetProblems(target);
  return (
    <section className="pin-target" aria-label={`Overlay target ${target.name}`} data-testid="pin-target" data-name={target.name} data-kind={target.kind} data-count={target.pins.length}>
      <header className="pin-target-header">
        <h2>{target.name}</h2>
        <span className="chip" title="The generations this overlay is for">{KIND_WORDS[target.kind]}</span>
        <code className="pin-target-path selectable" title="The directory holding pins.json and overlay.nix">{target.path}</code>
        <span className="toolbar-spacer" />
        <span className="muted">{target.pins.length === 1 ? '1 pin' : `${target.pins.length} pins`}</span>
      </header>
      <ProblemList problems={general} label={`Problems with the target ${target.name}`} />
      {target.pins.length === 0 ? (
        <p className="muted pin-none" data-testid="pin-none">
          No pins yet. In a diff of two generations, expand a package that changed and use “Pin to …”, or find a version below.
        </p>
      ) : (
        <div className="pin-table-wrap">
          <table className="pin-table">
            <thead>
              <tr>
                <th scope="col">Package</th>
                <th scope="col">Pinned</th>
                <th scope="col">Source</th>
                <th scope="col">Reason</th>
                <th scope="col">Age</th>
                <th scope="col">From</th>
                <th scope="col">Current generation</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            {pinsInOrder(target.pins).map((pin) => <PinRows key={pin.attr} target={target} pin={pin} now={now} />)}
          </table>
        </div>
      )}
      <WiringBlock wiring={target.wiring} />
    </section>
  );
}
