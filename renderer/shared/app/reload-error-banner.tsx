// Shown over a loaded list when refreshing it failed: the old list stays, with the error and a retry.
import { useGenerations } from '../stores/bound-stores.ts';

/** The banner for a failed refresh (nothing when the last load succeeded). */
export function ReloadErrorBanner() {
  const error = useGenerations((state) => state.error);
  const reload = useGenerations((state) => state.load);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="reload-error">
      <div className="banner-text">
        <strong>Could not refresh the profiles: {error.message}</strong>
        {error.hint && <span> {error.hint}</span>}
      </div>
      <button type="button" className="button" onClick={() => void reload()}>Try again</button>
    </div>
  );
}
