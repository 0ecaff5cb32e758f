// The person's labels and notes on generations.
import { z } from 'zod';
import { GenerationRefSchema } from './generations.ts';

/** The longest label, in characters (after trimming). */
export const MAX_LABEL = 200;
/** The longest note, in characters. */
export const MAX_NOTE = 4000;
/** What the window and the command line say when a label is too long. */
export const LABEL_TOO_LONG = `A label is at most ${MAX_LABEL} characters; put the rest in the note.`;
/** What they say when a label is only white space. */
export const LABEL_EMPTY = 'A label needs some text; to remove a label, clear it.';
/** What they say when a note is too long. */
export const NOTE_TOO_LONG = `A note is at most ${MAX_NOTE} characters.`;

/** A label (and note) for one generation; null clears it. */
const labelInput = z
  .object({
    generation: GenerationRefSchema,
    label: z.string().trim().min(1, LABEL_EMPTY).max(MAX_LABEL, LABEL_TOO_LONG).nullable(),
    note: z.string().max(MAX_NOTE, NOTE_TOO_LONG).nullable().optional(),
  })
  .strict();

/** Calls that label generations. */
export const labelCalls = {
  /** Label (or unlabel) a generation. */
  setLabel: { input: labelInput, output: z.object({ label: z.string().nullable(), note: z.string().nullable() }) },
} as const;
