// A target's pins.json: {"version":1,"pins":[…]} (docs/pins.md). Read leniently enough to report a
// hand-edited entry as a problem rather than fail the whole target; written atomically, with the
// previous text kept as pins.json.bak.
import { join } from 'node:path';
import { z } from 'zod';
import { type Pin, PinSchema } from '../../common/contract/index.ts';
import { writeFileAtomically } from '../infra/atomic-file.ts';
import { GentryError } from '../infra/errors.ts';
import { readTextFile, withStateLock } from '../infra/state-file.ts';

const PinsFileSchema = z.object({ version: z.literal(1), pins: z.array(PinSchema) });

/** What a target's directory holds. */
export interface PinsFile {
  version: 1;
  pins: Pin[];
}

/** pins.json in a target directory. */
export function pinsFilePath(dir: string): string {
  return join(dir, 'pins.json');
}

/** What reading pins.json found: the pins, or why they cannot be read. */
export type PinsRead = { ok: true; file: PinsFile; text: string | null } | { ok: false; problem: string };

/** Reads pins.json; a missing file is an empty list (text null). Never throws for a bad file: says why. */
export async function readPinsFile(dir: string): Promise<PinsRead> {
  const file = pinsFilePath(dir);
  let text: string | null;
  try {
    text = await readTextFile(file);
  } catch (err) {
    return { ok: false, problem: (err as Error).message };
  }
  return parsePinsText(file, text);
}

function parsePinsText(file: string, text: string | null): PinsRead {
  if (text === null) return { ok: true, file: { version: 1, pins: [] }, text: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `${file} is not JSON: ${(err as Error).message}. Fix it by hand, or restore pins.json.bak.` };
  }
  const parsed = PinsFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: `${file} is not a pins file: ${z.prettifyError(parsed.error)}. Fix it by hand, or restore pins.json.bak.` };
  return { ok: true, file: { version: 1, pins: parsed.data.pins }, text };
}

/** Reads pins.json for a change; a file that cannot be read is a bad-input error (it is never overwritten blindly). */
export async function readPinsForChange(dir: string): Promise<{ file: PinsFile; text: string | null }> {
  const read = await readPinsFile(dir);
  if (!read.ok) throw new GentryError('bad-input', read.problem, 'Gentry does not overwrite a pins file it cannot read.');
  return { file: read.file, text: read.text };
}

/** The text Gentry writes for `file`. */
export function pinsFileText(file: PinsFile): string {
  return `${JSON.stringify({ version: 1, pins: file.pins }, null, 2)}\n`;
}

/** `file` with `pin` added, or replacing the pin of the same attribute in place. */
export function withPin(file: PinsFile, pin: Pin): PinsFile {
  const at = file.pins.findIndex((p) => p.attr === pin.attr);
  const pins = at < 0 ? [...file.pins, pin] : file.pins.map((p, i) => (i === at ? pin : p));
  return { version: 1, pins };
}

/** `file` without the pin of `attr`; a not-found error when there is none. */
export function withoutPin(file: PinsFile, attr: string, dir: string): PinsFile {
  if (!file.pins.some((p) => p.attr === attr)) {
    const known = file.pins.map((p) => p.attr).join(', ') || 'none';
    throw new GentryError('not-found', `${pinsFilePath(dir)} has no pin for ${attr}`, `Pinned there: ${known}.`);
  }
  return { version: 1, pins: file.pins.filter((p) => p.attr !== attr) };
}

/**
 * Changes pins.json with no lost update: under its lock (infra/state-file.ts) re-reads it, applies `change`, keeps
 * the text it replaces as pins.json.bak and writes the new one atomically; returns the file written.
 */
export async function updatePinsFile(dir: string, change: (file: PinsFile) => PinsFile): Promise<PinsFile> {
  const path = pinsFilePath(dir);
  return withStateLock(path, async (stillHeld) => {
    const read = parsePinsText(path, await readTextFile(path));
    if (!read.ok) throw new GentryError('bad-input', read.problem, 'Gentry does not overwrite a pins file it cannot read.');
    const next = change(read.file);
    await stillHeld();
    if (read.text !== null) await writeFileAtomically(`${path}.bak`, read.text, 0o644);
    await writeFileAtomically(path, pinsFileText(next), 0o644);
    return next;
  });
}

/** Writes pins.json atomically (under its lock); the text it replaces (when there was a file) goes to pins.json.bak first. */
export async function writePinsFile(dir: string, file: PinsFile, previousText: string | null): Promise<void> {
  await withStateLock(pinsFilePath(dir), async (stillHeld) => {
    await stillHeld();
    if (previousText !== null) await writeFileAtomically(`${pinsFilePath(dir)}.bak`, previousText, 0o644);
    await writeFileAtomically(pinsFilePath(dir), pinsFileText(file), 0o644);
  });
}
