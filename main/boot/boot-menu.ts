// The boot menu as the firmware will show it at the next boot, and why: systemd-boot's entries in
// its own order, loader.conf, the EFI variables that override it, and warnings about the traps
// (a pinned EFI default NixOS never changes, defaults naming missing entries, pruned generations,
// missing kernels). GRUB menus are read by grub.ts into the same shape.
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BootEntry, BootEntryProblem, BootMenu } from '../../common/contract/index.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { readProfileLinks } from '../nix/profile-links.ts';
import { systemProfileRefs } from '../nix/read-model.ts';
import { readLoaderVariable } from './efivars.ts';
import { readGrubMenu } from './grub.ts';
import { numberRanges } from './number-ranges.ts';
import { lastValue, nixosEntryName, readEntries, readLoaderConf } from './systemd-boot.ts';

/** Where to look. */
export interface BootPaths {
  /** The ESP (or XBOOTLDR) to read; null: the first of /boot, /efi, /boot/efi that holds loader/ or grub/. */
  esp: string | null;
  efivars: string;
}

const isDir = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);
const exists = (p: string) => access(p).then(() => true, () => false);

/** The ESP to read and its loader. */
export async function findEsp(esp: string | null): Promise<{ esp: string | null; loader: BootMenu['loader'] }> {
  for (const dir of esp ? [esp] : ['/boot', '/efi', '/boot/efi']) {
    if (await isDir(join(dir, 'loader'))) return { esp: dir, loader: 'systemd-boot' };
    if (await isDir(join(dir, 'grub'))) return { esp: dir, loader: 'grub' };
  }
  return { esp: esp ?? null, loader: 'none' };
}

/** Glob match for loader.conf's `default` (systemd-boot accepts `*` and `?`). */
function globMatch(pattern: string, id: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(id);
}

