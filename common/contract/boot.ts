// The boot menu: what the firmware will show, and the changes the helper can make to it.
import { z } from 'zod';
import { ActionOutcomeSchema } from './actions.ts';
import { emptyInput as empty } from './empty.ts';
import { utf8Length } from './utf8-length.ts';

/** Why an entry will not boot as it stands: a file it names is not on the ESP, its boot counter has run out, or the generation it boots is gone. */
export const BootEntryProblemSchema = z.object({
  kind: z.enum(['missing-file', 'no-tries-left', 'generation-gone']),
  /** One sentence for people. */
  message: z.string(),
  /** missing-file: the file, as the entry names it. */
  file: z.string().optional(),
});

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
  /** What keeps this entry from booting (empty or absent: nothing known). */
  problems: z.array(BootEntryProblemSchema).optional(),
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

/** Calls that read and change the boot menu. */
export const bootCalls = {
  /** The boot menu as the firmware will show it at the next boot. */
  bootMenu: { input: empty, output: BootMenuSchema },
  /** What a boot change would do, and whether the next rebuild undoes it. */
  previewBootChange: { input: z.object({ change: BootChangeSchema }).strict(), output: BootChangePreviewSchema },
  /** Make a boot change through the helper. */
  changeBoot: { input: z.object({ change: BootChangeSchema }).strict(), output: ActionOutcomeSchema },
  /** The text of one boot entry, for editing. */
  bootEntryText: { input: z.object({ id: BootEntryIdSchema }).strict(), output: BootEntryTextSchema },
} as const;

export type BootEntry = z.infer<typeof BootEntrySchema>;
export type BootEntryProblem = z.infer<typeof BootEntryProblemSchema>;
export type BootMenu = z.infer<typeof BootMenuSchema>;
export type BootChange = z.infer<typeof BootChangeSchema>;
export type BootChangePreview = z.infer<typeof BootChangePreviewSchema>;
