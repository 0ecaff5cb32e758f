// The cost of a pin before it is written (issue 16): what Nix would fetch (and from which binary cache,
// how many bytes) and what it would have to build to realise the pinned attribute at a revision; and
// several candidate revisions ranked by that cost. "Not checked" is its own state, with the reason.
import { z } from 'zod';

/** A derivation Nix would build. */
export const BuildItemSchema = z.object({
  drvPath: z.string(),
  /** The name part of the derivation's name (gcc), and its version (13.2.0). */
  name: z.string(),
  version: z.string(),
  /** A compiler or toolchain, or something as big to build. */
  big: z.boolean(),
});

/** A path Nix would fetch, with the narinfo of the first cache (in Nix's order) that has it. */
export const FetchItemSchema = z.object({
  path: z.string(),
  /** The cache it comes from; null when no cache Gentry asked has it (Nix's own answer was older). */
  from: z.string().nullable(),
  fileSize: z.number().nullable(),
  narSize: z.number().nullable(),
});

/** One substituter as the cost saw it. */
export const SubstituterReportSchema = z.object({
  url: z.string(),
  reachable: z.boolean(),
  /** Why it was not asked; null when it was. */
  reason: z.string().nullable(),
  /** How many of the paths to fetch it has. */
  has: z.number().int().nonnegative(),
});

const where = { attr: z.string(), source: z.string(), rev: z.string() };

/** What realising a pinned attribute would cost; `state` says whether it is known. */
export const PinCostSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('checked'),
    ...where,
    drvPath: z.string(),
    outputs: z.array(z.string()),
    /** The command whose dry run this is. */
    via: z.enum(['nix build --dry-run --json', 'nix-store --realise --dry-run']),
    /** Every output already in the local store: nothing to do. */
    outputsInStore: z.boolean(),
    /** Paths of the closure already in the local store. */
    inStore: z.number().int().nonnegative(),
    toBuild: z.array(BuildItemSchema),
    /** The full names (gcc-13.2.0) of the compilers and toolchains among toBuild. */
    bigBuilds: z.array(z.string()),
    toFetch: z.array(FetchItemSchema),
    /** Σ FileSize and Σ NarSize over toFetch, from the narinfos. */
    downloadBytes: z.number().nonnegative(),
    unpackedBytes: z.number().nonnegative(),
    /** Paths Nix can neither build nor fetch. */
    unknown: z.array(z.string()),
    substituters: z.array(SubstituterReportSchema),
    /** Nix's own rounded figures, for comparison. */
    nix: z.object({ downloadBytes: z.number().nullable(), unpackedBytes: z.number().nullable() }),
  }),
  z.object({
    /** No substituter could be asked: what would be fetched is unknown, so no cost is given. */
    state: z.literal('not-checked'),
    ...where,
    drvPath: z.string(),
    reason: z.string(),
    /** Derivations whose outputs are not in the local store (a fact, not a cost: some may be in a cache). */
    missingLocally: z.number().int().nonnegative(),
    substituters: z.array(SubstituterReportSchema),
  }),
  /** Nix could not be asked at all (the attribute does not instantiate, the revision cannot be fetched). */
  z.object({ state: z.literal('failed'), ...where, reason: z.string() }),
]);

const attrInput = z.string().min(1).max(200);
const candidate = z
  .object({
    source: z.string().min(1).max(4096),
    rev: z.string().min(1).max(64),
    /** The narHash of a github: archive (previewPin's entry has it); needed to fetch it without a local checkout. */
    narHash: z.string().min(1).max(200).nullable().optional(),
  })
  .strict();

/** A candidate revision with its cost, as ranked. */
export const RankedPinCostSchema = z.object({
  source: z.string(),
  rev: z.string(),
  /** The revision's commit date (ISO), when known; the tie-breaker "newest first". */
  date: z.string().nullable(),
  cost: PinCostSchema,
});

/** Calls that say what a pin would cost. */
export const pinCostCalls = {
  /** What realising `attr` at `rev` of `source` would fetch and build. */
  pinCost: { input: candidate.extend({ attr: attrInput }).strict(), output: PinCostSchema },
  /** The costs of several candidate revisions, best first: nothing to build, then the smallest download, then the newest; unknown costs last. */
  rankPinCosts: {
    input: z.object({ attr: attrInput, candidates: z.array(candidate.extend({ date: z.string().max(64).nullable().optional() }).strict()).min(1).max(20) }).strict(),
    output: z.object({ attr: z.string(), ranked: z.array(RankedPinCostSchema) }),
  },
} as const;

export type PinCostInfo = z.infer<typeof PinCostSchema>;
export type RankedPinCost = z.infer<typeof RankedPinCostSchema>;
