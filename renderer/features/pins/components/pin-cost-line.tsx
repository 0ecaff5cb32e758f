// The cost line of the pin dialog (issue 16): "fetch 312.0 MiB from cache.nixos.org, build nothing",
// "build 1,214 derivations including gcc-13.2.0, …", or "not checked: <reason>". It asks for the cost of
// the entry the preview shows; the dialog's Pin waits until it is settled (usePinCostSettled).
import { useEffect } from 'react';
import type { Pin } from '../../../../common/contract/index.ts';
import { cacheName, pinCostLine } from '../../../../common/pin-cost-text.ts';
import { usePinCost } from '../../../shared/stores/bound-stores.ts';
import { Spinner } from '../../../shared/components/icons.tsx';
import { costSettled, pinCostKey, type PinCostSubject } from '../store/pin-cost-store.ts';

/** True when the cost of `entry` is known or its unknown-ness explained (false while there is no entry). */
export function usePinCostSettled(entry: PinCostSubject | null | undefined): boolean {
  return usePinCost((state) => costSettled(state, entry ?? null));
}

/** The cost of pinning `entry`, in one line, with the details a click away. */
export function PinCostLine({ entry }: { entry: Pin }) {
  const subject: PinCostSubject = { attr: entry.attr, source: entry.source, rev: entry.rev, narHash: entry.narHash };
  const key = pinCostKey(subject);
  const current = usePinCost((state) => (state.current?.key === key ? state.current : null));
  const ask = usePinCost((state) => state.ask);
  useEffect(() => {
    void ask({ attr: entry.attr, source: entry.source, rev: entry.rev, narHash: entry.narHash });
  }, [ask, key, entry.attr, entry.source, entry.rev, entry.narHash]);

  if (current === null || current.checking) {
    return (
      <p className="pin-cost progress" role="status" data-testid="pin-cost-line" data-state="checking">
        <Spinner />Asking Nix what this pin would fetch and build…
      </p>
    );
  }
  if (current.error) {
    return (
      <p className="pin-cost pin-cost-unknown" role="status" data-testid="pin-cost-line" data-state="failed">
        <strong>Cost:</strong> not checked: {current.error.message}
      </p>
    );
  }
  const cost = current.cost;
  if (cost === null) return null;
  const known = cost.state === 'checked';
  return (
    <div className={`pin-cost${known ? '' : ' pin-cost-unknown'}`} data-testid="pin-cost" data-state={cost.state}>
      <p role="status" data-testid="pin-cost-line" data-state={cost.state}>
        <strong>Cost:</strong> {pinCostLine(cost)}
      </p>
      {cost.state !== 'failed' && (
        <details className="pin-cost-details">
          <summary>What Nix would do</summary>
          <ul data-testid="pin-cost-details">
            {cost.state === 'checked' && cost.toBuild.length > 0 && (
              <li>
                Build {cost.toBuild.length}: {cost.toBuild.slice(0, 8).map((b) => b.version ? `${b.name}-${b.version}` : b.name).join(', ')}
                {cost.toBuild.length > 8 ? ` and ${cost.toBuild.length - 8} more` : ''}
              </li>
            )}
            {cost.state === 'checked' && <li>{cost.inStore} paths of its closure are already in this machine's store.</li>}
            {cost.state === 'not-checked' && <li>{cost.missingLocally} derivations are not in this machine's store; some may be in a binary cache.</li>}
            {cost.substituters.map((s) => (
              <li key={s.url}>
                {cacheName(s.url)}: {s.reachable ? `has ${s.has} of the paths to fetch` : `not asked: ${s.reason ?? 'unknown'}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
