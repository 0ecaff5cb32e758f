// The oracle: what a correct reader must report for each profile the world made.
import type { Generation, Profile } from '../common/contract/index.ts';
import type { ProfileRecord } from './generation-record.ts';
import { closureSize } from './store-graph.ts';

/** A date as the contract prints it: ISO 8601 UTC without milliseconds. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The expected Profile for a record; `bootedTarget` is where run/booted-system points. */
export function expectedProfile(record: ProfileRecord, bootedTarget: string): Profile {
  const generations: Generation[] = [...record.generations]
    .sort((a, b) => a.number - b.number)
    .map((generation) => ({
      number: generation.number,
      date: isoSeconds(generation.date),
      storePath: generation.target,
      current: generation.number === record.current,
      booted: record.kind === 'system' && generation.target === bootedTarget,
      ...generation.facts,
      closureSize: generation.root ? closureSize(generation.root) : null,
      label: null,
      note: null,
    }));
  return { kind: record.kind, name: record.name, path: record.path, generations, problem: null };
}
