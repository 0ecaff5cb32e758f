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

/** One generation of one profile, as the UI names it. */
export const GenerationRefSchema = z
  .object({
    kind: ProfileKindSchema,
    /** The profile's name as listProfiles gives it (`system`, `work`, `home-manager`, `profile`). */
    name: z.string().min(1).max(255),
    number: z.number().int().positive().max(2 ** 32 - 1),
  })
  .strict();

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

/** One generation on the history chart. */
export const HistoryPointSchema = z.object({
  number: z.number().int().positive(),
  date: z.string(),
  closureSize: z.number().int().nonnegative().nullable(),
  /** Distinct package names in the closure; null when the closure cannot be read. */
  packageCount: z.number().int().nonnegative().nullable(),
  nixpkgsRevision: z.string().nullable(),
  /** True when the nixpkgs revision differs from the previous generation's (a channel update). */
  channelUpdate: z.boolean(),
});

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
});

/** The preview of a garbage collection (the helper's dry run). */
export const GcPreviewSchema = z.object({
  outcome: ActionOutcomeSchema,
  deadPaths: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
});

const deleteInput = z
  .object({ kind: z.enum(['system', 'home']), name: z.string().min(1).max(255), numbers: z.array(z.number().int().positive().max(2 ** 32 - 1)).min(1).max(1000) })
  .strict();
const switchInput = z.object({ generation: GenerationRefSchema, mode: SwitchModeSchema }).strict();

/** One boot menu entry, in the order the boot loader shows it. */
export const BootEntrySchema = z.object({
  /** systemd-boot: the entry file name (`nixos-generation-30.conf`). */
  id: z.string(),
  title: z.string().nullable(),
  version: z.string().nullable(),
  /** The NixOS profile, generation and specialisation this entry boots, when NixOS wrote it. */
  profile: z.string().nullable(),
  generation: z.number().int().positive().nullable(),
  specialisation: z.string().nullable(),
  managedByNixOS: z.boolean(),
  isDefault: z.boolean(),
  isOneshot: z.boolean(),
  sortKey: z.string().nullable(),
  linux: z.string().nullable(),
  initrd: z.string().nullable(),
  options: z.string().nullable(),
});

/** A setting and where it comes from (the EFI variable wins over loader.conf). */
const BootSettingSchema = z.object({ value: z.string(), source: z.enum(['loader.conf', 'efi']) });

/** The boot menu as the firmware will show it next time, and why. */
export const BootMenuSchema = z.object({
  loader: z.enum(['systemd-boot', 'grub', 'none']),
  esp: z.string().nullable(),
  timeout: BootSettingSchema.nullable(),
  default: z.object({ id: z.string(), source: z.enum(['loader.conf', 'efi']) }).nullable(),
  oneshot: z.object({ id: z.string() }).nullable(),
  entries: z.array(BootEntrySchema),
  warnings: z.array(z.string()),
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
  /** The package diff between two generations (of one profile or two). */
  diff: { input: z.object({ from: GenerationRefSchema, to: GenerationRefSchema }).strict(), output: DiffSchema },
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
  /** The boot menu as the firmware will show it at the next boot. */
  bootMenu: { input: empty, output: BootMenuSchema },
  /** Closure size and package count of every generation of a profile, oldest first. */
  history: { input: z.object({ kind: ProfileKindSchema, name: z.string().min(1).max(255) }).strict(), output: z.object({ points: z.array(HistoryPointSchema) }) },
} as const;

/** Every event main pushes to the UI: its payload schema. */
export const events = {
  /** The profiles changed (demo opened, a generation appeared); the UI reloads. */
  profilesChanged: z.object({ reason: z.string() }),
  /** A line of progress from a running action. */
  actionProgress: z.object({ message: z.string() }),
} as const;

export type ProfileKind = z.infer<typeof ProfileKindSchema>;
export type Generation = z.infer<typeof GenerationSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileList = z.infer<typeof ProfileListSchema>;
export type Machine = z.infer<typeof MachineSchema>;
export type GentryErrorShape = z.infer<typeof GentryErrorSchema>;
export type GenerationRef = z.infer<typeof GenerationRefSchema>;
export type DiffSide = z.infer<typeof DiffSideSchema>;
export type DiffStatus = z.infer<typeof DiffStatusSchema>;
export type Selection = z.infer<typeof SelectionSchema>;
export type PackageDiff = z.infer<typeof PackageDiffSchema>;
export type DiffSummary = z.infer<typeof DiffSummarySchema>;
export type Diff = z.infer<typeof DiffSchema>;
export type HistoryPoint = z.infer<typeof HistoryPointSchema>;
export type SwitchMode = z.infer<typeof SwitchModeSchema>;
export type ActionOutcome = z.infer<typeof ActionOutcomeSchema>;
export type SwitchPreview = z.infer<typeof SwitchPreviewSchema>;
export type DeletePreview = z.infer<typeof DeletePreviewSchema>;
export type GcPreview = z.infer<typeof GcPreviewSchema>;
export type BootEntry = z.infer<typeof BootEntrySchema>;
export type BootMenu = z.infer<typeof BootMenuSchema>;

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
