// Pins: packages held at an older version through an overlay.
import { z } from 'zod';
import { GenerationRefSchema } from './generations.ts';

/** A nixpkgs source: `github:OWNER/REPO`, `git+file:///…` or `git+https://…`. */
export const PinSourceSchema = z.string().regex(/^(?:github:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+|git\+file:\/\/\/[^\s?#]+|git\+https:\/\/[^\s?#]+)$/, 'a source is github:OWNER/REPO, git+file:///PATH or git+https://HOST/PATH');

/** One pin in a target's pins.json. */
export const PinSchema = z.object({
  attr: z.string(),
  version: z.string(),
  source: z.string(),
  rev: z.string(),
  narHash: z.string().nullable(),
  reason: z.string().nullable(),
  created: z.string(),
  fromGeneration: z.object({ profile: z.string(), number: z.number().int().positive() }).nullable(),
});

/** Something wrong (or worth knowing) about a pin. */
export const PinProblemSchema = z.object({
  /** The pin it is about; null for the target as a whole. */
  attr: z.string().nullable(),
  kind: z.enum(['missing-attr', 'version-mismatch', 'conflict', 'no-change', 'old', 'fixed-upstream', 'not-in-store', 'no-narhash', 'unreadable']),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

/** One overlay target with its pins, as the Pins view shows it. */
export const PinTargetSchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['system', 'home']),
  pins: z.array(PinSchema),
  problems: z.array(PinProblemSchema),
  /** The line that wires the target into the configuration. */
  wiring: z.string(),
  /** Per pin: the version the current generation carries, and whether it is the pinned one. */
  carried: z.array(z.object({ attr: z.string(), currentVersions: z.array(z.string()), carried: z.boolean() })),
});

/**
 * Which overlay target a pins call is about: a name from the settings, or a directory (the settings
 * need not know it; when they do, their target is used) with the kind of profile it pins for.
 */
export const PinTargetRefSchema = z.union([
  z.string().min(1).max(64),
  z
    .object({
      path: z.string().min(1).max(4096).regex(/^\//, 'an overlay directory is an absolute path'),
      kind: z.enum(['system', 'home']),
    })
    .strict(),
]);

/**
 * Pin a package: to the version one generation had (`fromGeneration`, optionally from another
 * `source`), or to what a nixpkgs revision carries (`source` and `rev`).
 */
const pinInput = z
  .object({
    target: PinTargetRefSchema,
    attr: z.string().min(1).max(200),
    fromGeneration: GenerationRefSchema.optional(),
    source: z.string().min(1).max(4096).optional(),
    rev: z.string().min(1).max(64).optional(),
    version: z.string().min(1).max(200).optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict()
  .refine((p) => (p.fromGeneration === undefined) !== (p.rev === undefined), 'a pin comes from a generation (fromGeneration) or from a revision (source and rev), not both')
  .refine((p) => p.rev === undefined || p.source !== undefined, 'a revision needs its source');

/** Every version of a package found on this machine (`gentry pins suggest --json`). */
export const PinSuggestionsSchema = z.object({
  attr: z.string(),
  versions: z.array(
    z.object({
      version: z.string(),
      generations: z.array(z.object({ profile: z.string(), number: z.number().int().positive() })),
      nixpkgsRevision: z.string().nullable(),
      inStore: z.boolean(),
    }),
  ),
  /** Things worth knowing about the search (a nixpkgs checkout that could not be read, …); absent when none. */
  notices: z.array(z.string()).optional(),
});

/** Calls that read, preview, add and remove pins. */
export const pinCalls = {
  /** Every overlay target with its pins and problems; only the one named, when `target` is given. */
  pinTargets: { input: z.object({ target: PinTargetRefSchema.optional() }).strict(), output: z.object({ targets: z.array(PinTargetSchema) }) },
  /** What pinning would write, and what is wrong with it. */
  previewPin: { input: pinInput, output: z.object({ entry: PinSchema, pinsJson: z.string(), problems: z.array(PinProblemSchema) }) },
  /** Pin a package (writes pins.json, and overlay.nix the first time). */
  addPin: { input: pinInput, output: PinTargetSchema },
  /** Remove a pin. */
  removePin: { input: z.object({ target: PinTargetRefSchema, attr: z.string().min(1).max(200) }).strict(), output: PinTargetSchema },
  /** Every version of a package found in this machine's generations (and in a local nixpkgs checkout: the settings', or `nixpkgsGit`). */
  pinSuggestions: { input: z.object({ attr: z.string().min(1).max(200), nixpkgsGit: z.string().min(1).max(4096).regex(/^\//, 'a checkout is an absolute path').optional() }).strict(), output: PinSuggestionsSchema },
} as const;

export type Pin = z.infer<typeof PinSchema>;
export type PinProblem = z.infer<typeof PinProblemSchema>;
export type PinTarget = z.infer<typeof PinTargetSchema>;
export type PinTargetRef = z.infer<typeof PinTargetRefSchema>;
export type PinSuggestions = z.infer<typeof PinSuggestionsSchema>;
