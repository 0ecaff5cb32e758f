// One cell of a generation row: the formatted value, the raw value in data-value for tests.
import type { ReactNode } from 'react';
import type { Generation } from '../../../../common/contract/index.ts';
import { barFraction } from '../lib/closure-bar.ts';
import type { ColumnField } from '../lib/columns.ts';
import { formatAbsolute, parseGenerationDate } from '../../../shared/lib/format-date.ts';
import { formatBytesExact, formatSize } from '../../../../common/format-size.ts';
import { formatRelative } from '../../../shared/lib/relative-time.ts';
import { shortRevision } from '../../../shared/lib/revision.ts';
import { GenerationBadges, SpecialisationChips } from '../../../shared/components/badges.tsx';
import { WarningIcon } from '../../../shared/components/icons.tsx';
import { LabelChip } from '../../labels/components/label-chip.tsx';

/** What a cell needs besides its generation: the clock and the profile's largest closure. */
export type CellContext = { now: number; largestClosure: number };

const missing = <span className="missing" aria-label="unknown">—</span>;

function text(value: string | null, title?: string): ReactNode {
  return value === null ? missing : <span className="mono" title={title ?? value}>{value}</span>;
}

function content(field: ColumnField, generation: Generation, context: CellContext): { node: ReactNode; value: string } {
  switch (field) {
    case 'number':
      return { node: generation.number, value: String(generation.number) };
    case 'date': {
      const ms = parseGenerationDate(generation.date);
      if (ms === null) return { node: generation.date, value: generation.date };
      return { node: <time dateTime={generation.date} title={formatAbsolute(ms)}>{formatRelative(ms, context.now)}</time>, value: generation.date };
    }
    case 'nixosVersion':
      return { node: text(generation.nixosVersion), value: generation.nixosVersion ?? '' };
    case 'homeManagerVersion':
      return { node: text(generation.homeManagerVersion), value: generation.homeManagerVersion ?? '' };
    case 'kernelVersion':
      return { node: text(generation.kernelVersion), value: generation.kernelVersion ?? '' };
    case 'nixpkgsRevision': {
      const revision = generation.nixpkgsRevision;
      return { node: revision === null ? missing : text(shortRevision(revision), revision), value: revision ?? '' };
    }
    case 'packages': {
      const packages = generation.packages;
      if (packages === null) return { node: missing, value: '' };
      const title = packages.slice(0, 30).join(', ') + (packages.length > 30 ? ', …' : '');
      return { node: <span title={title}>{packages.length} {packages.length === 1 ? 'package' : 'packages'}</span>, value: String(packages.length) };
    }
    case 'specialisations':
      return {
        node: <span className="chips" title={generation.specialisations.join(', ')}><SpecialisationChips names={generation.specialisations} /></span>,
        value: generation.specialisations.join(','),
      };
    case 'closureSize': {
      const size = generation.closureSize;
      if (size === null) return { node: missing, value: '' };
      return {
        node: (
          <span className="size" title={formatBytesExact(size)}>
            <span className="size-text">{formatSize(size)}</span>
            <span className="size-bar" aria-hidden="true">
              <span className="size-bar-fill" style={{ width: `${(barFraction(size, context.largestClosure) * 100).toFixed(1)}%` }} />
            </span>
          </span>
        ),
        value: String(size),
      };
    }
    case 'status':
      return {
        node: (
          <>
            <GenerationBadges generation={generation} />
            {generation.problem !== null && (
              <span className="row-problem" data-field="problem" data-value={generation.problem}>
                <WarningIcon label={generation.problem} />
              </span>
            )}
          </>
        ),
        value: [generation.current ? 'current' : '', generation.booted ? 'booted' : ''].filter(Boolean).join(','),
      };
  }
}

/** One cell of the generation list; `withLabel` puts the generation's label chip first in it. */
export function GenerationCell({ field, generation, context, withLabel = false }: { field: ColumnField; generation: Generation; context: CellContext; withLabel?: boolean }) {
  const { node, value } = content(field, generation, context);
  const label = withLabel && generation.label !== null ? <LabelChip label={generation.label} note={generation.note} max={32} /> : null;
  return <div className={`cell cell-${field}${label ? ' has-label' : ''}`} data-field={field} data-value={value}>{label}{node}</div>;
}
