// What the boot view shows when Gentry found no boot loader: where it looked, and how to point it elsewhere.
import type { BootMenu } from '../../../../common/contract/index.ts';
import { placesLooked } from '../lib/boot-wording.ts';

/** The "no boot loader" panel. */
export function BootEmpty({ menu, onReload }: { menu: BootMenu; onReload: () => void }) {
  return (
    <div className="panel-center">
      <section className="panel" data-testid="boot-empty" data-loader={menu.loader}>
        <h1>No boot loader found</h1>
        <p>Gentry looked for a systemd-boot (<code>loader/</code>) or GRUB (<code>grub/</code>) directory in:</p>
        <ul className="boot-places">
          {placesLooked(menu.esp).map((place) => <li key={place}><code>{place}</code></li>)}
        </ul>
        <p>
          If the ESP is mounted somewhere else, or not mounted yet, mount it and reload, or tell Gentry where it is:{' '}
          <code>gentry serve --esp /path/to/esp</code> for the web UI, <code>gentry boot list --esp /path/to/esp</code> on the command line.
        </p>
        {menu.warnings.length > 0 && (
          <ul className="muted">
            {menu.warnings.map((warning, index) => <li key={index}>{warning}</li>)}
          </ul>
        )}
        <div className="panel-actions">
          <button type="button" className="button button-primary" onClick={onReload}>Look again</button>
        </div>
      </section>
    </div>
  );
}
