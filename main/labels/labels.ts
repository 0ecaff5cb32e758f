// Labels and notes for generations, kept by Gentry in `~/.local/state/gentry/labels.json`:
// {"version":1,"labels":[{"profile":"/nix/var/nix/profiles/system","number":223,"storePath":"/nix/store/…",
//   "label":"last good before the KiCad update","note":null,"updated":"2026-11-21T20:00:00Z"}]}
// A label belongs to a profile link, a generation number and the store path it pointed at: a number
// that Nix reuses after a deletion does not inherit the old generation's label.
import { join } from 'node:path';
import { z } from 'zod';
import type { ProfileList } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { moveAside, readTextFile, updateStateFile, withStateLock } from '../infra/state-file.ts';

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

/** Why a labels file's text cannot be used; null when it can. */
function labelsProblem(text: string): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return `is not JSON (${(err as Error).message})`;
  }
  const parsed = LabelsFileSchema.safeParse(raw);
  return parsed.success ? null : `is not a labels file (${z.prettifyError(parsed.error).replace(/\n/g, ' ')})`;
}

function parseLabels(text: string | null): StoredLabel[] {
  return text === null ? [] : LabelsFileSchema.parse(JSON.parse(text)).labels;
}

/** Moves an unusable labels file aside (under its lock, if it is still the same text); says what happened. */
async function setAside(file: string, seen: string, why: string): Promise<string> {
  return withStateLock(file, async () => {
    const now = await readTextFile(file);
    if (now !== seen) return `${file} changed while it was read; list again.`;
    const to = await moveAside(file);
    return `${file} ${why}, so it was moved aside as ${to}; its labels are not shown. Fix that file and move it back, or label again.`;
  });
}

/** Every label and the problems met: a labels file that is not valid is moved aside and named there, never fatal. */
export async function readLabelsReport(stateDir: string): Promise<{ labels: StoredLabel[]; problems: string[] }> {
  const file = labelsFile(stateDir);
  let text: string | null;
  try {
    text = await readTextFile(file);
  } catch (err) {
    return { labels: [], problems: [`${(err as Error).message}; labels are not shown.`] };
  }
  if (text === null) return { labels: [], problems: [] };
  const why = labelsProblem(text);
  if (why === null) return { labels: parseLabels(text), problems: [] };
  return { labels: [], problems: [await setAside(file, text, why)] };
}

/** Reads every label; none when the file does not exist. An unreadable file is an error; an invalid one is moved aside (an error that says so). */
export async function readLabels(stateDir: string): Promise<StoredLabel[]> {
  const file = labelsFile(stateDir);
  const text = await readTextFile(file);
  if (text === null) return [];
  const why = labelsProblem(text);
  if (why === null) return parseLabels(text);
  throw new GentryError('bad-input', await setAside(file, text, why), 'Labels are only kept in that file.');
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
  const file = labelsFile(stateDir);
  return updateStateFile(file, async (current) => {
    const why = current === null ? null : labelsProblem(current);
    if (why !== null) {
      const to = await moveAside(file);
      throw new GentryError('bad-input', `${file} ${why}, so it was moved aside as ${to} and nothing was labelled`, 'Fix that file and move it back, or label again to start a new one.');
    }
    const labels = parseLabels(current).filter((l) => !(l.profile === where.profile && l.number === where.number));
    const entry: StoredLabel | null = label === null ? null : { ...where, label, note: note && note.trim() !== '' ? note : null, updated: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
    if (entry) labels.push(entry);
    labels.sort((a, b) => a.profile.localeCompare(b.profile) || a.number - b.number);
    return { text: `${JSON.stringify({ version: 1, labels }, null, 2)}\n`, value: entry };
  });
}

/** Puts each generation's label and note on a profile list (in place), and the labels' problems on its notices; returns it. */
export function applyLabels(list: ProfileList, labels: readonly StoredLabel[], problems: readonly string[] = []): ProfileList {
  list.notices.push(...problems);
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
