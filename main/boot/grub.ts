// GRUB's menu as NixOS's install-grub.pl writes it (nix-formats.md §4), read into the same BootMenu
// as systemd-boot's: entries in menu order with their menu paths as IDs (what grub-set-default and
// grub-reboot take), each tied to the profile, generation and specialisation it boots; the default and
// the one-shot entry from grub.cfg and grubenv; and warnings for the traps (saved_entry that does
// nothing unless `boot.loader.grub.default = "saved"`, names that match no entry, pruned
// generations, missing kernels).
import { access, readdir, readlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { BootEntry, BootMenu } from '../../common/contract/index.ts';
import type { MachinePaths } from '../nix/locations.ts';
import { type GenerationLink, readProfileLinks } from '../nix/profile-links.ts';
import { systemProfileRefs } from '../nix/read-model.ts';
import { type GrubConfig, type GrubEntryRef, menuEntries, parseGrubCfg, resolveMenuPath } from './grub-cfg.ts';
import { GentryError } from '../infra/errors.ts';
import { readTextFile } from '../infra/state-file.ts';
import { parseGrubEnv } from './grub-env.ts';
import { numberRanges } from './number-ranges.ts';

/** grub.cfg and grubenv as found under `<esp>/grub`. */
export interface GrubFiles {
  cfg: GrubConfig | null;
  env: Map<string, string>;
  /** Why a file could not be used, for the warnings. */
  problems: string[];
}

/** Throws the ENOENT error readFile would have (the callers below tell a missing file from a bad one). */
function missing(file: string): never {
  throw Object.assign(new Error(`${file} does not exist`), { code: 'ENOENT' });
}

/** Why a read failed, short: the errno code, or a GentryError's whole sentence. */
const why = (err: unknown): string => (err instanceof GentryError ? err.message : ((err as NodeJS.ErrnoException).code ?? (err as Error).message));

/** Reads `<esp>/grub/grub.cfg` and `<esp>/grub/grubenv` (no symlinks, regular files only, size-capped). */
export async function readGrubFiles(esp: string): Promise<GrubFiles> {
  const problems: string[] = [];
  let cfg: GrubConfig | null = null;
  try {
    cfg = parseGrubCfg((await readTextFile(join(esp, 'grub/grub.cfg'), { noFollow: true })) ?? missing(join(esp, 'grub/grub.cfg')));
  } catch (err) {
    problems.push(`${join(esp, 'grub/grub.cfg')} cannot be read (${why(err)}), so the menu is unknown. Run \`nixos-rebuild boot\` to write it again.`);
  }
  let env = new Map<string, string>();
  try {
    env = parseGrubEnv((await readTextFile(join(esp, 'grub/grubenv'), { noFollow: true, maxBytes: 64 * 1024 })) ?? missing(join(esp, 'grub/grubenv')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${join(esp, 'grub/grubenv')} is not usable (${why(err)}); GRUB ignores it, so saved_entry and next_entry do nothing.`);
  }
  return { cfg, env, problems };
}

/** True when grub.cfg's default is `${saved_entry}` (NixOS writes that for `boot.loader.grub.default = "saved"`). */
export function savesDefault(cfg: GrubConfig | null): boolean {
  return cfg !== null && /^\$\{?saved_entry\}?$/.test((cfg.default ?? '').trim());
}

/** What a NixOS menu title says about the generation it boots; `specialisation: undefined` when the title does not tell. */
export interface NixosTitle {
  /** null: the top-level entries, which boot the configuration installed last (normally the current generation). */
  profile: string | null;
  generation: number | null;
  specialisation: string | null | undefined;
  version: string | null;
}

const DATE = '(\\d{4}-\\d\\d-\\d\\d)';
const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The distribution name install-grub.pl put in front of its titles (`NixOS` unless system.nixos.distroName says otherwise). */
export function distroName(cfg: GrubConfig): string {
  for (const item of cfg.items) {
    const m = /^(.+) - All configurations$/.exec(item.title);
    if (item.kind === 'submenu' && m) return m[1] as string;
  }
  return 'NixOS';
}

/** Reads an entry's titles (top level down) the way install-grub.pl builds them; null when NixOS did not write it. */
export function parseNixosTitles(titles: string[], distro = 'NixOS'): NixosTitle | null {
  const d = quote(distro);
  const [first, second, third] = titles;
  if (first === undefined) return null;
  if (titles.length === 1) {
    if (first === distro || first === `${distro} - Default`) return { profile: null, generation: null, specialisation: null, version: null };
    const spec = new RegExp(`^${d} - \\((.+) - ${DATE} - (.*)\\)$`).exec(first);
    if (spec) return { profile: null, generation: null, specialisation: spec[1] as string, version: spec[3] as string };
    if (first.startsWith(`${distro} - `)) return { profile: null, generation: null, specialisation: undefined, version: null }; // a configurationName
    return null;
  }
  const all = new RegExp(`^${d} - All configurations$`).test(first);
  const named = new RegExp(`^${d} - Profile '(\\w+)'$`).exec(first);
  const profile = all ? 'system' : (named?.[1] ?? null);
  if (profile === null || second === undefined) return null;
  const generation = new RegExp(`^${d} - Configuration ([1-9][0-9]*) \\(${DATE} - (.*)\\)$`).exec(second);
  if (titles.length === 2) return generation ? { profile, generation: Number(generation[1]), specialisation: null, version: generation[3] as string } : null;
  if (titles.length !== 3 || !generation || third === undefined) return null;
  const n = generation[1] as string;
  const version = generation[3] as string;
  if (new RegExp(`^${d} - Configuration ${n} - Default \\(${DATE} - (.*)\\)$`).test(third)) return { profile, generation: Number(n), specialisation: null, version };
  const spec = new RegExp(`^${d} - Configuration ${n} - \\((.+) - ${DATE} - (.*)\\)$`).exec(third);
  if (spec) return { profile, generation: Number(n), specialisation: spec[1] as string, version: spec[3] as string };
  if (third.startsWith(`${distro} - Configuration ${n} - `)) return { profile, generation: Number(n), specialisation: undefined, version };
  return null;
}

/** The words of an entry's first command named one of `names`, or null. */
function command(ref: GrubEntryRef, ...names: string[]): string[] | null {
  return ref.item.commands.find((c) => names.includes(c[0] ?? '')) ?? null;
}

/** A GRUB file path without its device (`($drive1)//kernels/x` → `//kernels/x`); null when it uses variables. */
function devicelessPath(path: string): string | null {
  const rest = path.replace(/^\([^)]*\)/, '');
  return rest.includes('$') || !rest.startsWith('/') ? null : rest;
}

const exists = (p: string) => access(p).then(() => true, () => false);

/** True when a kernel or initrd path of grub.cfg names a file here: in the store, on the boot partition, or under the root file system's /boot. */
async function fileExists(esp: string, path: string): Promise<boolean | null> {
  const rest = devicelessPath(path);
  if (rest === null) return null;
  const clean = rest.replace(/^\/+/, '/');
  if (clean.startsWith('/nix/store/')) return exists(clean);
  return (await exists(join(esp, clean))) || exists(join(dirname(resolve(esp)), clean));
}

/** The generations of every system profile, with a lazy look into their specialisations. */
class SystemGenerations {
  readonly profiles = new Map<string, { links: GenerationLink[]; current: number | null }>();
  private readonly specs = new Map<string, Promise<Map<string, string>>>();

  static async read(paths: MachinePaths): Promise<SystemGenerations> {
    const g = new SystemGenerations();
    for (const ref of await systemProfileRefs(paths.systemProfile)) {
      const read = await readProfileLinks(ref.path).catch(() => null);
      g.profiles.set(ref.name, { links: read?.generations ?? [], current: read?.current ?? null });
    }
    return g;
  }

  /** name → resolved store path of `<toplevel>/specialisation/*`. */
  specialisations(toplevel: string): Promise<Map<string, string>> {
    let found = this.specs.get(toplevel);
    if (!found) {
      found = (async () => {
        const dir = join(toplevel, 'specialisation');
        const names = await readdir(dir).catch(() => [] as string[]);
        const out = new Map<string, string>();
        for (const name of names) {
          const target = await readlink(join(dir, name)).catch(() => null);
          if (target !== null) out.set(name, resolve(dir, target));
        }
        return out;
      })();
      this.specs.set(toplevel, found);
    }
    return found;
  }

  /** Which generation (and specialisation) of `profile` has the toplevel `dir`; `only` narrows to one generation. Current first, then newest first. */
  async find(profile: string, dir: string, only: number | null = null): Promise<{ generation: number; specialisation: string | null } | null> {
    const p = this.profiles.get(profile);
    if (!p) return null;
    const order = [...p.links].filter((l) => only === null || l.number === only).sort((a, b) => (a.number === p.current ? -1 : b.number === p.current ? 1 : b.number - a.number));
    for (const link of order) {
      if (link.target === null) continue;
      if (link.target === dir) return { generation: link.number, specialisation: null };
      for (const [name, target] of await this.specialisations(link.target)) {
        if (target === dir) return { generation: link.number, specialisation: name };
      }
    }
    return null;
  }
}

/** Reads GRUB's menu from `<esp>/grub` into a BootMenu. */
export async function readGrubMenu(esp: string, paths: MachinePaths): Promise<BootMenu> {
  const files = await readGrubFiles(esp);
  const warnings = [...files.problems];
  const { cfg, env } = files;
  if (cfg === null) return { loader: 'grub', esp, timeout: null, default: null, oneshot: null, entries: [], warnings };

  const refs = menuEntries(cfg.items);
  const distro = distroName(cfg);
  const generations = await SystemGenerations.read(paths);
  const systemName = [...generations.profiles.keys()][0] ?? 'system';

  // What decides the default: grub.cfg's `set default=`, which NixOS makes `${saved_entry}` for "saved".
  const saved = savesDefault(cfg);
  const savedEntry = env.get('saved_entry') || null;
  const nextEntry = env.get('next_entry') || null;
  const cfgDefault = cfg.default?.trim() || null;
  const defaultSetting = saved ? (savedEntry ? { id: savedEntry, source: 'grubenv' as const } : null) : cfgDefault ? { id: cfgDefault, source: 'grub.cfg' as const } : null;
  const firstIn = (prefix: string) => refs.find((r) => r.path.startsWith(`${prefix}>`))?.path ?? null;
  const resolveValue = (value: string): string | null => {
    const r = resolveMenuPath(cfg.items, value);
    return r === null ? null : r.kind === 'entry' ? r.path : firstIn(r.path);
  };
  const defaultPath = defaultSetting ? resolveValue(defaultSetting.id) : null;
  const effectiveDefault = defaultPath ?? refs[0]?.path ?? null;
  const oneshotPath = nextEntry ? resolveValue(nextEntry) : null;

  if (defaultSetting && defaultPath === null) {
    warnings.push(`The default ${JSON.stringify(defaultSetting.id)} (from ${defaultSetting.source === 'grubenv' ? 'grubenv saved_entry' : 'grub.cfg'}) names no entry; GRUB falls back to the first entry${refs[0] ? ` (${refs[0].path})` : ''}.`);
  }
  if (!saved && savedEntry) {
    warnings.push(`grubenv sets saved_entry to ${JSON.stringify(savedEntry)}, but grub.cfg says \`set default=${cfg.default ?? ''}\`, so GRUB ignores it (grub-set-default and \`gentry boot default\` do nothing). Set \`boot.loader.grub.default = "saved";\` and rebuild to make it count.`);
  }
  if (nextEntry && oneshotPath === null) warnings.push(`The one-shot entry ${JSON.stringify(nextEntry)} (grubenv next_entry) names no entry; the next boot uses the default instead.`);
  if (nextEntry && !cfg.honoursNextEntry) warnings.push(`grubenv sets next_entry, but grub.cfg never reads it (no \`if [ "\${next_entry}" ]\` block), so it does nothing.`);

  const entries: BootEntry[] = [];
  for (const ref of refs) {
    const linux = command(ref, 'linux', 'linuxefi', 'linux16');
    const initrd = command(ref, 'initrd', 'initrdefi', 'initrd16');
    const options = linux && linux.length > 2 ? linux.slice(2).join(' ') : null;
    const init = /(?:^|\s)init=(\S+)/.exec(options ?? '')?.[1] ?? null;
    const toplevel = init ? dirname(init) : null;
    const title = parseNixosTitles(ref.titles, distro);

    let tied: { profile: string; generation: number; specialisation: string | null } | null = null;
    if (title?.profile && title.generation !== null) {
      let specialisation = title.specialisation;
      if (specialisation === undefined) specialisation = toplevel ? ((await generations.find(title.profile, toplevel, title.generation))?.specialisation ?? null) : null;
      tied = { profile: title.profile, generation: title.generation, specialisation };
    } else if (title && title.profile === null) {
      // The top-level entries boot the configuration installed last: find it by its init= path.
      const found = toplevel ? await generations.find(systemName, toplevel) : null;
      const current = generations.profiles.get(systemName)?.current ?? null;
      if (found && (title.specialisation === undefined || found.specialisation === title.specialisation)) tied = { profile: systemName, ...found };
      else if (!toplevel && title.specialisation !== undefined && current !== null) tied = { profile: systemName, generation: current, specialisation: title.specialisation };
    }

    for (const [what, words] of [['linux', linux?.slice(1, 2) ?? []], ['initrd', initrd?.slice(1) ?? []]] as const) {
      for (const file of words) {
        if ((await fileExists(esp, file)) === false) warnings.push(`Entry ${ref.path}: its ${what} file ${file} is missing, so it will not boot.`);
      }
    }
    entries.push({
      id: ref.path,
      title: ref.item.title,
      version: title?.version ?? null,
      profile: tied?.profile ?? null,
      generation: tied?.generation ?? null,
      specialisation: tied?.specialisation ?? null,
      managedByNixOS: tied !== null,
      isDefault: ref.path === effectiveDefault,
      isOneshot: oneshotPath !== null && ref.path === oneshotPath,
      sortKey: null,
      linux: linux?.[1] ?? null,
      initrd: initrd ? initrd.slice(1).join(' ') : null,
      options,
    });
  }

  // Generations with no entry: beyond boot.loader.grub.configurationLimit, or never installed.
  for (const [name, p] of generations.profiles) {
    const withEntry = new Set(entries.filter((e) => e.profile === name && e.specialisation === null).map((e) => e.generation));
    const missing = p.links.map((l) => l.number).filter((n) => !withEntry.has(n));
    if (missing.length > 0) warnings.push(`${name}: generation${missing.length > 1 ? 's' : ''} ${numberRanges(missing)} ${missing.length > 1 ? 'have' : 'has'} no GRUB entry (beyond boot.loader.grub.configurationLimit, or not installed); ${missing.length > 1 ? 'they' : 'it'} can still be switched to, but not booted from the menu.`);
  }

  const timeout = cfg.timeout !== null ? { value: cfg.timeout, source: 'grub.cfg' as const } : null;
  return { loader: 'grub', esp, timeout, default: defaultSetting, oneshot: nextEntry ? { id: nextEntry } : null, entries, warnings };
}
