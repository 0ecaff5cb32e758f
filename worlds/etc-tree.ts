// The etc store path a toplevel's `etc` links into: /etc files as their own store paths, and
// /etc/systemd/{system,user} pointing at the unit directories.
import type { ChannelRevision } from './channel-history.ts';
import type { EtcDef } from './catalog.ts';
import type { PackageSet } from './package-set.ts';
import { file, link, tree, type Entry } from './store-content.ts';
import type { StoreNode } from './store-graph.ts';
import { KiB } from './byte-sizes.ts';
import type { UnitDirectories } from './systemd-units.ts';
import type { WorldContext } from './world-context.ts';

/** One /etc file of a configuration, with the configuration change it is at. */
export interface EtcChoice {
  def: EtcDef;
  variant: number;
}

const etcDirs = new Set(['dbus-1', 'udev-rules', 'tmpfiles.d', 'xdg-mime', 'X11-xkb']);

function osRelease(revision: ChannelRevision): string {
  const { version, codeName } = revision.release;
  return [
    'ANSI_COLOR="0;38;2;126;186;228"',
    'BUG_REPORT_URL="https://github.com/NixOS/nixpkgs/issues"',
    `BUILD_ID="${revision.label}"`,
    'ID=nixos',
    'NAME=NixOS',
    `PRETTY_NAME="NixOS ${version} (${codeName})"`,
    `VERSION="${version} (${codeName})"`,
    `VERSION_CODENAME=${codeName.toLowerCase()}`,
    `VERSION_ID="${version}"`,
    '',
  ].join('\n');
}

/** Builds the etc path (and its files) for one configuration. */
export function buildEtc(ctx: WorldContext, pkgs: PackageSet, files: EtcChoice[], units: UnitDirectories, tag: string): StoreNode {
  const revision = pkgs.revision;
  const links: Record<string, Entry> = {
    'etc/systemd/system': link(units.systemUnits.path),
    'etc/systemd/user': link(units.userUnits.path),
  };
  const refs: StoreNode[] = [units.systemUnits, units.userUnits];
  for (const { def, variant } of files) {
    const isOsRelease = def.name === 'os-release';
    const text = isOsRelease ? osRelease(revision) : `# ${def.name} (${tag}, change ${variant})\n`;
    const node = ctx.graph.add({
      name: def.name,
      variant: `${tag}|${variant}|${isOsRelease ? revision.label : ''}`,
      narSize: 1.2 * KiB + def.attrs.length * 120,
      references: def.attrs.map((attr) => pkgs.get(attr).base),
      content: () => (etcDirs.has(def.name) ? tree({ [`${def.name}.conf`]: file(text) }) : file(text)),
    });
    refs.push(node);
    links[`etc/${def.name}`] = link(node.path);
  }
  return ctx.graph.add({
    name: 'etc',
    variant: `etc|${tag}`,
    narSize: 24 * KiB + refs.length * 150,
    references: refs,
    content: () => tree(links),
  });
}
