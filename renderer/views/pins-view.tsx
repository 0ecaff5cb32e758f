// The Pins section (being built).

/** The Pins section. */
export function PinsView() {
  return (
    <div className="panel-center" data-testid="pins-view">
      <section className="panel">
        <h1>Pins</h1>
        <p>This section is being built.</p>
      </section>
    </div>
  );
}
