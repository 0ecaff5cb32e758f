// The person's labels and notes on generations.
import { z } from 'zod';
import { GenerationRefSchema } from './generations.ts';

/** A label (and note) for one generation; null clears it. */
const labelInput = z
  .object({
    generation: GenerationRefSchema,
    label: z.string().trim().min(1).max(200).nullable(),
    note: z.string().max(4000).nullable().optional(),
  })
  .strict();

/** Calls that label generations. */
export const labelCalls = {
  /** Label (or unlabel) a generation. */
  setLabel: { input: labelInput, output: z.object({ label: z.string().nullable(), note: z.string().nullable() }) },
} as const;
