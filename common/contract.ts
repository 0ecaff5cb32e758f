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
  /** Generations among them that carry a label: deleting them needs `confirmLabelled`. */
  labelled: z.array(z.object({ number: z.number().int().positive(), label: z.string() })),
});

/** The preview of a garbage collection (the helper's dry run). */
export const GcPreviewSchema = z.object({
  outcome: ActionOutcomeSchema,
  deadPaths: z.number().int().nonnegative().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
});

const deleteInput = z
  .object({
    kind: z.enum(['system', 'home']),
    name: z.string().min(1).max(255),
    numbers: z.array(z.number().int().positive().max(2 ** 32 - 1)).min(1).max(1000),
    /** Labelled generations are protected: deleting one is refused unless this is true (the UI asks again first). */
    confirmLabelled: z.boolean().optional(),
  })
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

/** Where a boot setting comes from: systemd-boot's loader.conf or EFI variable (the variable wins), GRUB's grub.cfg or grubenv. */
const BootSourceSchema = z.enum(['loader.conf', 'efi', 'grub.cfg', 'grubenv']);

/** A setting and where it comes from. */
const BootSettingSchema = z.object({ value: z.string(), source: BootSourceSchema });

/** The boot menu as the firmware will show it next time, and why. */
export const BootMenuSchema = z.object({
  loader: z.enum(['systemd-boot', 'grub', 'none']),
  esp: z.string().nullable(),
  timeout: BootSettingSchema.nullable(),
  default: z.object({ id: z.string(), source: BootSourceSchema }).nullable(),
  oneshot: z.object({ id: z.string() }).nullable(),
  entries: z.array(BootEntrySchema),
  warnings: z.array(z.string()),
});

/** The length of a string in UTF-8 bytes. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * A boot entry's ID as the helper takes it: a systemd-boot entry file name (`nixos-generation-42.conf`)
 * or a GRUB menu path (`All configurations>NixOS - Configuration 42 (…)`). Never contains `/`, a
 * newline or NUL, never starts with `.`, at most 255 bytes of UTF-8.
 */
export const BootEntryIdSchema = z
  .string()
  .min(1)
  .regex(/^[^./\n\r\0][^/\n\r\0]*$/, 'an entry ID never starts with "." and never contains "/", a newline or NUL')
  .refine((id) => utf8Length(id) <= 255, 'an entry ID is at most 255 bytes');

/** A timeout for the boot menu: seconds, or `menu-force` (always show the menu, never time out). */
export const BootTimeoutSchema = z.union([z.number().int().min(0).max(65535), z.literal('menu-force')]);

/** One change to the boot menu; each is one helper verb (`gentry-helper boot …`). */
export const BootChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('set-default'), id: BootEntryIdSchema }).strict(),
  z.object({ action: z.literal('set-oneshot'), id: BootEntryIdSchema }).strict(),
  z.object({ action: z.literal('clear-default') }).strict(),
  z.object({ action: z.literal('clear-oneshot') }).strict(),
  z.object({ action: z.literal('set-timeout'), timeout: BootTimeoutSchema }).strict(),
  /** Writes (creates or replaces) an entry NixOS does not manage; `text` is the whole entry file. */
  z.object({ action: z.literal('write-entry'), id: BootEntryIdSchema, text: z.string().min(1).refine((t) => utf8Length(t) <= 65536, 'an entry is at most 64 KiB of UTF-8') }).strict(),
  z.object({ action: z.literal('remove-entry'), id: BootEntryIdSchema }).strict(),
]);

/** What a boot change will do, shown before it runs. */
export const BootChangePreviewSchema = z.object({
  /** One sentence: what changes. */
  summary: z.string(),
  /** What is written: `EFI variable LoaderEntryDefault`, `/boot/loader/loader.conf`, `/boot/grub/grubenv`, … */
  target: z.string(),
  /** The value (or file text) before and after; null where there is none (a variable that is not set). */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** True when the next `nixos-rebuild` will undo this change. */
  undoneByRebuild: z.boolean(),
  /** The line to put in the NixOS configuration instead (or as well), when there is one. */
  declarative: z.string().nullable(),
  /** Things to know before going ahead (a pinned default, GRUB's default not being `saved`, …). */
  warnings: z.array(z.string()),
});

/** The text of one boot entry file, for editing. */
export const BootEntryTextSchema = z.object({ id: z.string(), text: z.string(), managedByNixOS: z.boolean() });

