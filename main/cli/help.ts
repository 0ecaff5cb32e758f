// Each command's own help: `gentry COMMAND --help` and `gentry help COMMAND` print it.
import type { CommandName } from './args.ts';

/** One command's help: how it is called, what it does, its own options, and an example. */
interface CommandHelp {
  usage: string[];
  summary: string;
  options: [string, string][];
  examples: string[];
}

const PATH_OPTIONS = `Options for every command:
  --system-profile PATH   the system profile (default /nix/var/nix/profiles/system)
  --home-profile PATH     the home-manager profile (default: home-manager's own rule)
  --user-profile PATH     the per-user profile (default: where ~/.nix-profile points)
  --booted-system PATH    default /run/booted-system
  --nix-db PATH           default /nix/var/nix/db/db.sqlite
  --guix-system-profile PATH  default $GUIX_STATE_DIRECTORY/profiles/system (/var/guix/profiles/system)
  --guix-home-profile PATH    default /var/guix/profiles/per-user/$USER/guix-home
  --guix-user-profile PATH    default /var/guix/profiles/per-user/$USER/guix-profile
  --json                  print JSON (docs/cli.md has the shapes)
  -h, --help              this text`;

const GENERATION = 'N is a generation of the system profile (or of the profile --profile names); home:N is one of home-manager, PROFILE:N one of system-profiles/PROFILE.';

