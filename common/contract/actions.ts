// Switch, delete and collect garbage: their previews and outcomes.
import { z } from 'zod';
import { DiffSchema } from './diff.ts';
import { emptyInput as empty } from './empty.ts';
import { GenerationRefSchema } from './generations.ts';

/** The modes of switch-to-configuration a switch can use. */
export const SwitchModeSchema = z.enum(['switch', 'boot', 'test']);

/** How a privileged (or home-manager) action ended. */
export const ActionOutcomeSchema = z.object({
  state: z.enum(['done', 'cancelled', 'not-authorised', 'bad-arguments', 'refused', 'failed', 'crashed']),
  /** One sentence: what happened, and what state the system is in. */
  message: z.string(),
  /** The helper's result line, when there was one. */
  result: z.record(z.string(), z.unknown()).nullable(),
});

/** The preview of a switch: the diff from the current generation, or why it cannot run. */
export const SwitchPreviewSchema = z.object({
  diff: DiffSchema.nullable(),
  alreadyCurrent: z.boolean(),
});

/** The preview of a deletion. */
export const DeletePreviewSchema = z.object({
  generations: z.array(z.number().int().positive()),
  /** Paths (and their bytes) that only the deleted generations reach among the profile's generations. */
  collectablePaths: z.number().int().nonnegative(),
  collectableBytes: z.number().int().nonnegative(),
  /** Generations among them that carry a label: deleting them needs `confirmLabelled`. */
  labelled: z.array(z.object({ number: z.number().int().positive(), label: z.string() })),
});

/** The preview of a garbage collection (the helper's dry run). */
export const GcPreviewSchema = z.object({
  outcome: ActionOutcomeSchema,
  deadPaths: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
});

/** Whether the actions that need the privileged helper (switch and boot into a system generation, delete system generations, collect garbage, boot-menu changes) can run here. */
export const ActionReadinessSchema = z.object({
  privileged: z.object({
    ready: z.boolean(),
    /** Why not, and what to do, in one or two sentences; null when ready. */
    reason: z.string().nullable(),
  }),
});

/** Which generations of which profile to delete. */
const deleteInput = z
  .object({
    kind: z.enum(['system', 'home']),
    name: z.string().min(1).max(255),
    numbers: z.array(z.number().int().positive().max(2 ** 32 - 1)).min(1).max(1000),
    /** Labelled generations are protected: deleting one is refused unless this is true (the UI asks again first). */
    confirmLabelled: z.boolean().optional(),
  })
  .strict();
/** Which generation to switch to, and how. */
const switchInput = z.object({ generation: GenerationRefSchema, mode: SwitchModeSchema }).strict();

/** Calls that change which generations exist or run. */
export const actionCalls = {
  /** Whether the privileged actions can run here, asked before any preview. */
  actionReadiness: { input: empty, output: ActionReadinessSchema },
  /** What switching (or booting) to a generation would change. */
  previewSwitch: { input: switchInput, output: SwitchPreviewSchema },
  /** Switch, boot into or test a generation (system: through the helper; home-manager: its own activate). */
  switchGeneration: { input: switchInput, output: ActionOutcomeSchema },
  /** What deleting generations would free; refuses the current and booted ones (bad-input). */
  previewDelete: { input: deleteInput, output: DeletePreviewSchema },
  /** Delete generations (system: through the helper; home-manager: the person's own links). */
  deleteGenerations: { input: deleteInput, output: ActionOutcomeSchema },
  /** The garbage collector's dry run. */
  previewGc: { input: empty, output: GcPreviewSchema },
  /** Collect garbage. */
  collectGarbage: { input: empty, output: ActionOutcomeSchema },
} as const;

/** Events of a running action. */
export const actionEvents = {
  /** A line of progress from a running action. */
  actionProgress: z.object({ message: z.string() }),
} as const;

export type SwitchMode = z.infer<typeof SwitchModeSchema>;
export type ActionOutcome = z.infer<typeof ActionOutcomeSchema>;
export type SwitchPreview = z.infer<typeof SwitchPreviewSchema>;
export type DeletePreview = z.infer<typeof DeletePreviewSchema>;
export type GcPreview = z.infer<typeof GcPreviewSchema>;

export type ActionReadiness = z.infer<typeof ActionReadinessSchema>;
