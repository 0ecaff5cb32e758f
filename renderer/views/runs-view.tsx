// The Rebuild section (being built).

/** The Rebuild section. */
export function RunsView() {
  return (
    <div className="panel-center" data-testid="runs-view">
      <section className="panel">
        <h1>Rebuild</h1>
        <p>This section is being built.</p>
      </section>
    </div>
  );
}
