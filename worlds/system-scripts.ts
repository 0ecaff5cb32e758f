// The small executable scripts a toplevel carries, written so they run on any POSIX machine.

/** Quotes a string for a POSIX shell. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** sw/bin/nixos-version: the label, --revision / --hash, --configuration-revision, --json. */
export function nixosVersionScript(label: string, revision: string, configurationRevision: string): string {
  const json = JSON.stringify({ nixosVersion: label, nixpkgsRevision: revision, configurationRevision });
  return [
    '#!/bin/sh',
    'case "$1" in',
    `  --hash|--revision) echo ${revision} ;;`,
    `  --configuration-revision) echo ${configurationRevision} ;;`,
    `  --json) echo ${shellQuote(json)} ;;`,
    '  -h|--help) echo "Usage: nixos-version [--hash|--revision|--configuration-revision|--json]" ;;',
    `  *) echo ${shellQuote(label)} ;;`,
    'esac',
    '',
  ].join('\n');
}

/**
 * bin/switch-to-configuration: appends one tab-separated line to `logPath`: the toplevel (found
 * from the script's own location, so every toplevel of a world shares one file), the arguments
 * joined by spaces, and $NIXOS_INSTALL_BOOTLOADER.
 */
export function switchScript(logPath: string): string {
  return [
    '#!/bin/sh',
    'toplevel=$(cd "$(dirname "$0")/.." && pwd -P)',
    `printf '%s\t%s\t%s\n' "$toplevel" "$*" "\${NIXOS_INSTALL_BOOTLOADER-}" >> ${shellQuote(logPath)}`,
    '',
  ].join('\n');
}

/** The activate script (it does nothing in a world). */
export function activateScript(): string {
  return '#!/bin/sh\n# activation is not run in a Gentry world\nexit 0\n';
}

/** The init script (stage 2 of NixOS boot), present only so the file exists. */
export function initScript(): string {
  return '#!/bin/sh\n# NixOS stage 2\nsystemConfig=$(cd "$(dirname "$0")" && pwd -P)\nexec "$systemConfig/activate"\n';
}
