// Command-line parsing for `gentry`: strict, so an unknown or malformed option is a usage error (exit 2).
import { parseArgs } from 'node:util';

/** A usage error: printed with the usage text, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  'system-profile': { type: 'string' },
  'home-profile': { type: 'string' },
  'user-profile': { type: 'string' },
  'booted-system': { type: 'string' },
  'nix-db': { type: 'string' },
  'guix-system-profile': { type: 'string' },
  'guix-home-profile': { type: 'string' },
  'guix-user-profile': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The commands and their own options. */
export const COMMANDS = {
  list: {},
  diff: {},
  history: { last: { type: 'string' }, profile: { type: 'string' } },
  switch: { mode: { type: 'string' }, profile: { type: 'string' }, yes: { type: 'boolean' } },
  delete: { profile: { type: 'string' }, yes: { type: 'boolean' }, 'delete-labelled': { type: 'boolean' } },
  gc: { 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' } },
  boot: { esp: { type: 'string' }, efivars: { type: 'string' }, clear: { type: 'boolean' }, yes: { type: 'boolean' } },
  label: { profile: { type: 'string' }, note: { type: 'string' }, clear: { type: 'boolean' } },
  pins: {
    overlay: { type: 'string' },
    source: { type: 'string' },
    rev: { type: 'string' },
    'from-generation': { type: 'string' },
    profile: { type: 'string' },
    version: { type: 'string' },
    reason: { type: 'string' },
    'nixpkgs-git': { type: 'string' },
    'dry-run': { type: 'boolean' },
    cost: { type: 'boolean' },
  },
  path: { path: { type: 'string' } },
  progress: {},
  serve: { port: { type: 'string' }, open: { type: 'boolean' }, esp: { type: 'string' }, efivars: { type: 'string' } },
  demo: { dir: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' }, electron: { type: 'boolean' }, esp: { type: 'string' }, efivars: { type: 'string' } },
  help: {},
} as const;

/** A command name. */
export type CommandName = keyof typeof COMMANDS;

/** The parsed command line. */
export interface ParsedArgs {
  command: CommandName;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** The usage text. */
export const USAGE = `Usage: gentry <command> [options]

Commands:
  list                 every system, home-manager and user generation (and Guix's, where it is there)
  diff A B             the package diff between two generations; A and B are N (system profile),
                       home:N, PROFILE:N (system-profiles/PROFILE), user:N, current, booted, or a
                       store path; or two Guix generations, guix-system:N, guix-home:N, guix-user:N
  history [--last N] [--profile system|home|user|PROFILE|guix-system|guix-home|guix-user]
                       each generation against the one before it (default: the last 10)
  switch N [--mode switch|boot|test] [--profile NAME] [--yes]
                       show the diff from the current generation, then switch (or boot, or test)
                       through the privileged helper
  delete N... [--profile NAME] [--yes] [--delete-labelled]
                       show what becomes collectable, then delete those generation links
                       (the current and the booted one are refused; labelled ones need
                       --delete-labelled or a second yes)
  gc [--dry-run] [--yes]
                       show the dead store paths, then collect them
  boot list [--esp PATH] [--efivars PATH]
                       the boot menu as the firmware will show it next time, and what overrides what
                       (--esp: default the first of /boot, /efi, /boot/efi holding loader/ or grub/;
                       --efivars: default /sys/firmware/efi/efivars)
  boot default ID|--clear [--yes]    boot once ID|--clear [--yes]
  boot timeout SECONDS|menu-force [--yes]
                       change the boot menu through the privileged helper (a preview first); an ID is
                       an entry file name (systemd-boot) or a menu path "Submenu>Entry" (GRUB)
  label N TEXT [--note TEXT] [--profile NAME]    label N --clear [--profile NAME]
                       label a generation (labelled generations are protected from deletion)
  pins list|check --overlay DIR
  pins add ATTR --overlay DIR (--source SRC --rev REV | --from-generation N [--profile NAME])
                       [--version V] [--reason TEXT] [--dry-run]
  pins remove ATTR --overlay DIR
  pins suggest ATTR [--nixpkgs-git DIR] [--cost [--source SRC] [--rev REV,REV…]]
                       pin one package to an older version through an overlay (docs/pins.md)
  path [--path DIRS]   which profile's command runs on PATH and which it shadows (Guix and Nix)
  progress             read Nix's --log-format internal-json on standard input and show progress;
                       with --json, print the counts at the end (exit 1 when a build failed)
  serve [--port N] [--open] [--esp PATH] [--efivars PATH]
                       the UI for a browser on 127.0.0.1; prints the URL (with its token) first
  demo [--dir DIR] [--port N] [--no-open] [--electron] [--esp PATH] [--efivars PATH]
                       build a demo machine in the Nix store (or reuse DIR) and open Gentry on it
                       (its boot menu: the world's boot/ and sys/firmware/efi/efivars)
  help [COMMAND]       this text, or one command's own help (as gentry COMMAND --help)

Options for every command:
  --system-profile PATH   default /nix/var/nix/profiles/system (its system-profiles/* are listed too)
  --home-profile PATH     default: home-manager's rule ($XDG_STATE_HOME/nix/profiles/home-manager, else
                          /nix/var/nix/profiles/per-user/$USER/home-manager)
  --user-profile PATH     default: where ~/.nix-profile points
  --booted-system PATH    default /run/booted-system
  --nix-db PATH           default /nix/var/nix/db/db.sqlite
  --guix-system-profile PATH, --guix-home-profile PATH, --guix-user-profile PATH
                          Guix's profiles (default: under $GUIX_STATE_DIRECTORY, else /var/guix)
  --json                  print JSON (docs/cli.md has the shapes)

Exit status: 0 done, 1 failed, 2 bad usage.`;

/** A port number from an option, or a usage error. */
export function parsePort(value: string | boolean | undefined): number {
  if (value === undefined) return 0;
  if (typeof value !== 'string' || !/^[0-9]{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`--port takes a number from 0 to 65535, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** A positive count from an option, or a usage error. */
export function parseCount(name: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value)) throw new UsageError(`--${name} takes a positive number, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** Parses argv (without node and the script). */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { command: 'help', values: {}, positionals: [] };
  if (!Object.hasOwn(COMMANDS, first)) throw new UsageError(`unknown command ${JSON.stringify(first)}`);
  const command = first as CommandName;
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: { ...COMMON_OPTIONS, ...COMMANDS[command] },
      strict: true,
      allowPositionals: ['diff', 'switch', 'delete', 'boot', 'label', 'pins'].includes(command),
    });
    if (command === 'diff' && positionals.length !== 2) throw new UsageError(`diff takes two generations, not ${positionals.length}`);
    for (const [k, v] of Object.entries(values)) {
      if (typeof v === 'string' && v.length === 0) throw new UsageError(`--${k} needs a value`);
    }
    return { command, values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message);
  }
}
