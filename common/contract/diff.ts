// The package diff between two closures.
import { z } from 'zod';
import { GenerationRefSchema } from './generations.ts';

/** One side of a diff. `profile` and `number` are null for a bare store path. */
export const DiffSideSchema = z.object({
  profile: z.string().nullable(),
  number: z.number().int().nullable(),
  storePath: z.string(),
});

/** How a package name changed between two closures. */
export const DiffStatusSchema = z.enum(['upgraded', 'downgraded', 'changed', 'added', 'removed', 'rebuilt']);

/** Whether a package was selected (a direct reference of `sw`, `home-path` or the user profile) before, after, both or neither. */
export const SelectionSchema = z.enum(['both', 'before', 'after', 'none']);

/** One package name whose versions or store paths differ. */
export const PackageDiffSchema = z.object({
  name: z.string(),
  /** Versions before, sorted by compareVersions; an empty version is "". */
  before: z.array(z.string()),
  after: z.array(z.string()),
  status: DiffStatusSchema,
  selected: SelectionSchema,
  /** Sum of narSize over the paths of this name, bytes. */
  sizeBefore: z.number().int().nonnegative(),
  sizeAfter: z.number().int().nonnegative(),
  /** The store paths behind the row, sorted. */
  pathsBefore: z.array(z.string()),
  pathsAfter: z.array(z.string()),
});

/** Counts and totals of a diff. */
export const DiffSummarySchema = z.object({
  upgraded: z.number().int().nonnegative(),
  downgraded: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  rebuilt: z.number().int().nonnegative(),
  closureSizeBefore: z.number().int().nonnegative(),
  closureSizeAfter: z.number().int().nonnegative(),
  pathsAdded: z.number().int().nonnegative(),
  pathsRemoved: z.number().int().nonnegative(),
});

/** What `gentry diff --json` prints and the `diff` call returns. */
export const DiffSchema = z.object({
  from: DiffSideSchema,
  to: DiffSideSchema,
  packages: z.array(PackageDiffSchema),
  summary: DiffSummarySchema,
});

/**
 * One side of a diff as the caller names it: a generation, or what a person types on the command
 * line (`N`, `home:N`, `PROFILE:N`, `user:N`, `current`, `booted`, or a path that leads into the store).
 */
export const DiffTargetSchema = z.union([GenerationRefSchema, z.object({ spec: z.string().min(1).max(4096) }).strict()]);

/** Calls that compare generations. */
export const diffCalls = {
  /** The package diff between two generations (of one profile or two). */
  diff: { input: z.object({ from: DiffTargetSchema, to: DiffTargetSchema }).strict(), output: DiffSchema },
} as const;

export type DiffTarget = z.infer<typeof DiffTargetSchema>;
export type DiffSide = z.infer<typeof DiffSideSchema>;
export type DiffStatus = z.infer<typeof DiffStatusSchema>;
export type Selection = z.infer<typeof SelectionSchema>;
export type PackageDiff = z.infer<typeof PackageDiffSchema>;
export type DiffSummary = z.infer<typeof DiffSummarySchema>;
export type Diff = z.infer<typeof DiffSchema>;
