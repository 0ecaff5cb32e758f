// Builds Guix profiles under a temporary root exactly as Guix lays them out: PROFILE-N-link siblings pointing at
// /gnu/store-shaped items under the root (links inside items carry the root so Guix's own code can follow them),
// manifests as Guix writes them (four ;; lines, a blank line, the form), one-line parameters and provenance.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { bool, int, list, type Sexp, str, sym, writeSexp } from '../main/guix/sexp.ts';

const NIX32 = '0123456789abcdfghijklmnpqrsvwxyz';

/** A /gnu/store file name for `name`, with a hash derived from `seed` (stable across runs). */
export function storeName(name: string, seed = name): string {
  const digest = createHash('sha256').update(seed).digest();
  let hash = '';
  for (let i = 0; i < 32; i++) hash += NIX32[digest[i]! % 32];
  return `/gnu/store/${hash}-${name}`;
}

/** A manifest entry to write. */
export interface EntrySpec {
  name: string;
  version: string;
  output?: string;
  item?: string;
  deps?: EntrySpec[];
  searchPaths?: { variable: string; files: string[]; separator: string | null; type: string; pattern: string | null }[];
  /** The properties alist, as data. */
  properties?: Sexp;
}

const itemOf = (e: EntrySpec) => e.item ?? storeName(`${e.name}-${e.version}${e.output && e.output !== 'out' ? `-${e.output}` : ''}`);
const spSexp = (sp: NonNullable<EntrySpec['searchPaths']>[number]): Sexp =>
  list([str(sp.variable), list(sp.files.map(str)), sp.separator === null ? bool(false) : str(sp.separator), sym(sp.type), sp.pattern === null ? bool(false) : str(sp.pattern)]);

/** The manifest file's text in `version` 3 or 4, as guix/profiles.scm:469-535 and guix/build/profiles.scm:211-219 write it. */
export function manifestText(entries: EntrySpec[], version: 3 | 4): string {
  const seen = new Set<string>();
  const entry = (e: EntrySpec, indent: string): string => {
    const item = itemOf(e);
    if (version === 4 && seen.has(item)) return writeSexp(list([sym('repeated'), str(e.name), str(e.version), str(item)]));
    const deps = (e.deps ?? []).map((d) => entry(d, `${indent}  `));
    seen.add(item);
    const head = [str(e.name), str(e.version), str(e.output ?? 'out'), str(item)].map(writeSexp).join(' ');
    const fields: string[] = [];
    const sps = (e.searchPaths ?? []).map(spSexp);
    const props = e.properties ?? list([]);
    if (version === 3 || deps.length) fields.push(`(propagated-inputs (${deps.join(`\n${indent}   `)}))`);
    if (version === 3 || sps.length) fields.push(`(search-paths ${writeSexp(list(sps))})`);
    if (version === 3) fields.push(writeSexp(list([sym('properties'), ...(props.type === 'list' ? props.items : [])])));
    else if (props.type !== 'list' || props.items.length) fields.push(writeSexp(list([sym('properties'), props])));
    return `(${[head, ...fields].join(`\n${indent} `)})`;
  };
  return (
    ";; This file was automatically generated and is for internal use only.\n;; It cannot be passed to the '--manifest' option.\n;; Run 'guix package --export-manifest' if you want to export a file\n;; suitable for '--manifest'.\n\n" +
    `(manifest\n  (version ${version})\n  (packages\n    (${entries.map((e) => entry(e, '     ')).join('\n     ')})))\n`
  );
}

/** A channel to record in provenance. */
export interface ChannelSpec {
  name: string;
  url: string;
  branch: string | null;
  commit: string | null;
}

/** provenance's text (gnu/services.scm:553-562, one line from `write`). */
export function provenanceText(channels: ChannelSpec[], configurationFile: string | null): string {
  const ch = channels.map((c) => list([sym('channel'), list([sym('name'), sym(c.name)]), list([sym('url'), str(c.url)]), list([sym('branch'), c.branch === null ? bool(false) : str(c.branch)]), list([sym('commit'), c.commit === null ? bool(false) : str(c.commit)])]));
  return writeSexp(list([sym('provenance'), list([sym('version'), int(0)]), list([sym('channels'), ...ch]), list([sym('configuration-file'), configurationFile === null ? bool(false) : str(configurationFile)])]));
}

/** A device in parameters: a file name, a UUID with its 16 bytes, or a file system label. */
export type DeviceSpec = string | { uuid: string; type?: string } | { label: string };

