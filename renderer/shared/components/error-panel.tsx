// A call failed and there is nothing to show instead: what happened, what to do, and a retry.
import type { GentryErrorShape } from '../../../common/contract/index.ts';

/** The typed error of a failed call: its message and hint. */
export function ErrorDetails({ error }: { error: GentryErrorShape }) {
  return (
    <>
      <p className="error-message" data-field="message">{error.message}</p>
      {error.hint && <p className="error-hint" data-field="hint">{error.hint}</p>}
    </>
  );
}

/** A full-window error with a retry button. */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: GentryErrorShape; onRetry: () => void }) {
  return (
    <div className="panel-center">
      <section className="panel panel-error" role="alert" data-testid="error-panel" data-code={error.code}>
        <h1>{title}</h1>
        <ErrorDetails error={error} />
        <div className="panel-actions">
          <button type="button" className="button button-primary" onClick={onRetry}>Try again</button>
        </div>
      </section>
    </div>
  );
}
