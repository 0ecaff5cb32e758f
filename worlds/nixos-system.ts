// A NixOS system toplevel: the files and links under it, and its bootspec (boot.json).
import { bootspecLabel, bootspecText, type BootspecDocument } from './bootspec.ts';
import type { ChannelRevision } from './channel-history.ts';
import { buildEtc, type EtcChoice } from './etc-tree.ts';
import { buildInitrd, buildKernelPaths } from './kernel-paths.ts';
import { dir, file, link, script, tree, type Entry } from './store-content.ts';
import type { StoreNode } from './store-graph.ts';
import { KiB } from './byte-sizes.ts';
import { buildSystemPath } from './system-path.ts';
import { activateScript, initScript, switchScript } from './system-scripts.ts';
import { buildUnitDirectories, type UnitChoice } from './systemd-units.ts';
import type { WorldContext } from './world-context.ts';

/** Everything that decides one system generation's toplevel. */
export interface SystemPlan {
  host: string;
  /** Which profile the configuration is for (system, work); keeps their paths apart. */
  tag: string;
  revision: ChannelRevision;
  configurationRevision: string;
  packages: string[];
  units: UnitChoice[];
  etcFiles: EtcChoice[];
  kernelParams: string[];
  specialisations: Record<string, SystemPlan>;
  /** Quirk: an old or hand-made toplevel without nixos-version and boot.json. */
  withoutVersion: boolean;
}

/** A built toplevel and what a reader should find in it. */
export interface BuiltSystem {
  toplevel: StoreNode;
  label: string;
  kernelVersion: string;
  kernelFile: string;
  initrdFile: string;
  kernelParams: string[];
  bootspec: BootspecDocument | null;
  specialisations: Record<string, BuiltSystem>;
}

const system = 'x86_64-linux';

/** Builds the toplevel for `plan` (and its specialisations first). */
export function buildSystem(ctx: WorldContext, plan: SystemPlan): BuiltSystem {
  const specialisations: Record<string, BuiltSystem> = {};
  for (const [name, child] of Object.entries(plan.specialisations)) specialisations[name] = buildSystem(ctx, child);

  const pkgs = ctx.packageSet(plan.revision);
  const { revision, tag } = plan;
  const bash = pkgs.get('bash').base;
  const coreutils = pkgs.get('coreutils').base;
  const systemd = pkgs.get('systemd').base;
  const kernel = buildKernelPaths(ctx, revision);
  const initrd = buildInitrd(ctx, kernel, systemd, tag);
  const systemPath = buildSystemPath(ctx, pkgs, plan.packages, plan.configurationRevision, tag);
  const etc = buildEtc(ctx, pkgs, plan.etcFiles, buildUnitDirectories(ctx, pkgs, plan.units, tag), tag);

  const kernelFile = `${kernel.linux.path}/bzImage`;
  const initrdFile = `${initrd.path}/initrd`;
  const codeName = revision.release.codeName;
  const toplevel = ctx.graph.add({
    name: `nixos-system-${plan.host}-${revision.label}`,
    variant: `toplevel|${tag}|${plan.configurationRevision}|${plan.kernelParams.join(' ')}|${plan.withoutVersion}`,
    narSize: 15 * KiB,
    references: [etc, systemPath, kernel.linux, kernel.modules, kernel.firmware, initrd, systemd, bash, coreutils, ...Object.values(specialisations).map((s) => s.toplevel)],
    selfReference: true,
    content: (path) => {
      const entries: Record<string, Entry> = {
        activate: script(activateScript()),
        'bin/switch-to-configuration': script(switchScript(ctx.switchLog)),
        'dry-activate': script(activateScript()),
        etc: link(`${etc.path}/etc`),
        'extra-dependencies': file(''),
        firmware: link(kernel.firmware.path),
        init: script(initScript()),
        'init-interface-version': file('systemd 2'),
        initrd: link(initrdFile),
        kernel: link(kernelFile),
        'kernel-modules': link(kernel.modules.path),
        'kernel-params': file(plan.kernelParams.join(' ')),
        sw: link(systemPath.path),
        system: file(system),
        systemd: link(systemd.path),
      };
      const specialisationLinks = Object.fromEntries(Object.entries(specialisations).map(([name, s]) => [name, link(s.toplevel.path)]));
      if (!plan.withoutVersion) {
        entries['nixos-version'] = file(revision.label);
        const bootspec: BootspecDocument = {
          'org.nixos.bootspec.v1': {
            init: `${path}/init`,
            initrd: initrdFile,
            kernel: kernelFile,
            kernelParams: plan.kernelParams,
            label: bootspecLabel(codeName, revision.label, kernel.version),
            system,
            toplevel: path,
          },
          'org.nixos.specialisation.v1': Object.fromEntries(
            Object.entries(specialisations).map(([name, s]) => [name, s.bootspec as BootspecDocument]),
          ),
          'org.nixos.systemd-boot': { sortKey: 'nixos' },
        };
        entries['boot.json'] = file(bootspecText(bootspec));
      }
      const root = tree(entries);
      if (root.type === 'dir') root.entries.specialisation = dir(specialisationLinks);
      return root;
    },
  });
  return {
    toplevel,
    label: revision.label,
    kernelVersion: kernel.version,
    kernelFile,
    initrdFile,
    kernelParams: plan.kernelParams,
    bootspec: bootspecFromText(toplevel),
    specialisations,
  };
}

function bootspecFromText(toplevel: StoreNode): BootspecDocument | null {
  const content = toplevel.content;
  if (content.type !== 'dir') return null;
  const boot = content.entries['boot.json'];
  return boot?.type === 'file' ? (JSON.parse(boot.text) as BootspecDocument) : null;
}
