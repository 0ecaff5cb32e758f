// The one contract: every call and event the UI can use, declared once with zod schemas.
// The Electron door, the web door and the in-process door all serve exactly this.
import { z } from 'zod';

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

/** A typed failure any call can return. */
export const GentryErrorSchema = z.object({
  code: z.enum(['bad-input', 'not-found', 'unavailable', 'internal']),
  message: z.string(),
  /** What the person can do next. */
  hint: z.string().nullable(),
});

const empty = z.object({}).strict();

/** Every call: its input and output schemas. */
export const calls = {
  /** The machine Gentry is looking at. */
  machine: { input: empty, output: MachineSchema },
  /** Every profile and its generations. */
  listProfiles: { input: empty, output: ProfileListSchema },
  /** Build (or reuse) the demo world and look at it from now on. */
  openDemo: { input: empty, output: MachineSchema },
} as const;

/** Every event main pushes to the UI: its payload schema. */
export const events = {
  /** The profiles changed (demo opened, a generation appeared); the UI reloads. */
  profilesChanged: z.object({ reason: z.string() }),
} as const;

export type ProfileKind = z.infer<typeof ProfileKindSchema>;
export type Generation = z.infer<typeof GenerationSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileList = z.infer<typeof ProfileListSchema>;
export type Machine = z.infer<typeof MachineSchema>;
export type GentryErrorShape = z.infer<typeof GentryErrorSchema>;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['input']>;
export type CallOutput<K extends CallName> = z.infer<(typeof calls)[K]['output']>;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

/** The names of every call, in declaration order (used by the doors' registration loops). */
export const callNames = Object.keys(calls) as CallName[];
/** The names of every event. */
export const eventNames = Object.keys(events) as EventName[];

/** What a door returns for one call: a value or a typed error. */
export type CallResult<K extends CallName> =
  | { ok: true; value: CallOutput<K> }
  | { ok: false; error: GentryErrorShape };

/** The API the renderer sees (window.gentry in Electron, the WebSocket client in a browser). */
export type GentryApi = {
  [K in CallName]: (input: CallInput<K>) => Promise<CallResult<K>>;
} & {
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The object main implements: one async function per call. */
export type GentryHandlers = {
  [K in CallName]: (input: z.infer<(typeof calls)[K]['input']>) => Promise<CallOutput<K>>;
};
