// Labels and notes for generations, kept by Gentry in `~/.local/state/gentry/labels.json`:
// {"version":1,"labels":[{"profile":"/nix/var/nix/profiles/system","number":223,"storePath":"/nix/store/…",
//   "label":"last good before the KiCad update","note":null,"updated":"2026-11-21T20:00:00Z"}]}
// A label belongs to a profile link, a generation number and the store path it pointed at: a number
// that Nix reuses after a deletion does not inherit the old generation's label.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ProfileList } from '../../common/contract.ts';
import { writeFileAtomically } from '../atomic-file.ts';
import { GentryError } from '../errors.ts';

const LabelSchema = z.object({
  profile: z.string(),
  number: z.number().int().positive(),
  storePath: z.string().nullable(),
  label: z.string(),
  note: z.string().nullable(),
  updated: z.string(),
});
const LabelsFileSchema = z.object({ version: z.literal(1), labels: z.array(LabelSchema) });

/** One stored label. */
export type StoredLabel = z.infer<typeof LabelSchema>;

/** The labels file inside Gentry's state directory. */
export function labelsFile(stateDir: string): string {
  return join(stateDir, 'labels.json');
}

/** Reads every label; none when the file does not exist. A malformed file is an error, never overwritten silently. */
export async function readLabels(stateDir: string): Promise<StoredLabel[]> {
  const file = labelsFile(stateDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new GentryError('unavailable', `${file} cannot be read: ${(err as Error).message}`, 'Check its permissions.');
  }
  let parsed;
  try {
    parsed = LabelsFileSchema.safeParse(JSON.parse(text));
  } catch (err) {
    throw new GentryError('bad-input', `${file} is not JSON: ${(err as Error).message}`, 'Fix it by hand or move it away (labels are only kept there).');
  }
  if (!parsed.success) throw new GentryError('bad-input', `${file} is not a labels file: ${z.prettifyError(parsed.error)}`, 'Fix it by hand or move it away (labels are only kept there).');
  return parsed.data.labels;
}

/** The label of one generation, if it still points where it did when labelled. */
export function findLabel(labels: readonly StoredLabel[], profile: string, number: number, storePath: string | null): StoredLabel | null {
  return labels.find((l) => l.profile === profile && l.number === number && (l.storePath === null || l.storePath === storePath)) ?? null;
}

/** Sets (or, with `label` null, removes) one generation's label and note; returns what is stored now. */
export async function writeLabel(
  stateDir: string,
  where: { profile: string; number: number; storePath: string | null },
  label: string | null,
  note: string | null,
  now: Date = new Date(),
): Promise<StoredLabel | null> {
  const labels = (await readLabels(stateDir)).filter((l) => !(l.profile === where.profile && l.number === where.number));
  const entry: StoredLabel | null = label === null ? null : { ...where, label, note: note && note.trim() !== '' ? note : null, updated: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  if (entry) labels.push(entry);
  labels.sort((a, b) => a.profile.localeCompare(b.profile) || a.number - b.number);
  await writeFileAtomically(labelsFile(stateDir), `${JSON.stringify({ version: 1, labels }, null, 2)}\n`);
  return entry;
}

/** Puts each generation's label and note on a profile list (in place); returns it. */
export function applyLabels(list: ProfileList, labels: readonly StoredLabel[]): ProfileList {
  if (labels.length === 0) return list;
  for (const profile of list.profiles) {
    for (const gen of profile.generations) {
      const found = findLabel(labels, profile.path, gen.number, gen.storePath);
      gen.label = found?.label ?? null;
      gen.note = found?.note ?? null;
    }
  }
  return list;
}
