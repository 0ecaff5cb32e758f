// Gentry's settings: the flakes it builds from, the overlay targets of pins, run history limits.
import { z } from 'zod';
import { emptyInput as empty } from './empty.ts';

/** A flake reference Gentry accepts in settings: a path, `path:`, `git+file:`, `github:` or `git+https:`, with an optional `#attr`. */
export const FlakeRefSchema = z
  .string()
  .min(1)
  .max(4096)
  .regex(
    /^(?:\/[^\s#?]*|~\/[^\s#?]*|path:[^\s#]+|git\+file:\/\/[^\s#]+|github:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^\s#]+)?|git\+https:\/\/[^\s#]+)(?:#[A-Za-z0-9_.@"+-]+)?$/,
    'a flake reference is a path, path:, git+file:, github: or git+https:, with an optional #attr',
  );

/** A place where Gentry keeps an overlay of pins. */
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

/** Calls that read and replace the settings. */
export const settingsCalls = {
  /** Gentry's settings (~/.config/gentry/config.json). */
  settings: { input: empty, output: SettingsSchema },
  /** Replace the settings (validated, written atomically). */
  saveSettings: { input: SettingsSchema, output: SettingsSchema },
} as const;

export type Settings = z.infer<typeof SettingsSchema>;
export type OverlayTarget = z.infer<typeof OverlayTargetSchema>;
