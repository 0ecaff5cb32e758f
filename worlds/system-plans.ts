// How the machine's configuration evolves generation by generation: packages come and go,
// services and /etc files change, a gaming specialisation appears, the channel moves on.
import type { ChannelRevision } from './channel-history.ts';
import type { EtcChoice } from './etc-tree.ts';
import type { SystemPlan } from './nixos-system.ts';
import type { UnitChoice } from './systemd-units.ts';
import { chance, drawInt, fakeRevision, unitDraw } from './world-hash.ts';
import type { WorldContext } from './world-context.ts';

/** The host name of every world's machine. */
export const hostName = 'atlas';

const baseKernelParams = ['loglevel=4', 'lsm=landlock,yama,bpf'];

function pick<T>(items: readonly T[], ...parts: (string | number)[]): T | undefined {
  return items[Math.floor(unitDraw(...parts) * items.length)];
}

/** Whether generation `index` of `count` has the gaming specialisation (a stretch in the middle, and lately). */
function hasGaming(index: number, count: number): boolean {
  const share = index / count;
  return (share >= 0.4 && share < 0.55) || index >= count - Math.max(2, Math.ceil(count / 40));
}

/** One plan per system generation, oldest first, built from the revision each generation used. */
export function planSystemGenerations(ctx: WorldContext, revisions: ChannelRevision[]): SystemPlan[] {
  const { catalog, seed, preset, churn } = ctx;
  const defs = [...catalog.packages.values()];
  const optional = defs.filter((def) => def.optional).map((def) => def.attr);
  const packages = new Set(defs.filter((def) => def.system).map((def) => def.attr));
  for (const attr of optional) if (chance(preset.optionalShare, seed, 'optional-start', attr)) packages.add(attr);
  const unitVariants = new Map(catalog.units.map((def) => [def, 0]));
  const etcVariants = new Map(catalog.etcFiles.map((def) => [def, 0]));
  let quiet = false;
  let configurationRevision = fakeRevision(seed, 'configuration', 'system', 0);
  const plans: SystemPlan[] = [];
  revisions.forEach((revision, i) => {
    if (i > 0) {
      // A configuration change: maybe a package toggled, a service or an /etc file edited.
      // Installs and removals balance around the preset's share of optional packages.
      let packagesChanged = false;
      if (chance(0.35 * Math.max(churn, 0.25), seed, 'toggle?', i)) {
        const adding = chance(preset.optionalShare, seed, 'toggle-add', i);
        const toggled = pick(optional.filter((attr) => packages.has(attr) !== adding), seed, 'toggle', i);
        if (toggled && adding) packages.add(toggled);
        if (toggled && !adding) packages.delete(toggled);
        packagesChanged = toggled !== undefined;
      }
      const channelUpdate = revision !== revisions[i - 1];
      let tweaked = false;
      if (chance(0.06, seed, 'quiet', i)) {
        quiet = !quiet;
        tweaked = true;
      }
      const unit = chance(0.3 * churn, seed, 'unit?', i) ? pick(catalog.units, seed, 'unit', i) : undefined;
      if (unit) unitVariants.set(unit, (unitVariants.get(unit) ?? 0) + 1);
      // Every generation changes something: an /etc edit (cheap to store) when nothing else did.
      const forced = !packagesChanged && !channelUpdate && !tweaked && !unit;
      const etcFile = forced || chance(0.3, seed, 'etc?', i) ? pick(catalog.etcFiles, seed, 'etc', i) : undefined;
      if (etcFile) etcVariants.set(etcFile, (etcVariants.get(etcFile) ?? 0) + 1);
      // The configuration is committed (a new configurationRevision) with lock updates and package changes.
      if (channelUpdate || packagesChanged) configurationRevision = fakeRevision(seed, 'configuration', 'system', i);
    }
    const units: UnitChoice[] = [...unitVariants].map(([def, variant]) => ({ def, variant }));
    const etcFiles: EtcChoice[] = [...etcVariants].map(([def, variant]) => ({ def, variant }));
    const plan: SystemPlan = {
      host: hostName,
      tag: 'system',
      revision,
      configurationRevision,
      packages: [...packages].sort(),
      units,
      etcFiles,
      kernelParams: [...baseKernelParams, ...(quiet ? ['quiet', 'splash'] : [])],
      specialisations: {},
      withoutVersion: false,
    };
    if (hasGaming(i, revisions.length)) {
      plan.specialisations.gaming = {
        ...plan,
        packages: [...new Set([...plan.packages, ...preset.gamingPackages.filter((attr) => catalog.packages.has(attr))])].sort(),
        kernelParams: [...plan.kernelParams, 'mitigations=off', 'preempt=full'],
        specialisations: {},
      };
    }
    plans.push(plan);
  });
  return plans;
}

/** Plans for the work profile (system-profiles/work): the base system plus work tools, no desktop toys. */
export function planWorkGenerations(ctx: WorldContext, revisions: ChannelRevision[]): SystemPlan[] {
  const { catalog, seed, preset } = ctx;
  const defs = [...catalog.packages.values()];
  const packages = [
    ...defs.filter((def) => def.system).map((def) => def.attr),
    ...preset.workPackages.filter((attr) => catalog.packages.has(attr)),
  ].sort();
  return revisions.map((revision, i) => ({
    host: hostName,
    tag: 'work',
    revision,
    configurationRevision: fakeRevision(seed, 'configuration', 'work', i),
    packages,
    units: catalog.units
      .filter((def) => def.attr !== 'gamemode')
      .map((def) => ({ def, variant: chance(0.15, seed, 'work-unit', def.name, i) ? i : 0 })),
    etcFiles: catalog.etcFiles.map((def) => ({ def, variant: drawInt(0, 1, seed, 'work-etc', def.name, i) })),
    kernelParams: [...baseKernelParams, 'quiet'],
    specialisations: {},
    withoutVersion: false,
  }));
}
