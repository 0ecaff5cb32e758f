// The Boot menu section (being built).

/** The Boot menu section. */
export function BootView() {
  return (
    <div className="panel-center" data-testid="boot-view">
      <section className="panel">
        <h1>Boot menu</h1>
        <p>This section is being built.</p>
      </section>
    </div>
  );
}
