// The history chart itself: an SVG of closure size and package count per generation, channel updates marked,
// one focusable point per generation (arrow keys move between them), and a tooltip on hover or focus.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryPoint } from '../../../../common/contract/index.ts';
import { formatAbsolute } from '../../../shared/lib/format-date.ts';
import { pointFacts, pointLabel } from '../lib/history-labels.ts';
import { hitBands, layoutHistory, seriesPath, type ChartBox, type XMode } from '../lib/history-layout.ts';
import { shortRevision } from '../../../shared/lib/revision.ts';

/** Height of the plot in pixels. */
export const PLOT_HEIGHT = 150;

const MARGINS = { top: 16, right: 54, bottom: 22, left: 64 } as const;

/** Dates on the x axis in the machine's time zone, like the rest of the window. */
const localDate = (ms: number): string => formatAbsolute(ms).slice(0, 10);

/** Props of {@link HistoryPlot}. */
export type HistoryPlotProps = {
  points: readonly HistoryPoint[];
  width: number;
  xMode: XMode;
  /** Generation numbers to ring: the one selected, or the two sides of the diff shown. */
  marked: readonly number[];
  /** The number that stands out most (and takes keyboard focus first). */
  focusNumber: number | null;
  onPick: (number: number) => void;
  label: string;
};

/** The plot. */
export function HistoryPlot({ points, width, xMode, marked, focusNumber, onPick, label }: HistoryPlotProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const layout = useMemo(() => {
    const box: ChartBox = { width, height: PLOT_HEIGHT, ...MARGINS };
    return layoutHistory(points, box, xMode, localDate);
  }, [points, width, xMode]);
  const bands = useMemo(() => hitBands(layout.points), [layout]);
  const [hover, setHover] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const fallbackFocus = Math.max(0, layout.points.findIndex((entry) => entry.point.number === focusNumber));
  const [roving, setRoving] = useState<number | null>(null);
  const tabIndexAt = roving !== null && roving < layout.points.length ? roving : fallbackFocus;
  const { plot } = layout;

  function focusPoint(index: number): void {
    setRoving(index);
    svgRef.current?.querySelector<SVGGElement>(`[data-point-index="${index}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<SVGGElement>, index: number): void {
    const last = layout.points.length - 1;
    const moves: Record<string, number> = { ArrowLeft: index - 1, ArrowRight: index + 1, ArrowDown: index - 1, ArrowUp: index + 1, Home: 0, End: last };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusPoint(Math.min(last, Math.max(0, target)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const entry = layout.points[index];
      if (entry && index > 0) onPick(entry.point.number);
    }
  }

  const tipIndex = hover ?? focused;
  const tip = tipIndex === null ? undefined : layout.points[tipIndex];
  const sizePath = seriesPath(layout.points, (entry) => entry.sizeY);
  const countPath = seriesPath(layout.points, (entry) => entry.countY);

  return (
    <div className="history-plot" onMouseLeave={() => setHover(null)}>
      <svg ref={svgRef} width={width} height={PLOT_HEIGHT} viewBox={`0 0 ${width} ${PLOT_HEIGHT}`} role="group" aria-label={label} className="history-svg">
        {layout.sizeTicks.map((tick) => (
          <g key={`s${tick.value}`} className="axis-size">
            <line x1={plot.left} x2={plot.right} y1={tick.position} y2={tick.position} className="grid-line" />
            <text x={plot.left - 6} y={tick.position} dy="0.32em" textAnchor="end">{tick.label}</text>
          </g>
        ))}
        {layout.countTicks.map((tick) => (
          <text key={`c${tick.value}`} className="axis-count" x={plot.right + 6} y={tick.position} dy="0.32em" textAnchor="start">{tick.label}</text>
        ))}
        {layout.xTicks.map((tick, index) => {
          const last = layout.xTicks.length - 1;
          const anchor = last > 0 && index === 0 ? 'start' : last > 0 && index === last ? 'end' : 'middle';
          return <text key={`x${tick.value}`} className="axis-x" x={tick.position} y={PLOT_HEIGHT - 6} textAnchor={anchor}>{tick.label}</text>;
        })}

        {layout.channelUpdates.map((entry) => {
          const revision = entry.point.nixpkgsRevision ?? '';
          return (
            <g key={`u${entry.point.number}`} className="channel-update" data-testid="channel-update" data-number={entry.point.number} data-revision={revision}>
              <title>{`nixpkgs updated to ${shortRevision(revision) || 'an unknown revision'} in generation ${entry.point.number}`}</title>
              <line x1={entry.x} x2={entry.x} y1={plot.top} y2={plot.bottom} className="channel-line" />
              <path d={`M${entry.x - 4} ${plot.top - 10}h8l-4 7z`} className="channel-mark" />
              <rect x={entry.x - 6} y={0} width={12} height={plot.top} className="hit" />
            </g>
          );
        })}

        <path d={sizePath} className="series series-size" />
        <path d={countPath} className="series series-count" />

        {layout.points.map((entry, index) => {
          const band = bands[index] ?? { x0: entry.x - 4, x1: entry.x + 4 };
          const previous = layout.points[index - 1]?.point.number ?? null;
          const isMarked = marked.includes(entry.point.number);
          return (
            <g
              key={entry.point.number}
              role="button"
              tabIndex={index === tabIndexAt ? 0 : -1}
              aria-label={pointLabel(entry.point, previous)}
              aria-disabled={previous === null ? true : undefined}
              className={isMarked ? 'history-point marked' : 'history-point'}
              data-testid="history-point"
              data-number={entry.point.number}
              data-point-index={index}
              data-channel-update={entry.point.channelUpdate}
              onMouseEnter={() => setHover(index)}
              onFocus={() => { setFocused(index); setRoving(index); }}
              onBlur={() => setFocused(null)}
              onClick={() => { if (previous !== null) onPick(entry.point.number); }}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              <rect x={band.x0} y={plot.top} width={band.x1 - band.x0} height={plot.bottom - plot.top} className="hit" />
              {(isMarked || index === tipIndex) && <line x1={entry.x} x2={entry.x} y1={plot.top} y2={plot.bottom} className="point-guide" />}
              {entry.sizeY !== null && <circle cx={entry.x} cy={entry.sizeY} r={isMarked ? 4.5 : 3} className="marker marker-size" />}
              {entry.countY !== null && <rect x={entry.x - (isMarked ? 4 : 2.5)} y={entry.countY - (isMarked ? 4 : 2.5)} width={isMarked ? 8 : 5} height={isMarked ? 8 : 5} className="marker marker-count" />}
              <circle cx={entry.x} cy={entry.sizeY ?? entry.countY ?? (plot.top + plot.bottom) / 2} r={8} className="point-ring" />
            </g>
          );
        })}
      </svg>
      {tip && (
        <div
          className="history-tooltip"
          role="tooltip"
          data-testid="history-tooltip"
          style={tip.x < width / 2 ? { left: tip.x + 14 } : { right: width - tip.x + 14 }}
        >
          {pointFacts(tip.point).map((fact, index) => <div key={fact} className={index === 0 ? 'tip-title' : undefined}>{fact}</div>)}
          {tipIndex === 0 ? <div className="muted">The oldest generation</div> : <div className="muted">Click to compare with the one before</div>}
        </div>
      )}
    </div>
  );
}
