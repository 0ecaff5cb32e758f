// main/guix/: Guix's system, home and user profiles read by Guix's own rules, beside main/nix/ (docs/architecture.md, "Guix").
// A Guix system generation's `parameters` (boot parameters versions 0 and 1) read as Guix's read-boot-parameters
// and read-boot-parameters-file read them (gnu/system.scm:200-229, 426-582; menu entries gnu/bootloader.scm:180-218).
import { properList, type Sexp, writeSexp } from './sexp.ts';

/** A device as Guix holds it: a file name, a UUID (with its type) or a file system label. */
export type GuixDevice = { type: 'device'; value: string } | { type: 'uuid'; uuidType: string; value: string | null } | { type: 'label'; value: string };

/** An extra boot menu entry (`bootloader-menu-entries`). */
export interface GuixMenuEntry {
  label: string;
  device: GuixDevice | null;
  deviceMountPoint: string | null;
  linux: string | null;
  linuxArguments: string[];
  initrd: string | null;
  multibootKernel: string | null;
  chainLoader: string | null;
}

/** What a system generation boots. */
export interface GuixBootParameters {
  version: 0 | 1;
  label: string;
  rootDevice: GuixDevice;
  /** The root device as `guix system list-generations` prints it: a path, `UUID: …` or `label: "…"`. */
  rootDeviceText: string;
  bootloaderName: string;
  kernel: string;
  /** The kernel arguments written in the file. */
  kernelArgumentsInFile: string[];
  /** The kernel arguments as booted: root=, gnu.system=, gnu.load= (version 0: --root= --system= --load=), then the file's. */
  kernelArguments: string[];
  initrd: string | null;
  locale: string | null;
  storeDevice: GuixDevice | null;
  storeMountPoint: string;
  storeDirectoryPrefix: string | null;
  storeCryptoDevices: (GuixDevice | null)[];
  menuEntries: GuixMenuEntry[];
  /** True when the file lists multiboot modules (a Hurd system): the kernel is then booted as a multiboot kernel. */
  multiboot: boolean;
}

/** Raised for parameters Guix would not read; the message says what was found where. */
export class BootParametersFormatError extends Error {
  override name = 'BootParametersFormatError';
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);
const bad = (what: string, x: Sexp | undefined): never => {
  throw new BootParametersFormatError(`${what}, found ${x === undefined ? 'nothing' : clip(writeSexp(x))}`);
};
const text = (x: Sexp | undefined, what: string): string => (x?.type === 'string' ? x.value : bad(`expected ${what} (a string)`, x));
const isFalse = (x: Sexp | undefined) => x?.type === 'boolean' && !x.value;
const textOrFalse = (x: Sexp | undefined, what: string): string | null => (isFalse(x) ? null : text(x, `${what} or #f`));
const head = (x: Sexp | undefined, name: string): Sexp[] | null => {
  const items = properList(x);
  return items !== null && items[0]?.type === 'symbol' && items[0].name === name ? items : null;
};

const hex = (bytes: number[], from: number, n: number) => bytes.slice(from, from + n).map((b) => b.toString(16).padStart(2, '0')).join('');
const DCE_TYPES = new Set(['dce', 'ext2', 'ext3', 'ext4', 'bcachefs', 'btrfs', 'f2fs', 'jfs', 'xfs', 'luks']);
const FAT_TYPES = new Set(['exfat', 'fat32', 'fat16', 'fat']);

/** A UUID's bytes as Guix prints them for its type (gnu/system/uuid.scm %uuid-printers); null for a type Guix cannot print. */
export function uuidBytesToString(bytes: number[], type: string): string | null {
  if (DCE_TYPES.has(type)) return `${hex(bytes, 0, 4)}-${hex(bytes, 4, 2)}-${hex(bytes, 6, 2)}-${hex(bytes, 8, 2)}-${hex(bytes, 10, 6)}`;
  if (FAT_TYPES.has(type)) return `${hex([bytes[3]!, bytes[2]!], 0, 2)}-${hex([bytes[1]!, bytes[0]!], 0, 2)}`.toUpperCase();
  if (type === 'ntfs') return hex([...bytes.slice(0, 8)].reverse(), 0, 8).toUpperCase();
  if (type === 'iso9660') {
    const part = (from: number, n: number) => String.fromCharCode(...bytes.slice(from, from + n));
    return [part(0, 4), part(4, 2), part(6, 2), part(8, 2), part(10, 2), part(12, 2), part(14, 2)].join('-');
  }
  return null;
}

