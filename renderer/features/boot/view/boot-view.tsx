// The Boot menu section: the menu as the next boot will show it, in order, with the default and
// next-boot markers, where each setting comes from, the warnings, and the actions on entries (each
// through the helper, after a short preview).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { BootDialog } from '../components/boot-dialog.tsx';
import { BootEmpty } from '../components/boot-empty.tsx';
import { BootEntryDetails } from '../components/boot-entry-details.tsx';
import { BootEntryList } from '../components/boot-entry-list.tsx';
import { BootEntryMenu } from '../components/boot-entry-menu.tsx';
import { BootHeader } from '../components/boot-header.tsx';
import { usePrivilegedUnavailable } from '../../actions/components/use-privileged.ts';
import { BootVerdictBanner } from '../components/boot-verdict.tsx';
import { BootWarnings } from '../components/boot-warnings.tsx';
import { ErrorPanel } from '../../../shared/components/error-panel.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';
import { bootRows, entryActions, entryRequest, indexOfEntry, type BootRow, type EntryActionId } from '../lib/boot-rows.ts';
import { useBoot, useGenerations, useNow } from '../../../shared/stores/bound-stores.ts';

/** The Boot menu section. */
export function BootView() {
  const menu = useBoot((state) => state.menu);
  const error = useBoot((state) => state.error);
  const ensureLoaded = useBoot((state) => state.ensureLoaded);
  const load = useBoot((state) => state.load);

  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  let body;
  if (!menu && error) body = <ErrorPanel title="Gentry could not read the boot menu" error={error} onRetry={() => void load()} />;
  else if (!menu) {
    body = (
      <div className="panel-center">
        <div className="loading" role="status" data-testid="boot-loading"><Spinner />Reading the boot menu…</div>
      </div>
    );
  } else if (menu.loader === 'none') body = <BootEmpty menu={menu} onReload={() => void load()} />;
  else body = <BootMenuScreen />;

  return (
    <div className="boot-view" data-testid="boot-view" data-loader={menu?.loader ?? ''}>
      {body}
      <BootDialog />
    </div>
  );
}

function BootMenuScreen() {
  const menu = useBoot((state) => state.menu);
  const error = useBoot((state) => state.error);
  const selectedId = useBoot((state) => state.selectedId);
  const select = useBoot((state) => state.select);
  const open = useBoot((state) => state.open);
  const profiles = useGenerations((state) => state.list?.profiles ?? null);
  const now = useNow();
  const rows = useMemo(() => (menu ? bootRows(menu, profiles ?? []) : []), [menu, profiles]);
  const [actionsFor, setActionsFor] = useState<{ id: string; anchor: DOMRect } | null>(null);
  const privileged = usePrivilegedUnavailable();

  const act = useCallback((action: EntryActionId, row: BootRow) => {
    setActionsFor(null);
    void open(entryRequest(action, row));
  }, [open]);
  const closeActions = useCallback(() => {
    setActionsFor(null);
    document.querySelector<HTMLElement>('[data-testid=boot-entry-list]')?.focus();
  }, []);

  if (!menu) return null;
  const selected = rows[indexOfEntry(rows, selectedId)] ?? null;
  const menuRow = actionsFor ? rows[indexOfEntry(rows, actionsFor.id)] : undefined;
  return (
    <div className="boot-screen">
      <BootHeader menu={menu} />
      <BootVerdictBanner menu={menu} />
      {error && (
        <div className="banner banner-error" role="alert" data-testid="boot-reload-error">
          <p className="banner-text">Reading the boot menu again failed: {error.message}{error.hint ? ` ${error.hint}` : ''} What shows is the last menu read.</p>
        </div>
      )}
      <BootWarnings warnings={menu.warnings} />
      {rows.length === 0 ? (
        <div className="panel-center">
          <section className="panel" data-testid="boot-no-entries">
            <h2>The menu has no entries</h2>
            <p>{menu.loader === 'grub' ? 'grub.cfg lists no menu entries Gentry can read.' : <>There are no entry files in <code>{menu.esp}/loader/entries</code>. The firmware will fall back to its own boot order.</>}</p>
          </section>
        </div>
      ) : (
        <div className="boot-body">
          <BootEntryList
            rows={rows}
            menu={menu}
            selectedId={selectedId}
            now={now}
            onSelect={select}
            onOpenActions={(id, anchor) => setActionsFor({ id, anchor })}
          />
          <BootEntryDetails row={selected} menu={menu} now={now} onAction={act} />
        </div>
      )}
      {actionsFor && menuRow && (
        <BootEntryMenu
          name={menuRow.name}
          actions={entryActions(menuRow.entry, menu, privileged)}
          anchor={actionsFor.anchor}
          onPick={(action) => act(action, menuRow)}
          onClose={closeActions}
        />
      )}
    </div>
  );
}
