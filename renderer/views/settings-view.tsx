// The Settings section (being built).

/** The Settings section. */
export function SettingsView() {
  return (
    <div className="panel-center" data-testid="settings-view">
      <section className="panel">
        <h1>Settings</h1>
        <p>This section is being built.</p>
      </section>
    </div>
  );
}
