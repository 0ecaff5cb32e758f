// The units a configuration generates (unit-<name>, unit-script-*, X-Restart-Triggers-*) and the
// system-units and user-units directories /etc/systemd links to.
import type { UnitDef } from './catalog.ts';
import type { PackageSet } from './package-set.ts';
import { dir, file, link, script, tree } from './store-content.ts';
import type { StoreNode } from './store-graph.ts';
import { KiB } from './byte-sizes.ts';
import type { WorldContext } from './world-context.ts';

/** One unit of a configuration, with the configuration change it is at. */
export interface UnitChoice {
  def: UnitDef;
  variant: number;
}

/** The two unit directories of a system. */
export interface UnitDirectories {
  systemUnits: StoreNode;
  userUnits: StoreNode;
}

/** A unit name as a store path name (NixOS's mkPathSafeName: @ and : become -). */
function pathSafeName(name: string): string {
  return name.replace(/[@:\\]/g, '-').replace(/[[\]]/g, '');
}

function unitStem(unit: string): string {
  return unit.replace(/@?\.[a-z]+$/, '');
}

function buildUnit(ctx: WorldContext, pkgs: PackageSet, { def, variant }: UnitChoice, tag: string): StoreNode {
  const pkg = def.attr ? pkgs.get(def.attr) : null;
  const stem = unitStem(def.name);
  const refs: StoreNode[] = pkg ? [pkg.base] : [];
  const unitVariant = `${tag}|${variant}`;
  if (def.script) {
    refs.push(
      ctx.graph.add({
        name: `unit-script-${pathSafeName(stem)}-start`,
        variant: unitVariant,
        narSize: 1.9 * KiB,
        references: [pkgs.get('bash').base, pkgs.get('coreutils').base, ...(pkg ? [pkg.base] : [])],
        content: () => tree({ [`bin/${stem}-start`]: script(`#!/bin/sh\n# start ${def.name}\n`) }),
      }),
    );
  }
  if (def.restartTrigger) {
    refs.push(
      ctx.graph.add({
        name: `X-Restart-Triggers-${pathSafeName(stem)}`,
        variant: unitVariant,
        narSize: 264,
        references: [],
        content: () => file(`${unitVariant}\n`),
      }),
    );
  }
  return ctx.graph.add({
    name: `unit-${pathSafeName(def.name)}`,
    variant: unitVariant,
    narSize: 2.2 * KiB,
    references: refs,
    content: () => tree({ [def.name]: file(`[Unit]\nDescription=${stem}\n\n[Service]\n${refs.map((r) => `# uses ${r.path}`).join('\n')}\n`) }),
  });
}

/** Builds every unit of `units` and the system-units and user-units directories holding them. */
export function buildUnitDirectories(ctx: WorldContext, pkgs: PackageSet, units: UnitChoice[], tag: string): UnitDirectories {
  const built = units.map((choice) => ({ def: choice.def, node: buildUnit(ctx, pkgs, choice, tag) }));
  const systemd = pkgs.get('systemd').base;
  const directory = (name: string, user: boolean): StoreNode => {
    const members = built.filter(({ def }) => def.user === user);
    return ctx.graph.add({
      name,
      variant: `${name}|${tag}`,
      narSize: 48 * KiB + members.length * 400,
      references: [systemd, ...members.map(({ node }) => node)],
      content: () => dir(Object.fromEntries(members.map(({ def, node }) => [def.name, link(`${node.path}/${def.name}`)]))),
    });
  };
  return { systemUnits: directory('system-units', false), userUnits: directory('user-units', true) };
}
