// What a boot change will do, decided from what is on disk now (pure; boot-services.ts gathers the
// facts): the refusals the helper would make, what is written where, the value before and after,
// whether the next nixos-rebuild undoes it, the NixOS option that says it declaratively, and the
// traps worth a warning (a pinned systemd-boot default, GRUB's default not being "saved").
import type { BootChange, BootChangePreview, BootEntry, BootMenu } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { splitMenuPath } from './grub-cfg.ts';

/** Everything a preview needs besides the menu itself. */
export interface BootFacts {
  menu: BootMenu;
  /** systemd-boot: loader.conf's last `default` and `timeout` values. */
  loaderConf: { default: string | null; timeout: string | null };
  /** systemd-boot: LoaderEntryDefault, LoaderEntryOneShot and LoaderConfigTimeout. */
  efi: { default: string | null; oneshot: string | null; timeout: string | null };
  /** GRUB: grub.cfg's `set default=` value, whether it is `${saved_entry}`, whether it reads next_entry, and grubenv's two variables. */
  grub: { cfgDefault: string | null; saves: boolean; honoursNextEntry: boolean; savedEntry: string | null; nextEntry: string | null };
  /** write-entry / remove-entry: the entry file now (null: none), whether NixOS's extraEntries installed it, and files the new text names that the ESP lacks. */
  entryFile: { text: string | null; extra: boolean; missingFiles: string[] } | null;
}

/** The helper's arguments for a change, and what goes to its standard input. */
export function helperArgs(change: BootChange): { args: string[]; stdin?: string } {
  switch (change.action) {
    case 'set-default':
    case 'set-oneshot':
      return { args: ['boot', change.action, change.id] };
    case 'remove-entry':
      // Entry files have their own verb, so their own polkit action (auth_admin, never kept).
      return { args: ['boot-entry', 'remove', change.id] };
    case 'clear-default':
    case 'clear-oneshot':
      return { args: ['boot', change.action] };
    case 'set-timeout':
      return { args: ['boot', 'set-timeout', String(change.timeout)] };
    case 'write-entry':
      return { args: ['boot-entry', 'write', change.id], stdin: change.text };
  }
}

/** Why `id` cannot name an entry file to write or remove (the helper's rule: ASCII letters, digits and `. _ + -`, ending in `.conf`, not starting with `.`, at most 255 bytes), or null. A look-alike (U+2010 for `-`, a tab, U+202E) is named by its code point. */
export function entryFileIdProblem(id: string): string | null {
  const bad = /[^A-Za-z0-9._+-]/u.exec(id);
  if (bad) {
    const c = bad[0];
    const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const visible = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? ` (${c})` : '';
    return `entry file names use only ASCII letters, digits and . _ + -, and this one holds ${code}${visible}${(c.codePointAt(0) ?? 0) > 0x7f ? ', which only looks like an ASCII character' : ''}`;
  }
  if (id.startsWith('.')) return 'an entry file name never starts with "."';
  if (!id.endsWith('.conf') || id === '.conf') return `${JSON.stringify(id)} does not end in .conf, so systemd-boot would not read it`;
  if (id.length > 255) return `an entry file name is at most 255 bytes, this one has ${id.length}`;
  return null;
}

/** Why `id` cannot name an entry for set-default or set-oneshot (control characters such as a tab, or invisible format characters such as U+202E, which make one ID look like another), or null. */
export function entryIdProblem(id: string): string | null {
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/u.exec(id);
  return bad ? `an entry ID never holds the control or invisible character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** Warnings about what an entry text makes the machine run: the whole text is in the preview, and these name the lines that matter most. */
function entryTextWarnings(text: string): string[] {
  const warnings: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const init = /^options[ \t]/.test(line) ? /[ \t](init=\S+)/.exec(line) : null;
    if (init) warnings.push(`Its kernel command line sets ${init[1]}: that program runs as PID 1 (as root) when this entry boots.`);
  }
  return warnings;
}

/** True for IDs NixOS's builder owns (it writes and prunes `nixos-*` entries); the helper refuses to write or remove them. */
export function isNixosEntryId(id: string): boolean {
  return /^nixos-/i.test(id);
}

/** Why the helper would refuse an entry text (its rules: `key value` lines with keys of a-z and -, comments, something to boot), or null. */
export function entryTextProblem(text: string): string | null {
  let loads = false;
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/.exec(line);
    if (control) return `line ${n + 1} holds the control character U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const body = line.replace(/^[ \t]+/, '');
    if (body.replace(/[ \t]+$/, '') === '' || body.startsWith('#')) continue;
    const m = /^([a-z-]+)[ \t]+(\S.*)$/.exec(body);
    if (!m) return `line ${n + 1} is not a comment or "key value" with a key of a-z and -: ${JSON.stringify(line)}`;
    if (['linux', 'efi', 'uki'].includes(m[1] as string)) loads = true;
  }
  return loads ? null : 'the entry names nothing to boot: it needs a linux, efi or uki line';
}

