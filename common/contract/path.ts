// Which one wins on PATH (issue 19 point 5): for each command name in the PATH directories that belong to a
// known profile — Guix system, Guix home, Guix user, NixOS system, home-manager, the Nix user profile — the
// one that runs and the ones it shadows, with the profile, generation and package of each.
import { z } from 'zod';

/** The profiles a PATH directory can belong to: Guix's three and Nix's three. */
export const PathProfileKindSchema = z.enum(['guix-system', 'guix-home', 'guix-user', 'system', 'home', 'user']);

/** The profile generation a PATH directory is the bin (or sbin) directory of. */
export const PathProfileSchema = z.object({
  kind: PathProfileKindSchema,
  /** The profile link, e.g. /var/guix/profiles/system or /nix/var/nix/profiles/system. */
  path: z.string(),
  generation: z.number().int().positive(),
  /** True when that generation is the profile's current one. */
  current: z.boolean(),
});

/** One directory of PATH, in order, and the profile generation it belongs to (null: none Gentry knows). */
export const PathDirSchema = z.object({ dir: z.string(), profile: PathProfileSchema.nullable(), commands: z.number().int().nonnegative() });

/** One executable of a command name in one PATH directory. */
export const PathProviderSchema = z.object({
  dir: z.string(),
  profile: PathProfileSchema.nullable(),
  /** The file it leads to after every link. */
  target: z.string(),
  /** The store the target is in: gnu (/gnu/store) or nix (/nix/store); null outside both. */
  store: z.enum(['gnu', 'nix']).nullable(),
  /** The package of the store item (the Guix manifest entry where there is one, else the store name split as Nix splits it). */
  package: z.object({ name: z.string(), version: z.string() }).nullable(),
});

/** A command name, the one that runs, the ones it shadows, and whether one package name comes at different versions. */
export const PathCommandSchema = z.object({
  name: z.string(),
  runs: PathProviderSchema,
  shadowed: z.array(PathProviderSchema),
  /** The package versions when the same package name is at different versions among them; else empty. */
  versionsDiffer: z.array(z.string()),
  /** True when those different versions come from both stores (/gnu/store and /nix/store). */
  acrossStores: z.boolean(),
});

/** What `gentry path --json` prints and the `commandPath` call returns. */
export const PathReportSchema = z.object({
  dirs: z.array(PathDirSchema),
  /** Command names found in a directory of a known profile, sorted by name. */
  commands: z.array(PathCommandSchema),
});

/** Calls about PATH (main/path/). */
export const pathCalls = {
  /** Which profile provides each command on `dirs` (default: the PATH Gentry was started with); empty and relative entries are left out. */
  commandPath: { input: z.object({ dirs: z.array(z.string().max(4096)).max(4096).optional() }).strict(), output: PathReportSchema },
} as const;

export type PathProfileKind = z.infer<typeof PathProfileKindSchema>;
export type PathProfile = z.infer<typeof PathProfileSchema>;
export type PathDir = z.infer<typeof PathDirSchema>;
export type PathProvider = z.infer<typeof PathProviderSchema>;
export type PathCommand = z.infer<typeof PathCommandSchema>;
export type PathReport = z.infer<typeof PathReportSchema>;
