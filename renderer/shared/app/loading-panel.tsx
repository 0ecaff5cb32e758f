// Shown until the machine and its profiles have loaded.
import { useConnection } from '../stores/bound-stores.ts';
import { Spinner } from '../components/icons.tsx';

/** The loading state, saying whether Gentry is connecting or reading profiles. */
export function LoadingPanel() {
  const phase = useConnection((state) => state.status.phase);
  return (
    <div className="panel-center">
      <div className="loading" role="status" data-testid="loading">
        <Spinner />
        {phase === 'open' ? 'Reading profiles…' : 'Connecting to Gentry…'}
      </div>
    </div>
  );
}