/** A UUID written as a string (menu entries): Guix parses it for its type and prints it back; null when it does not parse. */
function uuidStringNormalised(value: string, type: string): string | null {
  if (DCE_TYPES.has(type)) return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value) ? value.toLowerCase() : null;
  if (FAT_TYPES.has(type)) return /^[0-9a-fA-F]{4}-[0-9a-fA-F]{4}$/.test(value) ? value.toUpperCase() : null;
  if (type === 'ntfs') return /^[0-9a-fA-F]{16}$/.test(value) ? value.toUpperCase() : null;
  return value;
}

/** device-sexp->device (gnu/system.scm:431-446). */
function deviceFromSexp(x: Sexp): GuixDevice {
  const uuid = head(x, 'uuid');
  if (uuid !== null && uuid.length === 3 && uuid[1]!.type === 'symbol' && uuid[2]!.type === 'bytevector') {
    return { type: 'uuid', uuidType: uuid[1]!.name, value: uuidBytesToString(uuid[2]!.bytes, uuid[1]!.name) };
  }
  const label = head(x, 'file-system-label');
  if (label !== null && label.length === 2 && label[1]!.type === 'string') return { type: 'label', value: label[1]!.value };
  if (x.type === 'bytevector') return { type: 'uuid', uuidType: 'dce', value: uuidBytesToString(x.bytes, 'dce') };
  if (x.type === 'string') {
    if (x.value.includes(':/') || x.value.startsWith('/')) return { type: 'device', value: x.value };
    return { type: 'label', value: x.value }; // older files did not tell labels from device names
  }
  return bad('expected a device: "/dev/…", (uuid TYPE #vu8(…)) or (file-system-label "…")', x);
}

/** file-system-device->string: the label, the UUID by its type (or as `uuidType`), or the file name. */
function deviceString(d: GuixDevice): string {
  return d.value ?? '';
}

/** The root device as `list-generations` prints it (guix/scripts/system.scm:530-541). */
export function rootDeviceText(d: GuixDevice): string {
  if (d.type === 'uuid') return `UUID: ${d.value ?? '#f'}`;
  if (d.type === 'label') return `label: ${writeSexp({ type: 'string', value: d.value })}`;
  return d.value;
}

function menuEntryFromSexp(x: Sexp): GuixMenuEntry {
  const items = head(x, 'menu-entry');
  const field = (i: number, name: string): Sexp | undefined => {
    const f = head(items?.[i], name);
    return f !== null && f.length === 2 ? f[1] : undefined;
  };
  const v = items === null ? null : head(items[1], 'version');
  if (items === null || v === null || v.length !== 2 || v[1]!.type !== 'integer' || v[1]!.value !== 0n) return bad('expected a menu entry (menu-entry (version 0) (label …) (device …) (device-mount-point …) …)', x);
  const label = field(2, 'label');
  const device = field(3, 'device');
  const mount = field(4, 'device-mount-point');
  if (label === undefined || device === undefined || mount === undefined) return bad('expected (label …) (device …) (device-mount-point …) in a menu entry', x);
  const base = { label: text(label, 'the menu entry label'), device: menuDevice(device), deviceMountPoint: textOrFalse(mount, 'the device mount point'), linux: null, linuxArguments: [], initrd: null, multibootKernel: null, chainLoader: null };
  if (field(5, 'linux') !== undefined && field(6, 'linux-arguments') !== undefined && field(7, 'initrd') !== undefined) {
    const args = properList(field(6, 'linux-arguments')) ?? bad('expected the list of linux arguments', field(6, 'linux-arguments'));
    return { ...base, linux: textOrFalse(field(5, 'linux'), 'the menu entry kernel'), linuxArguments: args.map((a) => text(a, 'a linux argument')), initrd: textOrFalse(field(7, 'initrd'), 'the menu entry initrd') };
  }
  if (field(5, 'multiboot-kernel') !== undefined && field(6, 'multiboot-arguments') !== undefined && field(7, 'multiboot-modules') !== undefined) {
    return { ...base, multibootKernel: textOrFalse(field(5, 'multiboot-kernel'), 'the multiboot kernel') };
  }
  if (field(5, 'chain-loader') !== undefined) return { ...base, chainLoader: textOrFalse(field(5, 'chain-loader'), 'the chain loader') };
  return bad('expected (linux …) (linux-arguments …) (initrd …), multiboot fields or (chain-loader …) in a menu entry', x);
}

