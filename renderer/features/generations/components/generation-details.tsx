// The details pane: every field of the selected generation.
import type { ReactNode } from 'react';
import type { Generation, ProfileKind } from '../../../../common/contract/index.ts';
import { DETAIL_LABELS, detailFieldsFor, type DetailField } from '../lib/detail-fields.ts';
import { formatAbsolute, parseGenerationDate } from '../../../shared/lib/format-date.ts';
import { formatBytesExact, formatSize } from '../../../../common/format-size.ts';
import { formatRelative } from '../../../shared/lib/relative-time.ts';
import { GenerationBadges, SpecialisationChips } from '../../../shared/components/badges.tsx';
import { WarningIcon } from '../../../shared/components/icons.tsx';
import { PinBadges } from '../../pins/components/pin-badge.tsx';
import { LabelEditor } from '../../labels/components/label-editor.tsx';
import { StorePath } from './store-path.tsx';

const unknown = <span className="missing">unknown</span>;

function mono(value: string | null): ReactNode {
  return value === null ? unknown : <code className="selectable">{value}</code>;
}

function fieldValue(field: DetailField, generation: Generation, now: number, kind: ProfileKind): ReactNode {
  switch (field) {
    case 'number':
      return generation.number;
    case 'date': {
      const ms = parseGenerationDate(generation.date);
      if (ms === null) return generation.date;
      return <><time dateTime={generation.date}>{formatAbsolute(ms)}</time> <span className="muted">({formatRelative(ms, now)})</span></>;
    }
    case 'status':
      return generation.current || generation.booted ? <GenerationBadges generation={generation} /> : <span className="muted">neither current nor booted</span>;
    case 'storePath':
      return generation.storePath === null ? <span className="missing">unreadable link</span> : <StorePath path={generation.storePath} />;
    case 'nixosVersion':
      return mono(generation.nixosVersion);
    case 'nixpkgsRevision':
      return mono(generation.nixpkgsRevision);
    case 'kernelVersion':
      return mono(generation.kernelVersion);
    case 'homeManagerVersion':
      return mono(generation.homeManagerVersion);
    case 'specialisations':
      return generation.specialisations.length === 0 ? <span className="muted">none</span> : <SpecialisationChips names={generation.specialisations} />;
    case 'closureSize':
      return generation.closureSize === null
        ? unknown
        : <>{formatSize(generation.closureSize)} <span className="muted">({formatBytesExact(generation.closureSize)})</span></>;
    case 'packages': {
      const packages = generation.packages;
      if (packages === null) return unknown;
      if (packages.length === 0) return <span className="muted">none</span>;
      const sorted = [...packages].sort((a, b) => a.localeCompare(b));
      return (
        <>
          <span className="muted">{packages.length} {packages.length === 1 ? 'package' : 'packages'}</span>
          <ul className="package-list">{sorted.map((name, index) => <li key={`${name}-${index}`}><code>{name}</code> <PinBadges name={name} kind={kind} /></li>)}</ul>
        </>
      );
    }
  }
}

function rawValue(field: DetailField, generation: Generation): string {
  switch (field) {
    case 'status': return [generation.current ? 'current' : '', generation.booted ? 'booted' : ''].filter(Boolean).join(',');
    case 'specialisations': return generation.specialisations.join(',');
    case 'packages': return generation.packages?.join(',') ?? '';
    default: {
      const value = generation[field];
      return value === null ? '' : String(value);
    }
  }
}

/** Props of {@link GenerationDetails}. */
export type GenerationDetailsProps = {
  kind: ProfileKind;
  generation: Generation | null;
  now: number;
  /** Controls shown under the title (the compare buttons). */
  actions?: ReactNode;
};

/** The details pane for one generation (a hint when none is selected). */
export function GenerationDetails({ kind, generation, now, actions }: GenerationDetailsProps) {
  if (!generation) {
    return (
      <aside className="details" aria-label="Generation details" data-testid="generation-details">
        <p className="muted details-empty">Select a generation to see its details.</p>
      </aside>
    );
  }
  return (
    <aside className="details" aria-label={`Generation ${generation.number} details`} data-testid="generation-details" data-number={generation.number}>
      <h2 className="details-title">
        Generation {generation.number} <GenerationBadges generation={generation} />
      </h2>
      <LabelEditor key={generation.number} kind={kind} generation={generation} />
      {actions}
      {generation.problem !== null && (
        <div className="error-box" role="note" data-field="problem" data-value={generation.problem}>
          <WarningIcon label="Problem" />
          <span><strong>Gentry could not read this generation fully:</strong> {generation.problem}</span>
        </div>
      )}
      <dl className="details-fields">
        {detailFieldsFor(kind, generation).map((field) => (
          <div key={field} className={`details-row details-${field}`} data-field={field} data-value={rawValue(field, generation)}>
            <dt>{DETAIL_LABELS[field]}</dt>
            <dd>{fieldValue(field, generation, now, kind)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
