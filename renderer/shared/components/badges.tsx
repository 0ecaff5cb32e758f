// The "current" and "booted" badges of a generation, and specialisation chips.
import type { Generation } from '../../../common/contract/index.ts';

/** The current/booted badges of a generation (nothing when it is neither). */
export function GenerationBadges({ generation }: { generation: Pick<Generation, 'current' | 'booted'> }) {
  return (
    <>
      {generation.current && <span className="badge badge-current" data-badge="current" title="The profile points at this generation">current</span>}
      {generation.booted && <span className="badge badge-booted" data-badge="booted" title="The running system was booted from this generation">booted</span>}
    </>
  );
}

/** Specialisation names as small chips. */
export function SpecialisationChips({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name) => <span key={name} className="chip" data-specialisation={name}>{name}</span>)}
    </>
  );
}