/** sexp->device of gnu/bootloader.scm: (uuid TYPE "string"), (label "…"), or the datum itself. */
function menuDevice(x: Sexp): GuixDevice | null {
  const uuid = head(x, 'uuid');
  if (uuid !== null && uuid.length === 3) {
    const type = uuid[1]!.type === 'symbol' ? uuid[1]!.name : bad('expected a UUID type (a symbol)', uuid[1]);
    const value = uuidStringNormalised(text(uuid[2], 'the UUID'), type);
    return value === null ? null : { type: 'uuid', uuidType: type, value };
  }
  const label = head(x, 'label');
  if (label !== null && label.length === 2) return { type: 'label', value: text(label[1], 'the label') };
  if (isFalse(x)) return null;
  if (x.type === 'string') return { type: 'device', value: x.value };
  return bad('expected a menu entry device', x);
}

/** The kernel image's file name for this machine (gnu/system.scm:745-754). */
function linuxImageName(arch: string): string {
  if (arch === 'arm') return 'zImage';
  if (arch.startsWith('mips')) return 'vmlinuz';
  if (arch === 'arm64' || arch === 'riscv64') return 'Image';
  return 'bzImage';
}

/** direct-store-path (guix/store.scm:1980-1987), with the store at /gnu/store. */
function directStorePath(path: string): string {
  const prefixLength = '/gnu/store'.length + 35;
  if (path.length <= prefixLength) return path;
  const slash = path.indexOf('/', prefixLength);
  return slash < 0 ? path : path.slice(0, slash);
}

/**
 * Reads a `parameters` datum for the generation whose link is `systemLink` (its `-N-link` path, which the booted
 * kernel arguments name); throws BootParametersFormatError where Guix's reader would fail.
 */
