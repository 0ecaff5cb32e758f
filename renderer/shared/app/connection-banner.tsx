// The banner shown while the page has lost its link to Gentry (browser only; Electron never loses it).
import { useConnection } from '../stores/bound-stores.ts';
import { Spinner } from '../components/icons.tsx';

/** Says the connection is lost and being retried, with a button to retry now. */
export function ConnectionBanner() {
  const status = useConnection((state) => state.status);
  const retryNow = useConnection((state) => state.retryNow);
  if (status.phase !== 'lost') return null;
  return (
    <div className="banner banner-warning" role="alert" data-testid="connection-lost">
      <Spinner />
      <div className="banner-text">
        <strong>{status.everConnected ? 'Connection to Gentry lost, reconnecting…' : `Cannot reach Gentry at ${window.location.host}, retrying…`}</strong>
        <span>
          {status.everConnected
            ? ' What you see may be out of date until the connection is back.'
            : ' Check that "gentry serve" is still running, then reload this page.'}
          {status.failures > 1 && ` (${status.failures} attempts so far)`}
        </span>
      </div>
      <button type="button" className="button" onClick={retryNow} disabled={status.retryAt === null}>Retry now</button>
    </div>
  );
}
