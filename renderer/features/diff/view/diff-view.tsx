// The diff view: what changed between two generations, as a summary, a filterable virtualised table and
// a history chart to move between generations; Esc goes back to the generations.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Diff, Profile } from '../../../../common/contract/index.ts';
import { formatSizePair } from '../../../../common/format-size.ts';
import { SELECTION_INFO } from '../../../../common/diff-kinds.ts';
import { DiffHeader } from '../components/diff-header.tsx';
import { DiffSummary } from '../components/diff-summary.tsx';
import { DiffTable } from '../components/diff-table.tsx';
import { DiffToolbar } from '../components/diff-toolbar.tsx';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { HistoryChart } from '../../history/components/history-chart.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';
import { useOpenDiff } from '../components/use-open-diff.ts';
import { formatSizeDelta } from '../../../../common/diff-format.ts';
import { diffKey, refKey } from '../lib/diff-key.ts';
import { ascendingNumbers, pairWithPrevious, steppedPair, type DiffPair } from '../lib/diff-pairs.ts';
import { visibleRows } from '../lib/diff-rows.ts';
import { rowsAsText } from '../lib/diff-text.ts';
import { markDiffReady } from '../../../shared/app/page-flags.ts';
import { useDiff, useDiffFilter, useGenerations } from '../../../shared/stores/bound-stores.ts';
import { filterOf } from '../store/diff-filter-store.ts';

function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function pairTitle(pair: DiffPair): string {
  const same = pair.from.kind === pair.to.kind && pair.from.name === pair.to.name;
  return same ? `${pair.to.name} #${pair.from.number} → #${pair.to.number}` : `${refKey(pair.from)} → ${refKey(pair.to)}`;
}

function copyTitle(pair: DiffPair, diff: Diff, shown: number): string {
  const { closureSizeBefore: before, closureSizeAfter: after } = diff.summary;
  const total = diff.packages.length;
  const filtered = shown === total ? '' : `, ${shown} of ${total} packages shown`;
  const [b, a] = formatSizePair(before, after);
  return `${pairTitle(pair)} (closure ${b} → ${a}, ${formatSizeDelta(after - before)}${filtered})`;
}

/** The diff view (shown while the diff store has a pair open). */
export function DiffView() {
  const pair = useDiff((state) => state.pair);
  const profiles = useGenerations((state) => state.list?.profiles ?? null);
  if (!pair) return null;
  const profile = profiles?.find((candidate) => candidate.kind === pair.to.kind && candidate.name === pair.to.name) ?? null;
  return <DiffScreen pair={pair} profile={profile} />;
}

function DiffScreen({ pair, profile }: { pair: DiffPair; profile: Profile | null }) {
  const diff = useDiff((state) => state.diff);
  const loading = useDiff((state) => state.loading);
  const error = useDiff((state) => state.error);
  const retry = useDiff((state) => state.retry);
  const close = useDiff((state) => state.close);
  const openDiff = useOpenDiff();
  const searchRef = useRef<HTMLInputElement>(null);

  const sameProfile = pair.from.kind === pair.to.kind && pair.from.name === pair.to.name;
  const numbers = useMemo(() => (profile ? ascendingNumbers(profile) : []), [profile]);
  const older = useMemo(() => (sameProfile ? steppedPair(numbers, pair, -1) : null), [sameProfile, numbers, pair]);
  const newer = useMemo(() => (sameProfile ? steppedPair(numbers, pair, 1) : null), [sameProfile, numbers, pair]);
  const ready = diff !== null && !loading;
  const state = loading ? 'loading' : error ? 'error' : diff && diff.packages.length === 0 ? 'empty' : diff ? 'ready' : 'loading';

  // Tests wait on this flag; set it in the same commit that shows the diff.
  useLayoutEffect(() => markDiffReady(ready), [ready, pair]);
  useLayoutEffect(() => () => markDiffReady(null), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (typingInto(event.target)) {
        // Esc in a field (the search, already emptied by its own handler) leaves the field, not the diff.
        if (event.key === 'Escape' && event.target instanceof HTMLElement) {
          event.preventDefault();
          event.target.blur();
        }
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return;
      }
      const step = event.key === '[' ? older : event.key === ']' ? newer : undefined;
      if (step !== undefined) {
        event.preventDefault();
        if (step) openDiff(step);
      } else if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [close, older, newer, openDiff]);

  const onPickPoint = useCallback((number: number) => {
    const next = profile ? pairWithPrevious(profile, number) : null;
    if (next) openDiff(next);
  }, [profile, openDiff]);
  const marked = useMemo(() => (sameProfile ? [pair.from.number, pair.to.number] : [pair.to.number]), [sameProfile, pair]);

  return (
    <section
      className="diff-view"
      aria-label={`Differences ${pairTitle(pair)}`}
      data-testid="diff-view"
      data-from={refKey(pair.from)}
      data-to={refKey(pair.to)}
      data-state={state}
    >
      <DiffHeader pair={pair} profile={profile} onBack={close} onOpen={openDiff} older={older} newer={newer} />
      {profile && <HistoryChart profile={profile} marked={marked} focusNumber={pair.to.number} onPick={onPickPoint} />}
      {loading && (
        <div className="diff-message" role="status" data-testid="diff-loading">
          <Spinner /> Comparing generation {pair.from.number} with {pair.to.number}…
        </div>
      )}
      {!loading && error && (
        <div className="panel-center">
          <section className="panel panel-error" role="alert" data-testid="diff-error" data-code={error.code}>
            <h1>Gentry could not compare these generations</h1>
            <ErrorDetails error={error} />
            <div className="panel-actions">
              <button type="button" className="button button-primary" onClick={() => void retry()}>Try again</button>
              <button type="button" className="button" onClick={close}>Back to the generations</button>
            </div>
          </section>
        </div>
      )}
      {!loading && diff && <DiffBody key={diffKey(pair.from, pair.to)} pair={pair} diff={diff} searchRef={searchRef} />}
    </section>
  );
}