/** A UUID string's 16 bytes. */
const uuidBytes = (u: string) => Buffer.from(u.replace(/-/g, ''), 'hex');
const deviceSexp = (d: DeviceSpec): Sexp =>
  typeof d === 'string' ? str(d) : 'uuid' in d ? list([sym('uuid'), sym(d.type ?? 'ext4'), { type: 'bytevector', bytes: [...uuidBytes(d.uuid)] }]) : list([sym('file-system-label'), str(d.label)]);

/** An extra menu entry (`bootloader-menu-entries`). */
export interface MenuEntrySpec {
  label: string;
  device: { uuid: string; type: string } | { label: string } | string | null;
  mountPoint: string | null;
  linux: string;
  args: string[];
  initrd: string;
}

/** What a system generation boots. */
export interface BootSpec {
  version: 0 | 1;
  label: string;
  root: DeviceSpec;
  kernel: string;
  args: string[];
  initrd?: string | { dir: string; file: string } | null;
  bootloader?: string | null;
  menuEntries?: MenuEntrySpec[];
  storeDevice?: DeviceSpec | false;
  storeMountPoint?: string;
  cryptoDevices?: string[];
  directoryPrefix?: string | null;
}

/** parameters' text (gnu/system.scm:1626-1667, one line from `write`). */
export function parametersText(b: BootSpec): string {
  const f = (name: string, v: Sexp) => list([sym(name), v]);
  const menu = (m: MenuEntrySpec) =>
    list([
      sym('menu-entry'),
      f('version', int(0)),
      f('label', str(m.label)),
      f('device', m.device === null ? bool(false) : typeof m.device === 'string' ? str(m.device) : 'uuid' in m.device ? list([sym('uuid'), sym(m.device.type), str(m.device.uuid)]) : list([sym('label'), str(m.device.label)])),
      f('device-mount-point', m.mountPoint === null ? bool(false) : str(m.mountPoint)),
      f('linux', str(m.linux)),
      f('linux-arguments', list(m.args.map(str))),
      f('initrd', str(m.initrd)),
    ]);
  const items: Sexp[] = [sym('boot-parameters'), f('version', int(b.version)), f('label', str(b.label)), f('root-device', deviceSexp(b.root)), f('kernel', str(b.kernel)), f('kernel-arguments', list(b.args.map(str)))];
  if (b.initrd !== null) items.push(f('initrd', b.initrd === undefined ? str(storeName('combined-initrd') + '/initrd.cpio.gz') : typeof b.initrd === 'string' ? str(b.initrd) : list([sym('string-append'), str(b.initrd.dir), str(b.initrd.file)])));
  if (b.bootloader !== null) items.push(f('bootloader-name', sym(b.bootloader ?? 'grub')));
  items.push(f('bootloader-menu-entries', list((b.menuEntries ?? []).map(menu))), f('locale', str('en_US.utf8')));
  items.push(
    list([
      sym('store'),
      f('device', b.storeDevice === false ? bool(false) : deviceSexp(b.storeDevice ?? b.root)),
      f('mount-point', str(b.storeMountPoint ?? '/')),
      f('directory-prefix', b.directoryPrefix ? str(b.directoryPrefix) : bool(false)),
      f('crypto-devices', list((b.cryptoDevices ?? []).map((u) => deviceSexp({ uuid: u, type: 'luks' })))),
    ]),
  );
  return writeSexp(list(items));
}

/** A file in a store item: text, or a link to another item (made absolute under the root). */
type ItemFile = string | { linkTo: string };

/** Guix profiles under one temporary root. */
export class GuixWorld {
  readonly root: string;
  constructor(root: string) {
    this.root = root;
    mkdirSync(root, { recursive: true });
  }

  /** The state directory (`ROOT/var/guix`). */
  get state(): string {
    return join(this.root, 'var/guix');
  }
  /** The system profile link. */
  get system(): string {
    return join(this.state, 'profiles/system');
  }
  /** The person's home profile link. */
  home(user: string): string {
    return join(this.state, 'profiles/per-user', user, 'guix-home');
  }
  /** The person's user profile link. */
  userProfile(user: string): string {
    return join(this.state, 'profiles/per-user', user, 'guix-profile');
  }
  /** Where a /gnu/store name is on disk. */
  onDisk(storePath: string): string {
    return join(this.root, storePath);
  }

