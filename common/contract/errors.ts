// The typed failure every call can return.
import { z } from 'zod';

/** A typed failure any call can return. */
export const GentryErrorSchema = z.object({
  code: z.enum(['bad-input', 'not-found', 'unavailable', 'internal']),
  message: z.string(),
  /** What the person can do next. */
  hint: z.string().nullable(),
});

export type GentryErrorShape = z.infer<typeof GentryErrorSchema>;
