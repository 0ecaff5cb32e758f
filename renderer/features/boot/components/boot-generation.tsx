// The generation a boot entry boots, as the boot view shows it: number, date, label, current/booted.
import { formatAbsolute, parseGenerationDate } from '../../../shared/lib/format-date.ts';
import type { BootRow } from '../lib/boot-rows.ts';
import { formatRelative } from '../../../shared/lib/relative-time.ts';
import { GenerationBadges } from '../../../shared/components/badges.tsx';
import { LabelChip } from '../../labels/components/label-chip.tsx';

/** Number, date, label and badges of the generation an entry boots (or why there is none). */
export function BootGeneration({ row, now }: { row: BootRow; now: number }) {
  const { entry, generation } = row;
  if (entry.generation === null) return <span className="muted">{entry.managedByNixOS ? '—' : 'not a NixOS generation'}</span>;
  const profile = entry.profile && entry.profile !== 'system' ? `${entry.profile} ` : '';
  if (!generation) {
    return <span className="muted" title="The profile has no such generation any more: deleted, but its entry is still on the ESP until the next switch">{profile}#{entry.generation} (gone from the profile)</span>;
  }
  const ms = parseGenerationDate(generation.date);
  return (
    <span className="boot-generation" data-number={generation.number} data-label={generation.label ?? undefined}>
      <span className="boot-generation-number">{profile}#{generation.number}</span>
      {ms !== null && <time className="muted" dateTime={generation.date} title={formatAbsolute(ms)}>{formatRelative(ms, now)}</time>}
      {generation.label !== null && <LabelChip label={generation.label} note={generation.note} max={40} />}
      <GenerationBadges generation={generation} />
    </span>
  );
}