/** A short description of an entry: its generation when NixOS made it, else its title. */
export function describeEntry(e: BootEntry): string {
  if (e.generation !== null) return `generation ${e.generation} of ${e.profile}${e.specialisation ? `, specialisation ${e.specialisation}` : ''}`;
  return e.title ? `“${e.title}”` : e.id;
}

function findEntry(menu: BootMenu, id: string): BootEntry {
  const found = menu.entries.find((e) => e.id === id);
  if (found) return found;
  const byTitle = menu.entries.filter((e) => e.title === id || (menu.loader === 'grub' && splitMenuPath(e.id).at(-1) === id));
  const hint =
    byTitle.length === 1
      ? `Did you mean ${JSON.stringify(byTitle[0]?.id)}? ${menu.loader === 'grub' ? 'A GRUB entry inside a submenu is named by its menu path, Submenu>Entry.' : ''}`.trim()
      : `\`gentry boot list\` shows the IDs${menu.loader === 'grub' ? ' (for GRUB the menu path: Submenu title>Entry title)' : ' (the entry file names)'}.`;
  throw new GentryError('bad-input', `No boot entry has the ID ${JSON.stringify(id)}.`, hint);
}

const nothing = (what: string, value: string | null) => (value === null ? [`${what} is not set; nothing changes.`] : []);

