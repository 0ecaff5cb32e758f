// The history chart: closure size and package count per generation.
import { z } from 'zod';
import { ProfileKindSchema } from './generations.ts';

/** One generation on the history chart. */
export const HistoryPointSchema = z.object({
  number: z.number().int().positive(),
  date: z.string(),
  closureSize: z.number().int().nonnegative().nullable(),
  /** Distinct package names in the closure; null when the closure cannot be read. */
  packageCount: z.number().int().nonnegative().nullable(),
  nixpkgsRevision: z.string().nullable(),
  /** True when the nixpkgs revision differs from the previous generation's (a channel update). */
  channelUpdate: z.boolean(),
});

/** Calls that chart a profile's history. */
export const historyCalls = {
  /** Closure size and package count of every generation of a profile, oldest first. */
  history: { input: z.object({ kind: ProfileKindSchema, name: z.string().min(1).max(255) }).strict(), output: z.object({ points: z.array(HistoryPointSchema) }) },
} as const;

export type HistoryPoint = z.infer<typeof HistoryPointSchema>;
