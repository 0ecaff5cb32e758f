// The boot view's heading: loader and ESP, the timeout, the default and the next-boot entry with
// where each comes from, and the actions on them (clear a pinned default or the one-shot, the timeout).
import type { BootMenu } from '../../../../common/contract/index.ts';
import { entryName } from '../lib/boot-rows.ts';
import { isPinned, loaderLine, timeoutText } from '../lib/boot-wording.ts';
import { useBoot } from '../../../shared/stores/bound-stores.ts';
import { SourceChip } from './boot-markers.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';

function nameOf(menu: BootMenu, id: string): string {
  const entry = menu.entries.find((candidate) => candidate.id === id);
  return entry ? entryName(entry) : id;
}

/** The heading of the boot view. */
export function BootHeader({ menu }: { menu: BootMenu }) {
  const open = useBoot((state) => state.open);
  const reload = useBoot((state) => state.load);
  const loading = useBoot((state) => state.loading);
  const effective = menu.entries.find((entry) => entry.isDefault) ?? null;
  const pinned = menu.default !== null && isPinned(menu.default.source);
  const isSystemdBoot = menu.loader === 'systemd-boot';
  return (
    <header
      className="boot-header"
      data-testid="boot-header"
      data-loader={menu.loader}
      data-timeout={menu.timeout?.value ?? ''}
      data-timeout-source={menu.timeout?.source ?? ''}
      data-default={effective?.id ?? ''}
      data-default-source={menu.default?.source ?? ''}
      data-oneshot={menu.oneshot?.id ?? ''}
    >
      <div className="boot-title">
        <h1>Boot menu</h1>
        <span className="muted" data-testid="boot-loader">{loaderLine(menu)}</span>
        <span className="muted">· {menu.entries.length} {menu.entries.length === 1 ? 'entry' : 'entries'}, in the order the menu shows them</span>
        <span className="header-spacer" />
        {loading && <span className="header-activity" role="status"><Spinner />Reading…</span>}
        <button type="button" className="button button-small" onClick={() => void reload()} disabled={loading} data-testid="boot-reload" title="Read the boot menu again">
          Reload
        </button>
      </div>
      <dl className="boot-settings">
        <div className="boot-setting" data-field="timeout">
          <dt>Timeout</dt>
          <dd>
            <span data-testid="boot-timeout">{timeoutText(menu.timeout?.value ?? null)}</span>
            {menu.timeout && <SourceChip setting="timeout" source={menu.timeout.source} />}
            {isSystemdBoot && (
              <button type="button" className="button button-small" onClick={() => void open({ kind: 'timeout', current: menu.timeout?.value ?? null })} data-testid="boot-timeout-action" title="Change how long the menu waits; shows what would change first">
                Timeout…
              </button>
            )}
          </dd>
        </div>
        <div className="boot-setting" data-field="default">
          <dt>Default</dt>
          <dd>
            {effective ? <span data-testid="boot-default">{entryName(effective)}</span> : <span className="missing">none</span>}
            {menu.default && <SourceChip setting="default" source={menu.default.source} />}
            {menu.default && effective?.id !== menu.default.id && <code className="muted" title="The pattern or ID the setting holds">{menu.default.id}</code>}
            {pinned && (
              <button type="button" className="button button-small" onClick={() => void open({ kind: 'change', change: { action: 'clear-default' }, subject: null })} data-testid="boot-clear-default" title="Remove the pin, so the default NixOS writes counts again">
                Clear pinned default
              </button>
            )}
          </dd>
        </div>
        <div className="boot-setting" data-field="oneshot">
          <dt>Next boot</dt>
          <dd>
            {menu.oneshot ? (
              <>
                <span data-testid="boot-oneshot">{nameOf(menu, menu.oneshot.id)}</span>
                <span className="muted">once, then the default</span>
                <button type="button" className="button button-small" onClick={() => void open({ kind: 'change', change: { action: 'clear-oneshot' }, subject: null })} data-testid="boot-clear-oneshot" title="The next boot starts the default entry again">
                  Clear next boot
                </button>
              </>
            ) : (
              <span className="muted">the default</span>
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