export function bootParametersFromSexp(x: Sexp, systemLink: string, arch: string = process.arch): GuixBootParameters {
  const items = head(x, 'boot-parameters');
  const form = (i: number, name: string) => {
    const f = head(items?.[i], name);
    return f !== null && f.length === 2 ? f[1]! : undefined;
  };
  const versionX = form(1, 'version');
  if (items === null || versionX === undefined || form(2, 'label') === undefined || form(3, 'root-device') === undefined || form(4, 'kernel') === undefined) {
    return bad('unrecognized boot parameters: expected (boot-parameters (version N) (label …) (root-device …) (kernel …) …)', x);
  }
  if (versionX.type !== 'integer' || (versionX.value !== 0n && versionX.value !== 1n)) return bad('unrecognized boot parameters: expected version 0 or 1 (a newer Guix wrote this file)', versionX);
  const version = Number(versionX.value) as 0 | 1;
  const rest = items.slice(5);
  const assq = (name: string): Sexp[] | undefined => {
    for (const f of rest) {
      if (f.type !== 'list') return bad('expected a field (NAME …) in the boot parameters', f);
      if (f.items[0]?.type === 'symbol' && f.items[0].name === name) return f.tail === undefined ? f.items : bad(`expected (${name} …)`, f);
    }
    return undefined;
  };
  const one = (name: string): Sexp | undefined => {
    const f = assq(name);
    if (f === undefined) return undefined;
    return f.length === 2 ? f[1] : bad(`expected (${name} VALUE)`, { type: 'list', items: f });
  };
  const rootDevice = deviceFromSexp(form(3, 'root-device')!);
  let kernel = text(form(4, 'kernel'), 'the kernel');
  if (kernel === directStorePath(kernel)) kernel = `${kernel}/${linuxImageName(arch)}`;
  const bl = one('bootloader-name');
  const bootloaderName = bl === undefined ? 'grub' : bl.type === 'symbol' ? bl.name : bad('expected the bootloader name (a symbol)', bl);
  const menuX = one('bootloader-menu-entries');
  const menuEntries = menuX === undefined ? [] : (properList(menuX) ?? bad('expected the list of menu entries', menuX)).map(menuEntryFromSexp);
  const argsX = one('kernel-arguments');
  const kernelArgumentsInFile = argsX === undefined ? [] : (properList(argsX) ?? bad('expected the list of kernel arguments', argsX)).map((a) => text(a, 'a kernel argument'));
  const initrdX = one('initrd');
  let initrd: string | null = null;
  if (initrdX !== undefined) {
    const sa = head(initrdX, 'string-append');
    if (sa !== null && sa.length === 3) initrd = text(sa[1], 'the initrd directory') + text(sa[2], 'the initrd file');
    else initrd = text(initrdX, 'the initrd');
  }
  const modulesX = one('multiboot-modules');
  const multiboot = modulesX !== undefined && modulesX.type === 'list' && modulesX.items.length > 0;
  const localeX = one('locale');
  const locale = localeX === undefined || isFalse(localeX) ? null : text(localeX, 'the locale');

  const store = assq('store');
  const storeData = store?.slice(1) ?? [];
  const storeField = (name: string) => {
    const f = storeData.find((d) => head(d, name) !== null);
    return f === undefined ? undefined : properList(f)!;
  };
  let storeDevice: GuixDevice | null = rootDevice;
  const first = head(storeData[0], 'device');
  if (store !== undefined && first !== null && first.length === 2 && !isFalse(first[1])) storeDevice = deviceFromSexp(first[1]!);
  if (storeDevice.type === 'device' && storeDevice.value.startsWith('/')) storeDevice = null; // ensure-not-/dev
  const prefix = storeField('directory-prefix');
  const storeDirectoryPrefix = prefix !== undefined && prefix.length === 2 ? textOrFalse(prefix[1], 'the store directory prefix') : null;
  const crypto = storeField('crypto-devices');
  let storeCryptoDevices: (GuixDevice | null)[] = [];
  if (crypto !== undefined && crypto.length === 2) {
    const devices = properList(crypto[1]);
    if (devices !== null) {
      storeCryptoDevices = devices.map((d) => {
        const u = head(d, 'uuid');
        return u !== null && u.length === 3 && u[1]!.type === 'symbol' && u[2]!.type === 'bytevector' ? deviceFromSexp(d) : null; // Guix warns and keeps #f
      });
    }
  }
  const mount = head(storeData[1], 'mount-point');
  const storeMountPoint = first !== null && first.length === 2 && mount !== null && mount.length === 2 ? text(mount[1], 'the store mount point') : '/';

  // bootable-kernel-arguments (gnu/system.scm:200-229): the root as a DCE string whatever the UUID's type.
  const root = rootDevice.type === 'uuid' ? (rootDevice.value === null ? '' : uuidStringForRoot(form(3, 'root-device')!)) : deviceString(rootDevice);
  const v1 = version > 0;
  const rootArg = root === 'tmpfs' ? ['rootfstype=tmpfs'] : root === 'none' ? [] : [`${v1 ? 'root=' : '--root='}${root}`];
  const kernelArguments = [...rootArg, `${v1 ? 'gnu.system=' : '--system='}${systemLink}`, `${v1 ? 'gnu.load=' : '--load='}${systemLink}/boot`, ...kernelArgumentsInFile];

  return { version, label: text(form(2, 'label'), 'the label'), rootDevice, rootDeviceText: rootDeviceText(rootDevice), bootloaderName, kernel, kernelArgumentsInFile, kernelArguments, initrd, locale, storeDevice, storeMountPoint, storeDirectoryPrefix, storeCryptoDevices, menuEntries, multiboot };
}

/** The root UUID's bytes printed as DCE (what `root=` gets, gnu/system.scm:208-209). */
function uuidStringForRoot(x: Sexp): string {
  const bytes = x.type === 'bytevector' ? x.bytes : (properList(x)![2] as { bytes: number[] }).bytes;
  return uuidBytesToString(bytes, 'dce')!;
}