function systemdBoot(change: BootChange, f: BootFacts): BootChangePreview {
  const { menu, efi, loaderConf } = f;
  const esp = menu.esp ?? '/boot';
  const base = { undoneByRebuild: false, declarative: null as string | null };
  switch (change.action) {
    case 'set-default': {
      const e = findEntry(menu, change.id);
      const warnings = [
        `This pins the default: NixOS rewrites loader.conf on every rebuild but never touches LoaderEntryDefault, so later generations will not become the default until you clear it ("Clear pinned default": \`gentry boot default --clear\`, the same as \`bootctl set-default ""\`).`,
      ];
      if (e.generation !== null) warnings.push(`When generation ${e.generation} is pruned or deleted, the pin names a missing entry until you clear it.`);
      if (efi.oneshot) warnings.push(`LoaderEntryOneShot (${efi.oneshot}) still wins at the next boot.`);
      return { ...base, summary: `Make ${e.id} (${describeEntry(e)}) the default boot entry, pinned in the EFI variable LoaderEntryDefault.`, target: 'EFI variable LoaderEntryDefault', before: efi.default, after: e.id, warnings };
    }
    case 'clear-default': {
      const newest = loaderConf.default ? ` (${loaderConf.default}, the generation NixOS installed last)` : '';
      return { ...base, summary: `Clear the pinned default, so loader.conf's default${newest} decides again.`, target: 'EFI variable LoaderEntryDefault', before: efi.default, after: null, warnings: nothing('LoaderEntryDefault', efi.default) };
    }
    case 'set-oneshot': {
      const e = findEntry(menu, change.id);
      return { ...base, summary: `Boot ${e.id} (${describeEntry(e)}) once, at the next boot only; systemd-boot removes the variable when it reads it, and later boots use the default again.`, target: 'EFI variable LoaderEntryOneShot', before: efi.oneshot, after: e.id, warnings: [] };
    }
    case 'clear-oneshot':
      return { ...base, summary: 'Clear the one-shot entry, so the next boot uses the default.', target: 'EFI variable LoaderEntryOneShot', before: efi.oneshot, after: null, warnings: nothing('LoaderEntryOneShot', efi.oneshot) };
    case 'set-timeout': {
      const value = String(change.timeout);
      const warnings: string[] = [];
      if (efi.timeout !== null) warnings.push(`The EFI variable LoaderConfigTimeout (${efi.timeout}, set from the boot menu) overrides loader.conf, so this change shows only once that variable is cleared (\`bootctl set-timeout ""\`).`);
      if (change.timeout === 0) warnings.push('With timeout 0 systemd-boot boots the default without showing the menu; hold Space while it starts to see the menu.');
      return {
        summary: change.timeout === 'menu-force' ? 'Always show the boot menu and wait for a choice (timeout menu-force).' : `Show the boot menu for ${value} second${value === '1' ? '' : 's'} before booting the default.`,
        target: `${esp}/loader/loader.conf`,
        before: loaderConf.timeout,
        after: value,
        undoneByRebuild: true,
        declarative: change.timeout === 'menu-force' ? 'boot.loader.timeout = null;' : `boot.loader.timeout = ${value};`,
        warnings,
      };
    }
    case 'write-entry': {
      if (isNixosEntryId(change.id)) throw nixosOwned(change.id);
      const problem = entryTextProblem(change.text);
      if (problem) throw new GentryError('bad-input', `The entry text cannot be written: ${problem}.`, 'Write one "key value" per line (title, linux or efi, initrd, options, …), as in loader/entries/*.conf.');
      const file = f.entryFile ?? { text: null, extra: false, missingFiles: [] };
      const keys = new Set(change.text.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? ''));
      const warnings: string[] = [];
      if (file.extra) warnings.push('NixOS installed this entry from boot.loader.systemd-boot.extraEntries and writes it again on the next rebuild; change it in the configuration instead.');
      if (!keys.has('title')) warnings.push('The entry has no title line; the menu shows its file name.');
      for (const missing of file.missingFiles) warnings.push(`${missing} is not on the ESP, so the entry will not boot.`);
      warnings.push(...entryTextWarnings(change.text));
      return {
        summary: `${file.text === null ? 'Add' : 'Replace'} the boot entry ${change.id} with the text below.`,
        target: `${esp}/loader/entries/${change.id}`,
        before: file.text,
        after: change.text,
        undoneByRebuild: file.extra,
        declarative: `boot.loader.systemd-boot.extraEntries.${JSON.stringify(change.id)} = ''\n${change.text.replace(/\n$/, '').split('\n').map((l) => `  ${l}`).join('\n')}\n'';`,
        warnings,
      };
    }
    case 'remove-entry': {
      if (isNixosEntryId(change.id)) throw nixosOwned(change.id);
      const file = f.entryFile;
      if (!file || file.text === null) throw new GentryError('bad-input', `There is no entry file ${change.id} in ${esp}/loader/entries.`, 'gentry boot list shows the entries.');
      const warnings: string[] = [];
      if (file.extra) warnings.push('NixOS installed this entry from boot.loader.systemd-boot.extraEntries and puts it back on the next rebuild; remove it from the configuration instead.');
      if (efi.default === change.id || loaderConf.default === change.id) warnings.push(`It is the default; systemd-boot then boots the first entry of the menu instead.`);
      if (efi.oneshot === change.id) warnings.push('It is the one-shot entry for the next boot, which is then ignored.');
      return { summary: `Remove the boot entry ${change.id}.`, target: `${esp}/loader/entries/${change.id}`, before: file.text, after: null, undoneByRebuild: file.extra, declarative: null, warnings };
    }
  }
}

function nixosOwned(id: string): GentryError {
  return new GentryError('bad-input', `${id} is NixOS's own entry: the next rebuild writes or prunes it, so Gentry does not edit it.`, 'Pick a name that does not start with "nixos" (like my-entry.conf), or use boot.loader.systemd-boot.extraEntries in your configuration.');
}

