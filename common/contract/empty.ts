// The input of a call that takes nothing.
import { z } from 'zod';

/** The input of a call that takes nothing: an empty object, no extra keys. */
export const emptyInput = z.object({}).strict();
