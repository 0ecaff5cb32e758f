// Pins: packages held at an older version through an overlay.
import { z } from 'zod';
import { emptyInput as empty } from './empty.ts';
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

/** Pin a package to the version one generation had. */
const pinInput = z
  .object({
    target: z.string().min(1).max(64),
    attr: z.string().min(1).max(200),
    fromGeneration: GenerationRefSchema,
    version: z.string().min(1).max(200).optional(),
    reason: z.string().max(1000).optional(),
  })
  .strict();

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
});

/** Calls that read, preview, add and remove pins. */
export const pinCalls = {
  /** Every overlay target with its pins and problems. */
  pinTargets: { input: empty, output: z.object({ targets: z.array(PinTargetSchema) }) },
  /** What pinning would write, and what is wrong with it. */
  previewPin: { input: pinInput, output: z.object({ entry: PinSchema, pinsJson: z.string(), problems: z.array(PinProblemSchema) }) },
  /** Pin a package (writes pins.json, and overlay.nix the first time). */
  addPin: { input: pinInput, output: PinTargetSchema },
  /** Remove a pin. */
  removePin: { input: z.object({ target: z.string().min(1).max(64), attr: z.string().min(1).max(200) }).strict(), output: PinTargetSchema },
  /** Every version of a package found in this machine's generations. */
  pinSuggestions: { input: z.object({ attr: z.string().min(1).max(200) }).strict(), output: PinSuggestionsSchema },
} as const;

export type Pin = z.infer<typeof PinSchema>;
export type PinProblem = z.infer<typeof PinProblemSchema>;
export type PinTarget = z.infer<typeof PinTargetSchema>;
export type PinSuggestions = z.infer<typeof PinSuggestionsSchema>;
