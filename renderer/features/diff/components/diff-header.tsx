// The diff view's heading: back to the generations, which two generations are compared (pickers), older/newer pair.
import type { GenerationRef, Profile } from '../../../../common/contract/index.ts';
import { formatAbsolute, parseGenerationDate } from '../../../shared/lib/format-date.ts';
import type { DiffPair } from '../lib/diff-pairs.ts';
import { newestFirst } from '../../generations/lib/generation-order.ts';
import { findGeneration } from '../../labels/lib/label-lookup.ts';
import { shortLabel } from '../../labels/lib/label-text.ts';
import { useGenerations } from '../../../shared/stores/bound-stores.ts';
import { LabelChip } from '../../labels/components/label-chip.tsx';

/** Props of {@link DiffHeader}. */
export type DiffHeaderProps = {
  pair: DiffPair;
  /** The profile of the newer side, when the list has it (pickers and stepping need it). */
  profile: Profile | null;
  onBack: () => void;
  onOpen: (pair: DiffPair) => void;
  /** The pair one generation older / newer, or null at the ends. */
  older: DiffPair | null;
  newer: DiffPair | null;
};

function sideLabel(ref: GenerationRef): string {
  return `${ref.name} #${ref.number}`;
}

function GenerationPicker({ label, testId, value, other, profile, onPick }: {
  label: string; testId: string; value: number; other: number; profile: Profile; onPick: (number: number) => void;
}) {
  const generations = newestFirst(profile.generations);
  return (
    <label className="picker">
      <span className="picker-label">{label}</span>
      <select className="select" value={value} onChange={(event) => onPick(Number(event.target.value))} data-testid={testId}>
        {generations.map((generation) => {
          const ms = parseGenerationDate(generation.date);
          const when = ms === null ? generation.date : formatAbsolute(ms).slice(0, 16);
          const tags = [generation.current ? 'current' : '', generation.booted ? 'booted' : ''].filter(Boolean).join(', ');
          return (
            <option key={generation.number} value={generation.number} disabled={generation.number === other}>
              #{generation.number} · {when}{tags ? ` · ${tags}` : ''}{generation.label ? ` · “${shortLabel(generation.label, 30)}”` : ''}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** The labels of the two sides, when either has one. */
function SideLabels({ pair }: { pair: DiffPair }) {
  const profiles = useGenerations((state) => state.list?.profiles ?? null);
  const from = findGeneration(profiles, pair.from);
  const to = findGeneration(profiles, pair.to);
  if (!from?.label && !to?.label) return null;
  const side = (number: number, label: string | null | undefined, note: string | null | undefined) => (
    <span className="diff-side-label">#{number} {label ? <LabelChip label={label} note={note ?? null} max={36} /> : <span className="muted">no label</span>}</span>
  );
  return (
    <span className="diff-side-labels" data-testid="diff-labels">
      {side(pair.from.number, from?.label, from?.note)}
      <span aria-hidden="true">→</span>
      {side(pair.to.number, to?.label, to?.note)}
    </span>
  );
}

/** The heading of the diff view. */
export function DiffHeader({ pair, profile, onBack, onOpen, older, newer }: DiffHeaderProps) {
  const sameProfile = pair.from.kind === pair.to.kind && pair.from.name === pair.to.name;
  return (
    <header className="diff-header">
      <button type="button" className="button" onClick={onBack} data-testid="diff-back" title="Back to the generations (Esc)">
        <span aria-hidden="true">← </span>Generations
      </button>
      <h1 className="diff-title">
        {sameProfile ? (
          <>{pair.to.name} <span className="muted">#{pair.from.number} → #{pair.to.number}</span></>
        ) : (
          <>{sideLabel(pair.from)} → {sideLabel(pair.to)}</>
        )}
      </h1>
      <SideLabels pair={pair} />
      {profile && sameProfile && (
        <div className="diff-pickers">
          <GenerationPicker label="From" testId="diff-pick-from" value={pair.from.number} other={pair.to.number} profile={profile}
            onPick={(number) => onOpen({ from: { ...pair.from, number }, to: pair.to })} />
          <button type="button" className="button button-small" onClick={() => onOpen({ from: pair.to, to: pair.from })} title="Swap the two sides" aria-label="Swap the two sides" data-testid="diff-swap">⇄</button>
          <GenerationPicker label="To" testId="diff-pick-to" value={pair.to.number} other={pair.from.number} profile={profile}
            onPick={(number) => onOpen({ from: pair.from, to: { ...pair.to, number } })} />
        </div>
      )}
      <span className="header-spacer" />
      <div className="diff-steps" role="group" aria-label="Neighbouring pairs">
        <button type="button" className="button" disabled={!older} onClick={() => older && onOpen(older)} data-testid="diff-older" title="The same comparison one generation older ([)">
          <span aria-hidden="true">‹ </span>Older
        </button>
        <button type="button" className="button" disabled={!newer} onClick={() => newer && onOpen(newer)} data-testid="diff-newer" title="The same comparison one generation newer (])">
          Newer<span aria-hidden="true"> ›</span>
        </button>
      </div>
    </header>
  );
}