  /** Writes a store item directory with `files`; returns its /gnu/store name. */
  item(name: string, seed: string, files: Record<string, ItemFile>): string {
    const path = storeName(name, seed);
    const dir = this.onDisk(path);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      if (typeof content === 'string') {
        writeFileSync(join(dir, file), content);
        if (content.startsWith('#!')) chmodSync(join(dir, file), 0o755); // a script: executable, as a package's commands are
      } else symlinkSync(this.onDisk(content.linkTo), join(dir, file));
    }
    return path;
  }

  /** Links generation `n` of `profile` to the store item `storePath` (absolute, under the root, as Guix does). */
  link(profile: string, n: number, storePath: string, style: 'absolute' | 'relative' = 'absolute'): void {
    mkdirSync(dirname(profile), { recursive: true });
    const link = `${profile}-${n}-link`;
    rmSync(link, { force: true });
    symlinkSync(style === 'absolute' ? this.onDisk(storePath) : relative(dirname(profile), this.onDisk(storePath)), link);
  }

  /** Makes generation `n`'s link relative (`../../gnu/store/…`), as a hand-made or copied profile may have it. */
  relink(profile: string, n: number, storePath: string): void {
    this.link(profile, n, storePath, 'relative');
  }

  /** Points the profile link at generation `n`: relative (`guix package`, switch-generation) or absolute (reconfigure, guix home). */
  setCurrent(profile: string, n: number, style: 'relative' | 'absolute'): void {
    rmSync(profile, { force: true });
    symlinkSync(style === 'relative' ? `${profile.split('/').pop()}-${n}-link` : `${profile}-${n}-link`, profile);
  }

  /** A package's store item (the name manifestText gives the entry) with an executable bin/COMMAND for each command. */
  tool(name: string, version: string, commands: string[]): string {
    const files: Record<string, ItemFile> = {};
    for (const c of commands) files[`bin/${c}`] = `#!/bin/sh\necho ${name} ${version}\n`;
    return this.item(`${name}-${version}`, `${name}-${version}`, files);
  }

  /** A profile item holding `manifest` and bin/: the `bin` links (command → the store item providing bin/COMMAND), as Guix's profile builder links them. */
  profileItem(seed: string, manifest: string, bin: Record<string, string> = {}): string {
    const files: Record<string, ItemFile> = { manifest, 'bin/.keep': '' };
    for (const [command, item] of Object.entries(bin)) files[`bin/${command}`] = { linkTo: `${item}/bin/${command}` };
    return this.item('profile', seed, files);
  }

  /** A system generation: parameters, provenance, profile (with manifest), and the other links Guix puts there. */
  systemGeneration(n: number, g: { boot: BootSpec | string | null; provenance: string | null; manifest: string | null; bin?: Record<string, string> }): string {
    const seed = `system-${n}-${this.root}`;
    const profile = g.manifest === null ? this.item('profile', seed, { 'bin/.keep': '' }) : this.profileItem(seed, g.manifest, g.bin);
    const files: Record<string, ItemFile> = { profile: { linkTo: profile }, locale: '', 'etc/.keep': '', activate: '#!/bin/sh\n' };
    if (g.boot !== null) files.parameters = typeof g.boot === 'string' ? g.boot : parametersText(g.boot);
    if (g.provenance !== null) files.provenance = g.provenance;
    const item = this.item('system', seed, files);
    this.link(this.system, n, item);
    return item;
  }

  /** A home generation: provenance and profile. */
  homeGeneration(user: string, n: number, g: { provenance: string | null; manifest: string | null; bin?: Record<string, string> }): string {
    const seed = `home-${user}-${n}-${this.root}`;
    const profile = g.manifest === null ? this.item('profile', seed, { 'bin/.keep': '' }) : this.profileItem(seed, g.manifest, g.bin);
    const files: Record<string, ItemFile> = { profile: { linkTo: profile }, 'setup-environment': '', activate: '' };
    if (g.provenance !== null) files.provenance = g.provenance;
    const item = this.item('home', seed, files);
    this.link(this.home(user), n, item);
    return item;
  }

  /** A user profile generation: the profile item itself. */
  userGeneration(user: string, n: number, manifest: string | null, bin?: Record<string, string>): string {
    const seed = `user-${user}-${n}-${this.root}`;
    const item = manifest === null ? this.item('profile', seed, { 'bin/.keep': '' }) : this.profileItem(seed, manifest, bin);
    this.link(this.userProfile(user), n, item);
    return item;
  }

  /** Removes the whole root. */
  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
