// The boot menu's changes: previews (what is written where, before and after, whether a rebuild
// undoes it), the helper's boot verbs, and the text of one entry file for editing. Every change is
// checked the way its preview is before the helper (and its password prompt) runs.
import { access, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BootChange, BootEntryIdSchema, type BootMenu, type GentryHandlers } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { runHelper } from '../helper/helper-client.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { type BootFacts, helperArgs, previewChange } from './boot-change.ts';
import { findEsp, readBootMenu } from './boot-menu.ts';
import { readLoaderVariable } from './efivars.ts';
import { readGrubFiles, savesDefault } from './grub.ts';
import { readTextFile } from '../infra/state-file.ts';
import { ESP_TEXT_MAX_BYTES, nixosEntryName, parseKeyValues, readLoaderConf } from './systemd-boot.ts';

const exists = (p: string) => access(p).then(() => true, () => false);
const canonical = (p: string) => realpath(p).catch(() => resolve(p));

/** The entry file `id` in `<esp>/loader/entries`: its text, or null when there is none; refuses anything but a regular file. */
async function entryFileText(esp: string, id: string): Promise<string | null> {
  if (!BootEntryIdSchema.safeParse(id).success) throw new GentryError('bad-input', `${JSON.stringify(id)} is not an entry file name.`, 'An entry ID never starts with "." and never contains "/".');
  const file = join(esp, 'loader/entries', id);
  // One open without following a symlink or blocking on a FIFO, then fstat and a size cap (no lstat-then-read race).
  return readTextFile(file, { noFollow: true, maxBytes: ESP_TEXT_MAX_BYTES });
}

/** Reads what a preview of `change` needs. */
async function gatherFacts(deps: ServiceDeps, change: BootChange): Promise<BootFacts> {
  const menu = await readBootMenu(deps.boot, deps.paths());
  const facts: BootFacts = {
    menu,
    loaderConf: { default: null, timeout: null },
    efi: { default: null, oneshot: null, timeout: null },
    grub: { cfgDefault: null, saves: false, honoursNextEntry: false, savedEntry: null, nextEntry: null },
    entryFile: null,
  };
  const esp = menu.esp;
  if (esp === null || menu.loader === 'none') return facts;
  if (menu.loader === 'grub') {
    const { cfg, env } = await readGrubFiles(esp);
    facts.grub = { cfgDefault: cfg?.default ?? null, saves: savesDefault(cfg), honoursNextEntry: cfg?.honoursNextEntry ?? false, savedEntry: env.get('saved_entry') || null, nextEntry: env.get('next_entry') || null };
    return facts;
  }
  const conf = await readLoaderConf(esp);
  facts.loaderConf = { default: conf.get('default')?.at(-1) ?? null, timeout: conf.get('timeout')?.at(-1) ?? null };
  const variable = (name: string) => readLoaderVariable(deps.boot.efivars, name).catch(() => null);
  const [def, oneshot, timeout] = await Promise.all([variable('LoaderEntryDefault'), variable('LoaderEntryOneShot'), variable('LoaderConfigTimeout')]);
  facts.efi = { default: def, oneshot, timeout };
  if (change.action === 'write-entry' || change.action === 'remove-entry') {
    const text = await entryFileText(esp, change.id);
    const extra = await exists(join(esp, 'EFI/nixos/.extra-files/loader/entries', change.id));
    const missingFiles: string[] = [];
    if (change.action === 'write-entry') {
      const keys = parseKeyValues(change.text);
      for (const key of ['linux', 'initrd', 'efi', 'devicetree', 'uki']) {
        for (const value of keys.get(key) ?? []) {
          if (value && !(await exists(join(esp, value)))) missingFiles.push(value);
        }
      }
    }
    facts.entryFile = { text, extra, missingFiles };
  }
  return facts;
}

/** Refuses a change the helper would make somewhere other than where Gentry read the menu (a custom --esp, or a demo world with the real helper). */
async function checkSameTarget(deps: ServiceDeps, menu: BootMenu, change: BootChange): Promise<void> {
  const { prefix } = deps.helper;
  const root = prefix[0] === '--root' && prefix[1] ? prefix[1] : '/';
  let helperEsp: string | null = null;
  for (const dir of ['boot', 'efi', 'boot/efi']) {
    const found = await findEsp(join(root, dir));
    if (found.loader !== 'none') {
      helperEsp = join(root, dir);
      break;
    }
  }
  if (helperEsp === null || menu.esp === null || (await canonical(helperEsp)) !== (await canonical(menu.esp))) {
    throw new GentryError(
      'bad-input',
      `Gentry read the boot menu in ${menu.esp ?? '(nowhere)'}, but the helper changes ${helperEsp === null ? 'no ESP (it finds none under /boot, /efi or /boot/efi)' : `the one in ${helperEsp}`}; nothing changed.`,
      'The helper only edits the ESP at /boot, /efi or /boot/efi: drop --esp, or mount the ESP there.',
    );
  }
  const usesEfiVariables = menu.loader === 'systemd-boot' && ['set-default', 'set-oneshot', 'clear-default', 'clear-oneshot'].includes(change.action);
  const helperEfivars = join(root, 'sys/firmware/efi/efivars');
  if (usesEfiVariables && (await canonical(helperEfivars)) !== (await canonical(deps.boot.efivars))) {
    throw new GentryError('bad-input', `Gentry read the EFI variables in ${deps.boot.efivars}, but the helper changes those in ${helperEfivars}; nothing changed.`, 'Drop --efivars.');
  }
}

/** The handlers for the boot menu and its changes. */
export function bootHandlers(deps: ServiceDeps): Pick<GentryHandlers, 'bootMenu' | 'previewBootChange' | 'changeBoot' | 'bootEntryText'> {
  return {
    bootMenu: async () => readBootMenu(deps.boot, deps.paths()),
    previewBootChange: async ({ change }) => previewChange(change, await gatherFacts(deps, change)),
    changeBoot: async ({ change }) => {
      const facts = await gatherFacts(deps, change);
      const preview = previewChange(change, facts); // the same refusals, before any password
      await checkSameTarget(deps, facts.menu, change);
      const { args, stdin } = helperArgs(change);
      const done = await runHelper(deps.helper, args, (e) => deps.emit('actionProgress', { message: typeof e.message === 'string' ? e.message : JSON.stringify(e) }), stdin);
      deps.emit('profilesChanged', { reason: 'boot' });
      const what = change.action === 'remove-entry' ? `${preview.target} is removed` : preview.after === null ? `${preview.target} is cleared` : change.action === 'write-entry' ? `${preview.target} is written` : `${preview.target} is now ${preview.after}`;
      return { state: done.state, message: done.state === 'done' ? `Done: ${what}.` : done.message, result: done.result };
    },
    bootEntryText: async ({ id }) => {
      const { esp, loader } = await findEsp(deps.boot.esp);
      if (loader === 'grub') throw new GentryError('bad-input', "GRUB's entries are part of grub.cfg, which NixOS writes; there is no entry file to edit.", 'Use boot.loader.grub.extraEntries in your configuration.');
      if (loader === 'none' || esp === null) throw new GentryError('unavailable', 'No boot loader was found.', 'Pass --esp PATH when the ESP is mounted elsewhere than /boot, /efi or /boot/efi.');
      const text = await entryFileText(esp, id);
      if (text === null) throw new GentryError('not-found', `There is no entry file ${id} in ${join(esp, 'loader/entries')}.`, 'gentry boot list shows the entries.');
      return { id, text, managedByNixOS: nixosEntryName(id) !== null };
    },
  };
}
