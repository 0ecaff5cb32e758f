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
