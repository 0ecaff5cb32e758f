// Guix profiles beside Nix's (issue 19): the system, home and user profiles Guix keeps under /var/guix, each
// generation with its channels, what it boots (system) and its packages, as main/guix/ reads them.
import { z } from 'zod';

/** Which Guix profile. */
export const GuixProfileKindSchema = z.enum(['guix-system', 'guix-home', 'guix-user']);

/** A channel a generation was built from (its provenance). */
export const GuixChannelSchema = z.object({ name: z.string(), url: z.string(), branch: z.string().nullable(), commit: z.string().nullable() });

/** A top-level manifest entry of a generation's profile. */
export const GuixPackageSchema = z.object({ name: z.string(), version: z.string(), output: z.string(), item: z.string() });

/** What a system generation boots (its boot parameters). */
export const GuixBootSchema = z.object({
  label: z.string(),
  bootloader: z.string(),
  /** As `guix system list-generations` prints it: a path, `UUID: …` or `label: "…"`. */
  rootDevice: z.string(),
  kernel: z.string(),
  /** As booted: root=, gnu.system=, gnu.load=, then the configuration's own. */
  kernelArguments: z.array(z.string()),
  initrd: z.string().nullable(),
  /** The extra menu entries after this generation's, by label. */
  menuEntries: z.array(z.string()),
});

/** One generation of a Guix profile. */
export const GuixGenerationSchema = z.object({
  number: z.number().int().positive(),
  /** The date Guix prints (the ctime of the link's target), ISO 8601 UTC without milliseconds; null when unreadable. */
  date: z.string().nullable(),
  current: z.boolean(),
  /** `PROFILE-N-link`. */
  fileName: z.string(),
  /** Where the link leads, as Guix prints its canonical file name; null when unreadable. */
  storePath: z.string().nullable(),
  channels: z.array(GuixChannelSchema),
  configurationFile: z.string().nullable(),
  /** System generations: what it boots; null elsewhere or when unreadable. */
  boot: GuixBootSchema.nullable(),
  /** The profile's packages; null when its manifest cannot be read. */
  packages: z.array(GuixPackageSchema).nullable(),
  /** Why a file of this generation could not be read; null when all could. */
  problem: z.string().nullable(),
});

/** One Guix profile and its generations, ascending by number (holes are deleted generations). */
export const GuixProfileSchema = z.object({
  kind: GuixProfileKindSchema,
  path: z.string(),
  current: z.number().int().positive().nullable(),
  generations: z.array(GuixGenerationSchema),
  problem: z.string().nullable(),
});

export type GuixProfileKind = z.infer<typeof GuixProfileKindSchema>;
export type GuixProfile = z.infer<typeof GuixProfileSchema>;
export type GuixGenerationRow = z.infer<typeof GuixGenerationSchema>;

/** A generation of one of the Guix profiles, as the diff call takes it. */
export const GuixGenerationRefSchema = z.object({ kind: GuixProfileKindSchema, number: z.number().int().positive().max(4294967295) }).strict();

/** How a package (by name and output) changed between two Guix generations. */
export const GuixPackageStatusSchema = z.enum(['added', 'removed', 'upgraded', 'downgraded', 'changed']);

/** One package name and output whose entries differ; `changed`: same versions, other store items. */
export const GuixPackageChangeSchema = z.object({
  name: z.string(),
  output: z.string(),
  status: GuixPackageStatusSchema,
  /** Versions before and after (a name and output is usually installed once: one version or none). */
  before: z.array(z.string()),
  after: z.array(z.string()),
  itemsBefore: z.array(z.string()),
  itemsAfter: z.array(z.string()),
});

/** A channel whose commit moved (or that was added or removed) between two generations. */
export const GuixChannelChangeSchema = z.object({
  name: z.string(),
  url: z.string(),
  /** Null: the channel is not in that generation (or records no commit). */
  before: z.string().nullable(),
  after: z.string().nullable(),
});

/** One side of a Guix diff. */
export const GuixDiffSideSchema = z.object({ kind: GuixProfileKindSchema, number: z.number().int().positive(), fileName: z.string(), storePath: z.string().nullable() });

/** What `gentry diff guix-user:1 guix-user:3 --json` prints and the `guixDiff` call returns. */
export const GuixDiffSchema = z.object({
  from: GuixDiffSideSchema,
  to: GuixDiffSideSchema,
  packages: z.array(GuixPackageChangeSchema),
  channels: z.array(GuixChannelChangeSchema),
  summary: z.object({ added: z.number().int().nonnegative(), removed: z.number().int().nonnegative(), upgraded: z.number().int().nonnegative(), downgraded: z.number().int().nonnegative(), changed: z.number().int().nonnegative(), channelsMoved: z.number().int().nonnegative() }),
});

/** Calls on the Guix profiles (main/guix/guix-services.ts). */
export const guixCalls = {
  /** The package and channel diff between two Guix generations (of one profile or two). */
  guixDiff: { input: z.object({ from: GuixGenerationRefSchema, to: GuixGenerationRefSchema }).strict(), output: GuixDiffSchema },
} as const;

export type GuixGenerationRef = z.infer<typeof GuixGenerationRefSchema>;
export type GuixPackageChange = z.infer<typeof GuixPackageChangeSchema>;
export type GuixChannelChange = z.infer<typeof GuixChannelChangeSchema>;
export type GuixDiff = z.infer<typeof GuixDiffSchema>;
