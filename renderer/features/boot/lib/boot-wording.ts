// The words of the boot view and its dialog: titles, confirm labels, where a setting comes from, the
// EFI-variable trap, timeouts, and where Gentry looked for an ESP.
import type { BootChange, BootMenu } from '../../../../common/contract/index.ts';
import type { BootRequest } from './boot-dialog.ts';

/** Where a boot setting comes from. */
export type BootSource = NonNullable<BootMenu['default']>['source'];

/** Where a boot setting comes from, as a person reads it. */
export function sourceWords(source: BootSource): string {
  return source === 'efi' ? 'EFI variable' : source;
}

/** True when the setting is pinned somewhere NixOS never rewrites (an EFI variable, GRUB's grubenv). */
export function isPinned(source: BootSource): boolean {
  return source === 'efi' || source === 'grubenv';
}

/** The EFI variable that holds each setting systemd-boot lets the firmware override. */
const EFI_VARIABLE = { default: 'LoaderEntryDefault', timeout: 'LoaderConfigTimeout' } as const;

/** Why a setting from an EFI variable matters: the tooltip of its source chip. */
export function sourceExplanation(setting: 'default' | 'timeout', source: BootSource): string {
  if (source === 'grub.cfg') return 'From grub.cfg, which NixOS writes on every switch from your configuration.';
  if (source === 'grubenv') {
    return 'Saved in GRUB\'s grubenv (by grub-set-default, grub-reboot or Gentry), which NixOS does not rewrite. ' +
      'grub.cfg uses it only when boot.loader.grub.default = "saved".';
  }
  if (source === 'loader.conf') {
    return setting === 'default'
      ? 'From loader.conf on the ESP, which NixOS rewrites on every switch: the newest generation becomes the default by itself.'
      : 'From loader.conf on the ESP, which NixOS rewrites on every switch from boot.loader.timeout.';
  }
  const variable = EFI_VARIABLE[setting];
  return `Pinned by the EFI variable ${variable} (set by bootctl, the menu's keys or Gentry). systemd-boot reads it before loader.conf, ` +
    `and NixOS rewrites loader.conf on every switch but never touches EFI variables: ${setting === 'default'
      ? 'new generations will not become the default until the pin is cleared ("Clear pinned default").'
      : 'boot.loader.timeout in your configuration has no effect until the variable is removed.'}`;
}

/** A timeout as a person reads it: "5 s", "always shown", or systemd-boot's behaviour when none is set. */
export function timeoutText(value: string | null): string {
  if (value === null) return 'not set (menu hidden)';
  if (value === 'menu-force') return 'always shown';
  if (value === 'menu-hidden' || value === '0') return `${value === '0' ? '0 s' : 'menu-hidden'} (menu hidden)`;
  if (value === 'menu-disabled') return 'menu disabled';
  return /^[0-9]+$/.test(value) ? `${value} s` : value;
}

/** The places Gentry looked for a boot loader. */
export function placesLooked(esp: string | null): string[] {
  return esp ? [esp] : ['/boot', '/efi', '/boot/efi'];
}

/** A boot change's entry ID, when it names one. */
export function changeEntryId(change: BootChange): string | null {
  return 'id' in change ? change.id : null;
}

function subjectOf(request: BootRequest): string {
  if (request.kind === 'timeout') return '';
  const id = request.kind === 'edit' ? request.id : changeEntryId(request.change);
  return request.subject ?? id ?? '';
}

/** The dialog's title. */
export function bootDialogTitle(request: BootRequest): string {
  const subject = subjectOf(request);
  if (request.kind === 'timeout') return 'Set the boot menu timeout';
  if (request.kind === 'edit') return `Edit ${subject}`;
  switch (request.change.action) {
    case 'set-default': return `Make ${subject} the default`;
    case 'set-oneshot': return `Boot ${subject} once, next time`;
    case 'clear-default': return 'Clear the pinned default';
    case 'clear-oneshot': return 'Clear the next-boot entry';
    case 'set-timeout': return 'Set the boot menu timeout';
    case 'write-entry': return `Edit ${subject}`;
    case 'remove-entry': return `Remove ${subject}`;
  }
}

/** What the request does, said before the preview arrives. */
export function bootIntro(request: BootRequest): string {
  if (request.kind === 'timeout') return 'How long the menu waits before it boots the default entry. 0 hides it (hold a key while booting to see it).';
  if (request.kind === 'edit') return 'This entry is not written by NixOS, so edits stay until you change them again. Each line is a key and a value (title, linux, initrd, options, efi, sort-key, …).';
  switch (request.change.action) {
    case 'set-default': return 'This entry boots whenever nobody picks another one in the menu.';
    case 'set-oneshot': return 'This entry boots at the next boot only; after that the default boots again.';
    case 'clear-default': return 'Removes the EFI variable that pins the default, so loader.conf (which NixOS keeps up to date) decides again.';
    case 'clear-oneshot': return 'The next boot starts the default entry again.';
    case 'set-timeout': return 'How long the menu waits before it boots the default entry.';
    case 'write-entry': return 'Writes the entry file.';
    case 'remove-entry': return 'Deletes the entry file from the ESP: the menu will not show it any more. The files it boots stay.';
  }
}

/** The confirm button's label: it names the change. */
export function bootConfirmLabel(change: BootChange | null): string {
  switch (change?.action) {
    case 'set-default': return 'Make default';
    case 'set-oneshot': return 'Boot once next time';
    case 'clear-default': return 'Clear pinned default';
    case 'clear-oneshot': return 'Clear next boot';
    case 'set-timeout': return `Set timeout to ${change.timeout === 'menu-force' ? 'always show' : `${change.timeout} s`}`;
    case 'write-entry': return 'Save entry';
    case 'remove-entry': return 'Remove entry';
    case undefined: return 'Go ahead';
  }
}

/** True when the change deletes or rewrites something the person wrote (the confirm button is red). */
export function isDestructive(change: BootChange | null): boolean {
  return change?.action === 'remove-entry' || change?.action === 'write-entry';
}

/** The sentence under the heading: which loader, on which ESP. */
export function loaderLine(menu: Pick<BootMenu, 'loader' | 'esp'>): string {
  const loader = menu.loader === 'systemd-boot' ? 'systemd-boot' : menu.loader === 'grub' ? 'GRUB' : 'No boot loader';
  return menu.esp ? `${loader} on ${menu.esp}` : loader;
}