/** A label (and note) for one generation; null clears it. */
const labelInput = z
  .object({
    generation: GenerationRefSchema,
    label: z.string().trim().min(1).max(200).nullable(),
    note: z.string().max(4000).nullable().optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Rebuild terminal: recipes, runs, settings (issue 6)

/** The recipes the renderer may ask for by name; main builds every command line itself. */
export const RecipeIdSchema = z.enum(['rebuild-system', 'switch-home', 'update-flake', 'collect-garbage', 'demo-build']);

/** nixos-rebuild's modes a system recipe can use. */
export const RebuildModeSchema = z.enum(['switch', 'boot', 'test', 'build']);

/** A flake reference Gentry accepts in settings: a path, `path:`, `git+file:`, `github:` or `git+https:`, with an optional `#attr`. */
export const FlakeRefSchema = z
  .string()
  .min(1)
  .max(4096)
  .regex(
    /^(?:\/[^\s#?]*|~\/[^\s#?]*|path:[^\s#]+|git\+file:\/\/[^\s#]+|github:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^\s#]+)?|git\+https:\/\/[^\s#]+)(?:#[A-Za-z0-9_.@"+-]+)?$/,
    'a flake reference is a path, path:, git+file:, github: or git+https:, with an optional #attr',
  );

/** One recipe as the UI lists it. */
export const RecipeSchema = z.object({
  id: RecipeIdSchema,
  title: z.string(),
  description: z.string(),
  /** The modes it takes (rebuild-system); empty for the others. */
  modes: z.array(RebuildModeSchema),
  /** True when it runs through the privileged helper (asks for a password). */
  privileged: z.boolean(),
  available: z.boolean(),
  /** Why it cannot run (no flake configured, …) and what to do. */
  unavailableReason: z.string().nullable(),
  /** What will run, for the person to read (never sent back). */
  command: z.string(),
});

/** A place where Gentry keeps an overlay of pins (issue 7). */
export const OverlayTargetSchema = z
  .object({
    name: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/),
    path: z.string().min(1).max(4096),
    kind: z.enum(['system', 'home']),
  })
  .strict();

/** `~/.config/gentry/config.json`. */
export const SettingsSchema = z
  .object({
    version: z.literal(1),
    /** The flake the system is built from (`/etc/nixos#host`); null when not set. */
    systemFlake: FlakeRefSchema.nullable(),
    /** The flake home-manager is built from (`~/nixos-config#me@host`); null when not set. */
    homeFlake: FlakeRefSchema.nullable(),
    /** A local nixpkgs git checkout to search for versions (pins); null when none. */
    nixpkgsGit: z.string().min(1).max(4096).nullable(),
    overlayTargets: z.array(OverlayTargetSchema).max(32),
    /** Run logs are pruned, oldest first, past this many MiB. */
    runHistoryLimitMiB: z.number().int().min(1).max(100000),
  })
  .strict();

/** Live (and final) counts from Nix's internal-json log. `gentry progress --json` prints the first three fields. */
export const ProgressSchema = z.object({
  builds: z.object({ done: z.number().int().nonnegative(), expected: z.number().int().nonnegative(), running: z.number().int().nonnegative(), failed: z.number().int().nonnegative() }),
  downloads: z.object({ done: z.number().int().nonnegative(), expected: z.number().int().nonnegative(), bytes: z.number().nonnegative() }),
  errors: z.array(z.string()),
  /** The builds running now, with their phase when Nix says it. */
  active: z.array(z.object({ name: z.string(), phase: z.string().nullable() })),
});

/** A run's ID: the start time and a random suffix. */
export const RunIdSchema = z.string().regex(/^[0-9]{8}T[0-9]{6}Z-[a-z0-9]{6}$/);

/** One run of a recipe, running or kept in the history. */
export const RunSummarySchema = z.object({
  id: RunIdSchema,
  recipe: RecipeIdSchema,
  mode: RebuildModeSchema.nullable(),
  title: z.string(),
  started: z.string(),
  ended: z.string().nullable(),
  exitCode: z.number().int().nullable(),
  state: z.enum(['running', 'succeeded', 'failed', 'stopped']),
  progress: ProgressSchema,
  /** The generation the run produced, and the one before it (for the diff). */
  generation: z.object({ kind: ProfileKindSchema, name: z.string(), number: z.number().int().positive(), previous: z.number().int().positive().nullable() }).nullable(),
  logBytes: z.number().int().nonnegative(),
});

const runRef = z.object({ runId: RunIdSchema }).strict();
const termSize = { cols: z.number().int().min(10).max(1000), rows: z.number().int().min(2).max(500) };

// ---------------------------------------------------------------------------------------------
// Pins (issue 7)

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
  /** What a boot change would do, and whether the next rebuild undoes it. */
  previewBootChange: { input: z.object({ change: BootChangeSchema }).strict(), output: BootChangePreviewSchema },
  /** Make a boot change through the helper. */
  changeBoot: { input: z.object({ change: BootChangeSchema }).strict(), output: ActionOutcomeSchema },
  /** The text of one boot entry, for editing. */
  bootEntryText: { input: z.object({ id: BootEntryIdSchema }).strict(), output: BootEntryTextSchema },
  /** Label (or unlabel) a generation. */
  setLabel: { input: labelInput, output: z.object({ label: z.string().nullable(), note: z.string().nullable() }) },
  /** Gentry's settings (~/.config/gentry/config.json). */
  settings: { input: empty, output: SettingsSchema },
  /** Replace the settings (validated, written atomically). */
  saveSettings: { input: SettingsSchema, output: SettingsSchema },
  /** The recipes, and whether each can run with the current settings. */
  recipes: { input: empty, output: z.object({ recipes: z.array(RecipeSchema) }) },
  /** Start a recipe in a new terminal session owned by the caller. */
  startRun: { input: z.object({ recipe: RecipeIdSchema, mode: RebuildModeSchema.optional(), ...termSize }).strict(), output: RunSummarySchema },
  /** Keys typed into a running session. */
  writeTerminal: { input: z.object({ runId: RunIdSchema, data: z.string().max(65536) }).strict(), output: empty },
  /** The terminal's size changed. */
  resizeTerminal: { input: z.object({ runId: RunIdSchema, ...termSize }).strict(), output: empty },
  /** The caller has written `bytes` more bytes of terminalData (flow control). */
  ackTerminal: { input: z.object({ runId: RunIdSchema, bytes: z.number().int().positive().max(2 ** 31) }).strict(), output: empty },
  /** Stop a run: interrupt, then terminate after a grace period. */
  stopRun: { input: runRef, output: RunSummarySchema },
  /** Every kept run, newest first. */
  listRuns: { input: empty, output: z.object({ runs: z.array(RunSummarySchema) }) },
  /** One run and its log so far (with colours); a running run's output goes to the caller from now on. */
  runLog: { input: runRef, output: z.object({ run: RunSummarySchema, log: z.string(), truncated: z.boolean() }) },
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
  /** Closure size and package count of every generation of a profile, oldest first. */
  history: { input: z.object({ kind: ProfileKindSchema, name: z.string().min(1).max(255) }).strict(), output: z.object({ points: z.array(HistoryPointSchema) }) },
} as const;

/** Every event main pushes to the UI: its payload schema. */
export const events = {
  /** The profiles changed (demo opened, a generation appeared); the UI reloads. */
  profilesChanged: z.object({ reason: z.string() }),
  /** A line of progress from a running action. */
  actionProgress: z.object({ message: z.string() }),
  /** Output of a run's terminal; sent only to the caller that owns the run. */
  terminalData: z.object({ runId: RunIdSchema, data: z.string() }),
  /** New progress counts of a run; sent only to its owner. */
  runProgress: z.object({ runId: RunIdSchema, progress: ProgressSchema }),
  /** A run ended (to every caller: the history changed). */
  runFinished: z.object({ run: RunSummarySchema }),
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
export type BootChange = z.infer<typeof BootChangeSchema>;
export type BootChangePreview = z.infer<typeof BootChangePreviewSchema>;
export type RecipeId = z.infer<typeof RecipeIdSchema>;
export type RebuildMode = z.infer<typeof RebuildModeSchema>;
export type Recipe = z.infer<typeof RecipeSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type OverlayTarget = z.infer<typeof OverlayTargetSchema>;
export type Progress = z.infer<typeof ProgressSchema>;
export type RunSummary = z.infer<typeof RunSummarySchema>;
export type Pin = z.infer<typeof PinSchema>;
export type PinProblem = z.infer<typeof PinProblemSchema>;
export type PinTarget = z.infer<typeof PinTargetSchema>;
export type PinSuggestions = z.infer<typeof PinSuggestionsSchema>;

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

/** Who made a call: the door gives each window, socket or process its own client ID. */
export interface Caller {
  client: string;
}

/** The object main implements: one async function per call. */
export type GentryHandlers = {
  [K in CallName]: (input: z.infer<(typeof calls)[K]['input']>, caller: Caller) => Promise<CallOutput<K>>;
};