function DiffBody({ pair, diff, searchRef }: { pair: DiffPair; diff: Diff; searchRef: RefObject<HTMLInputElement | null> }) {
  const filter = useDiffFilter(useShallow(filterOf));
  const sort = useDiffFilter((state) => state.sort);
  const actions = useDiffFilter(useShallow((state) => ({
    toggleKind: state.toggleKind, showAllKinds: state.showAllKinds, setSearch: state.setSearch, setSelectedOnly: state.setSelectedOnly, sortBy: state.sortBy,
  })));
  const rows = useMemo(() => visibleRows(diff.packages, filter, sort), [diff.packages, filter, sort]);
  const copyable = useCallback(() => rowsAsText(rows, { title: copyTitle(pair, diff, rows.length), legend: true }), [rows, pair, diff]);

  return (
    <>
      <DiffSummary summary={diff.summary} hiddenKinds={filter.hiddenKinds} onToggleKind={actions.toggleKind} onShowAll={actions.showAllKinds} />
      {diff.packages.length === 0 ? (
        <div className="panel-center">
          <section className="panel" data-testid="diff-empty">
            <h2>No differences</h2>
            <p>
              Generations {pair.from.number} and {pair.to.number} hold the same packages.
              {(diff.summary.pathsAdded > 0 || diff.summary.pathsRemoved > 0) &&
                ` Some store paths that belong to no package differ (${diff.summary.pathsAdded} added, ${diff.summary.pathsRemoved} removed).`}
            </p>
          </section>
        </div>
      ) : (
        <>
          <DiffToolbar
            search={filter.search}
            selectedOnly={filter.selectedOnly}
            shown={rows.length}
            total={diff.packages.length}
            onSearch={actions.setSearch}
            onSelectedOnly={actions.setSelectedOnly}
            copyableText={copyable}
            searchRef={searchRef}
          />
          <DiffLegend />
          {filter.hiddenKinds.includes('rebuilt') && diff.summary.rebuilt > 0 && (
            <div className="diff-folded" data-testid="diff-rebuilt-hidden" data-count={diff.summary.rebuilt}>
              <span className="muted">{diff.summary.rebuilt} rebuilt {diff.summary.rebuilt === 1 ? 'package is' : 'packages are'} hidden (same versions, new store paths).</span>
              <button type="button" className="chip chip-button" data-testid="diff-rebuilt-show" onClick={() => actions.toggleKind('rebuilt')}>
                Show {diff.summary.rebuilt} rebuilt
              </button>
            </div>
          )}
          <DiffTable rows={rows} total={diff.packages.length} sort={sort} onSort={actions.sortBy} label={`Packages that differ, ${pairTitle(pair)}`} />
        </>
      )}
    </>
  );
}

/** What the Sel. column's marks mean (they were only in tooltips). */
function DiffLegend() {
  const marks = (['both', 'after', 'before'] as const).map((k) => ({ key: k, ...SELECTION_INFO[k] }));
  return (
    <p className="diff-legend muted" data-testid="diff-legend">
      <span className="diff-legend-title">Sel.</span>
      {marks.map((m) => <span key={m.key} className={`diff-legend-mark selection-${m.key}`}><span aria-hidden="true">{m.symbol}</span> {m.label.toLowerCase()}</span>)}
      <span className="diff-legend-mark">blank: {SELECTION_INFO.none.label.toLowerCase()}</span>
      <span className="diff-legend-note">(selected: in environment.systemPackages, home.packages or the user profile)</span>
    </p>
  );
}