function grub(change: BootChange, f: BootFacts): BootChangePreview {
  const { menu, grub: g } = f;
  const env = `${menu.esp ?? '/boot'}/grub/grubenv`;
  const base = { undoneByRebuild: false, declarative: null as string | null };
  const kept = 'NixOS rewrites grub.cfg on every rebuild but keeps grubenv, so this stays until you change or clear it.';
  switch (change.action) {
    case 'set-default': {
      const e = findEntry(menu, change.id);
      const warnings: string[] = [];
      if (!g.saves) {
        warnings.push(`grub.cfg says \`set default=${g.cfgDefault ?? '0'}\`, so GRUB ignores saved_entry: this changes nothing until your configuration has boot.loader.grub.default = "saved"; and you rebuild.`);
      } else {
        warnings.push('With boot.loader.grub.default = "saved", every NixOS entry runs savedefault: booting another entry from the menu makes that one the default.');
      }
      if (splitMenuPath(e.id).length > 1 && e.generation !== null) warnings.push(`This names generation ${e.generation} by its menu title, so later rebuilds will not move the default to newer generations (the top-level entries boot the configuration installed last).`);
      warnings.push(kept);
      return { ...base, declarative: g.saves ? null : 'boot.loader.grub.default = "saved";', summary: `Make “${e.title ?? e.id}” (${describeEntry(e)}) GRUB's saved default entry (like grub-set-default).`, target: `${env} saved_entry`, before: g.savedEntry, after: e.id, warnings };
    }
    case 'clear-default':
      return {
        ...base,
        summary: g.saves ? 'Clear saved_entry, so GRUB boots the first entry (the configuration NixOS installed last) by default.' : `Clear saved_entry (grub.cfg's \`set default=${g.cfgDefault ?? '0'}\` decides the default anyway).`,
        target: `${env} saved_entry`,
        before: g.savedEntry,
        after: null,
        warnings: nothing('saved_entry', g.savedEntry),
      };
    case 'set-oneshot': {
      const e = findEntry(menu, change.id);
      const warnings = g.honoursNextEntry ? [] : ['grub.cfg never reads next_entry (it has no if [ "${next_entry}" ] block), so this does nothing.'];
      return { ...base, summary: `Boot “${e.title ?? e.id}” (${describeEntry(e)}) once, at the next boot only (like grub-reboot); NixOS's grub.cfg clears next_entry at that boot.`, target: `${env} next_entry`, before: g.nextEntry, after: e.id, warnings };
    }
    case 'clear-oneshot':
      return { ...base, summary: 'Clear next_entry, so the next boot uses the default.', target: `${env} next_entry`, before: g.nextEntry, after: null, warnings: nothing('next_entry', g.nextEntry) };
    case 'set-timeout':
      throw new GentryError('bad-input', "GRUB's timeout is written into grub.cfg, which NixOS writes again on every rebuild, so Gentry does not change it.", `Set \`boot.loader.timeout = ${change.timeout === 'menu-force' ? 'null' : change.timeout};\` in your configuration and rebuild.`);
    case 'write-entry':
    case 'remove-entry':
      throw new GentryError('bad-input', "GRUB's entries live in grub.cfg, which NixOS writes again on every rebuild, so Gentry does not add or remove them.", 'Use boot.loader.grub.extraEntries in your configuration and rebuild.');
  }
}

/** The preview of a change, or the refusal the helper would make (GentryError `bad-input`). */
export function previewChange(change: BootChange, facts: BootFacts): BootChangePreview {
  if (change.action === 'write-entry' || change.action === 'remove-entry') {
    const problem = entryFileIdProblem(change.id);
    if (problem) throw new GentryError('bad-input', `${JSON.stringify(change.id)} cannot be an entry file: ${problem}.`, 'Name the entry with ASCII letters, digits and . _ + -, like my-entry.conf.');
  } else if (change.action === 'set-default' || change.action === 'set-oneshot') {
    const problem = entryIdProblem(change.id);
    if (problem) throw new GentryError('bad-input', `${JSON.stringify(change.id)} cannot name a boot entry: ${problem}.`, 'gentry boot list shows the IDs.');
  }
  if (facts.menu.loader === 'none') throw new GentryError('unavailable', 'No boot loader was found, so there is nothing to change.', 'Pass --esp PATH when the ESP is mounted elsewhere than /boot, /efi or /boot/efi.');
  return facts.menu.loader === 'grub' ? grub(change, facts) : systemdBoot(change, facts);
}