const HELP: Record<Exclude<CommandName, 'help'>, CommandHelp> = {
  list: {
    usage: ['gentry list [--json]'],
    summary: 'Every system, home-manager and user generation: date, versions, kernel, closure size, labels, and what could not be read. Where Guix is there too, its system, home and user profiles follow (channels, boot label, packages).',
    options: [],
    examples: ['gentry list', 'gentry list --json | jq ".profiles[0].generations[-1]"'],
  },
  diff: {
    usage: ['gentry diff A B [--json]'],
    summary: 'The package diff between two generations. A and B are N (system profile), home:N, PROFILE:N (system-profiles/PROFILE), user:N, current, booted, or a store path; or both Guix generations, guix-system:N, guix-home:N or guix-user:N (packages by name and output, and the channel commits that moved).',
    options: [],
    examples: ['gentry diff 41 42', 'gentry diff booted current', 'gentry diff home:7 home:8 --json', 'gentry diff guix-user:1 guix-user:3'],
  },
  history: {
    usage: ['gentry history [--last N] [--profile system|home|user|PROFILE|guix-system|guix-home|guix-user] [--json]'],
    summary: 'Each generation against the one before it.',
    options: [
      ['--last N', 'how many of the newest generations (default 10)'],
      ['--profile NAME', 'system (default), home, user, a system-profiles/ name, or guix-system, guix-home, guix-user'],
    ],
    examples: ['gentry history --last 3', 'gentry history --profile home --json', 'gentry history --profile guix-system'],
  },
  switch: {
    usage: ['gentry switch N|home:N|PROFILE:N [--mode switch|boot|test] [--profile NAME] [--yes] [--json]'],
    summary: `Shows the diff from the current generation, then switches (or boots, or tests) it: system generations through the privileged helper, home-manager generations with their own activate. ${GENERATION}`,
    options: [
      ['--mode MODE', 'switch (default), boot (the default at the next boot) or test (activate, not the default); system only'],
      ['--profile NAME', 'home, or a system-profiles/ name, for a bare N'],
      ['--yes', 'go ahead without asking (needed where there is no terminal)'],
    ],
    examples: ['gentry switch 41', 'gentry switch 41 --mode boot --yes', 'gentry switch home:3'],
  },
  delete: {
    usage: ['gentry delete N...|home:N... [--profile NAME] [--yes] [--delete-labelled] [--json]'],
    summary: `Shows what becomes collectable, then deletes those generation links. The current and the booted generation are refused; labelled ones need --delete-labelled (or a second yes on a terminal). ${GENERATION}`,
    options: [
      ['--profile NAME', 'home, or a system-profiles/ name, for bare numbers'],
      ['--yes', 'go ahead without asking'],
      ['--delete-labelled', 'labelled generations may go too'],
    ],
    examples: ['gentry delete 12 13 14', 'gentry delete home:2 --yes'],
  },
  gc: {
    usage: ['gentry gc [--dry-run] [--yes] [--json]'],
    summary: 'Shows the dead store paths, then collects them through the privileged helper.',
    options: [
      ['--dry-run', 'only say what would be deleted'],
      ['--yes', 'go ahead without asking'],
    ],
    examples: ['gentry gc --dry-run', 'gentry gc --yes'],
  },
  boot: {
    usage: ['gentry boot list [--esp PATH] [--efivars PATH]', 'gentry boot default ID|--clear [--yes]', 'gentry boot once ID|--clear [--yes]', 'gentry boot timeout SECONDS|menu-force [--yes]'],
    summary: 'The boot menu as the firmware will show it next time, and what overrides what; changes go through the privileged helper, a preview first. An ID is an entry file name (systemd-boot) or a menu path "Submenu>Entry" (GRUB).',
    options: [
      ['--esp PATH', 'the EFI system partition (default: the first of /boot, /efi, /boot/efi holding loader/ or grub/)'],
      ['--efivars PATH', 'default /sys/firmware/efi/efivars'],
      ['--clear', 'with default or once: remove the setting'],
      ['--yes', 'go ahead without asking'],
    ],
    examples: ['gentry boot list', 'gentry boot once nixos-generation-41.conf --yes', 'gentry boot timeout 5'],
  },
  label: {
    usage: ['gentry label N|home:N|PROFILE:N TEXT [--note TEXT] [--profile NAME]', 'gentry label N --clear [--profile NAME]'],
    summary: 'Labels a generation (labelled generations are protected from deletion). A label is 1 to 200 characters, a note at most 4000.',
    options: [
      ['--note TEXT', 'a longer note under the label'],
      ['--clear', 'remove the label and its note'],
      ['--profile NAME', 'home, or a system-profiles/ name, for a bare N'],
    ],
    examples: ['gentry label 41 last good before KiCad 9 --note "export works here"', 'gentry label 41 --clear'],
  },
  pins: {
    usage: [
      'gentry pins list|check --overlay DIR',
      'gentry pins add ATTR --overlay DIR (--source SRC --rev REV | --from-generation N [--profile NAME]) [--version V] [--reason TEXT] [--dry-run]',
      'gentry pins remove ATTR --overlay DIR',
      'gentry pins suggest ATTR [--nixpkgs-git DIR] [--cost [--source SRC] [--rev REV,REV…]]',
    ],
    summary: 'Pins one package to an older version through an overlay (docs/pins.md). check exits 1 when a pin has a problem.',
    options: [
      ['--overlay DIR', 'the target directory (pins.json and overlay.nix)'],
      ['--source SRC', 'github:OWNER/REPO, git+file:///PATH or git+https://HOST/PATH'],
      ['--rev REV', 'the nixpkgs revision to take the package from'],
      ['--from-generation N', 'take the version and revision of generation N'],
      ['--profile NAME', 'with --from-generation: home, or a system-profiles/ name'],
      ['--version V', 'the version the revision must carry'],
      ['--reason TEXT', 'why, kept in pins.json'],
      ['--nixpkgs-git DIR', 'a local nixpkgs checkout to search as well'],
      ['--dry-run', 'with add: print what the pin would cost (what Nix would fetch and build) and write nothing'],
      ['--cost', 'with suggest: rank the revisions (and --rev ones) by cost: nothing to build, smallest download, newest'],
    ],
    examples: ['gentry pins suggest kicad', 'gentry pins suggest kicad --cost', 'gentry pins add kicad --overlay ~/nixos/pins --from-generation 40 --dry-run', 'gentry pins add kicad --overlay ~/nixos/pins --from-generation 40', 'gentry pins check --overlay ~/nixos/pins'],
  },
  path: {
    usage: ['gentry path [--path DIRS] [--json]'],
    summary: 'Which one wins on PATH: for each command in a PATH directory of a known profile (Guix system, Guix home, Guix user, NixOS system, home-manager, the Nix user profile), the profile and generation of the one that runs and of those it shadows; one package at different versions (in both stores, or in one) is flagged.',
    options: [['--path DIRS', 'the directories, separated by colons (default: $PATH)']],
    examples: ['gentry path', 'gentry path --path ~/.guix-home/profile/bin:/run/current-system/sw/bin --json'],
  },
  progress: {
    usage: ['nix-build … --log-format internal-json -v 2>&1 | gentry progress [--json]'],
    summary: "Reads Nix's internal-json log on standard input and shows progress; with --json, prints the counts at the end. Exit 1 when a build failed.",
    options: [],
    examples: ['nix build .#foo --log-format internal-json -v 2>&1 | gentry progress'],
  },
  serve: {
    usage: ['gentry serve [--port N] [--open] [--esp PATH] [--efivars PATH]'],
    summary: 'The UI for a browser on 127.0.0.1; prints the URL (with its token) first.',
    options: [
      ['--port N', 'the port (default: any free one)'],
      ['--open', 'open the browser'],
      ['--esp PATH', 'as for gentry boot'],
      ['--efivars PATH', 'as for gentry boot'],
    ],
    examples: ['gentry serve --port 8731'],
  },
  demo: {
    usage: ['gentry demo [--dir DIR] [--port N] [--no-open] [--electron] [--esp PATH] [--efivars PATH]'],
    summary: "Builds a demo machine in the Nix store (or reuses DIR) and opens Gentry on it (its boot menu: the world's boot/ and sys/firmware/efi/efivars).",
    options: [
      ['--dir DIR', 'where the demo world lives'],
      ['--port N', 'serve on this port (and use the browser)'],
      ['--no-open', 'do not open the browser'],
      ['--electron', 'use the Electron window'],
    ],
    examples: ['gentry demo', 'gentry demo --port 8731 --no-open'],
  },
};

/** Breaks `text` into lines of at most `width` characters, at spaces. */
function wrap(text: string, width = 78): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** True when `name` is a command with its own help. */
export function hasHelp(name: string): name is Exclude<CommandName, 'help'> {
  return Object.hasOwn(HELP, name);
}

/** The help text of one command. */
export function commandHelp(name: Exclude<CommandName, 'help'>): string {
  const h = HELP[name];
  const width = Math.max(0, ...h.options.map(([o]) => o.length));
  const lines = [`Usage: ${h.usage[0]}`, ...h.usage.slice(1).map((u) => `       ${u}`), '', ...wrap(h.summary)];
  if (h.options.length > 0) lines.push('', 'Options:', ...h.options.map(([o, d]) => `  ${o.padEnd(width)}  ${d}`));
  lines.push('', PATH_OPTIONS, '', h.examples.length > 1 ? 'Examples:' : 'Example:', ...h.examples.map((e) => `  ${e}`), '', 'Exit status: 0 done, 1 failed, 2 bad usage.');
  return lines.join('\n');
}