/** Reads the boot menu. */
export async function readBootMenu(boot: BootPaths, paths: MachinePaths): Promise<BootMenu> {
  const { esp, loader } = await findEsp(boot.esp);
  if (loader === 'none' || esp === null) {
    return { loader: 'none', esp, timeout: null, default: null, oneshot: null, entries: [], warnings: [`No boot loader found (no loader/ or grub/ in ${boot.esp ?? '/boot, /efi or /boot/efi'}). Pass --esp PATH if the ESP is mounted elsewhere.`] };
  }
  if (loader === 'grub') return readGrubMenu(esp, paths);
  const warnings: string[] = [];
  const files = await readEntries(esp, warnings);
  const conf = await readLoaderConf(esp, warnings);
  const variable = (name: string) =>
    readLoaderVariable(boot.efivars, name).catch((err: Error) => {
      warnings.push(`${err.message}; Gentry treats ${name} as unset.`);
      return null;
    });
  const [efiDefault, efiOneshot, efiTimeout] = await Promise.all([variable('LoaderEntryDefault'), variable('LoaderEntryOneShot'), variable('LoaderConfigTimeout')]);
  const confDefault = conf.get('default')?.at(-1) ?? null;
  const confTimeout = conf.get('timeout')?.at(-1) ?? null;
  const ids = files.map((f) => f.id);

  const defaultSetting = efiDefault ? { id: efiDefault, source: 'efi' as const } : confDefault ? { id: confDefault, source: 'loader.conf' as const } : null;
  const defaultId = defaultSetting ? (ids.find((id) => globMatch(defaultSetting.id, id)) ?? null) : null;
  if (efiDefault) {
    warnings.push(`The EFI variable LoaderEntryDefault pins the default to ${efiDefault}${confDefault ? ` and overrides loader.conf's ${confDefault}` : ''}; NixOS rewrites loader.conf on every switch but never this variable, so new generations will not become the default. Clear it with \`gentry boot default --clear\` (or \`bootctl set-default ""\`).`);
  }
  if (defaultSetting && defaultId === null) warnings.push(`The default ${defaultSetting.id} (from ${defaultSetting.source}) names no entry; systemd-boot falls back to the first entry of the menu.`);
  if (efiOneshot && !ids.includes(efiOneshot)) warnings.push(`The one-shot entry ${efiOneshot} (LoaderEntryOneShot) does not exist; the next boot ignores it.`);
  const effectiveDefault = defaultId ?? ids[0] ?? null;

  // The generations each system profile still has: an entry NixOS wrote for one that is gone boots nothing.
  const refs = await systemProfileRefs(paths.systemProfile);
  const kept = new Map<string, Set<number>>();
  for (const ref of refs) {
    const { generations } = await readProfileLinks(ref.path).catch(() => ({ generations: [] }));
    kept.set(ref.name, new Set(generations.map((g) => g.number)));
  }

  const entries: BootEntry[] = [];
  for (const f of files) {
    const one = (k: string) => lastValue(f.keys, k);
    const nixos = nixosEntryName(f.file ?? f.id);
    const problems: BootEntryProblem[] = [];
    // linux, efi and devicetree are read once (the last line counts); every initrd line is loaded.
    for (const key of ['linux', 'initrd', 'efi', 'devicetree']) {
      for (const file of key === 'initrd' ? (f.keys.get(key) ?? []) : [one(key)].filter((v) => v !== null)) {
        if (!(await exists(join(esp, file)))) problems.push({ kind: 'missing-file', file, message: `Its ${key === 'linux' ? 'kernel' : key} file ${file} is not on the ESP.` });
      }
    }
    if (f.tries?.left === 0) problems.push({ kind: 'no-tries-left', message: 'Its boot counter has no tries left: systemd-boot treats it as bad and puts it last.' });
    const keptHere = nixos ? kept.get(nixos.profile) : undefined;
    if (nixos && keptHere && !keptHere.has(nixos.generation)) {
      problems.push({ kind: 'generation-gone', message: `Generation ${nixos.generation} of ${nixos.profile === 'system' ? 'the system profile' : `profile ${nixos.profile}`} was deleted; the entry stays until the next rebuild prunes it, and its files may already be collected.` });
    }
    entries.push({
      id: f.id,
      title: one('title'),
      version: one('version'),
      profile: nixos?.profile ?? null,
      generation: nixos?.generation ?? null,
      specialisation: nixos?.specialisation ?? null,
      managedByNixOS: nixos !== null,
      isDefault: f.id === effectiveDefault,
      isOneshot: efiOneshot !== null && f.id === efiOneshot,
      sortKey: one('sort-key'),
      linux: one('linux') ?? one('efi'),
      initrd: f.keys.get('initrd')?.join(' ') ?? null,
      options: f.keys.get('options')?.join(' ') ?? null,
      problems,
    });
  }
  const broken = entries.filter((e) => e.problems?.some((p) => p.kind === 'missing-file'));
  if (broken.length > 0) warnings.push(`${broken.length === entries.length ? 'Every entry' : `${broken.length} of ${entries.length} entries`} name${broken.length === 1 ? 's' : ''} a kernel, initrd or EFI file that is not on the ESP, so ${broken.length === 1 ? 'it' : 'they'} will not boot; the rows marked "will not boot" say which file.`);

  // Generations with no entry: pruned by configurationLimit, or never installed.
  for (const ref of refs) {
    const withEntry = new Set(entries.filter((e) => e.profile === ref.name && e.specialisation === null).map((e) => e.generation));
    const missing = [...(kept.get(ref.name) ?? [])].sort((a, b) => a - b).filter((n) => !withEntry.has(n));
    if (missing.length > 0) warnings.push(`${ref.name}: generation${missing.length > 1 ? 's' : ''} ${numberRanges(missing)} ${missing.length > 1 ? 'have' : 'has'} no boot entry (pruned by boot.loader.systemd-boot.configurationLimit, or not installed); ${missing.length > 1 ? 'they' : 'it'} can still be switched to, but not booted from the menu.`);
  }

  const timeout = efiTimeout !== null ? { value: efiTimeout, source: 'efi' as const } : confTimeout !== null ? { value: confTimeout, source: 'loader.conf' as const } : null;
  return { loader, esp, timeout, default: defaultSetting, oneshot: efiOneshot ? { id: efiOneshot } : null, entries, warnings };
}
