// Profiles, their generations and the machine Gentry looks at.
import { z } from 'zod';
import { emptyInput as empty } from './empty.ts';
import { GuixProfileSchema } from './guix.ts';

/** Which family a profile belongs to. */
export const ProfileKindSchema = z.enum(['system', 'home', 'user']);

/** One generation of one profile, as `gentry list --json` prints it. */
export const GenerationSchema = z.object({
  number: z.number().int().positive(),
  /** The generation link's modification time, ISO 8601 UTC without milliseconds. */
  date: z.string(),
  /** The link's target; null only when the link itself cannot be read. */
  storePath: z.string().nullable(),
  current: z.boolean(),
  booted: z.boolean(),
  nixosVersion: z.string().nullable(),
  nixpkgsRevision: z.string().nullable(),
  kernelVersion: z.string().nullable(),
  specialisations: z.array(z.string()),
  homeManagerVersion: z.string().nullable(),
  /** Sum of narSize over the closure, in bytes. */
  closureSize: z.number().int().nonnegative().nullable(),
  /** Names of the packages a per-user profile holds (manifest.nix / manifest.json); null elsewhere. */
  packages: z.array(z.string()).nullable(),
  /** Why this generation could not be read fully; null when it could. */
  problem: z.string().nullable(),
  /** The person's label for this generation (~/.local/state/gentry/labels.json); null when none. */
  label: z.string().nullable(),
  /** The person's longer note for this generation; null when none. */
  note: z.string().nullable(),
});

/** One profile and its generations, ascending by number. */
export const ProfileSchema = z.object({
  kind: ProfileKindSchema,
  name: z.string(),
  path: z.string(),
  generations: z.array(GenerationSchema),
  /** Why the profile could not be read (missing directory, unreadable); null when it could. */
  problem: z.string().nullable(),
});

/** Everything `listProfiles` returns. */
export const ProfileListSchema = z.object({
  profiles: z.array(ProfileSchema),
  /** Guix's profiles (common/contract/guix.ts), present only where the machine has a Guix state directory. */
  guixProfiles: z.array(GuixProfileSchema).optional(),
  /** Things the person should know once (e.g. a fallback was used). */
  notices: z.array(z.string()),
});

/** What the app knows about the machine it is looking at. */
export const MachineSchema = z.object({
  /** True when the system profile exists (a NixOS machine, or a world). */
  hasSystemProfile: z.boolean(),
  systemProfile: z.string(),
  /** True when Gentry looks at a demo world rather than this machine. */
  demo: z.boolean(),
  /** True when a demo world can be built here (Nix installed, store writable). */
  demoAvailable: z.boolean(),
  /** Why a demo cannot be built here, when it cannot. */
  demoUnavailableReason: z.string().nullable(),
});

/** One generation of one profile, as the UI names it. */
export const GenerationRefSchema = z
  .object({
    kind: ProfileKindSchema,
    /** The profile's name as listProfiles gives it (`system`, `work`, `home-manager`, `profile`). */
    name: z.string().min(1).max(255),
    number: z.number().int().positive().max(2 ** 32 - 1),
  })
  .strict();

/** Calls that list what is on the machine. */
export const generationCalls = {
  /** The machine Gentry is looking at. */
  machine: { input: empty, output: MachineSchema },
  /** Every profile and its generations. */
  listProfiles: { input: empty, output: ProfileListSchema },
  /** Build (or reuse) the demo world and look at it from now on. */
  openDemo: { input: empty, output: MachineSchema },
} as const;

/** Events about the listing. */
export const generationEvents = {
  /** The profiles changed (demo opened, a generation appeared); the UI reloads. */
  profilesChanged: z.object({ reason: z.string() }),
} as const;

export type ProfileKind = z.infer<typeof ProfileKindSchema>;
export type Generation = z.infer<typeof GenerationSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileList = z.infer<typeof ProfileListSchema>;
export type Machine = z.infer<typeof MachineSchema>;
export type GenerationRef = z.infer<typeof GenerationRefSchema>;
