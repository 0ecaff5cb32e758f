// The foldable history chart above a profile's generations (and in the diff view): loads the profile's
// history and draws it; clicking a generation opens its diff against the one before.
import { useEffect, useId, useRef } from 'react';
import type { Profile } from '../../../../common/contract/index.ts';
import { profileKey } from '../../generations/lib/profile-order.ts';
import { useHistory } from '../../../shared/stores/bound-stores.ts';
import { ErrorDetails } from '../../../shared/components/error-panel.tsx';
import { HistoryPlot, PLOT_HEIGHT } from './history-plot.tsx';
import { Spinner } from '../../../shared/components/icons.tsx';
import { useElementWidth } from './use-element-width.ts';

/** Props of {@link HistoryChart}. */
export type HistoryChartProps = {
  profile: Pick<Profile, 'kind' | 'name'>;
  /** Generation numbers to ring on the chart. */
  marked: readonly number[];
  /** The generation that takes keyboard focus first. */
  focusNumber: number | null;
  /** Opens the diff of this generation against the one before. */
  onPick: (number: number) => void;
};

function PlotFrame(props: HistoryChartProps & { label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const key = profileKey(props.profile);
  const entry = useHistory((state) => state.byProfile[key]);
  const xMode = useHistory((state) => state.xMode);
  const load = useHistory((state) => state.load);
  const { kind, name } = props.profile;

  useEffect(() => {
    if (!entry || entry.stale) void load(kind, name);
  }, [entry, load, kind, name]);

  let body;
  if (entry?.points && entry.points.length > 0) {
    body = width > 0 && (
      <HistoryPlot points={entry.points} width={width} xMode={xMode} marked={props.marked} focusNumber={props.focusNumber} onPick={props.onPick} label={props.label} />
    );
  } else if (entry?.error) {
    body = (
      <div className="history-message error-box" role="alert" data-testid="history-error">
        <ErrorDetails error={entry.error} />
        <div><button type="button" className="button button-small" onClick={() => void load(kind, name, true)}>Try again</button></div>
      </div>
    );
  } else if (entry?.points) {
    body = <p className="history-message muted">No generations to chart yet.</p>;
  } else {
    body = <p className="history-message muted" role="status"><Spinner /> Reading the history…</p>;
  }
  return (
    <div ref={ref} className="history-frame" style={{ height: PLOT_HEIGHT }} data-state={entry?.error ? 'error' : entry?.points ? 'ready' : 'loading'}>
      {body}
    </div>
  );
}

/** The history chart with its fold button, legend and x-axis choice. */
export function HistoryChart(props: HistoryChartProps) {
  const open = useHistory((state) => state.chartOpen);
  const setOpen = useHistory((state) => state.setChartOpen);
  const xMode = useHistory((state) => state.xMode);
  const setXMode = useHistory((state) => state.setXMode);
  const bodyId = useId();
  const label = `History of ${props.profile.name}: closure size and package count per generation`;
  return (
    <section className={open ? 'history open' : 'history'} data-testid="history-chart" data-open={open} aria-label={label}>
      <div className="history-bar">
        <button type="button" className="history-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)} data-testid="history-toggle">
          <span className="chevron" aria-hidden="true">{open ? '▾' : '▸'}</span>
          History
        </button>
        {!open && <span className="history-hint muted">closure size and package count per generation; click one to see what it changed</span>}
        {open && (
          <>
            <span className="legend" aria-hidden="true">
              <span className="legend-item"><span className="legend-size" />Closure size (left axis)</span>
              <span className="legend-item"><span className="legend-count" />Packages (right axis)</span>
              <span className="legend-item"><span className="legend-channel" />Channel update</span>
            </span>
            <span className="header-spacer" />
            <span className="segmented" role="group" aria-label="Space generations">
              <button type="button" aria-pressed={xMode === 'index'} onClick={() => setXMode('index')} data-testid="history-x-index">Evenly</button>
              <button type="button" aria-pressed={xMode === 'date'} onClick={() => setXMode('date')} data-testid="history-x-date">By date</button>
            </span>
          </>
        )}
      </div>
      {open && (
        <div id={bodyId} className="history-body">
          <PlotFrame {...props} label={label} />
        </div>
      )}
    </section>
  );
}
