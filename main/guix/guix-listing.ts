// The Guix profiles of a machine for the profile listing (common/contract/guix.ts): nothing at all where there is
// no Guix state directory, else each of the three profiles that exists, read by read-guix-profile.ts.
import { lstat } from 'node:fs/promises';
import type { GuixGenerationRow, GuixProfile, GuixProfileKind } from '../../common/contract/index.ts';
import { type GuixProfilePaths, guixPresent } from './guix-locations.ts';
import { type GuixGeneration, type GuixProfileReading, type ReadGuixOptions, readGuixProfile } from './read-guix-profile.ts';

const iso = (d: Date | null) => (d === null ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z'));

function row(kind: GuixProfileKind, g: GuixGeneration): GuixGenerationRow {
  const b = g.boot ?? null;
  return {
    number: g.number,
    date: iso(g.date),
    current: g.current,
    fileName: g.fileName,
    storePath: g.canonicalFileName,
    channels: g.provenance?.channels ?? [],
    configurationFile: g.provenance?.configurationFile ?? null,
    boot: kind !== 'guix-system' || b === null ? null : { label: b.label, bootloader: b.bootloaderName, rootDevice: b.rootDeviceText, kernel: b.kernel, kernelArguments: b.kernelArguments, initrd: b.initrd, menuEntries: b.menuEntries.map((m) => m.label) },
    packages: g.manifest === null ? null : g.manifest.entries.map(({ name, version, output, item }) => ({ name, version, output, item })),
    problem: g.problems.length ? g.problems.join('; ') : null,
  };
}

/** A profile reading in the contract's shape. */
export function guixProfileRow(r: GuixProfileReading): GuixProfile {
  let problem = r.problem ?? null;
  if (problem === null && r.numbers.length > 0 && (r.current === null || !r.numbers.includes(r.current))) {
    problem = r.current === null ? `the profile link ${r.path} does not point at one of its generations` : `the profile link ${r.path} points at generation ${r.current}, which has no ${r.path}-${r.current}-link`;
  }
  return { kind: r.kind, path: r.path, current: r.current, generations: r.generations.map((g) => row(r.kind, g)), problem };
}

const exists = (p: string) => lstat(p).then(() => true, () => false);

/** The Guix profiles at `paths` that exist, or null when there is no Guix state directory (a machine without Guix). */
export async function listGuixProfiles(paths: GuixProfilePaths | undefined, opts: ReadGuixOptions = {}): Promise<GuixProfile[] | null> {
  if (!(await guixPresent(paths)) || paths === undefined) return null;
  const out: GuixProfile[] = [];
  for (const [kind, path] of [['guix-system', paths.system], ['guix-home', paths.home], ['guix-user', paths.user]] as const) {
    const reading = await readGuixProfile(kind, path, opts);
    if (reading.numbers.length === 0 && !paths.explicit?.includes(kind) && !(await exists(path))) continue;
    out.push(guixProfileRow(reading));
  }
  return out;
}
