// Bootspec (RFC 0125) documents as NixOS writes them into boot.json.

/** The org.nixos.bootspec.v1 part of a boot.json. */
export interface BootspecV1 {
  init: string;
  initrd: string;
  kernel: string;
  kernelParams: string[];
  label: string;
  system: string;
  toplevel: string;
}

/** A whole boot.json document. */
export interface BootspecDocument {
  'org.nixos.bootspec.v1': BootspecV1;
  'org.nixos.specialisation.v1': Record<string, BootspecDocument>;
  'org.nixos.systemd-boot': { sortKey: string };
}

/** The bootspec label: "NixOS <codeName> <label> (Linux <version>)". */
export function bootspecLabel(codeName: string, label: string, kernelVersion: string): string {
  return `NixOS ${codeName} ${label} (Linux ${kernelVersion})`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
  }
  return value;
}

/** The file text, keys sorted and indented as `jq --sort-keys` prints them. */
export function bootspecText(document: BootspecDocument): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}
