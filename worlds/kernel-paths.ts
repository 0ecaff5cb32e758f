// The kernel side of a NixOS system: linux (bzImage), its modules tree, firmware and the initrd.
import type { ChannelRevision } from './channel-history.ts';
import { file, link, tree } from './store-content.ts';
import type { StoreNode } from './store-graph.ts';
import { KiB, MiB } from './byte-sizes.ts';
import type { WorldContext } from './world-context.ts';

/** The kernel paths a toplevel links to. */
export interface KernelPaths {
  version: string;
  linux: StoreNode;
  /** linux-<v>-modules, holding lib/modules/<v>/. */
  modules: StoreNode;
  firmware: StoreNode;
}

/** The kernel of `revision` (shared by every system built from a revision with that kernel version). */
export function buildKernelPaths(ctx: WorldContext, revision: ChannelRevision): KernelPaths {
  const version = revision.kernelVersion;
  const variant = `kernel|${revision.release.version}`;
  const linux = ctx.graph.add({
    name: `linux-${version}`,
    variant,
    narSize: 12.6 * MiB,
    references: [],
    content: () => tree({ bzImage: file(`Linux kernel ${version} x86 boot executable bzImage\n`), 'System.map': file('') }),
  });
  const modules = ctx.graph.add({
    name: `linux-${version}-modules`,
    variant,
    narSize: 108 * MiB,
    references: [],
    content: () =>
      tree({
        [`lib/modules/${version}/modules.dep`]: file('kernel/fs/btrfs/btrfs.ko.xz: kernel/lib/raid6/raid6_pq.ko.xz\n'),
        [`lib/modules/${version}/modules.order`]: file('kernel/fs/btrfs/btrfs.ko\n'),
      }),
  });
  const month = `${revision.date.toISOString().slice(0, 7).replace('-', '')}11`;
  const linuxFirmware = ctx.graph.add({
    name: `linux-firmware-${month}`,
    variant: 'firmware',
    narSize: 383 * MiB,
    references: [],
    content: () => tree({ 'lib/firmware/amdgpu/psp_13_0_0_sos.bin.zst': file('firmware\n') }),
  });
  const firmware = ctx.graph.add({
    name: 'firmware',
    variant: 'firmware-env',
    narSize: 36 * KiB,
    references: [linuxFirmware],
    content: () => tree({ 'lib/firmware': link(`${linuxFirmware.path}/lib/firmware`) }),
  });
  return { version, linux, modules, firmware };
}

/** The initrd for `kernel` (it changes with systemd and the modules, not with kernel parameters). */
export function buildInitrd(ctx: WorldContext, kernel: KernelPaths, systemd: StoreNode, tag: string): StoreNode {
  return ctx.graph.add({
    name: `initrd-linux-${kernel.version}`,
    variant: `initrd|${tag}|${systemd.hashPart}|${kernel.modules.hashPart}`,
    narSize: 17.8 * MiB,
    references: [],
    content: () => tree({ initrd: file('070701 initramfs\n') }),
  });
}
