// Gentry's reading of a Guix profile in the shape of the Guix oracle's JSON, so a test compares them field by field.
import type { GuixDevice, GuixMenuEntry } from '../main/guix/boot-parameters.ts';
import type { GuixBootMenu } from '../main/guix/boot-menu.ts';
import type { GuixManifestEntry } from '../main/guix/manifest.ts';
import type { GuixProfileReading } from '../main/guix/read-guix-profile.ts';

const secs = (d: Date | null) => (d === null ? null : Math.floor(d.getTime() / 1000));
const device = (d: GuixDevice | null) => (d === null ? null : d.type === 'uuid' ? { type: 'uuid', 'uuid-type': d.uuidType, value: d.value ?? false } : { type: d.type, value: d.value });
const entry = (e: GuixManifestEntry): unknown => ({
  name: e.name,
  version: e.version,
  output: e.output,
  item: e.item,
  dependencies: e.dependencies.map(entry),
  'search-paths': e.searchPaths.map((s) => ({ variable: s.variable, files: s.files, separator: s.separator, 'file-type': s.fileType, 'file-pattern': s.filePattern })),
  properties: e.properties,
});
const menu = (m: GuixMenuEntry) => ({ label: m.label, device: device(m.device), 'device-mount-point': m.deviceMountPoint, linux: m.linux, 'linux-arguments': m.linuxArguments, initrd: m.initrd, 'multiboot-kernel': m.multibootKernel, 'chain-loader': m.chainLoader });

/** The oracle's fields Gentry reads, from the oracle's JSON (multiboot modules and the boot menu aside). */
export function oracleFields(o: { 'generation-numbers': number[]; current: number; generations: Record<string, unknown>[] }): unknown {
  return {
    numbers: o['generation-numbers'].filter((n) => n !== 0),
    current: o.current === 0 ? null : o.current,
    generations: o.generations.map((g) => {
      const { 'multiboot-modules': _m, ...boot } = (g.boot ?? {}) as Record<string, unknown>;
      return { ...g, ...(g.boot === undefined ? {} : { boot }) };
    }),
  };
}

/** Gentry's reading in the same shape. */
export function gentryFields(r: GuixProfileReading): unknown {
  return {
    numbers: r.numbers,
    current: r.current,
    generations: r.generations.map((g) => ({
      number: g.number,
      current: g.current,
      'file-name': g.fileName,
      'canonical-file-name': g.canonicalFileName,
      ctime: secs(g.date),
      'link-mtime': secs(g.linkMtime),
      manifest: (g.manifest?.entries ?? []).map(entry),
      ...(g.provenance === undefined ? {} : { provenance: { channels: g.provenance?.channels ?? [], 'configuration-file': g.provenance?.configurationFile ?? null } }),
      ...(g.boot === undefined || g.boot === null
        ? {}
        : {
            boot: {
              version: g.boot.version,
              label: g.boot.label,
              'root-device': device(g.boot.rootDevice),
              'root-device-string': g.boot.rootDevice.type === 'uuid' ? g.boot.rootDevice.value : g.boot.rootDevice.value,
              'bootloader-name': g.boot.bootloaderName,
              kernel: g.boot.kernel,
              'kernel-arguments-in-file': g.boot.kernelArgumentsInFile,
              'kernel-arguments': g.boot.kernelArguments,
              initrd: g.boot.initrd,
              locale: g.boot.locale,
              'store-device': device(g.boot.storeDevice),
              'store-mount-point': g.boot.storeMountPoint,
              'store-directory-prefix': g.boot.storeDirectoryPrefix,
              'store-crypto-devices': g.boot.storeCryptoDevices.map(device),
              'bootloader-menu-entries': g.boot.menuEntries.map(menu),
            },
          }),
    })),
  };
}

/** How many leaf values a JSON-like value holds (the figure a test reports as fields compared). */
export function leafCount(x: unknown): number {
  if (Array.isArray(x)) return x.reduce((n: number, v) => n + leafCount(v), 0);
  if (x !== null && typeof x === 'object') return Object.values(x).reduce((n: number, v) => n + leafCount(v), 0);
  return 1;
}

/** Gentry's boot menu in the oracle's `boot-menu` shape. */
export function gentryBootMenu(m: GuixBootMenu): unknown {
  return { entries: m.entries.map(menu), 'old-entries': m.oldEntries.map(menu) };
}
